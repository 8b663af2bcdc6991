using CsCheck;
using Xent.Tests.Properties;
using Xent.Losses;
using Xent.Tests.Reference;

namespace Xent.Tests.Losses;

public class GaussianNegativeLogLikelihoodTests
{
    [Fact]
    public void UnitVarianceIsHalfTheSquaredErrorPlusAConstant()
    {
        // Seed 001's table: MSE is the cross-entropy of a Gaussian model (up to ½ and ½·log 2π).
        double[] mu = [1, 2.5, -3], y = [0.5, 2.5, 1];
        double mse = mu.Zip(y, (a, b) => (a - b) * (a - b)).Average();
        double nll = GaussianNegativeLogLikelihood.Compute(mu, y, [1.0], full: true);
        Assert.Equal(0.5 * mse + 0.5 * Math.Log(2 * Math.PI), nll, 1e-15);
        Assert.Equal(0.5 * mse, GaussianNegativeLogLikelihood.Compute(mu, y, [1.0]), 1e-15);
    }

    [Fact]
    public void LearnedVarianceGradientVanishesAtTheSquaredResidual()
    {
        var gv = new double[1];
        GaussianNegativeLogLikelihood.Compute([3.0], [1.0], [4.0], gradientVariance: gv);
        Assert.Equal(0, gv[0], 1e-16);
    }

    [Fact]
    public void GradientsMatchFiniteDifferences()
    {
        var gen = from n in Gen.Int[1, 8]
                  from mu in Gen.Double[-3, 3].Array[n]
                  from y in Gen.Double[-3, 3].Array[n]
                  from v in Gen.Double[0.2, 3].Array[n]
                  from shared in Gen.Bool
                  select (mu, y, shared ? v[..1] : v);
        gen.SampleFixed(c =>
        {
            var (mu, y, v) = c;
            var gm = new double[mu.Length];
            var gv = new double[v.Length];
            GaussianNegativeLogLikelihood.Compute(mu, y, v, gm, gv);
            for (int k = 0; k < mu.Length; k++)
                Assert.Equal(ReferenceLosses.Derivative(m => GaussianNegativeLogLikelihood.Compute(m, y, v), mu, k), gm[k], 1e-7);
            for (int k = 0; k < v.Length; k++)
                Assert.Equal(ReferenceLosses.Derivative(s => GaussianNegativeLogLikelihood.Compute(mu, y, s), v, k, 1e-6), gv[k], 1e-6);
        }, seed: "0000000000ga", iter: 150);
    }
}
