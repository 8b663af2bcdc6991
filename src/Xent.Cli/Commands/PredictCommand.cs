using System.CommandLine;
using System.Globalization;
using Xent.Cli.Data;
using Xent.Cli.Rendering;
using Xent.Learning;

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
                report = ClassificationMetrics.Evaluate(kept, k, labels.ToArray(), new MetricsOptions { Base = LogBase.Nats }); // log loss in nats, as scikit-learn's
            }

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                var predictions = Enumerable.Range(0, data.Count).Select(i => new JsonReport()
                    .Add("line", data.Lines[i]).Add("predicted", model.ClassNames[ArgMax(p.AsSpan(i * k, k))])
                    .Add("probabilities", model.ClassNames.Select((name, c) => new KeyValuePair<string, object?>(name, p[i * k + c])).ToArray())).ToArray();
                var result = report is null ? new JsonReport().Add("rows", data.Count).Add("skipped_rows", bad.Skipped) : MetricsRendering.Json(report, bad);
                result.Add("predictions", predictions).WriteTo(output);
                return 0;
            }
            if (csvOut is not null)
            {
                OutputFile.WriteText(csvOut, "--output", parse.GetValue(force), writer => WriteCsv(writer, model, data, p));
                if (report is not null) MetricsRendering.Table(output, report, bad, $"{csv.Path}: {report.Count} rows; predictions in {csvOut}");
                else output.WriteLine($"{data.Count} predictions written to {csvOut}");
            }
            else WriteCsv(output, model, data, p);
            return 0;
        });
        return command;
    }

    private static void WriteCsv(TextWriter writer, LogisticRegressionModel model, FeatureRows data, double[] p)
    {
        int k = model.Classes;
        bool withTruth = data.Labels.Count > 0; // the file had the target column: keep it, so logloss can read the output
        writer.WriteLine("line," + (withTruth ? model.Target + "," : "") + string.Join(",", model.ClassNames.Select(n => "p_" + n)) + ",predicted");
        for (int i = 0; i < data.Count; i++)
        {
            var row = p.AsSpan(i * k, k);
            var cells = new string[k];
            for (int c = 0; c < k; c++) cells[c] = row[c].ToString("R", CultureInfo.InvariantCulture);
            string truth = withTruth ? data.Labels[i] + "," : "";
            writer.WriteLine($"{data.Lines[i]},{truth}{string.Join(",", cells)},{model.ClassNames[ArgMax(row)]}");
        }
    }

    private static int ArgMax(ReadOnlySpan<double> row)
    {
        int top = 0;
        for (int c = 1; c < row.Length; c++) if (row[c] > row[top]) top = c;
        return top;
    }
}
