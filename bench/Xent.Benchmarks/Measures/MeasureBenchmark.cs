using BenchmarkDotNet.Attributes;
using Xent.Measures;

namespace Xent.Benchmarks.Measures;

/// <summary>
/// Shared set-up of the measure benchmarks: seeded random doubles, p and q each normalized to sum 1 (as `xent bench`
/// makes them), N elements, the measure run on 1 or 2 threads. Each benchmark compares itself with a streaming sum of
/// the same arrays (single-threaded TensorPrimitives.Sum), the memory-bandwidth floor of a one-pass kernel.
/// </summary>
[MemoryDiagnoser]
public abstract class MeasureBenchmark
{
    protected double[] P { get; private set; } = [];
    protected double[] Q { get; private set; } = [];
    protected MeasureOptions Options { get; private set; } = MeasureOptions.Default;

    [Params(1_000, 100_000, 10_000_000)]
    public int N { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        P = Distribution(new Random(1), N);
        Q = Distribution(new Random(2), N);
        Options = new MeasureOptions { MaxDegreeOfParallelism = Threads };
    }

    private static double[] Distribution(Random random, int n)
    {
        var values = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) sum += values[i] = random.NextDouble();
        for (int i = 0; i < n; i++) values[i] /= sum;
        return values;
    }
}
