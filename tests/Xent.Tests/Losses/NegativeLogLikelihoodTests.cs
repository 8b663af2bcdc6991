using Xent.Losses;

namespace Xent.Tests.Losses;

[Trait(Numerics.VectorPaths.Trait, Numerics.VectorPaths.Kernels)]
public class NegativeLogLikelihoodTests
{
    [Fact]
    public void SoftmaxCrossEntropyIsNllOfLogSoftmax()
    {
        double[] logits = [1, -2, 0.5, 3, 3, -1, 0, 0, 0];
        int[] targets = [2, -100, 1];
        double[] w = [0.5, 2, 1.5];
        var logP = new double[logits.Length];
        for (int i = 0; i < 3; i++)
        {
            double lse = Reference.ReferenceLosses.LogSumExp(logits.AsSpan(i * 3, 3));
            for (int c = 0; c < 3; c++) logP[i * 3 + c] = logits[i * 3 + c] - lse;
        }
        foreach (var reduction in new[] { Reduction.Mean, Reduction.Sum })
            Assert.Equal(SoftmaxCrossEntropy.Compute(logits, 3, targets, options: new() { Reduction = reduction }, classWeights: w),
                NegativeLogLikelihood.Compute(logP, 3, targets, reduction: reduction, classWeights: w), 1e-14);
    }

    [Fact]
    public void WeightedMeanAndGradient()
    {
        double[] logP = [Math.Log(0.35), Math.Log(0.6), Math.Log(0.05), Math.Log(0.2), Math.Log(0.2), Math.Log(0.6)];
        var g = new double[6];
        double loss = NegativeLogLikelihood.Compute(logP, 3, [0, 2], g, classWeights: [2.0, 1.0, 3.0]);
        Assert.Equal((-2 * Math.Log(0.35) - 3 * Math.Log(0.6)) / 5, loss, 1e-15);
        double[] expected = [-0.4, 0, 0, 0, 0, -0.6];
        for (int k = 0; k < 6; k++) Assert.Equal(expected[k], g[k], 1e-15);
        Assert.Equal(0, NegativeLogLikelihood.Compute(logP, 3, [-100, -100], g));
        Assert.Equal(double.PositiveInfinity, NegativeLogLikelihood.Compute([double.NegativeInfinity, 0.0], 2, [0]));
        Assert.Contains("logProbabilities[1]", Assert.Throws<ArgumentException>(() => NegativeLogLikelihood.Compute([-1.0, 0.5], 2, [1])).Message);
    }
}
