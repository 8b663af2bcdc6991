using Xent.Measures;
using Xent.Tests.Reference;

namespace Xent.Tests.Measures;

/// <summary>Normalization policies, clipping, smoothing, q = 0, and the multi-threaded pass.</summary>
public class DiscreteOptionsTests
{
    private static readonly MeasureOptions Renormalize = new() { Normalization = Normalization.Renormalize };

    [Fact]
    public void RequireRejectsASumOffOneNamingTheSum()
    {
        var e = Assert.Throws<ArgumentException>(() => Discrete.Entropy([0.5, 0.4]));
        Assert.Contains("p sums to 0.9", e.Message);
        var eq = Assert.Throws<ArgumentException>(() => Discrete.KlDivergence([0.5, 0.5], [0.5, 0.4]));
        Assert.Equal("q", eq.ParamName);
        Assert.Throws<ArgumentException>(() => Discrete.JsDivergence([0.333, 0.333, 0.333], [0.5, 0.25, 0.25]));
    }

    [Fact]
    public void RequireAcceptsSumsWithinTheTolerance()
    {
        Assert.Equal(1, Discrete.Entropy([0.5 + 4e-7, 0.5]).Value, 5);
        Assert.Equal(1, Discrete.Entropy([0.55, 0.5], options: new() { Tolerance = 0.1 }).Value, 1);
        Assert.Throws<ArgumentException>(() => Discrete.Entropy([0.5 + 2e-6, 0.5]));
    }

    [Fact]
    public void RenormalizeDividesWeightsByTheirSum()
    {
        // Double and float weights (integer counts have their own long overloads, see DiscreteCountsTests).
        Assert.Equal(Discrete.Entropy([0.5, 0.4, 0.1]).Value, Discrete.Entropy([5.0, 4, 1], options: Renormalize).Value, 13);
        Assert.Equal(Discrete.KlDivergence([0.5, 0.3, 0.2], [0.4, 0.4, 0.2]).Value,
            Discrete.KlDivergence([50.0, 30, 20], [2.0, 2, 1], options: Renormalize).Value, 13);
        Assert.Equal(Discrete.CrossEntropy([0.5, 0.3, 0.2], [0.4, 0.4, 0.2]).Value,
            Discrete.CrossEntropy([5.0, 3, 2], [4.0, 4, 2], options: Renormalize).Value, 13);
        Assert.Equal(Discrete.JsDivergence([0.5, 0.3, 0.2], [0.4, 0.4, 0.2]).Value,
            Discrete.JsDivergence([5.0, 3, 2], [4.0, 4, 2], options: Renormalize).Value, 13);
        Assert.Equal(Discrete.RenyiEntropy([0.5, 0.4, 0.1], 2).Value, Discrete.RenyiEntropy([5.0, 4, 1], 2, options: Renormalize).Value, 13);
        Assert.Equal(Discrete.Entropy([0.5, 0.4, 0.1]).Value, Discrete.Entropy([5f, 4f, 1f], options: Renormalize).Value, 7);
        Assert.Equal(Discrete.KlDivergence([0.5, 0.3, 0.2], [0.4, 0.4, 0.2]).Value,
            Discrete.KlDivergence([50f, 30f, 20f], [2f, 2f, 1f], options: Renormalize).Value, 7);
        // Without Renormalize the same weights are rejected: the option is what made them acceptable.
        Assert.Throws<ArgumentException>(() => Discrete.Entropy([5.0, 4, 1]));
        Assert.Throws<ArgumentException>(() => Discrete.KlDivergence([50.0, 30, 20], [2.0, 2, 1]));
    }

    [Fact]
    public void RenormalizeRejectsAZeroSum()
    {
        var e = Assert.Throws<ArgumentException>(() => Discrete.Entropy([0.0, 0], options: Renormalize));
        Assert.Contains("sums to 0", e.Message);
    }

    [Fact]
    public void AsIsUsesTheEntriesAsTheyAre()
    {
        var asIs = new MeasureOptions { Normalization = Normalization.AsIs };
        Assert.Equal(1.5, Discrete.Entropy([0.5, 0.5, 0.5], options: asIs).Value, 15); // 3 · ½ · log2 2
        Assert.Equal(-Math.Log2(0.25), Discrete.CrossEntropy([1, 0], [0.25, 0.25], options: asIs).Value, 15);
    }

    [Fact]
    public void ClipBoundsTheCostOfAnImpossibleOutcome()
    {
        var clip = new MeasureOptions { Clip = 1e-10 };
        Assert.Equal(-0.7 * Math.Log2(1e-10), Discrete.CrossEntropy([0.7, 0.3], [0, 1], options: clip).Value, 12);
        Assert.Equal(0.7 * Math.Log2(0.7 / 1e-10) + 0.3 * Math.Log2(0.3), Discrete.KlDivergence([0.7, 0.3], [0, 1], options: clip).Value, 12);
    }

    [Fact]
    public void SmoothingAddsAlphaAndRenormalizesQ()
    {
        var smooth = new MeasureOptions { Smoothing = 1 };
        double[] p = [0.7, 0.3], q = [0, 1], smoothed = [1 / 3.0, 2 / 3.0]; // (q + 1) / (1 + 2·1)
        Assert.Equal(Discrete.CrossEntropy(p, smoothed).Value, Discrete.CrossEntropy(p, q, options: smooth).Value, 14);
        Assert.Equal(Discrete.KlDivergence(p, smoothed).Value, Discrete.KlDivergence(p, q, options: smooth).Value, 14);
    }

    [Theory]
    [InlineData(1e308)]
    [InlineData(double.MaxValue)]
    [InlineData(1e300)]
    public void SmoothingSoLargeThatQPlusAlphaOverflowsStillGivesTheUniformQ(double alpha)
    {
        // (q + α)/(Σq + nα) → 1/n as α grows: H(P,Q′) = H(P, uniform) = ln n, D(P‖Q′) = ln n − H(P); n·α overflowed to ∞ before.
        var smooth = new MeasureOptions { Smoothing = alpha };
        double[] p = [0.5, 0.5], q = [0.5, 0.5], skewed = [0.9, 0.1], uniform = [0.5, 0.5];
        Assert.Equal(1, Discrete.CrossEntropy(p, q, options: smooth).Value, 15);
        Assert.Equal(0, Discrete.KlDivergence(p, q, options: smooth).Value, 15);
        Assert.Equal(Discrete.CrossEntropy(skewed, uniform).Value, Discrete.CrossEntropy(skewed, q, options: smooth).Value, 14);
        Assert.Equal(Discrete.KlDivergence(skewed, uniform).Value, Discrete.KlDivergence(skewed, q, options: smooth).Value, 14);
        Assert.Equal(1, Discrete.CrossEntropy([1L, 1L], [3L, 1L], options: smooth).Value, 15);
        Assert.Equal(0, Discrete.KlDivergence([1L, 1L], [3L, 1L], options: smooth).Value, 15);
    }

    [Theory]
    [InlineData(1e280)]
    [InlineData(1e20)]
    [InlineData(2)]
    public void LargeSmoothingKeepsItsDigits(double alpha)
    {
        // Unscaled, ln(q + α) and ln(Σq + nα) are both ≈ ln α and their difference lost ln α·ε (6e-14 at α = 1e280).
        // Scaled by 1/α, q′ = (q/α + 1)/(Σq/α + n): H(P, uniform) = 1 bit whatever P, to the last digit.
        var smooth = new MeasureOptions { Smoothing = alpha };
        double[] q = [0.5, 0.5];
        Assert.Equal(1, Discrete.CrossEntropy([0.25, 0.75], q, options: smooth).Value, 15);
        Assert.Equal(1, Discrete.CrossEntropy([1L, 3L], [5L, 5L], options: smooth).Value, 15);
    }

    [Fact]
    public void ZeroQWherePIsPositiveIsInfinite()
    {
        Assert.Equal(double.PositiveInfinity, Discrete.CrossEntropy([0.5, 0.5], [1, 0]).Value);
        Assert.Equal(double.PositiveInfinity, Discrete.KlDivergence([0.5, 0.5], [1, 0]).Value);
        Assert.Equal(double.PositiveInfinity, Discrete.KlDivergence([0.5f, 0.5f], [1f, 0f]).Value);
        // Zero where p is zero costs nothing.
        Assert.Equal(0, Discrete.KlDivergence([1.0, 0], [1.0, 0]).Value);
        // One infinite term among many (in a vector body, not only in the tail) is still +∞, never NaN.
        var random = new Random(9);
        double[] p = RandomDistributions.Positive(random, 1000), q = RandomDistributions.Positive(random, 1000);
        q[500] = 0;
        Assert.Equal(double.PositiveInfinity, Discrete.CrossEntropy(p, q, options: new() { Normalization = Normalization.AsIs }).Value);
        Assert.Equal(double.PositiveInfinity, Discrete.KlDivergence(p, q, options: new() { Normalization = Normalization.AsIs }).Value);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void ParallelPassesEqualTheSerialOnesWithin1e13(int degree)
    {
        var random = new Random(300);
        double[] p = RandomDistributions.Create(random, 300_001), q = RandomDistributions.Positive(random, 300_001);
        // The input is long enough for every thread asked for, so the parallel path is the one compared.
        Assert.Equal(degree, Discrete.ThreadsFor(p.Length, degree));
        var parallel = new MeasureOptions { MaxDegreeOfParallelism = degree };
        Same(Discrete.Entropy(p).Value, Discrete.Entropy(p, options: parallel).Value);
        Same(Discrete.CrossEntropy(p, q).Value, Discrete.CrossEntropy(p, q, options: parallel).Value);
        Same(Discrete.KlDivergence(p, q).Value, Discrete.KlDivergence(p, q, options: parallel).Value);
        Same(Discrete.JsDivergence(p, q).Value, Discrete.JsDivergence(p, q, options: parallel).Value);
        float[] pf = Array.ConvertAll(p, x => (float)x);
        Same(Discrete.Entropy(pf).Value, Discrete.Entropy(pf, options: parallel).Value);
        // Deterministic for a given thread count.
        Assert.Equal(Discrete.KlDivergence(p, q, options: parallel).Value, Discrete.KlDivergence(p, q, options: parallel).Value);
    }

    [Fact]
    public void AllProcessorsMeansTheProcessorCount() =>
        Assert.Equal(Math.Min(Environment.ProcessorCount, 1 << 4), Discrete.ThreadsFor(1 << 20, -1));

    private static void Same(double serial, double parallel) =>
        Assert.True(Math.Abs(serial - parallel) <= 1e-13 * Math.Abs(serial), $"serial {serial:R}, parallel {parallel:R}");

    [Theory]
    [InlineData(0)]
    [InlineData(100_000)]
    [InlineData(199_999)]
    public void ParallelPassesFindBadEntriesInAnyChunk(int bad)
    {
        double[] p = Enumerable.Repeat(1.0 / 200_000, 200_000).ToArray(), q = (double[])p.Clone();
        var parallel = new MeasureOptions { MaxDegreeOfParallelism = 2 };
        Assert.Equal(2, Discrete.ThreadsFor(p.Length, 2)); // chunks [0, 100032) and [100032, 200000)
        p[bad] = -1;
        var e = Assert.Throws<ArgumentException>(() => Discrete.Entropy(p, options: parallel));
        Assert.Contains($"p[{bad}] = -1", e.Message);
        p[bad] = 1.0 / 200_000;
        q[bad] = double.NaN;
        e = Assert.Throws<ArgumentException>(() => Discrete.KlDivergence(p, q, options: parallel));
        Assert.Contains($"q[{bad}] = NaN", e.Message);
    }

    [Theory]
    [InlineData(1000, 2, 1)]
    [InlineData(1 << 16, 2, 1)]
    [InlineData(1 << 17, 2, 2)]
    [InlineData(1 << 20, 1, 1)]
    [InlineData(1 << 20, 3, 3)]
    public void ThreadsAreUsedOnlyForLongInputs(int n, int degree, int threads) =>
        Assert.Equal(threads, Discrete.ThreadsFor(n, degree));
}
