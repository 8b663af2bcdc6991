using BenchmarkDotNet.Attributes;
using System.Numerics.Tensors;
using Xent.Measures;

namespace Xent.Benchmarks.Measures;

/// <summary>H(P,Q) = −Σ p ln q over N doubles.</summary>
public class CrossEntropyBenchmark : MeasureBenchmark
{
    [Benchmark]
    public double CrossEntropy() => Discrete.CrossEntropy(P, Q, LogBase.Nats, Options).Value;

    [Benchmark(Baseline = true)]
    public double StreamingSums() => TensorPrimitives.Sum<double>(P) + TensorPrimitives.Sum<double>(Q);
}

// Latest results (BenchmarkDotNet 0.15.8 ShortRun: 3 iterations, 1 launch), 2026-11-23, on the project machine:
// AMD EPYC (AVX-512) 2 cores, Debian 12, .NET 10.0.12 — shared with three other engineers' builds and tests (load
// average 5–12 on 2 cores), so absolute times are inflated and noisy; the floor row is a single-threaded
// TensorPrimitives.Sum of the same arrays. Quieter best-of-15 figures from `./xent bench`: see bench/peers/scipy_measures.py.
// | Method | N | Threads | Mean | Error | StdDev |
// | -------------- | --------- | -------- | ----------------: | ----------------: | ----------------: |
// | CrossEntropy | 1000 | 1 | 1,685.9 ns | 1,672.9 ns | 91.70 ns |
// | StreamingSums | 1000 | 1 | 162.6 ns | 716.2 ns | 39.26 ns |
// | CrossEntropy | 1000 | 2 | 1,536.2 ns | 418.8 ns | 22.95 ns |
// | StreamingSums | 1000 | 2 | 147.4 ns | 214.9 ns | 11.78 ns |
// | CrossEntropy | 100000 | 1 | 106,543.9 ns | 483,863.1 ns | 26,522.17 ns |
// | StreamingSums | 100000 | 1 | 27,506.8 ns | 10,492.3 ns | 575.12 ns |
// | CrossEntropy | 100000 | 2 | 150,110.1 ns | 248,644.5 ns | 13,629.04 ns |
// | StreamingSums | 100000 | 2 | 43,571.1 ns | 291,249.6 ns | 15,964.37 ns |
// | CrossEntropy | 10000000 | 1 | 17,538,334.2 ns | 46,569,308.6 ns | 2,552,620.95 ns |
// | StreamingSums | 10000000 | 1 | 11,863,254.9 ns | 40,411,085.2 ns | 2,215,067.95 ns |
// | CrossEntropy | 10000000 | 2 | 23,018,474.9 ns | 55,817,097.5 ns | 3,059,523.47 ns |
// | StreamingSums | 10000000 | 2 | 14,990,908.5 ns | 18,204,658.0 ns | 997,858.74 ns |
