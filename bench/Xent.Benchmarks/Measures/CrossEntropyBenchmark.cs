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
