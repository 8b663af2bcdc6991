using System.CommandLine;
using Xent.Cli.Data;
using Xent.Cli.Rendering;
using Xent.Data;
using Xent.Learning;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>rank-features: each feature's mutual information with a target, with bootstrap intervals and permutation p-values; greedy mRMR/JMI selection.</summary>
internal static class RankFeaturesCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("FILE") { Description = "A table with a header row (CSV, - for stdin; or Parquet; or give --sql): feature columns (numbers or categories) and a target column.", Arity = ArgumentArity.ZeroOrOne };
        var target = new Option<string>("--target") { Description = "The target column (class labels unless --continuous-target).", Required = true };
        var method = new Option<string>("--method") { Description = "plugin, miller-madow (numeric columns in quantile bins) or ksg (k-nearest neighbours: scikit-learn's mutual_info_classif estimator).", DefaultValueFactory = _ => "plugin" };
        var select = new Option<int?>("--select") { Description = "Keep this many features (default: all)." };
        var strategy = new Option<string>("--strategy") { Description = "mi (by own MI), mrmr (max relevance − mean redundancy) or jmi (joint mutual information), greedy.", DefaultValueFactory = _ => "mi" };
        var permutations = new Option<int>("--permutations") { Description = "Target permutations behind each p-value (0: none).", DefaultValueFactory = _ => 100 };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Row resamples behind each confidence interval (0: none).", DefaultValueFactory = _ => 100 };
        var confidence = new Option<double>("--confidence") { Description = "The intervals' confidence level.", DefaultValueFactory = _ => 0.95 };
        var bins = new Option<int>("--bins") { Description = "Quantile bins for numeric columns in plugin, miller-madow, mRMR and JMI.", DefaultValueFactory = _ => 10 };
        var neighbors = new Option<int>("--neighbors") { Description = "k of the ksg estimator.", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "Seed of permutations, resamples and tie-breaking noise." };
        var continuous = new Option<bool>("--continuous-target") { Description = "Read the target as numbers (KSG algorithm 1 with ksg; quantile bins otherwise)." };
        var threads = Inputs.Threads("Threads over features (the figures are the same for any number)", 1);
        var json = Inputs.Json();
        var command = new Command("rank-features", "Rank features by mutual information with a target, in bits, with bootstrap intervals and permutation p-values.")
        {
            file, target, method, select, strategy, permutations, bootstrap, confidence, bins, neighbors, seed, continuous, threads, json,
        };
        LearningInput.AddTo(command);
        Limits.AddTo(command);
        command.SetAction(parse =>
        {
            string methodName = parse.GetValue(method)!, strategyName = parse.GetValue(strategy)!;
            var options = new FeatureRankingOptions
            {
                Method = methodName switch
                {
                    "plugin" => MiMethod.PlugIn,
                    "miller-madow" => MiMethod.MillerMadow,
                    "ksg" => MiMethod.Ksg,
                    _ => throw new UsageException($"--method '{methodName}' must be plugin, miller-madow or ksg."),
                },
                Strategy = strategyName switch
                {
                    "mi" => SelectionStrategy.Mi,
                    "mrmr" => SelectionStrategy.Mrmr,
                    "jmi" => SelectionStrategy.Jmi,
                    _ => throw new UsageException($"--strategy '{strategyName}' must be mi, mrmr or jmi."),
                },
                Select = parse.GetValue(select),
                Permutations = parse.GetValue(permutations),
                BootstrapResamples = parse.GetValue(bootstrap),
                Confidence = parse.GetValue(confidence),
                Bins = parse.GetValue(bins),
                Neighbors = parse.GetValue(neighbors),
                Seed = parse.GetValue(seed),
                MaxDegreeOfParallelism = Inputs.ParseThreads(parse.GetValue(threads)),
            };
            if (options.Permutations < 0) throw new UsageException($"--permutations {options.Permutations} must be ≥ 0.");
            if (options.BootstrapResamples is < 0 or 1) throw new UsageException($"--bootstrap {options.BootstrapResamples} must be 0 or ≥ 2.");
            if (!(options.Confidence > 0 && options.Confidence < 1)) throw new UsageException($"--confidence {options.Confidence} must be in (0, 1).");
            if (options.Bins < 2) throw new UsageException($"--bins {options.Bins} must be ≥ 2.");
            if (options.Neighbors < 1) throw new UsageException($"--neighbors {options.Neighbors} must be ≥ 1.");
            string targetName = parse.GetValue(target)!;
            bool continuousTarget = parse.GetValue(continuous);
            var bad = LearningInput.Policy(parse);
            FeatureColumn[] columns;
            FeatureColumn label;
            ColumnType[] types;
            string source;
            using (var table = TableInput.Open(parse.GetValue(file), parse, "FILE"))
            {
                source = table.Source;
                var (names, kinds) = LearningInput.Features(table, targetName, parse);
                var read = WorkProgress.Run($"reading {table.Source}", () =>
                    FeatureColumns.ReadTyped(table, names, kinds, targetName, continuousTarget ? ColumnKind.Numeric : ColumnKind.Categorical, bad));
                (columns, label, types) = (read.Features, read.Label!, read.Types);
            }
            int n = label.Length, d = columns.Length;
            if (options.Select is int k && (k < 1 || k > d)) throw new UsageException($"--select {k} must be in 1 … {d} (the number of features).");
            if (n < 2) throw new InvalidDataException($"{source}: {n} usable row; mutual information needs at least 2.");
            if (label.IsCategorical && label.Categories!.Count < 2)
                throw new InvalidDataException($"{source}: column '{targetName}' has only one class ('{label.Categories[0]}'); its mutual information with anything is 0.");
            // Each estimate reads every row once (discrete) or sorts them (ksg), after a fixed cost (a contingency table to
            // allocate, a permutation to shuffle or a resample to draw: ≥ 0.15 µs even on 6 rows); 1 + permutations + resamples
            // estimates per feature.
            double perRow = options.Method == MiMethod.Ksg ? 2e-7 * Math.Log2(n + 1) : 5e-9;
            double estimates = (1.0 + options.Permutations + options.BootstrapResamples) * d;
            int workers = Math.Min(d, options.MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : Math.Max(1, options.MaxDegreeOfParallelism));
            Limits.Time(parse, estimates * (1.5e-7 + n * perRow) / workers, $"--permutations {options.Permutations} and --bootstrap {options.BootstrapResamples} over {d} features × {n} rows");
            // The rows, and per feature being scored the resamples' estimates (8 bytes each, kept for the percentiles).
            Limits.Memory(parse, (double)n * d * 12 + (double)n * 64 + 8.0 * options.BootstrapResamples * workers, $"--bootstrap {options.BootstrapResamples} over {d} features × {n} rows");
            var scores = WorkProgress.Run($"ranking {d} features", () => FeatureRanking.Rank(columns, label, options, CliSession.Current.Cancellation));
            var kindOf = columns.Select((c, j) => (c.Name, Kind: ColumnTypes.Name(types[j]))).ToDictionary(p => p.Name, p => p.Kind);
            var result = new RankFeaturesResult
            {
                Base = LogBase.Bits.Value, Target = targetName, Rows = n, Method = methodName, Strategy = strategyName, Bins = options.Bins,
                Neighbors = options.Neighbors, Permutations = options.Permutations, Bootstrap = options.BootstrapResamples,
                Confidence = options.Confidence, Seed = options.Seed, SkippedRows = checked((int)bad.Skipped),
                Features = [.. scores.Select(s => new RankedFeature
                {
                    Name = s.Name, Kind = kindOf[s.Name], MiBits = s.MiBits, CiLow = s.CiLowBits, CiHigh = s.CiHighBits, PValue = s.PValue,
                    SelectionScoreBits = s.SelectionScoreBits,
                })],
            };
            ResultOutput.Write(parse.InvocationConfiguration.Output, result, parse.GetValue(json), ResultText.Write);
            return 0;
        });
        return command;
    }
}
