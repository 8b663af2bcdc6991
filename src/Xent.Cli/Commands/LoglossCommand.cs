using System.CommandLine;
using Xent.Cli.Data;
using Xent.Cli.Plotting;
using Xent.Cli.Rendering;
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
            string? plotPath = parse.GetValue(plot);
            if (plotPath is not null) PlotRenderer.CheckPath(plotPath, parse.GetValue(force));
            var csv = CsvRecords.Read(parse.GetValue(file)!);
            var columnNames = Inputs.Names(probColumns ?? logitColumns!, fromLogits ? "--logits" : "--probs");
            var columns = columnNames.Select(csv.Column).ToArray();
            var classNames = parse.GetValue(labels) is { } given ? Inputs.Names(given, "--labels") : columnNames;
            if (classNames.Length != columns.Length)
                throw new UsageException($"--labels names {classNames.Length} labels for {columns.Length} columns.");
            var classIndex = classNames.Select((name, k) => (name, k)).ToDictionary(t => t.name, t => t.k);
            int labelColumn = csv.Column(parse.GetValue(label)!);
            int? weightColumn = parse.GetValue(weight) is { } w ? csv.Column(w) : null;
            var bad = new BadRows(parse.GetValue(skip));

            var values = new List<double>();
            var targets = new List<int>();
            var weights = new List<double>();
            var row = new double[columns.Length];
            foreach (var record in csv.Rows)
            {
                if (!csv.HasAllFields(record, bad)) continue;
                if (LossInputs.Label(csv, record, labelColumn, classIndex, bad) is not { } y) continue;
                if (!ReadRow(csv, record, columns, fromLogits, tol, row, bad)) continue;
                double sampleWeight = 1;
                if (weightColumn is { } wc)
                {
                    if (csv.Number(record, wc, bad) is not { } v) continue;
                    if (v < 0) { bad.Reject($"{csv.Where(record, wc)}: a weight must be ≥ 0, not {v}."); continue; }
                    sampleWeight = v;
                }
                values.AddRange(row);
                targets.Add(y);
                weights.Add(sampleWeight);
            }
            if (targets.Count == 0) throw new InvalidDataException($"{csv.Path}: no usable rows ({bad.Skipped} skipped).");
            if (weightColumn is { } weighted && !(weights.Sum() > 0))
                throw new InvalidDataException($"{csv.Path}: the --weight column '{csv.Header[weighted]}' sums to 0 over the {targets.Count} usable rows.");

            var options = new MetricsOptions
            {
                Base = parse.GetValue(bits) ? LogBase.Bits : LogBase.Nats, Clip = clipAt, Bins = binCount, Tolerance = tol,
            };
            var report = fromLogits
                ? ClassificationMetrics.EvaluateLogits(values.ToArray(), columns.Length, targets.ToArray(), options, weightColumn is null ? default : weights.ToArray())
                : ClassificationMetrics.Evaluate(values.ToArray(), columns.Length, targets.ToArray(), options, weightColumn is null ? default : weights.ToArray());
            var result = MetricsResult.From(report, bad.Skipped, bad.FirstReason);
            if (plotPath is not null) PlotRenderer.Save(result.ReliabilityPlot(), plotPath, parse.GetValue(force), width: 800, height: 600);

            ResultOutput.Write(parse.InvocationConfiguration.Output, result, parse.GetValue(json),
                (output, r) => ResultText.Write(output, r, options.Base, $"{csv.Path}: {r.Rows} rows, {columns.Length} classes"));
            return 0;
        });
        return command;
    }

    /// <summary>Parses one row's probabilities (checked: in [0, 1], Σ = 1 within the tolerance) or logits.</summary>
    private static bool ReadRow(CsvRecords csv, CsvRecord record, int[] columns, bool fromLogits, double tolerance, double[] row, BadRows bad)
    {
        double sum = 0;
        for (int k = 0; k < columns.Length; k++)
        {
            if (csv.Number(record, columns[k], bad) is not { } v) return false;
            if (!fromLogits && !(v >= 0 && v <= 1))
            {
                bad.Reject($"{csv.Where(record, columns[k])}: probability {v} is outside [0, 1].");
                return false;
            }
            row[k] = v;
            sum += v;
        }
        if (!fromLogits && Math.Abs(sum - 1) > tolerance)
        {
            bad.Reject($"{csv.Path}: line {record.Line}: the probabilities sum to {sum:R}, not 1 (tolerance {tolerance}); they are never renormalized.");
            return false;
        }
        return true;
    }
}
