using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Xent.Cli.Data;
using Xent.Cli.Rendering;
using Xent.Learning;
using Xent.Learning.Trees;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>
/// bench tree: time <see cref="DecisionTree.Fit"/> alone (reading the data is not timed) on numeric features from raw binary
/// files, so that a peer script (<c>bench/peers/tree.py</c>) can time scikit-learn on the very same numbers.
/// </summary>
internal static class BenchTreeCommand
{
    public static Command Create()
    {
        var x = new Option<string>("--x") { Description = "Features: n·d little-endian float64, column-major (feature 0's n values first), as numpy's X.T.tofile writes.", Required = true };
        var y = new Option<string>("--y") { Description = "Labels: n little-endian int32 in 0 … K−1.", Required = true };
        var features = new Option<int>("--features") { Description = "d, the number of feature columns in --x.", Required = true };
        var maxDepth = new Option<int?>("--max-depth") { Description = "The tree's depth limit (default: none)." };
        var threads = Inputs.Threads("Threads (DecisionTreeOptions.MaxDegreeOfParallelism)", 1);
        var runs = new Option<int>("--runs") { Description = "Timed fits; the fastest is reported.", DefaultValueFactory = _ => 3 };
        var json = Inputs.Json();
        var command = new Command("tree", "Time growing an information-gain decision tree on numeric features from binary files: seconds of the fastest fit.")
        {
            x, y, features, maxDepth, threads, runs, json,
        };
        Limits.AddTo(command);
        command.SetAction(parse =>
        {
            int d = parse.GetValue(features), r = parse.GetValue(runs), t = Inputs.ParseThreads(parse.GetValue(threads));
            if (d < 1) throw new UsageException($"--features {d} must be ≥ 1.");
            if (r < 1) throw new UsageException($"--runs {r} must be ≥ 1.");
            string xPath = InputFile.Check(parse.GetValue(x)!, "--x"), yPath = InputFile.Check(parse.GetValue(y)!, "--y");
            long yBytes = new FileInfo(yPath).Length, xBytes = new FileInfo(xPath).Length;
            if (yBytes % 4 != 0 || yBytes == 0) throw new UsageException($"--y '{yPath}': {yBytes} bytes is not a whole number of int32 labels.");
            long n = yBytes / 4;
            if (xBytes != n * d * 8) throw new UsageException($"--x '{xPath}': {xBytes} bytes, but {n} rows × {d} features of float64 need {n * d * 8}.");
            Limits.Memory(parse, n * d * 40.0, $"a tree on {n} rows × {d} features");
            Limits.Time(parse, r * n * d * 2e-8, $"--runs {r} on {n} rows × {d} features");
            var labels = MemoryMarshal.Cast<byte, int>(File.ReadAllBytes(yPath)).ToArray();
            int k = labels.Max() + 1;
            if (labels.Min() < 0) throw new UsageException($"--y '{yPath}': labels must be ≥ 0.");
            var raw = MemoryMarshal.Cast<byte, double>(File.ReadAllBytes(xPath));
            var columns = new FeatureColumn[d];
            for (int j = 0; j < d; j++) columns[j] = FeatureColumn.Numeric($"x{j}", raw.Slice((int)(j * n), (int)n).ToArray());
            var classes = Enumerable.Range(0, k).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var options = new DecisionTreeOptions { MaxDepth = parse.GetValue(maxDepth), MaxDegreeOfParallelism = t };
            double best = double.PositiveInfinity;
            DecisionTreeModel? model = null;
            WorkProgress.Run($"timing {r} tree fits", () =>
            {
                for (int run = 0; run < r; run++)
                {
                    long start = Stopwatch.GetTimestamp();
                    model = DecisionTree.Fit(columns, labels, classes, options, cancellationToken: CliSession.Current.Cancellation);
                    best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
                }
                return 0;
            });
            ResultOutput.Write(parse.InvocationConfiguration.Output, new TreeBenchResult
            {
                Rows = n, Features = d, Threads = t, MaxDepth = options.MaxDepth, Runs = r, Seconds = best,
                Nodes = model!.NodeCount, Leaves = model.LeafCount, Depth = model.Depth,
            }, parse.GetValue(json), (w, res) => w.WriteLine(
                $"tree: {res.Rows} rows × {res.Features} features, {res.Threads} thread(s), max depth {res.MaxDepth?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}: " +
                $"best of {res.Runs} fits {res.Seconds:0.000} s ({res.Nodes} nodes, {res.Leaves} leaves, depth {res.Depth})"));
            return 0;
        });
        return command;
    }
}
