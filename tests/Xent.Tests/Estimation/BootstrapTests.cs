using Xent.Estimation;

namespace Xent.Tests.Estimation;

public class BootstrapTests
{
    private static readonly long[] Counts = [40, 25, 20, 10, 5];

    [Fact]
    public void FixedSeedGivesTheSameInterval()
    {
        var a = EntropyEstimators.Bootstrap(Counts, EntropyEstimator.MillerMadow, 0.95, 500, seed: 3);
        var b = EntropyEstimators.Bootstrap(Counts, EntropyEstimator.MillerMadow, 0.95, 500, seed: 3);
        Assert.Equal(a, b);
        Assert.Equal(EntropyEstimators.MillerMadow(Counts).Value, a.Estimate.Value);
        Assert.Equal(500, a.Resamples);
        Assert.Equal(EntropyEstimator.MillerMadow, a.Estimator);
    }

    [Fact]
    public void IntervalBracketsTheEstimateAndShrinksWithMoreData()
    {
        // Standard error of the plug-in entropy ≈ √(Var(log p̂)/N): 10× the data gives an interval about √10 ≈ 3.2× narrower.
        var small = EntropyEstimators.Bootstrap(Counts, EntropyEstimator.PlugIn, 0.9, 1000, seed: 11);
        var large = EntropyEstimators.Bootstrap(Counts.Select(c => c * 10).ToArray(), EntropyEstimator.PlugIn, 0.9, 1000, seed: 11);
        Assert.InRange(small.Estimate.Value, small.Lower.Value, small.Upper.Value);
        Assert.InRange(large.Estimate.Value, large.Lower.Value, large.Upper.Value);
        double ratio = (small.Upper.Value - small.Lower.Value) / (large.Upper.Value - large.Lower.Value);
        Assert.InRange(ratio, 2.4, 4.2);
        // A higher confidence gives a wider interval from the same resamples.
        var wide = EntropyEstimators.Bootstrap(Counts, EntropyEstimator.PlugIn, 0.99, 1000, seed: 11);
        Assert.True(wide.Lower.Value <= small.Lower.Value && wide.Upper.Value >= small.Upper.Value);
    }

    [Fact]
    public void LargeTotalsAreCheap()
    {
        // N = 10¹² observations: each resample is K conditional binomials, not N draws.
        long[] counts = [400_000_000_000, 350_000_000_000, 250_000_000_000];
        var ci = EntropyEstimators.Bootstrap(counts, EntropyEstimator.PlugIn, 0.95, 200, seed: 1, logBase: LogBase.Nats);
        Assert.InRange(ci.Upper.Value - ci.Lower.Value, 0, 1e-5);
        Assert.InRange(ci.Estimate.Value, ci.Lower.Value - 1e-6, ci.Upper.Value + 1e-6);
    }

    [Fact]
    public void BadSettingsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EntropyEstimators.Bootstrap(Counts, confidence: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => EntropyEstimators.Bootstrap(Counts, confidence: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => EntropyEstimators.Bootstrap(Counts, resamples: 1));
        Assert.Throws<ArgumentException>(() => EntropyEstimators.Bootstrap([0, 0]));
    }
}
