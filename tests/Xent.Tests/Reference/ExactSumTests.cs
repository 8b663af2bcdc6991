namespace Xent.Tests.Reference;

/// <summary>The reference summation itself: exact where naive summation is not.</summary>
public class ExactSumTests
{
    [Fact]
    public void KeepsWhatCancellationLoses()
    {
        Assert.Equal(1, ExactSum.Of([1e16, 1, -1e16]));
        Assert.Equal(2e-300, ExactSum.Of([1e300, 1e-300, -1e300, 1e-300]));
        Assert.Equal(double.Epsilon, ExactSum.Of([1.0, double.Epsilon, -1.0]));
    }

    [Fact]
    public void RoundsTheExactSumOnce()
    {
        // Ten doubles nearest 0.1 sum to 1 + 5.55e-17 exactly, which rounds to 1 (naive summation gives 0.9999999999999999).
        Assert.Equal(1.0, ExactSum.Of(Enumerable.Repeat(0.1, 10)));
        // 2^53 + 1 + 1: each naive step rounds the 1 away; the exact sum 2^53 + 2 is a double.
        Assert.Equal(9007199254740994.0, ExactSum.Of([9007199254740992.0, 1, 1]));
    }

    [Fact]
    public void ManyAddendsInOneBinade() =>
        Assert.Equal(1e6 * 1.5, ExactSum.Of(Enumerable.Repeat(1.5, 1_000_000))); // past the 1024-addend flush

    [Fact]
    public void Infinities()
    {
        Assert.Equal(double.PositiveInfinity, ExactSum.Of([1, double.PositiveInfinity]));
        Assert.True(double.IsNaN(ExactSum.Of([double.NegativeInfinity, double.PositiveInfinity])));
    }
}
