using System.CommandLine;
using System.Diagnostics;
using Xent.Cli.Data;
using Xent.Cli.Rendering;
using Xent.Data;
using Xent.Learning;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>train: fit a logistic regression (cross-entropy + L2, scikit-learn's C) to a CSV file; report train/test log loss and accuracy.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A CSV file with a header row (- for stdin): numeric feature columns and a target column." };
        var target = new Option<string>("--target") { Description = "The column of class labels.", Required = true };
        var features = new Option<string?>("--features") { Description = "Feature columns, comma-separated (default: every other column)." };
        var c = new Option<double>("--c") { Description = "Inverse regularization strength, scikit-learn's C: minimize C·Σ CE + ½‖W‖².", DefaultValueFactory = _ => 1.0 };
        var testFraction = new Option<double>("--test-fraction") { Description = "Hold out this fraction of the rows (shuffled with --seed) as a test set." };
        var seed = new Option<int>("--seed") { Description = "Seed of the train/test shuffle.", DefaultValueFactory = _ => 1 };
        var test = new Option<string?>("--test") { Description = "A separate test CSV file with the same columns." };
        var standardize = new Option<bool>("--standardize") { Description = "Center and scale features (statistics of the training rows, kept in the model). Off by default so C is scikit-learn's C on the raw columns." };
        var save = new Option<string?>("--save") { Description = "Write the model as JSON to this file (- for stdout; the report then goes to stderr)." };
        var tol = new Option<double?>("--tol") { Description = "Stop where scikit-learn's LogisticRegression(solver=\"lbfgs\", tol=…) stops (its default is 1e-4): ‖∇‖∞ ≤ tol on the objective divided by C·rows, or a relative decrease ≤ 64ε. Default: run to ‖∇‖∞ ≤ 1e-9 on C·Σ CE + ½‖W‖²." };
        var force = new Option<bool>("--force") { Description = "Replace the --save file if it exists." };
        var skip = LossInputs.SkipBadRows();
        var logBase = Inputs.Base("e");
        var json = Inputs.Json();
        var command = new Command("train", "Train a logistic regression by minimizing cross-entropy with an L2 penalty (L-BFGS).")
        {
            file, target, features, c, testFraction, seed, test, standardize, tol, save, force, skip, logBase, json,
        };
        TableInput.AddDelimiter(command);
        command.SetAction(parse =>
        {
            double fraction = parse.GetValue(testFraction);
            string? testPath = parse.GetValue(test);
            if (!(fraction >= 0 && fraction < 1)) throw new UsageException($"--test-fraction {fraction} must be in [0, 1).");
            if (fraction > 0 && testPath is not null) throw new UsageException("Give --test-fraction or --test, not both.");
            double inverseStrength = parse.GetValue(c);
            if (!(inverseStrength > 0))
                throw new UsageException($"--c {parse.GetResult(c)?.Tokens.FirstOrDefault()?.Value ?? inverseStrength.ToString(System.Globalization.CultureInfo.InvariantCulture)} must be a number > 0.");
            double? tolerance = parse.GetValue(tol);
            if (tolerance is { } t && !(t > 0 && double.IsFinite(t))) throw new UsageException($"--tol {t} must be a finite number > 0.");
            string? savePath = parse.GetValue(save);
            if (savePath is not null) OutputFile.Check(savePath, "--save", parse.GetValue(force), parse.GetValue(file), testPath);
            var bad = TableInput.Policy(parse.GetValue(skip));
            string targetName = parse.GetValue(target)!;
            string[] featureNames;
            FeatureMatrix data;
            using (var csv = TableInput.OpenCsv(parse.GetValue(file)!, parse))
            {
                csv.ColumnIndex(targetName);
                featureNames = parse.GetValue(features) is { } list
                    ? Inputs.Names(list, "--features")
                    : csv.Columns.Where(name => name != targetName).ToArray();
                if (featureNames.Length == 0) throw new UsageException($"{csv.Source}: no feature columns besides '{targetName}'.");
                if (featureNames.Contains(targetName)) throw new UsageException($"--features names the target column '{targetName}'.");
                var names = featureNames;
                data = WorkProgress.Reading($"reading {csv.Source}", csv, () => FeatureMatrix.Read(csv, names, targetName, bad));
            }
            var labels = data.Labels!;
            var classNames = labels.Distinct().Order(StringComparer.Ordinal).ToArray();
            if (classNames.Length < 2) throw new InvalidDataException($"{data.Source}: column '{targetName}' has only one class ('{classNames[0]}').");
            var classIndex = classNames.Select((name, k) => (name, k)).ToDictionary(t => t.name, t => t.k);
            var y = labels.Select(label => classIndex[label]).ToArray();
            int d = featureNames.Length;

            var split = TrainTestSplit.Shuffle(data.Rows, fraction, parse.GetValue(seed));
            bool holdOut = split.Test.Length > 0;
            var trainX = holdOut ? TrainTestSplit.Gather<double>(data.Values, d, split.Train) : data.Values;
            var trainY = holdOut ? TrainTestSplit.Gather<int>(y, 1, split.Train) : y;
            double[]? testX = null;
            int[]? testY = null;
            if (holdOut)
            {
                testX = TrainTestSplit.Gather<double>(data.Values, d, split.Test);
                testY = TrainTestSplit.Gather<int>(y, 1, split.Test);
            }
            else if (testPath is not null)
            {
                FeatureMatrix testData;
                using (var testCsv = TableInput.OpenCsv(testPath, parse))
                    testData = FeatureMatrix.Read(testCsv, featureNames, targetName, bad);
                var kept = new List<int>();
                for (int i = 0; i < testData.Rows; i++)
                {
                    string label = testData.Labels![i];
                    if (classIndex.ContainsKey(label)) kept.Add(i);
                    else bad.Reject(new DataError(DataErrorKind.InvalidValue, testData.Source, testData.Lines[i], targetName, label,
                        $"label '{label}' is not a class of the training data ({string.Join(", ", classNames)})"));
                }
                testX = TrainTestSplit.Gather<double>(testData.Values, d, kept.ToArray());
                testY = kept.Select(i => classIndex[testData.Labels![i]]).ToArray();
            }

            CheckC(inverseStrength, parse.GetResult(c)?.Tokens.FirstOrDefault()?.Value, trainX, trainY.Length, classNames.Length);
            var options = new LogisticRegressionOptions { C = inverseStrength, Standardize = parse.GetValue(standardize), Tolerance = tolerance };
            var cpuStart = Environment.CpuUsage.TotalTime;
            long start = Stopwatch.GetTimestamp();
            // The bar's fraction: L-BFGS's own (iterations, or the gradient's way down to the tolerance on a log scale), in ‰.
            var model = WorkProgress.Run($"fitting {classNames.Length} classes × {d} features (L-BFGS)", 1000, report =>
                LogisticRegression.Fit(trainX, d, trainY, classNames.Length, options, classNames, featureNames, cancellationToken: CliSession.Current.Cancellation,
                    progress: WorkProgress.IsShown ? fraction => report((long)(fraction * 1000)) : null), unit: "‰")
                with { Target = targetName };
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            double cpuSeconds = (Environment.CpuUsage.TotalTime - cpuStart).TotalSeconds;
            if (savePath is not null) OutputFile.WriteText(savePath, "--save", parse.GetValue(force), writer => writer.Write(model.ToJson()), parse.GetValue(file), testPath);

            var trainReport = Evaluate(model, trainX, trainY);
            var testReport = testX is { Length: > 0 } ? Evaluate(model, testX, testY!) : null;
            var result = ResultOutput.InBase(TrainResult.From(model, options, trainReport, testReport, seconds, checked((int)bad.Skipped), bad.FirstReason) with { CpuSeconds = cpuSeconds }, Inputs.ParseBase(parse.GetValue(logBase)!));
            // With --save - the model is standard output; the report goes to stderr so the two do not mix.
            var output = OutputFile.IsStdout(savePath) ? parse.InvocationConfiguration.Error! : parse.InvocationConfiguration.Output;
            ResultOutput.Write(output, result, parse.GetValue(json), ResultText.Write);
            return 0;
        });
        return command;
    }

    /// <summary>
    /// --c must leave C·Σ CE and its gradient finite in double precision: at the start every row's cross-entropy is ln K and a
    /// gradient entry can reach C·Σ|x|, and the line search tries points further out, so C·rows·max(ln K, max|x|, 1) is kept
    /// below 1e300 (a factor of 10⁸ under double's largest value). Past that the objective overflows to ∞ or NaN, which the
    /// optimizer could only report as a failure at the starting point: say what to change instead.
    /// </summary>
    private static void CheckC(double c, string? typed, double[] x, int rows, int classes)
    {
        double maxAbs = 0;
        foreach (double v in x) maxAbs = Math.Max(maxAbs, Math.Abs(v));
        double limit = 1e300 / (rows * Math.Max(Math.Max(Math.Log(classes), maxAbs), 1));
        if (!(c <= limit))
            throw new UsageException($"--c {typed ?? c.ToString(System.Globalization.CultureInfo.InvariantCulture)} is too large: "
                + $"C·Σ cross-entropy over {rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} rows would overflow a double; give --c ≤ {limit.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)}.");
    }

    private static ClassificationReport Evaluate(LogisticRegressionModel model, double[] x, int[] y)
    {
        var p = new double[y.Length * model.Classes];
        model.PredictProbabilities(x, p);
        return ClassificationMetrics.Evaluate(p, model.Classes, y);
    }
}
