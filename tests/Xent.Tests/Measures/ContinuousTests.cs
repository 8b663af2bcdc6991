using Xent.Measures;

namespace Xent.Tests.Measures;

public class ContinuousTests
{
    [Fact]
    public void UniformOnUnitIntervalHasZeroEntropy() => Assert.Equal(0, Continuous.UniformEntropy(1).Value, 15);

    [Fact]
    public void LaplaceInBits() =>
        // 1 + ln 2 nats for b = 1, divided by ln 2
        Assert.Equal((1 + Math.Log(2)) / Math.Log(2), Continuous.LaplaceEntropy(1, LogBase.Bits).Value, 14);

    [Theory]
    [InlineData(0.01)]
    [InlineData(1)]
    [InlineData(250)]
    public void GaussianHasTheMostEntropyAtEqualVariance(double variance)
    {
        double gaussian = Gaussian.DifferentialEntropy(variance).Value;
        Assert.True(gaussian > Continuous.UniformEntropy(Math.Sqrt(12 * variance)).Value);
        Assert.True(gaussian > Continuous.LaplaceEntropy(Math.Sqrt(variance / 2)).Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void RejectsNonPositiveParameters(double bad)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Continuous.UniformEntropy(bad));
        Assert.Throws<ArgumentOutOfRangeException>(() => Continuous.LaplaceEntropy(bad));
    }
}
