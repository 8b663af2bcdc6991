using System.CommandLine;
using System.Diagnostics;
using Xent.Cli.Data;
using Xent.Cli.Plotting;
using Xent.Cli.Rendering;
using Xent.Data;
using Xent.Learning;
using Xent.Learning.Trees;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>tree: grow a decision tree by information gain; print it with train/test accuracy and log loss; save or draw it.</summary>
internal static class TreeCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("FILE") { Description = "A table with a header row (CSV, - for stdin; or Parquet; or give --sql): feature columns (numbers or categories) and a target column.", Arity = ArgumentArity.ZeroOrOne };
        var target = new Option<string>("--target") { Description = "The column of class labels.", Required = true };
        var maxDepth = new Option<int?>("--max-depth") { Description = "The deepest a leaf may be (root: 0; default: no limit)." };
        var minLeaf = new Option<int>("--min-leaf") { Description = "Training rows every branch of a split keeps at least.", DefaultValueFactory = _ => 1 };
        var minGain = new Option<double>("--min-gain") { Description = "Split a node only if the best gain is at least this many bits." };
        var criterion = new Option<string>("--criterion") { Description = "gain (information gain, ID3) or gain-ratio (C4.5).", DefaultValueFactory = _ => "gain" };
        var split = new Option<string>("--split") { Description = "Categorical splits: multiway (one branch per category) or binary (a subset against the rest).", DefaultValueFactory = _ => "multiway" };
        var ccpAlpha = new Option<double>("--ccp-alpha") { Description = "Minimal cost-complexity pruning α in bits (scikit-learn's ccp_alpha with entropy in bits; 0: none)." };
        var smoothing = new Option<double>("--smoothing") { Description = "Pseudo-count added to every class count of a leaf for its probabilities (1: Laplace; default 0)." };
        var testFraction = new Option<double>("--test-fraction") { Description = "Hold out this fraction of the rows (shuffled with --seed) as a test set." };
        var seed = new Option<int>("--seed") { Description = "Seed of the train/test shuffle.", DefaultValueFactory = _ => 1 };
        var test = new Option<string?>("--test") { Description = "A separate test table with the same columns." };
        var save = new Option<string?>("--save") { Description = "Write the model as JSON here (- for stdout); 'xent predict' reads it." };
        var plot = new Option<string?>("--plot") { Description = "Draw the tree into this .svg or .png file." };
        var force = new Option<bool>("--force") { Description = "Replace the --save or --plot file if it exists." };
        var threads = Inputs.Threads("Threads for the split search (the tree is the same for any number)", 1);
        var json = Inputs.Json();
        var command = new Command("tree", "Grow a classification tree by information gain; print each node's entropy, gain and counts, and the accuracy and log loss.")
        {
            file, target, maxDepth, minLeaf, minGain, criterion, split, ccpAlpha, smoothing, testFraction, seed, test, save, plot, force, threads, json,
        };
        LearningInput.AddTo(command);
        Limits.AddTo(command);
        command.SetAction(parse =>
        {
            double fraction = parse.GetValue(testFraction);
            string? testPath = parse.GetValue(test), savePath = parse.GetValue(save), plotPath = parse.GetValue(plot);
            string? path = parse.GetValue(file);
            if (!(fraction >= 0 && fraction < 1)) throw new UsageException($"--test-fraction {fraction} must be in [0, 1).");
            if (fraction > 0 && testPath is not null) throw new UsageException("Give --test-fraction or --test, not both.");
            var options = new DecisionTreeOptions
            {
                MaxDepth = parse.GetValue(maxDepth),
                MinSamplesLeaf = parse.GetValue(minLeaf),
                MinGainBits = parse.GetValue(minGain),
                CcpAlphaBits = parse.GetValue(ccpAlpha),
                Smoothing = parse.GetValue(smoothing),
                Criterion = parse.GetValue(criterion) switch
                {
                    "gain" => SplitCriterion.InformationGain,
                    "gain-ratio" => SplitCriterion.GainRatio,
                    var other => throw new UsageException($"--criterion '{other}' must be gain or gain-ratio."),
                },
                CategoricalSplit = parse.GetValue(split) switch
                {
                    "multiway" => CategoricalSplit.MultiWay,
                    "binary" => CategoricalSplit.Binary,
                    var other => throw new UsageException($"--split '{other}' must be multiway or binary."),
                },
                MaxDegreeOfParallelism = Inputs.ParseThreads(parse.GetValue(threads)),
            };
            if (options.MaxDepth is < 0) throw new UsageException($"--max-depth {options.MaxDepth} must be ≥ 0.");
            if (options.MinSamplesLeaf < 1) throw new UsageException($"--min-leaf {options.MinSamplesLeaf} must be ≥ 1.");
            if (!(options.MinGainBits >= 0) || double.IsInfinity(options.MinGainBits)) throw new UsageException($"--min-gain {options.MinGainBits} must be a number ≥ 0.");
            if (!(options.CcpAlphaBits >= 0) || double.IsInfinity(options.CcpAlphaBits)) throw new UsageException($"--ccp-alpha {options.CcpAlphaBits} must be a number ≥ 0.");
            if (!(options.Smoothing >= 0) || double.IsInfinity(options.Smoothing)) throw new UsageException($"--smoothing {options.Smoothing} must be a number ≥ 0.");
            bool overwrite = parse.GetValue(force);
            if (savePath is not null) OutputFile.Check(savePath, "--save", overwrite, path, testPath);
            if (plotPath is not null) PlotRenderer.CheckPath(plotPath, overwrite);

            string targetName = parse.GetValue(target)!;
            var bad = LearningInput.Policy(parse);
            string[] names;
            FeatureColumn[] columns;
            FeatureColumn label;
            string source;
            using (var table = TableInput.Open(path, parse, "FILE"))
            {
                source = table.Source;
                var (featureNames, kinds) = LearningInput.Features(table, targetName, parse);
                names = featureNames;
                var read = WorkProgress.Run($"reading {table.Source}", () => FeatureColumns.Read(table, featureNames, kinds, targetName, ColumnKind.Categorical, bad));
                (columns, label) = (read.Features, read.Label!);
            }
            int n = label.Length, d = columns.Length;
            var classNames = label.Categories!.Order(StringComparer.Ordinal).ToArray();
            if (classNames.Length < 2) throw new InvalidDataException($"{source}: column '{targetName}' has only one class ('{classNames[0]}'); a tree needs two.");
            var classOf = label.Categories!.Select(c => Array.IndexOf(classNames, c)).ToArray();
            var y = label.Codes!.Select(code => classOf[code]).ToArray();
            // The presorted lists: per numeric feature n indices and n values, plus the rows, branches and the columns themselves.
            Limits.Memory(parse, (double)n * (d * 24.0 + 16), $"a tree on {n} rows × {d} features");

            var splitRows = TrainTestSplit.Shuffle(n, fraction, parse.GetValue(seed));
            bool holdOut = splitRows.Test.Length > 0;
            var trainColumns = holdOut ? columns.Select(c => LearningInput.Gather(c, splitRows.Train)).ToArray() : columns;
            var trainY = holdOut ? TrainTestSplit.Gather<int>(y, 1, splitRows.Train) : y;
            long start = Stopwatch.GetTimestamp();
            var model = WorkProgress.Run($"growing a tree on {trainY.Length} rows × {d} features", () =>
                DecisionTree.Fit(trainColumns, trainY, classNames, options, targetName, CliSession.Current.Cancellation));
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;

            ClassificationReport? testReport = null;
            int testRows = 0;
            if (holdOut)
            {
                var testColumns = columns.Select(c => LearningInput.Gather(c, splitRows.Test)).ToArray();
                testReport = Evaluate(model, testColumns, TrainTestSplit.Gather<int>(y, 1, splitRows.Test));
                testRows = splitRows.Test.Length;
            }
            else if (testPath is not null)
            {
                (testReport, testRows) = EvaluateFile(model, columns, testPath, parse, bad);
            }
            var trainReport = Evaluate(model, trainColumns, trainY);

            if (savePath is not null) OutputFile.WriteText(savePath, "--save", overwrite, writer => writer.Write(model.ToJson()), path, testPath);
            if (plotPath is not null) PlotRenderer.Save(TreePlot.Build(model, $"Decision tree for '{targetName}' ({Path.GetFileName(source)})"), plotPath, overwrite, width: 1600, height: 900);
            var result = new TreeResult
            {
                Base = LogBase.Bits.Value,
                TrainAccuracy = trainReport.Accuracy, TrainLogLoss = trainReport.LogLoss.Bits, TrainRows = trainY.Length,
                TestAccuracy = testReport?.Accuracy, TestLogLoss = testReport?.LogLoss.Bits, TestRows = testReport is null ? null : testRows,
                Target = targetName, Classes = classNames,
                Features = [.. columns.Select(c => c.IsCategorical ? $"{c.Name} (categorical)" : c.Name)],
                Criterion = options.Criterion == SplitCriterion.GainRatio ? "gain-ratio" : "gain",
                Nodes = model.NodeCount, Leaves = model.LeafCount, Depth = model.Depth, Seconds = seconds,
                SkippedRows = checked((int)bad.Skipped), FirstSkippedReason = bad.Skipped > 0 ? bad.FirstReason : null,
                Root = model.Root,
            };
            var output = OutputFile.IsStdout(savePath) ? parse.InvocationConfiguration.Error! : parse.InvocationConfiguration.Output;
            ResultOutput.Write(output, result, parse.GetValue(json), ResultText.Write);
            return 0;
        });
        return command;
    }

    /// <summary>The rows of <paramref name="columns"/> as the model reads them: values, or category codes as numbers.</summary>
    private static double[] Rows(IReadOnlyList<FeatureColumn> columns)
    {
        int d = columns.Count, n = columns[0].Length;
        var x = new double[(long)n * d];
        for (int j = 0; j < d; j++)
        {
            var column = columns[j];
            for (int i = 0; i < n; i++) x[(long)i * d + j] = column.IsCategorical ? column.Codes![i] : column.Values![i];
        }
        return x;
    }

    private static ClassificationReport Evaluate(DecisionTreeModel model, IReadOnlyList<FeatureColumn> columns, int[] y)
    {
        var p = new double[y.Length * model.Classes];
        model.PredictProbabilities(Rows(columns), p);
        return ClassificationMetrics.Evaluate(p, model.Classes, y);
    }

    /// <summary>Reads a separate test table with the training columns' kinds; categories are matched by name (unseen ones stop at their split).</summary>
    private static (ClassificationReport, int) EvaluateFile(DecisionTreeModel model, FeatureColumn[] train, string testPath, ParseResult parse, BadRows bad)
    {
        FeatureColumn[] columns;
        FeatureColumn label;
        string source;
        using (var table = TableInput.OpenFile(testPath, parse))
        {
            source = table.Source;
            var read = FeatureColumns.Read(table, [.. train.Select(c => c.Name)],
                [.. train.Select(c => c.IsCategorical ? ColumnKind.Categorical : ColumnKind.Numeric)], model.Target, ColumnKind.Categorical, bad);
            (columns, label) = (read.Features, read.Label!);
        }
        int d = columns.Length;
        var x = Rows(columns);
        for (int j = 0; j < d; j++)
        {
            if (!columns[j].IsCategorical) continue;
            var toModel = columns[j].Categories!.Select(name => (double)model.CategoryCode(j, name)).ToArray();
            for (int i = 0; i < label.Length; i++) x[(long)i * d + j] = toModel[columns[j].Codes![i]];
        }
        var classOf = label.Categories!.Select(name => model.ClassNames.ToList().IndexOf(name)).ToArray();
        var kept = Enumerable.Range(0, label.Length).Where(i => classOf[label.Codes![i]] >= 0).ToArray();
        if (kept.Length == 0)
            throw new InvalidDataException($"{source}: no row has a label the model knows ({string.Join(", ", model.ClassNames)}).");
        if (kept.Length < label.Length && bad.Policy == BadRowPolicy.Stop)
        {
            string unknown = label.Categories![label.Codes![Enumerable.Range(0, label.Length).First(i => classOf[label.Codes![i]] < 0)]];
            throw new InvalidDataException($"{source}: label '{unknown}' is not a class of the training data ({string.Join(", ", model.ClassNames)}).");
        }
        var y = kept.Select(i => classOf[label.Codes![i]]).ToArray();
        var p = new double[kept.Length * model.Classes];
        model.PredictProbabilities(TrainTestSplit.Gather<double>(x, d, kept), p);
        return (ClassificationMetrics.Evaluate(p, model.Classes, y), kept.Length);
    }
}
