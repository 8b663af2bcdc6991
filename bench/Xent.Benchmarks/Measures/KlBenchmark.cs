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
