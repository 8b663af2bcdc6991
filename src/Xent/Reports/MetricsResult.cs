using Xent.Learning;

namespace Xent.Reports;

/// <summary>
/// <c>logloss</c> (and <c>predict</c> with labels): the metrics of a <see cref="ClassificationReport"/> with the rows
/// that were skipped as bad. <see cref="From"/> gives the log losses in nats (<c>base</c> e); a front end may convert them
/// to another base with <c>with</c> (and set <c>Base</c>); <see cref="LogLossBits"/> is the log loss in bits whatever the base.
/// </summary>
public sealed record MetricsResult : InformationReport
{
    /// <summary>Mean −ln p(true class); +∞ if a true class had probability 0 and no clipping was asked.</summary>
    public required double LogLoss { get; init; }

    /// <summary>The log loss in bits.</summary>
    public required double LogLossBits { get; init; }

    /// <summary>exp(log loss in nats).</summary>
    public required double Perplexity { get; init; }

    /// <summary>Weighted fraction of rows whose most probable class is the true one.</summary>
    public required double Accuracy { get; init; }

    /// <summary>Brier's multi-class score Σ_k (p_k − [k = y])², averaged.</summary>
    public required double Brier { get; init; }

    /// <summary>Expected calibration error over the bins of <see cref="Reliability"/>.</summary>
    public required double Ece { get; init; }

    /// <summary>Log loss of predicting the class frequencies for every row.</summary>
    public required double PriorLogLoss { get; init; }

    /// <summary>1 − log loss / prior log loss; absent when the prior's loss is 0 (one class).</summary>
    public double? LogLossReduction { get; init; }

    /// <summary>Rows evaluated.</summary>
    public required int Rows { get; init; }

    /// <summary>Σ of the sample weights.</summary>
    public required double WeightSum { get; init; }

    /// <summary>Bad rows skipped (with --skip-bad-rows).</summary>
    public required int SkippedRows { get; init; }

    /// <summary>Why the first skipped row was bad, when rows were skipped.</summary>
    public string? FirstSkippedReason { get; init; }

    /// <summary>The clip applied to the true class's probability (0: none).</summary>
    public required double Clip { get; init; }

    /// <summary>Rows whose true-class probability was raised to <see cref="Clip"/>.</summary>
    public required int ClippedRows { get; init; }

    /// <summary>The reliability diagram's bins.</summary>
    public required CalibrationBin[] Reliability { get; init; }

    /// <summary>The result for <paramref name="report"/> and the bad rows skipped while reading its data.</summary>
    /// <param name="report">The metrics of the scored rows.</param>
    /// <param name="skippedRows">Rows skipped as bad while reading the data (0 when none).</param>
    /// <param name="firstSkippedReason">The first skipped row's one-line reason, or null when no row was skipped.</param>
    public static MetricsResult From(ClassificationReport report, int skippedRows, string? firstSkippedReason) => new()
    {
        Base = LogBase.Nats.Value,
        LogLoss = report.LogLoss.Nats, LogLossBits = report.LogLoss.Bits, Perplexity = report.Perplexity,
        Accuracy = report.Accuracy, Brier = report.Brier, Ece = report.ExpectedCalibrationError,
        PriorLogLoss = report.PriorLogLoss.Nats, LogLossReduction = report.LogLossReduction,
        Rows = report.Count, WeightSum = report.WeightSum, SkippedRows = skippedRows,
        FirstSkippedReason = skippedRows > 0 ? firstSkippedReason : null,
        Clip = report.Clip, ClippedRows = report.ClippedRows, Reliability = report.Reliability.ToArray(),
    };

    /// <summary>
    /// The reliability diagram: accuracy per confidence bin as bars, (mean confidence, accuracy) per bin as points and the
    /// diagonal of perfect calibration (drawn over the bars), on [0, 1] × [0, 1]. Empty bins are left out.
    /// </summary>
    public PlotSpec ReliabilityPlot()
    {
        var used = Reliability.Where(b => b.Count > 0).ToArray();
        return new PlotSpec("Reliability diagram", new PlotAxis("confidence (top probability)") { Min = 0, Max = 1 },
            new PlotAxis("accuracy") { Min = 0, Max = 1 })
        {
            Series =
            [
                new("accuracy per confidence bin", used.Select(b => (b.Lower + b.Upper) / 2).ToArray(), used.Select(b => b.Accuracy).ToArray(), SeriesStyle.Bar)
                    { BarWidth = 0.9 / Reliability.Length },
                new("perfect calibration", [0, 1], [0, 1], SeriesStyle.Line) { Dashed = true },
                new("(mean confidence, accuracy)", used.Select(b => b.Confidence).ToArray(), used.Select(b => b.Accuracy).ToArray(), SeriesStyle.Scatter),
            ],
            Legend = LegendPosition.UpperLeft,
        };
    }
}
