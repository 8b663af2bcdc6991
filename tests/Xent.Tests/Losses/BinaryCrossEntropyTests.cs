using CsCheck;
using Xent.Tests.Properties;
using Xent.Losses;
using Xent.Tests.Reference;

namespace Xent.Tests.Losses;

[Trait(Numerics.VectorPaths.Trait, Numerics.VectorPaths.Kernels)]
public class BinaryCrossEntropyTests
{
    private const double Exact = 1e-14;

    [Fact]
    public void HandValues()
    {
        Assert.Equal(Math.Log(2), BinaryCrossEntropy.WithLogits([0.0], [1.0]), Exact);
        Assert.Equal(3 * Math.Log(2), BinaryCrossEntropy.WithLogits([0.0], [1.0], positiveWeight: [3.0]), Exact);
        // −[0.3·log σ(2) + 0.7·log(1 − σ(2))]
        double s = 1 / (1 + Math.Exp(-2));
        Assert.Equal(-(0.3 * Math.Log(s) + 0.7 * Math.Log(1 - s)), BinaryCrossEntropy.WithLogits([2.0], [0.3]), 1e-14);
    }

    [Fact]
    public void StableAtTenThousand()
    {
        var g = new double[4];
        double sum = BinaryCrossEntropy.WithLogits([1e4, -1e4, 1e4, -1e4], [0, 1, 1, 0], g, Reduction.Sum);
        Assert.Equal(2e4, sum);
        Assert.Equal([1, -1, 0, 0], g);
        var rows = new double[2];
        BinaryCrossEntropy.WithLogits([40.0, -40.0], [1.0, 0.0], reduction: Reduction.None, elementLosses: rows);
        Assert.Equal(Math.Exp(-40), rows[0], 1e-30); // log(1 + e^-40) = e^-40 to double precision, not 0
        Assert.True(rows[0] > 0);
    }

    [Fact]
    public void GradientMatchesFiniteDifferences()
    {
        var gen = from n in Gen.Int[1, 12]
                  from z in Gen.Double[-10, 10].Array[n]
                  from y in Gen.Double[0, 1].Array[n]
                  from w in Gen.Double[0, 2].Array[n]
                  from k in Gen.Int[1, 3]
                  from pw in Gen.Double[0.1, 4].Array[k]
                  select (z, y, w, n % k == 0 ? pw : null);
        gen.SampleFixed(c =>
        {
            var (z, y, w, pw) = c;
            var g = new double[z.Length];
            BinaryCrossEntropy.WithLogits(z, y, g, weights: w, positiveWeight: pw);
            double F(double[] x) => BinaryCrossEntropy.WithLogits(x, y, weights: w, positiveWeight: pw);
            for (int i = 0; i < z.Length; i++) Assert.Equal(ReferenceLosses.Derivative(F, z, i), g[i], 1e-7);
        }, seed: "0000000000ba", iter: 200);
    }

    [Fact]
    public void RejectsBadInput()
    {
        Assert.Contains("targets[1]", Assert.Throws<ArgumentException>(() => BinaryCrossEntropy.WithLogits([0.0, 0.0], [0.0, 1.5])).Message);
        Assert.Contains("logits[0]", Assert.Throws<ArgumentException>(() => BinaryCrossEntropy.WithLogits([double.NaN], [0.0])).Message);
        Assert.Throws<ArgumentException>(() => BinaryCrossEntropy.WithLogits([0.0, 0.0, 0.0], [0.0, 0.0, 0.0], positiveWeight: [1.0, 2.0]));
        Assert.Equal(0, BinaryCrossEntropy.WithLogits(ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty));
    }
}
