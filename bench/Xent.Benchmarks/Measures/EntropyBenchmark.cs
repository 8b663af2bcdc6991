using BenchmarkDotNet.Attributes;
using System.Numerics.Tensors;
using Xent.Measures;

namespace Xent.Benchmarks.Measures;

/// <summary>H(P) = −Σ p ln p over N doubles.</summary>
public class EntropyBenchmark : MeasureBenchmark
{
    [Benchmark]
    public double Entropy() => Discrete.Entropy(P, LogBase.Nats, Options).Value;

    [Benchmark(Baseline = true)]
    public double StreamingSum() => TensorPrimitives.Sum<double>(P);
}

// Latest results (BenchmarkDotNet 0.15.8 ShortRun: 3 iterations, 1 launch), 2026-11-23, on the project machine:
// AMD EPYC (AVX-512) 2 cores, Debian 12, .NET 10.0.12 — shared with three other engineers' builds and tests (load
// average 5–12 on 2 cores), so absolute times are inflated and noisy; the floor row is a single-threaded
// TensorPrimitives.Sum of the same arrays. Quieter best-of-15 figures from `./xent bench`: see bench/peers/scipy_measures.py.
// | Method | N | Threads | Mean | Error | StdDev |
// | ------------- | --------- | -------- | -----------------: | -----------------: | -----------------: |
// | Entropy | 1000 | 1 | 2,256.94 ns | 3,209.02 ns | 175.897 ns |
// | StreamingSum | 1000 | 1 | 70.74 ns | 207.02 ns | 11.347 ns |
// | Entropy | 1000 | 2 | 1,375.86 ns | 2,482.21 ns | 136.058 ns |
// | StreamingSum | 1000 | 2 | 69.62 ns | 30.40 ns | 1.666 ns |
// | Entropy | 100000 | 1 | 115,299.14 ns | 134,357.47 ns | 7,364.586 ns |
// | StreamingSum | 100000 | 1 | 11,547.00 ns | 4,710.82 ns | 258.216 ns |
// | Entropy | 100000 | 2 | 119,575.42 ns | 74,525.69 ns | 4,085.005 ns |
// | StreamingSum | 100000 | 2 | 11,108.01 ns | 10,809.09 ns | 592.483 ns |
// | Entropy | 10000000 | 1 | 7,582,836.42 ns | 875,712.01 ns | 48,000.730 ns |
// | StreamingSum | 10000000 | 1 | 4,634,730.41 ns | 20,281,239.10 ns | 1,111,683.155 ns |
// | Entropy | 10000000 | 2 | 15,904,534.28 ns | 17,491,134.87 ns | 958,748.127 ns |
// | StreamingSum | 10000000 | 2 | 5,186,216.63 ns | 8,083,303.04 ns | 443,073.117 ns |
