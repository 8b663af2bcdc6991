using System.CommandLine;
using Xent.Cli.Data;
using Xent.Cli.Rendering;
using Xent.Data;
using Xent.Learning;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>predict: class probabilities of a saved model (logistic regression or decision tree) for the rows of a CSV file (and metrics when it has the target column).</summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var modelPath = new Argument<string>("MODEL") { Description = "A model written by 'xent train --save' or 'xent tree --save'." };
        var file = new Argument<string>("FILE") { Description = "A CSV file with the model's feature columns (and optionally its target column); - for stdin." };
        var outputPath = new Option<string?>("--output", "-o") { Description = "Write the predictions CSV here and print the metrics table (when the target column is present); - for stdout (the metrics then go to stderr)." };
        var force = new Option<bool>("--force") { Description = "Replace the --output file if it exists." };
        var skip = LossInputs.SkipBadRows();
        var json = Inputs.Json();
        var command = new Command("predict", "Predict class probabilities with a saved logistic regression or decision tree model.") { modelPath, file, outputPath, force, skip, json };
        TableInput.AddDelimiter(command);
        command.SetAction(parse =>
        {
            string path = InputFile.Check(parse.GetValue(modelPath)!, "MODEL");
            string? csvOut = parse.GetValue(outputPath);
            if (csvOut is not null) OutputFile.Check(csvOut, "--output", parse.GetValue(force), path, parse.GetValue(file));
            RowModel model;
            try
            {
                model = RowModel.Read(File.ReadAllText(path));
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{path}: {e.Message}", e);
            }
            var bad = TableInput.Policy(parse.GetValue(skip));
            using var csv = TableInput.OpenCsv(parse.GetValue(file)!, parse);
            string? target = model.Target is { } t && csv.Columns.Contains(t) ? t : null;
            string[] classes = [.. model.ClassNames];
            bool asJson = parse.GetValue(json);
            // Metrics are shown with --json and with --output; otherwise the rows stream from the file to the output.
            var scoring = new Scoring(model, target, keepForMetrics: asJson || csvOut is not null);
            var output = parse.InvocationConfiguration.Output;
            if (asJson)
            {
                var predictions = new List<Prediction>();
                scoring.Run(csv, bad, prediction => predictions.Add(prediction));
                var report = scoring.Report(csv.Source, bad);
                ResultOutput.Json(output, new PredictResult
                {
                    Rows = predictions.Count, SkippedRows = checked((int)bad.Skipped), Classes = classes, Target = target,
                    Metrics = report is null ? null : MetricsResult.From(report, checked((int)bad.Skipped), bad.FirstReason), Predictions = [.. predictions],
                });
                return 0;
            }
            if (OutputFile.IsStdout(csvOut))
            {
                // The predictions are standard output; the metrics, when there is a target column, go to stderr.
                WriteCsv(output, scoring, csv, bad, toStdout: true);
                if (scoring.Report(csv.Source, bad) is { } report)
                {
                    var metrics = MetricsResult.From(report, checked((int)bad.Skipped), bad.FirstReason);
                    ResultText.Write(parse.InvocationConfiguration.Error!, metrics, LogBase.Nats, $"{csv.Source}: {metrics.Rows} rows");
                }
            }
            else if (csvOut is not null)
            {
                OutputFile.WriteText(csvOut, "--output", parse.GetValue(force), writer => WriteCsv(writer, scoring, csv, bad), path, parse.GetValue(file));
                if (scoring.Report(csv.Source, bad) is { } report)
                {
                    var metrics = MetricsResult.From(report, checked((int)bad.Skipped), bad.FirstReason);
                    ResultText.Write(output, metrics, LogBase.Nats, $"{csv.Source}: {metrics.Rows} rows; predictions in {csvOut}");
                }
                else output.WriteLine($"{scoring.Rows} predictions written to {csvOut}");
            }
            else
            {
                WriteCsv(output, scoring, csv, bad, toStdout: true);
                scoring.Report(csv.Source, bad); // a target column none of whose labels the model knows is still an error
            }
            return 0;
        });
        return command;
    }

    /// <summary>Writes the predictions CSV as the rows are scored (<see cref="ResultText.WriteCsvRow"/>, the same lines as a whole <see cref="PredictResult"/>).</summary>
    private static void WriteCsv(TextWriter writer, Scoring scoring, TableReader csv, BadRows bad, bool toStdout = false)
    {
        string[] classes = [.. scoring.Model.ClassNames];
        // The header is written once the columns are found: a file without the model's features leaves no output at all.
        // Rows printed to the terminal would be torn by a progress line redrawn beside them: then there is none.
        scoring.Run(csv, bad, prediction => ResultText.WriteCsvRow(writer, classes, prediction, scoring.Target is not null),
            onStart: () => ResultText.WriteCsvHeader(writer, classes, scoring.Target),
            progress: !(toStdout && CliSession.Current.StdoutIsTerminal));
    }

    /// <summary>
    /// One streaming pass over a CSV file: each row's features are scored and handed on as a <see cref="Prediction"/>; with
    /// the target column, labels the model does not know go to the bad-row policy (the row is still predicted), and known
    /// ones are kept for the metrics when asked (K probabilities and a label per row — never the file's text).
    /// </summary>
    private sealed class Scoring(RowModel model, string? target, bool keepForMetrics)
    {
        private readonly Dictionary<string, int> _classIndex = model.ClassNames.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);
        private readonly List<double> _probabilities = [];
        private readonly List<int> _labels = [];
        private long _known;

        public RowModel Model => model;
        public string? Target => target;
        public long Rows { get; private set; }

        /// <summary>Scores every usable row in file order, handing each prediction to <paramref name="onRow"/>;
        /// <paramref name="onStart"/> runs first, once the model's columns were found in the file.</summary>
        /// <param name="progress">Whether a progress line may be drawn (on stderr, when it is a terminal): a file shows the
        /// fraction of its bytes read, standard input (length unknown) the indeterminate bar.</param>
        public void Run(TableReader csv, BadRows bad, Action<Prediction> onRow, Action? onStart = null, bool progress = true)
        {
            if (!progress)
            {
                RunRows(csv, bad, onRow, onStart);
                return;
            }
            WorkProgress.Reading($"scoring {csv.Source}", csv, () =>
            {
                RunRows(csv, bad, onRow, onStart);
                return 0;
            });
        }

        private void RunRows(TableReader csv, BadRows bad, Action<Prediction> onRow, Action? onStart)
        {
            int d = model.FeatureNames.Count, k = model.Classes;
            using var rows = csv.ReadColumns(target is null ? [.. model.FeatureNames] : [.. model.FeatureNames, target], bad);
            onStart?.Invoke();
            var x = new double[d];
            var p = new double[k];
            var cancellation = CliSession.Current.Cancellation;
            while (rows.Read())
            {
                if ((rows.Line & 4095) == 0) cancellation.ThrowIfCancellationRequested();
                if (!model.ReadFeatures(rows, x)) continue;
                string? label = null;
                if (target is not null && !rows.TryGetString(d, out label, "label")) continue;
                // Row by row, so that a row whose scores overflow is named by its line.
                try
                {
                    model.PredictProbabilities(x, p);
                }
                catch (ArgumentException e)
                {
                    throw new InvalidDataException($"{csv.Source}: line {rows.Line}: the model's scores w·x + b overflow (∞ − ∞) for these feature values.", e);
                }
                if (label is not null)
                {
                    if (_classIndex.TryGetValue(label, out int y))
                    {
                        _known++;
                        if (keepForMetrics) { _probabilities.AddRange(p); _labels.Add(y); }
                    }
                    else rows.Reject(d, $"unknown label '{label}' (the model's classes are {string.Join(", ", model.ClassNames)})", label);
                }
                Rows++;
                var probabilities = new Dictionary<string, double>(k, StringComparer.Ordinal);
                for (int c = 0; c < k; c++) probabilities.Add(model.ClassNames[c], p[c]);
                onRow(new Prediction(rows.Line, label, model.ClassNames[ArgMax(p)], probabilities));
            }
        }

        /// <summary>The metrics over the rows with a known label; null without a target column (or when not kept).</summary>
        /// <exception cref="InvalidDataException">The file has the target column but no row has a label the model knows.</exception>
        public ClassificationReport? Report(string source, BadRows bad)
        {
            if (target is null) return null;
            if (_known == 0) throw new InvalidDataException($"{source}: no row has a label the model knows ({bad.Skipped} skipped).");
            return keepForMetrics ? ClassificationMetrics.Evaluate(_probabilities.ToArray(), model.Classes, _labels.ToArray()) : null;
        }
    }

    /// <summary>
    /// A saved model as predict uses it: its classes and feature columns, how a row's fields become its features (numbers; a
    /// tree's categorical features become category codes, −1 for a category it never saw), and its probabilities.
    /// </summary>
    private sealed class RowModel
    {
        private readonly LogisticRegressionModel? _logistic;
        private readonly Xent.Learning.Trees.DecisionTreeModel? _tree;

        private RowModel(LogisticRegressionModel? logistic, Xent.Learning.Trees.DecisionTreeModel? tree)
        {
            _logistic = logistic;
            _tree = tree;
            ClassNames = logistic?.ClassNames ?? tree!.ClassNames;
            FeatureNames = logistic?.FeatureNames ?? [.. tree!.Features.Select(f => f.Name)];
            Target = logistic?.Target ?? tree!.Target;
        }

        public IReadOnlyList<string> ClassNames { get; }
        public IReadOnlyList<string> FeatureNames { get; }
        public string? Target { get; }
        public int Classes => ClassNames.Count;

        /// <summary>Reads either model format, by its "format" field.</summary>
        /// <exception cref="InvalidDataException">The text is neither model.</exception>
        public static RowModel Read(string json)
        {
            string? format = null;
            try
            {
                using var document = System.Text.Json.JsonDocument.Parse(json);
                if (document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                    && document.RootElement.TryGetProperty("format", out var f) && f.ValueKind == System.Text.Json.JsonValueKind.String)
                    format = f.GetString();
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new InvalidDataException(
                    $"not a model written by 'xent train --save' or 'xent tree --save': not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).", e);
            }
            try
            {
                return format == Xent.Learning.Trees.DecisionTreeModel.FormatName
                    ? new RowModel(null, Xent.Learning.Trees.DecisionTreeModel.FromJson(json))
                    : new RowModel(LogisticRegressionModel.FromJson(json), null);
            }
            catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException or ArgumentException)
            {
                throw new InvalidDataException($"not a model written by 'xent train --save' or 'xent tree --save': {Reason(e.Message)}", e);
            }
        }

        /// <summary>A deserializer's message without .NET type names and JSON reader positions: "missing required
        /// properties including: 'classes'", not "… for type 'Xent.Learning.…' … LineNumber: 0 | BytePositionInLine: 1".</summary>
        internal static string Reason(string message)
        {
            string m = System.Text.RegularExpressions.Regex.Replace(message, @"\s*for type '[^']*'", "");
            m = System.Text.RegularExpressions.Regex.Replace(m, @"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?", "");
            m = System.Text.RegularExpressions.Regex.Replace(m, @"'(System|Xent)\.[\w.`\[\], ]+'", "the expected type");
            m = Failure.OneLine(m).Trim();
            return m.EndsWith('.') ? m : m + ".";
        }

        public bool ReadFeatures(RowCursor rows, double[] x)
        {
            for (int j = 0; j < x.Length; j++)
            {
                if (_tree?.Features[j].Categories is not null)
                {
                    if (!rows.TryGetText(j, out var text)) return false;
                    x[j] = _tree.CategoryCode(j, text);
                }
                else if (!rows.TryGetDouble(j, out x[j])) return false;
            }
            return true;
        }

        /// <exception cref="ArgumentException">A logistic regression's scores overflow.</exception>
        public void PredictProbabilities(double[] x, double[] p)
        {
            if (_tree is not null) _tree.PredictProbabilities(x, p);
            else _logistic!.PredictProbabilities(x, p);
        }
    }

    private static int ArgMax(ReadOnlySpan<double> row)
    {
        int top = 0;
        for (int c = 1; c < row.Length; c++) if (row[c] > row[top]) top = c;
        return top;
    }
}
