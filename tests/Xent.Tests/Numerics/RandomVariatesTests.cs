using Xent.Numerics;

namespace Xent.Tests.Numerics;

public class RandomVariatesTests
{
    [Theory]
    [InlineData(20, 0.3)]
    [InlineData(1000, 0.5)]
    [InlineData(1_000_000_000, 0.001)]
    [InlineData(1_000_000, 0.999)]
    public void BinomialHasTheRightMeanAndVariance(long n, double p)
    {
        // 4000 draws: the sample mean is within 5 standard errors of np, and the sample variance within 15% of np(1 − p).
        var random = new Random(12345);
        const int draws = 4000;
        double sum = 0, sumSquares = 0;
        for (int i = 0; i < draws; i++)
        {
            long x = RandomVariates.Binomial(random, n, p);
            Assert.InRange(x, 0, n);
            sum += x;
            sumSquares += (double)x * x;
        }
        double mean = sum / draws, variance = sumSquares / draws - mean * mean, trueVariance = n * p * (1 - p);
        Assert.InRange(mean, n * p - 5 * Math.Sqrt(trueVariance / draws), n * p + 5 * Math.Sqrt(trueVariance / draws));
        Assert.InRange(variance, 0.85 * trueVariance, 1.15 * trueVariance);
    }

    [Fact]
    public void BinomialEdgeProbabilities()
    {
        var random = new Random(1);
        Assert.Equal(0, RandomVariates.Binomial(random, 1_000_000, 0));
        Assert.Equal(1_000_000, RandomVariates.Binomial(random, 1_000_000, 1));
        Assert.Equal(0, RandomVariates.Binomial(random, 0, 0.5));
    }

    [Fact]
    public void MultinomialKeepsTheTotalAndNeverDrawsEmptyBins()
    {
        var random = new Random(7);
        long[] counts = [5, 0, 3, 1_000_000, 0, 2];
        var draw = new long[counts.Length];
        for (int i = 0; i < 200; i++)
        {
            RandomVariates.Multinomial(random, 1_000_010, counts, draw);
            Assert.Equal(1_000_010, draw.Sum());
            Assert.Equal(0, draw[1]);
            Assert.Equal(0, draw[4]);
        }
    }
}
