using Xent.Losses;

namespace Xent.Tests.Losses;

[Trait(Numerics.VectorPaths.Trait, Numerics.VectorPaths.Kernels)]
public class KlDivergenceLossTests
{
    [Fact]
    public void BatchMeanIsTheMeanDivergence()
    {
        double[] p = [0.5, 0.5, 0, 1.0];
        double[] q = [0.25, 0.75, 0.5, 0.5];
        var logQ = q.Select(x => Math.Log(x)).ToArray();
        double d0 = 0.5 * Math.Log(0.5 / 0.25) + 0.5 * Math.Log(0.5 / 0.75), d1 = Math.Log(1 / 0.5);
        var g = new double[4];
        Assert.Equal((d0 + d1) / 2, KlDivergenceLoss.Compute(logQ, p, 2, g), 1e-15);
        Assert.Equal([-0.25, -0.25, 0, -0.5], g);
        Assert.Equal((d0 + d1) / 4, KlDivergenceLoss.Compute(logQ, p, 2, reduction: KlDivergenceReduction.Mean), 1e-15);
        Assert.Equal(d0 + d1, KlDivergenceLoss.Compute(logQ, p.Select(x => Math.Log(x)).ToArray(), 2, reduction: KlDivergenceReduction.Sum, logTarget: true), 1e-15);
    }

    [Fact]
    public void ZeroTimesLogZeroAndInfinity()
    {
        Assert.Equal(0, KlDivergenceLoss.Compute([double.NegativeInfinity, 0.0], [0.0, 1.0], 1));
        Assert.Equal(double.PositiveInfinity, KlDivergenceLoss.Compute([double.NegativeInfinity, 0.0], [0.5, 0.5], 1));
        Assert.Equal(0, KlDivergenceLoss.Compute(ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty, 0));
        Assert.Contains("target[0]", Assert.Throws<ArgumentException>(() => KlDivergenceLoss.Compute([-1.0], [-0.5], 1)).Message);
    }
}
