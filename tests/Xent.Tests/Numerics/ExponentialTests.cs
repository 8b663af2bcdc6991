using Xent.Numerics;

namespace Xent.Tests.Numerics;

public class ExponentialTests
{
    [Theory]
    [InlineData(1e-10)]
    [InlineData(-1e-6)]
    [InlineData(0.3)]
    [InlineData(-0.49)]
    public void ExpM1MinusXMatchesItsSeriesNearZero(double x)
    {
        // Reference: the series Σ_{k≥2} x^k/k! summed to 30 terms, which converges to full precision for |x| < 0.5.
        double reference = 0, term = x;
        for (int k = 2; k < 30; k++)
        {
            term *= x / k;
            reference += term;
        }
        Assert.Equal(reference, Exponential.ExpM1MinusX(x), Math.Abs(reference) * 1e-14);
    }

    [Fact]
    public void ExpM1MinusXUsesTheDirectFormulaFarFromZero()
    {
        Assert.Equal(Math.Exp(2) - 3, Exponential.ExpM1MinusX(2), 1e-14);
        Assert.Equal(Math.Exp(-5) + 4, Exponential.ExpM1MinusX(-5), 1e-14);
        Assert.Equal(0, Exponential.ExpM1MinusX(0));
    }

    [Theory]
    [InlineData(1e-18)]
    [InlineData(-3e-12)]
    [InlineData(0.25)]
    [InlineData(-0.75)]
    public void Log1PAndExpM1AreAccurateForTinyArguments(double x)
    {
        // For tiny x, ln(1+x) = x − x²/2 + x³/3 and e^x − 1 = x + x²/2 + x³/6 to well below double precision.
        if (Math.Abs(x) < 1e-6)
        {
            Assert.Equal(x - x * x / 2, Exponential.Log1P(x), Math.Abs(x) * 1e-15);
            Assert.Equal(x + x * x / 2, Exponential.ExpM1(x), Math.Abs(x) * 1e-15);
        }
        else
        {
            Assert.Equal(Math.Log(1 + x), Exponential.Log1P(x), 1e-15);
            Assert.Equal(Math.Exp(x) - 1, Exponential.ExpM1(x), 1e-15);
        }
    }
}
