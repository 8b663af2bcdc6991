using Xent.Estimation;

namespace Xent.Tests.Estimation;

public class EstimatorConvergenceTests
{
    /// <summary>A known distribution on 20 symbols, p_i ∝ 1/(i + 1) (Zipf), and its entropy in nats.</summary>
    private static (double[] P, double Entropy) Zipf()
    {
        var p = Enumerable.Range(0, 20).Select(i => 1.0 / (i + 1)).ToArray();
        double z = p.Sum();
        for (int i = 0; i < p.Length; i++) p[i] /= z;
        return (p, -p.Sum(x => x * Math.Log(x)));
    }

    private static long[] Sample(double[] p, int n, Random random)
    {
        var cumulative = new double[p.Length];
        double c = 0;
        for (int i = 0; i < p.Length; i++) cumulative[i] = c += p[i];
        var counts = new long[p.Length];
        for (int k = 0; k < n; k++)
        {
            int i = Array.BinarySearch(cumulative, random.NextDouble());
            counts[Math.Min(i < 0 ? ~i : i, p.Length - 1)]++;
        }
        return counts;
    }

    [Fact]
    public void EveryEstimatorApproachesTheTrueEntropyOnLargeSamples()
    {
        // 200,000 draws (seed 42): the standard error of the plug-in estimate is about √(Var(ln p)/N) ≈ 0.002 nats,
        // the bias (K − 1)/(2N) ≈ 5e-5; every estimator must land within 0.01 nats of the truth.
        var (p, truth) = Zipf();
        var counts = Sample(p, 200_000, new Random(42));
        foreach (var estimator in Enum.GetValues<EntropyEstimator>())
            Assert.Equal(truth, EntropyEstimators.Estimate(estimator, counts, logBase: LogBase.Nats).Value, 0.01);
    }

    [Fact]
    public void BiasCorrectionsReduceTheSmallSampleBias()
    {
        // 400 samples of 30 draws from the Zipf distribution (seed 7): the plug-in estimate is biased low by about
        // (K − 1)/(2N) ≈ 0.3 nats; Miller–Madow, Chao–Shen and Grassberger have a smaller mean error.
        var (p, truth) = Zipf();
        var random = new Random(7);
        var meanError = Enum.GetValues<EntropyEstimator>().ToDictionary(e => e, _ => 0.0);
        const int trials = 400;
        for (int t = 0; t < trials; t++)
        {
            var counts = Sample(p, 30, random);
            foreach (var estimator in meanError.Keys)
                meanError[estimator] += (EntropyEstimators.Estimate(estimator, counts, logBase: LogBase.Nats).Value - truth) / trials;
        }
        Assert.True(meanError[EntropyEstimator.PlugIn] < -0.2, $"plug-in bias {meanError[EntropyEstimator.PlugIn]}");
        foreach (var corrected in new[] { EntropyEstimator.MillerMadow, EntropyEstimator.ChaoShen, EntropyEstimator.Grassberger })
            Assert.True(Math.Abs(meanError[corrected]) < Math.Abs(meanError[EntropyEstimator.PlugIn]), $"{corrected}: {meanError[corrected]}");
    }
}
