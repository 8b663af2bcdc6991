using BenchmarkDotNet.Attributes;
using System.Numerics.Tensors;
using Xent.Measures;

namespace Xent.Benchmarks.Measures;

/// <summary>D(P‖Q) = Σ p ln(p/q) over N doubles.</summary>
public class KlBenchmark : MeasureBenchmark
{
    [Benchmark]
    public double KlDivergence() => Discrete.KlDivergence(P, Q, LogBase.Nats, Options).Value;

    [Benchmark(Baseline = true)]
    public double StreamingSums() => TensorPrimitives.Sum<double>(P) + TensorPrimitives.Sum<double>(Q);
}

// Latest results (BenchmarkDotNet 0.15.8 ShortRun: 3 iterations, 1 launch), 2026-11-23, on the project machine:
// AMD EPYC (AVX-512) 2 cores, Debian 12, .NET 10.0.12 — shared with three other engineers' builds and tests (load
// average 5–12 on 2 cores), so absolute times are inflated and noisy; the floor row is a single-threaded
// TensorPrimitives.Sum of the same arrays. Quieter best-of-15 figures from `./xent bench`: see bench/peers/scipy_measures.py.
// | Method | N | Threads | Mean | Error | StdDev |
// | -------------- | --------- | -------- | ----------------: | ----------------: | --------------: |
// | KlDivergence | 1000 | 1 | 1,594.0 ns | 463.21 ns | 25.39 ns |
// | StreamingSums | 1000 | 1 | 122.9 ns | 63.14 ns | 3.46 ns |
// | KlDivergence | 1000 | 2 | 1,579.1 ns | 807.54 ns | 44.26 ns |
// | StreamingSums | 1000 | 2 | 107.5 ns | 24.38 ns | 1.34 ns |
// | KlDivergence | 100000 | 1 | 179,258.6 ns | 289,989.24 ns | 15,895.29 ns |
// | StreamingSums | 100000 | 1 | 28,671.0 ns | 29,389.38 ns | 1,610.93 ns |
// | KlDivergence | 100000 | 2 | 172,381.1 ns | 94,031.36 ns | 5,154.18 ns |
// | StreamingSums | 100000 | 2 | 30,669.0 ns | 31,080.10 ns | 1,703.61 ns |
// | KlDivergence | 10000000 | 1 | 18,907,049.8 ns | 8,488,071.90 ns | 465,259.86 ns |
// | StreamingSums | 10000000 | 1 | 10,436,091.0 ns | 3,356,759.04 ns | 183,995.29 ns |
// | KlDivergence | 10000000 | 2 | 17,880,138.6 ns | 5,199,499.93 ns | 285,002.14 ns |
// | StreamingSums | 10000000 | 2 | 9,876,726.0 ns | 9,290,380.34 ns | 509,237.10 ns |
