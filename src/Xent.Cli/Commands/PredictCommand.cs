using System.CommandLine;
using Xent.Cli.Data;
using Xent.Cli.Rendering;
using Xent.Learning;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>predict: class probabilities of a saved logistic regression for the rows of a CSV file (and metrics when it has the target column).</summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var modelPath = new Argument<string>("MODEL") { Description = "A model written by 'xent train --save'." };
        var file = new Argument<string>("FILE") { Description = "A CSV file with the model's feature columns (and optionally its target column)." };
        var outputPath = new Option<string?>("--output") { Description = "Write the predictions CSV here and print the metrics table (when the target column is present)." };
        var force = new Option<bool>("--force") { Description = "Replace the --output file if it exists." };
        var skip = LossInputs.SkipBadRows();
        var json = Inputs.Json();
        var command = new Command("predict", "Predict class probabilities with a saved logistic regression model.") { modelPath, file, outputPath, force, skip, json };
        command.SetAction(parse =>
        {
            string path = InputFile.Check(parse.GetValue(modelPath)!, "MODEL");
            string? csvOut = parse.GetValue(outputPath);
            if (csvOut is not null) OutputFile.Check(csvOut, "--output", parse.GetValue(force));
            LogisticRegressionModel model;
            try
            {
                model = LogisticRegressionModel.FromJson(File.ReadAllText(path));
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{path}: {e.Message}", e);
            }
            var csv = CsvRecords.Read(parse.GetValue(file)!);
            var bad = new BadRows(parse.GetValue(skip));
            int? targetColumn = model.Target is { } t && csv.Header.Contains(t) ? csv.Column(t) : null;
            var data = FeatureRows.Read(csv, model.FeatureNames.Select(csv.Column).ToArray(), targetColumn, bad);
            int k = model.Classes;
            var p = new double[data.Count * k];
            var features = data.Features.ToArray();
            for (int i = 0; i < data.Count; i++)
            {
                // Row by row, so that a row whose scores overflow is named by its line.
                try
                {
                    model.PredictProbabilities(features.AsSpan(i * model.Features, model.Features), p.AsSpan(i * k, k));
                }
                catch (ArgumentException e)
                {
                    throw new InvalidDataException($"{csv.Path}: line {data.Lines[i]}: the model's scores w·x + b overflow (∞ − ∞) for these feature values.", e);
                }
            }

            ClassificationReport? report = null;
            if (targetColumn is not null)
            {
                var classIndex = model.ClassNames.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);
                var rows = new List<int>();
                var labels = new List<int>();
                for (int i = 0; i < data.Count; i++)
                {
                    if (classIndex.TryGetValue(data.Labels[i], out int y)) { rows.Add(i); labels.Add(y); }
                    else bad.Reject($"{csv.Path}: line {data.Lines[i]}, column '{model.Target}': unknown label '{data.Labels[i]}' (the model's classes are {string.Join(", ", model.ClassNames)}).");
                }
                if (rows.Count == 0) throw new InvalidDataException($"{csv.Path}: no row has a label the model knows ({bad.Skipped} skipped).");
                var kept = rows.SelectMany(i => p.AsSpan(i * k, k).ToArray()).ToArray();
                report = ClassificationMetrics.Evaluate(kept, k, labels.ToArray());
            }

            var result = Result(model, data, p, targetColumn is not null, report, bad);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json)) ResultOutput.Json(output, result);
            else if (csvOut is not null)
            {
                OutputFile.WriteText(csvOut, "--output", parse.GetValue(force), writer => ResultText.WriteCsv(writer, result));
                if (result.Metrics is { } metrics) ResultText.Write(output, metrics, LogBase.Nats, $"{csv.Path}: {metrics.Rows} rows; predictions in {csvOut}");
                else output.WriteLine($"{result.Rows} predictions written to {csvOut}");
            }
            else ResultText.WriteCsv(output, result);
            return 0;
        });
        return command;
    }

    /// <summary>The predictions of every row (p holds n·K probabilities), with the metrics when the file had the target column.</summary>
    private static PredictResult Result(LogisticRegressionModel model, FeatureRows data, double[] p, bool withTarget, ClassificationReport? report, BadRows bad)
    {
        int k = model.Classes;
        var predictions = new Prediction[data.Count];
        for (int i = 0; i < data.Count; i++)
        {
            var probabilities = new Dictionary<string, double>(k, StringComparer.Ordinal);
            for (int c = 0; c < k; c++) probabilities.Add(model.ClassNames[c], p[i * k + c]);
            predictions[i] = new Prediction(data.Lines[i], withTarget ? data.Labels[i] : null, model.ClassNames[ArgMax(p.AsSpan(i * k, k))], probabilities);
        }
        return new PredictResult
        {
            Rows = data.Count, SkippedRows = bad.Skipped, Classes = model.ClassNames.ToArray(), Target = withTarget ? model.Target : null,
            Metrics = report is null ? null : MetricsResult.From(report, bad.Skipped, bad.FirstReason), Predictions = predictions,
        };
    }

    private static int ArgMax(ReadOnlySpan<double> row)
    {
        int top = 0;
        for (int c = 1; c < row.Length; c++) if (row[c] > row[top]) top = c;
        return top;
    }
}
