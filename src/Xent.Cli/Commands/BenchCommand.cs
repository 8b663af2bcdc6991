using System.CommandLine;
using System.Diagnostics;
using System.Numerics.Tensors;
using Xent.Cli.Rendering;
using Xent.Measures;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>
/// bench: timings of library kernels. This file makes the parent command and its measure subcommands
/// (<c>entropy</c>, <c>cross-entropy</c>, <c>kl</c>); a kernel timed elsewhere gets its own file with a
/// <c>Create()</c> returning its subcommand, registered by one <c>yield return</c> line in <see cref="Siblings"/>.
/// </summary>
internal static class BenchCommand
{
    /// <summary>Seed of the random inputs, fixed so that every run (and the peer scripts) times the same numbers.</summary>
    public const int Seed = 20240601;

    public static Command Create()
    {
        var bench = new Command("bench", "Time library kernels on random inputs (fixed seed): best of several runs after a warm-up.");
        bench.Subcommands.Add(MeasureCommand("entropy", "H(P) = −Σ p ln p", usesQ: false,
            (p, _, options) => Discrete.Entropy(p, LogBase.Nats, options).Value));
        bench.Subcommands.Add(MeasureCommand("cross-entropy", "H(P,Q) = −Σ p ln q", usesQ: true,
            (p, q, options) => Discrete.CrossEntropy(p, q, LogBase.Nats, options).Value));
        bench.Subcommands.Add(MeasureCommand("kl", "D(P‖Q) = Σ p ln(p/q)", usesQ: true,
            (p, q, options) => Discrete.KlDivergence(p, q, LogBase.Nats, options).Value));
        foreach (var sibling in Siblings()) bench.Subcommands.Add(sibling);
        return bench;
    }

    /// <summary>Benchmarks of other kernels, one file each.</summary>
    private static IEnumerable<Command> Siblings()
    {
        yield return BenchHuffmanCommand.Create();
        yield return BenchRansCommand.Create(order: 0);
        yield return BenchRansCommand.Create(order: 1);
        yield return BenchCmCommand.Create();
        yield return BenchSoftmaxCeCommand.Create();
        yield return BenchMiTableCommand.Create();
        yield return BenchTreeCommand.Create();
    }

    private static Command MeasureCommand(string name, string formula, bool usesQ, Func<double[], double[], MeasureOptions, double> measure)
    {
        var n = new Option<int>("--n") { Description = "Number of elements (random doubles, p and q each normalized to sum 1).", DefaultValueFactory = _ => 10_000_000 };
        var threads = Inputs.Threads("Threads (MeasureOptions.MaxDegreeOfParallelism)", 1);
        var runs = new Option<int>("--runs") { Description = "Timed runs; the fastest is reported.", DefaultValueFactory = _ => 15 };
        var json = Inputs.Json();
        var command = new Command(name, $"Time {formula} on N random doubles: ns per element of the fastest run.") { n, threads, runs, json };
        Limits.AddTo(command);
        command.SetAction(parse =>
        {
            int count = parse.GetValue(n), t = Inputs.ParseThreads(parse.GetValue(threads)), r = parse.GetValue(runs);
            if (count < 1) throw new UsageException($"--n {count} must be ≥ 1.");
            if (r < 1) throw new UsageException($"--runs {r} must be ≥ 1.");
            if (count > Array.MaxLength) throw new UsageException($"--n {count} is more doubles than one array holds ({Array.MaxLength}).");
            Limits.Memory(parse, (usesQ ? 16.0 : 8.0) * count, $"--n {count}");
            Limits.Time(parse, MinimumSeconds(count, r), $"--runs {r} with --n {count}");
            var random = new Random(Seed);
            double[] p, q;
            try
            {
                p = RandomDistribution(random, count);
                q = usesQ ? RandomDistribution(random, count) : [];
            }
            catch (OutOfMemoryException)
            {
                throw new UsageException($"--n {count}: not enough memory for {(usesQ ? 2 : 1)} array(s) of {count} doubles ({(usesQ ? 16 : 8) * (double)count / 1e9:0.#} GB).");
            }
            var options = new MeasureOptions { MaxDegreeOfParallelism = t };
            var result = WorkProgress.Run($"timing {name}", r, done => Time(name, count, t, r, bytesPerElement: usesQ ? 16 : 8, () => measure(p, q, options), done), "runs");
            // The memory-bandwidth floor: a plain vectorised sum reading the same arrays on the same number of threads.
            var floor = Time("streaming sum", count, t, r, bytesPerElement: usesQ ? 16 : 8, () => StreamingSum(p, t) + StreamingSum(q, t));
            ResultOutput.Write(parse.InvocationConfiguration.Output, result with { StreamingSumNsPerElement = floor.NsPerElement },
                parse.GetValue(json), ResultText.Write);
            return 0;
        });
        return command;
    }

    /// <summary>
    /// A lower bound of the time <see cref="Time"/> takes, twice (the measure and the streaming-sum floor): each warm-up lasts
    /// 0.2 s, and each timed run at least 1 ms (about 2 ms of calls) or 0.1 ns per element, whichever is longer.
    /// </summary>
    internal static double MinimumSeconds(long n, int runs) => 2 * (0.2 + runs * Math.Max(1e-3, n * 1e-10));

    private static double StreamingSum(double[] values, int threads)
    {
        if (threads == 1) return TensorPrimitives.Sum<double>(values);
        var partial = new double[threads];
        int chunk = (values.Length + threads - 1) / threads;
        Parallel.For(0, threads, k =>
        {
            int start = Math.Min(values.Length, k * chunk);
            partial[k] = TensorPrimitives.Sum<double>(values.AsSpan(start, Math.Min(chunk, values.Length - start)));
        });
        return partial.Sum();
    }

    internal static double[] RandomDistribution(Random random, int n)
    {
        var values = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) sum += values[i] = random.NextDouble();
        for (int i = 0; i < n; i++) values[i] /= sum;
        return values;
    }

    /// <summary>
    /// Warm-up (at least 0.2 s and 50 calls, so the JIT's tiered, PGO-optimised code is what gets timed), then
    /// <paramref name="runs"/> timed runs of enough calls to last ~2 ms each (short runs are likelier to be undisturbed on a
    /// shared machine); the fastest run's time per call is reported.
    /// </summary>
    public static MeasureBenchResult Time(string measure, int n, int threads, int runs, int bytesPerElement, Func<double> kernel,
        Action<long>? progress = null)
    {
        var cancellation = CliSession.Current.Cancellation;
        double value = 0;
        var warm = Stopwatch.StartNew();
        int calls = 0;
        while (calls < 50 || warm.ElapsedMilliseconds < 200)
        {
            cancellation.ThrowIfCancellationRequested();
            value = kernel();
            calls++;
        }
        double perCall = warm.Elapsed.TotalNanoseconds / calls;
        int callsPerRun = (int)Math.Clamp(2e6 / perCall, 1, 1_000_000);
        double best = double.PositiveInfinity;
        for (int k = 0; k < runs; k++)
        {
            cancellation.ThrowIfCancellationRequested();
            long start = Stopwatch.GetTimestamp();
            for (int c = 0; c < callsPerRun; c++) value = kernel();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalNanoseconds / callsPerRun);
            progress?.Invoke(k + 1);
        }
        return new MeasureBenchResult
        {
            Measure = measure, N = n, Threads = threads, NsPerElement = best / n, GbPerSecond = bytesPerElement / (best / n),
            Runs = runs, Value = value, Base = LogBase.Nats.Value,
        };
    }
}
