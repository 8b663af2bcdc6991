using System.CommandLine;
using Xent.Cli.Data;
using Xent.Cli.Plotting;
using Xent.Cli.Rendering;
using Xent.Data;
using Xent.Learning;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>logloss: log loss and the other metrics of predicted probabilities (or logits) in a CSV file against its labels.</summary>
internal static class LoglossCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A CSV file with a header row: a label column and one probability (or logit) column per class." };
        var label = new Option<string>("--label") { Description = "The column of true labels.", Required = true };
        var probs = new Option<string?>("--probs") { Description = "Probability columns, one per class, comma-separated (rows must sum to 1)." };
        var logits = new Option<string?>("--logits") { Description = "Logit columns, one per class, comma-separated (softmax is applied)." };
        var labels = new Option<string?>("--labels") { Description = "The label of each column, in the same order (default: the column names)." };
        var weight = new Option<string?>("--weight") { Description = "A column of sample weights (≥ 0)." };
        var bits = new Option<bool>("--bits") { Description = "Report the log loss in bits (default nats; JSON log_loss is always nats)." };
        var clip = new Option<double>("--clip") { Description = "Raise the true class's probability to at least this before the log (default 0: none, p = 0 gives ∞)." };
        var tolerance = new Option<double>("--tolerance") { Description = "Largest accepted |Σp − 1| per row.", DefaultValueFactory = _ => 1e-6 };
        var bins = new Option<int>("--bins") { Description = "Equal-width confidence bins for ECE and the reliability diagram.", DefaultValueFactory = _ => 10 };
        var plot = new Option<string?>("--plot") { Description = "Write the reliability diagram to this PNG or SVG file." };
        var force = new Option<bool>("--force") { Description = "Replace the --plot file if it exists." };
        var skip = LossInputs.SkipBadRows();
        var json = Inputs.Json();
        var command = new Command("logloss", "Log loss (cross-entropy of the labels under the predictions), perplexity, accuracy, Brier score, ECE.")
        {
            file, label, probs, logits, labels, weight, bits, clip, tolerance, bins, plot, force, skip, json,
        };
        Limits.AddTo(command);
        TableInput.AddDelimiter(command);
        command.SetAction(parse =>
        {
            string? probColumns = parse.GetValue(probs), logitColumns = parse.GetValue(logits);
            if ((probColumns is null) == (logitColumns is null)) throw new UsageException("Give exactly one of --probs and --logits.");
            bool fromLogits = logitColumns is not null;
            double tol = parse.GetValue(tolerance), clipAt = parse.GetValue(clip);
            int binCount = parse.GetValue(bins);
            if (!(tol >= 0)) throw new UsageException($"--tolerance {tol} must be a number ≥ 0.");
            if (!(clipAt >= 0 && clipAt < 1)) throw new UsageException($"--clip {clipAt} must be in [0, 1).");
            if (binCount < 1) throw new UsageException($"--bins {binCount} must be ≥ 1.");
            // Per bin: the library's four running sums and two copies of its 48-byte CalibrationBin.
            Limits.Memory(parse, 128.0 * binCount, $"--bins {binCount}");
            string? plotPath = parse.GetValue(plot);
            if (plotPath is not null) PlotRenderer.CheckPath(plotPath, parse.GetValue(force));
            var columnNames = Inputs.Names(probColumns ?? logitColumns!, fromLogits ? "--logits" : "--probs");
            var classNames = parse.GetValue(labels) is { } given ? Inputs.Names(given, "--labels") : columnNames;
            if (classNames.Length != columnNames.Length)
                throw new UsageException($"--labels names {classNames.Length} labels for {columnNames.Length} columns.");
            var classIndex = classNames.Select((name, k) => (name, k)).ToDictionary(t => t.name, t => t.k);
            string? weightName = parse.GetValue(weight);
            var bad = TableInput.Policy(parse.GetValue(skip));
            int classes = columnNames.Length, labelField = classes, weightField = classes + 1;

            // Streamed: memory holds the K numbers, label and weight of each usable row, never the file's text.
            using var csv = TableInput.OpenCsv(parse.GetValue(file)!, parse);
            using var cursor = csv.ReadColumns([.. columnNames, parse.GetValue(label)!, .. weightName is null ? [] : new[] { weightName }], bad);
            var values = new List<double>();
            var targets = new List<int>();
            var weights = new List<double>();
            var row = new double[classes];
            while (cursor.Read())
            {
                if (LossInputs.Label(cursor, labelField, classIndex) is not { } y) continue;
                if (!ReadRow(cursor, fromLogits, tol, row)) continue;
                double sampleWeight = 1;
                if (weightName is not null)
                {
                    if (!cursor.TryGetDouble(weightField, out double v)) continue;
                    if (v < 0) { cursor.Reject(weightField, $"a weight must be ≥ 0, not {v}"); continue; }
                    sampleWeight = v;
                }
                values.AddRange(row);
                targets.Add(y);
                weights.Add(sampleWeight);
            }
            if (targets.Count == 0) throw new InvalidDataException($"{csv.Source}: no usable rows ({bad.Skipped} skipped).");
            if (weightName is not null && !(weights.Sum() > 0))
                throw new InvalidDataException($"{csv.Source}: the --weight column '{weightName}' sums to 0 over the {targets.Count} usable rows.");

            var options = new MetricsOptions
            {
                Base = parse.GetValue(bits) ? LogBase.Bits : LogBase.Nats, Clip = clipAt, Bins = binCount, Tolerance = tol,
            };
            var report = fromLogits
                ? ClassificationMetrics.EvaluateLogits(values.ToArray(), classes, targets.ToArray(), options, weightName is null ? default : weights.ToArray())
                : ClassificationMetrics.Evaluate(values.ToArray(), classes, targets.ToArray(), options, weightName is null ? default : weights.ToArray());
            var result = MetricsResult.From(report, checked((int)bad.Skipped), bad.FirstReason);
            if (plotPath is not null) PlotRenderer.Save(result.ReliabilityPlot(), plotPath, parse.GetValue(force), width: 800, height: 600);

            ResultOutput.Write(parse.InvocationConfiguration.Output, result, parse.GetValue(json),
                (output, r) => ResultText.Write(output, r, options.Base, $"{csv.Source}: {r.Rows} rows, {classes} classes"));
            return 0;
        });
        return command;
    }

    /// <summary>Parses one row's probabilities (checked: in [0, 1], Σ = 1 within the tolerance) or logits: fields 0..K−1 of the cursor.</summary>
    private static bool ReadRow(RowCursor cursor, bool fromLogits, double tolerance, double[] row)
    {
        double sum = 0;
        for (int k = 0; k < row.Length; k++)
        {
            if (!cursor.TryGetDouble(k, out double v)) return false;
            if (!fromLogits && !(v >= 0 && v <= 1)) return cursor.Reject(k, $"probability {v} is outside [0, 1]", cursor.GetString(k).Trim());
            row[k] = v;
            sum += v;
        }
        if (!fromLogits && Math.Abs(sum - 1) > tolerance)
            return cursor.RejectRow($"the probabilities sum to {sum:R}, not 1 (tolerance {tolerance}); they are never renormalized");
        return true;
    }
}
