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
        var file = new Argument<string>("FILE") { Description = "A CSV file with a header row (- for stdin): a label column and one probability (or logit) column per class." };
        var label = new Option<string>("--label") { Description = "The column of true labels.", Required = true };
        var probs = new Option<string?>("--probs") { Description = "Probability columns, one per class, comma-separated (rows must sum to 1)." };
        var logits = new Option<string?>("--logits") { Description = "Logit columns, one per class, comma-separated (softmax is applied)." };
        var labels = new Option<string?>("--labels")
        {
            Description = "The label of each column, in the same order. Default: the column names; when the labels are not the column names "
                + "but there are as many distinct labels as columns, the sorted labels map to the columns in order (as scikit-learn does), and the mapping is printed on stderr.",
        };
        var weight = new Option<string?>("--weight") { Description = "A column of sample weights (≥ 0)." };
        var bits = new Option<bool>("--bits") { Description = "Report the log losses in bits: the same as --base 2." };
        var logBase = Inputs.Base("e");
        var clip = new Option<double>("--clip") { Description = "Raise the true class's probability to at least this before the log (default 0: none, p = 0 gives ∞)." };
        var tolerance = new Option<double>("--tolerance") { Description = "Largest accepted |Σp − 1| per row.", DefaultValueFactory = _ => 1e-6 };
        var bins = new Option<int>("--bins") { Description = "Equal-width confidence bins for ECE and the reliability diagram.", DefaultValueFactory = _ => 10 };
        var plot = new Option<string?>("--plot") { Description = "Write the reliability diagram to this PNG or SVG file." };
        var force = new Option<bool>("--force") { Description = "Replace the --plot file if it exists." };
        var skip = LossInputs.SkipBadRows();
        var json = Inputs.Json();
        var command = new Command("logloss", "Log loss (cross-entropy of the labels under the predictions), perplexity, accuracy, Brier score, ECE.")
        {
            file, label, probs, logits, labels, weight, bits, logBase, clip, tolerance, bins, plot, force, skip, json,
        };
        Limits.AddTo(command);
        TableInput.AddDelimiter(command);
        command.SetAction(parse =>
        {
            string? probColumns = parse.GetValue(probs), logitColumns = parse.GetValue(logits);
            if ((probColumns is null) == (logitColumns is null)) throw new UsageException("give exactly one of --probs and --logits.");
            bool fromLogits = logitColumns is not null;
            // Checked before the file is read: a bad --base is the one line printed, not a line after the label mapping's note.
            var unit = parse.GetValue(bits) ? LogBase.Bits : Inputs.ParseBase(parse.GetValue(logBase)!);
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
            string[]? givenLabels = parse.GetValue(labels) is { } given ? Inputs.Names(given, "--labels") : null;
            if (givenLabels is not null && givenLabels.Length != columnNames.Length)
                throw new UsageException($"--labels names {givenLabels.Length} labels for {columnNames.Length} columns.");
            string labelName = parse.GetValue(label)!;
            string? weightName = parse.GetValue(weight);
            var bad = TableInput.Policy(parse.GetValue(skip));
            int classes = columnNames.Length, labelField = classes, weightField = classes + 1;

            // Streamed: memory holds the K numbers, label and weight of each usable row, never the file's text. Labels are
            // kept as they were read and matched to the columns after the pass (see LabelMapping).
            using var csv = TableInput.OpenCsv(parse.GetValue(file)!, parse);
            using var cursor = csv.ReadColumns([.. columnNames, labelName, .. weightName is null ? [] : new[] { weightName }], bad);
            var values = new List<double>();
            var rowLabels = new List<int>();
            var lines = new List<long>();
            var weights = new List<double>();
            var distinct = new Dictionary<string, int>(StringComparer.Ordinal);
            var distinctLookup = distinct.GetAlternateLookup<ReadOnlySpan<char>>();
            var row = new double[classes];
            var cancellation = CliSession.Current.Cancellation;
            WorkProgress.Reading($"reading {csv.Source}", csv, () =>
            {
                while (cursor.Read())
                {
                    if ((cursor.Line & 4095) == 0) cancellation.ThrowIfCancellationRequested();
                    if (!cursor.TryGetText(labelField, out var text, "label")) continue;
                    if (!ReadRow(cursor, fromLogits, tol, row)) continue;
                    double sampleWeight = 1;
                    if (weightName is not null)
                    {
                        if (!cursor.TryGetDouble(weightField, out double v)) continue;
                        if (v < 0) { cursor.Reject(weightField, $"a weight must be ≥ 0, not {v}"); continue; }
                        sampleWeight = v;
                    }
                    // A label counts as seen only on a usable row (the span is the current row's, valid until the next Read).
                    if (!distinctLookup.TryGetValue(text, out int id))
                    {
                        id = distinct.Count;
                        distinctLookup[text] = id;
                    }
                    values.AddRange(row);
                    rowLabels.Add(id);
                    lines.Add(cursor.Line);
                    weights.Add(sampleWeight);
                }
                return 0;
            });

            var mapping = LabelMapping.Resolve([.. distinct.Keys], columnNames, givenLabels);
            if (mapping.Note is { } note) parse.InvocationConfiguration.Error!.WriteLine($"{XentApp.Name}: {note}");
            var targets = new List<int>(rowLabels.Count);
            int kept = 0;
            for (int i = 0; i < rowLabels.Count; i++)
            {
                int y = mapping.ClassOf[rowLabels[i]];
                if (y < 0)
                {
                    string text = mapping.Labels[rowLabels[i]];
                    bad.Reject(new DataError(DataErrorKind.InvalidValue, csv.Source, lines[i], labelName, text,
                        $"unknown label '{text}' (the labels are {string.Join(", ", mapping.ClassNames)}; give the label of each column with --labels)"));
                    continue;
                }
                // Compact in place: row i's K values move to slot `kept`.
                if (kept != i)
                {
                    for (int k = 0; k < classes; k++) values[kept * classes + k] = values[i * classes + k];
                    weights[kept] = weights[i];
                }
                targets.Add(y);
                kept++;
            }
            values.RemoveRange(kept * classes, values.Count - kept * classes);
            weights.RemoveRange(kept, weights.Count - kept);
            if (targets.Count == 0) throw new InvalidDataException($"{csv.Source}: no usable rows ({bad.Skipped} skipped).");
            if (weightName is not null && !(weights.Sum() > 0))
                throw new InvalidDataException($"{csv.Source}: the --weight column '{weightName}' sums to 0 over the {targets.Count} usable rows.");

            var options = new MetricsOptions
            {
                Base = unit, Clip = clipAt, Bins = binCount, Tolerance = tol,
            };
            var report = fromLogits
                ? ClassificationMetrics.EvaluateLogits(values.ToArray(), classes, targets.ToArray(), options, weightName is null ? default : weights.ToArray())
                : ClassificationMetrics.Evaluate(values.ToArray(), classes, targets.ToArray(), options, weightName is null ? default : weights.ToArray());
            var result = ResultOutput.InBase(MetricsResult.From(report, checked((int)bad.Skipped), bad.FirstReason), options.Base);
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

/// <summary>
/// Which column each label of a logloss file is: the names given with --labels; by default the column names; and when the
/// labels are none of the column names but there are exactly as many distinct labels as columns, the sorted labels in column
/// order — scikit-learn's rule (its log_loss takes the sorted unique labels as the columns' classes). Labels that all
/// parse as numbers sort as numbers (2 before 10), others ordinally.
/// </summary>
internal sealed record LabelMapping(string[] Labels, int[] ClassOf, string[] ClassNames, string? Note)
{
    /// <param name="labels">The distinct labels seen, by first appearance.</param>
    /// <param name="columns">The probability (or logit) columns.</param>
    /// <param name="given">The --labels names, or null.</param>
    public static LabelMapping Resolve(string[] labels, string[] columns, string[]? given)
    {
        var names = given ?? columns;
        var index = names.Select((name, k) => (name, k)).ToDictionary(t => t.name, t => t.k, StringComparer.Ordinal);
        var classOf = labels.Select(l => index.TryGetValue(l, out int k) ? k : -1).ToArray();
        // The sorted-labels rule applies only when no label is a column's name (labels 0..4, columns p0..p4): a file whose
        // labels are partly column names has an unknown label, not a renaming.
        if (given is not null || classOf.Any(k => k >= 0) || labels.Length != columns.Length) return new(labels, classOf, names, null);

        bool numeric = labels.All(l => double.TryParse(l, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));
        var sorted = numeric
            ? labels.OrderBy(l => double.Parse(l, System.Globalization.CultureInfo.InvariantCulture)).ToArray()
            : labels.Order(StringComparer.Ordinal).ToArray();
        var position = sorted.Select((l, k) => (l, k)).ToDictionary(t => t.l, t => t.k, StringComparer.Ordinal);
        string note = "the labels are not the column names; the sorted labels map to the columns in order: "
            + string.Join(", ", sorted.Select((l, k) => $"{l} → {columns[k]}")) + " (give --labels to choose).";
        return new(labels, labels.Select(l => position[l]).ToArray(), sorted, note);
    }
}
