using Xent.Estimation;

namespace Xent.Reports;

/// <summary>
/// <c>entropy</c>: H(P) of a distribution, or an entropy estimate from counts (with the estimator, the sample size and,
/// when asked, a percentile bootstrap interval). The data fields are absent for a distribution.
/// </summary>
public sealed record EntropyResult : InformationReport
{
    /// <summary>H(P), or the estimate; may be +∞ only for inputs that are not distributions (never here).</summary>
    public required double Entropy { get; init; }

    /// <summary>Observations counted (estimates only).</summary>
    public long? N { get; init; }

    /// <summary>Symbols observed at least once (estimates only).</summary>
    public int? Distinct { get; init; }

    /// <summary>The estimator's name, e.g. "plugin", "miller-madow" (estimates only).</summary>
    public string? Estimator { get; init; }

    /// <summary>Lower end of the bootstrap interval.</summary>
    public double? CiLower { get; init; }

    /// <summary>Upper end of the bootstrap interval.</summary>
    public double? CiUpper { get; init; }

    /// <summary>The interval's nominal coverage, e.g. 0.95.</summary>
    public double? Confidence { get; init; }

    /// <summary>Bootstrap resamples drawn.</summary>
    public int? Bootstrap { get; init; }

    /// <summary>The table's columns as counted (a table's column only): each with its inferred type, missing values and categories or bins.</summary>
    public IReadOnlyList<CountedColumnReport>? Columns { get; init; }

    /// <summary>H(P) of a distribution.</summary>
    /// <param name="entropy">H(P), in the unit the report will state.</param>
    public static EntropyResult OfDistribution(Information entropy) => new() { Entropy = entropy.Value, Base = entropy.Base.Value };

    /// <summary>An estimate from <paramref name="n"/> observations of <paramref name="distinct"/> symbols, with its bootstrap interval if one was drawn.</summary>
    /// <param name="estimate">The entropy estimate, in the unit the report will state.</param>
    /// <param name="n">Observations counted (≥ 0).</param>
    /// <param name="distinct">Distinct symbols observed (≥ 0).</param>
    /// <param name="estimator">The estimator's name as the CLI spells it ("plugin", "miller-madow", …).</param>
    /// <param name="interval">The bootstrap percentile interval in the same unit as the estimate, or null when none was drawn.</param>
    public static EntropyResult OfEstimate(Information estimate, long n, int distinct, string estimator, BootstrapInterval? interval)
    {
        var result = new EntropyResult { Entropy = estimate.Value, Base = estimate.Base.Value, N = n, Distinct = distinct, Estimator = estimator };
        if (interval is not { } i) return result;
        return result with
        {
            CiLower = result.InUnit(i.Lower, "interval.Lower"), CiUpper = result.InUnit(i.Upper, "interval.Upper"),
            Confidence = i.Confidence, Bootstrap = i.Resamples,
        };
    }
}
