using System.CommandLine;
using System.Diagnostics;
using Xent.Cli.Rendering;
using Xent.Losses;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>bench softmax-ce: time softmax cross-entropy forward + backward (loss and gradient) on random float logits.</summary>
internal static class BenchSoftmaxCeCommand
{
    /// <summary>
    /// A stand-in <c>bench</c> parent holding only this subcommand, for this branch alone: the real parent
    /// (Commands/BenchCommand.cs, another branch) registers <see cref="Create"/> among its siblings when the branches meet.
    /// </summary>
    public static Command Create()
    {
        var rows = new Option<int>("--rows") { Description = "Batch size N.", DefaultValueFactory = _ => 4096 };
        var classes = new Option<int>("--classes") { Description = "Classes C.", DefaultValueFactory = _ => 32000 };
        var threads = Inputs.Threads("Threads (rows are split between them)", 1);
        var repeat = new Option<int>("--repeat") { Description = "Timed runs; the fastest is reported.", DefaultValueFactory = _ => 7 };
        var seed = new Option<int>("--seed") { Description = "Seed of the random logits and targets.", DefaultValueFactory = _ => 1 };
        var json = Inputs.Json();
        var command = new Command("softmax-ce", "Softmax cross-entropy forward + backward on float logits [N, C]: ns per logit (fastest run).")
        {
            rows, classes, threads, repeat, seed, json,
        };
        Limits.AddTo(command);
        command.SetAction(parse =>
        {
            int n = parse.GetValue(rows), c = parse.GetValue(classes), t = Inputs.ParseThreads(parse.GetValue(threads)), r = parse.GetValue(repeat);
            if (n < 1 || c < 1 || r < 1) throw new UsageException("--rows, --classes and --repeat must be ≥ 1.");
            if ((long)n * c > Array.MaxLength) throw new UsageException($"--rows × --classes = {(long)n * c} is more than one array holds.");
            // Logits and gradient (floats), targets (ints).
            Limits.Memory(parse, 8.0 * n * c + 4.0 * n, $"--rows {n} --classes {c}");
            // Warm-up ≥ 0.5 s, then each run touches every logit (≥ 0.1 ns each).
            Limits.Time(parse, 0.5 + (3.0 + r) * n * c * 1e-10, $"--repeat {r} with --rows {n} --classes {c}");
            var random = new Random(parse.GetValue(seed));
            var logits = new float[n * c];
            for (int i = 0; i < logits.Length; i++) logits[i] = (float)(4 * random.NextDouble() - 2);
            var targets = new int[n];
            for (int i = 0; i < n; i++) targets[i] = random.Next(c);
            var gradient = new float[n * c];
            var options = new CrossEntropyOptions { MaxDegreeOfParallelism = t };
            // Warm-up: page faults, and long enough (≥ 0.5 s) for tiered compilation to install the optimized code.
            double loss = 0;
            long warmUp = Stopwatch.GetTimestamp();
            var cancellation = CliSession.Current.Cancellation;
            for (int k = 0; k < 3 || Stopwatch.GetElapsedTime(warmUp).TotalSeconds < 0.5; k++)
            {
                cancellation.ThrowIfCancellationRequested();
                loss = SoftmaxCrossEntropy.Compute(logits, c, targets, gradient, options);
            }
            double best = double.PositiveInfinity;
            for (int k = 0; k < r; k++)
            {
                cancellation.ThrowIfCancellationRequested();
                long start = Stopwatch.GetTimestamp();
                loss = SoftmaxCrossEntropy.Compute(logits, c, targets, gradient, options);
                best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalNanoseconds);
            }
            double perElement = best / ((double)n * c);
            var output = parse.InvocationConfiguration.Output;
            ResultOutput.Write(output, new SoftmaxCeBenchResult
            {
                NsPerElement = perElement, Rows = n, Classes = c, Threads = t, BestMs = best / 1e6, Runs = r, Loss = loss, Base = LogBase.Nats.Value,
            }, parse.GetValue(json), ResultText.Write);
            return 0;
        });
        return command;
    }
}
