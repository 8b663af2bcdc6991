using Xent.Numerics;

namespace Xent.Tests.Numerics;

public class DigammaTests
{
    private const double EulerGamma = 0.57721566490153286061;
    private const double Tolerance = 1e-14;

    [Fact]
    public void KnownValuesAtHalfIntegersAndQuarter()
    {
        // ψ(1) = −γ; ψ(½) = −γ − 2 ln 2; ψ(¼) = −γ − π/2 − 3 ln 2 (Gauss's digamma theorem).
        Assert.Equal(-EulerGamma, Digamma.Of(1), Tolerance);
        Assert.Equal(-EulerGamma - 2 * Math.Log(2), Digamma.Of(0.5), Tolerance);
        Assert.Equal(-EulerGamma - Math.PI / 2 - 3 * Math.Log(2), Digamma.Of(0.25), Tolerance);
    }

    [Fact]
    public void IntegersAreHarmonicNumbersMinusGamma()
    {
        // ψ(n) = H_{n−1} − γ with H_k = 1 + 1/2 + … + 1/k: crosses the switch from recurrence to series at 10.
        double harmonic = 0;
        for (int n = 1; n <= 40; n++)
        {
            Assert.Equal(harmonic - EulerGamma, Digamma.Of(n), 1e-13);
            harmonic += 1.0 / n;
        }
    }

    [Theory]
    [InlineData(1e-8)]
    [InlineData(0.3)]
    [InlineData(1.4616321449683622)]
    [InlineData(9.99)]
    [InlineData(10)]
    [InlineData(123.456)]
    public void SatisfiesTheRecurrence(double x) =>
        // ψ(x + 1) = ψ(x) + 1/x, relative to the size of the terms.
        Assert.Equal(Digamma.Of(x) + 1 / x, Digamma.Of(x + 1), 1e-13 * Math.Max(1, Math.Abs(1 / x)));

    [Fact]
    public void LargeArgumentsFollowTheLogarithm()
    {
        // ψ(x) = ln x − 1/(2x) − 1/(12x²) + O(x⁻⁴): at x = 1e6 the omitted terms are below 1e-25.
        double x = 1e6;
        Assert.Equal(Math.Log(x) - 1 / (2 * x) - 1 / (12 * x * x), Digamma.Of(x), 1e-14);
    }

    [Fact]
    public void NegativeArgumentsUseReflectionAndPolesAreNaN()
    {
        // ψ(−½) = ψ(½) + 2, from ψ(x + 1) = ψ(x) + 1/x at x = −½.
        Assert.Equal(Digamma.Of(0.5) + 2, Digamma.Of(-0.5), Tolerance);
        Assert.True(double.IsNaN(Digamma.Of(0)));
        Assert.True(double.IsNaN(Digamma.Of(-3)));
        Assert.True(double.IsNaN(Digamma.Of(double.NaN)));
        Assert.Equal(double.PositiveInfinity, Digamma.Of(double.PositiveInfinity));
    }
}
