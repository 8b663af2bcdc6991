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
