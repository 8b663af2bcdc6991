using System.Globalization;
using Xent.Measures;
using Xent.Tests.Reference;

namespace Xent.Tests.Measures;

/// <summary>
/// The vectorised pass against the naive reference for every length 0..256 (every tail of every vector width),
/// special values, and bad input at the boundary.
/// </summary>
[Trait(Numerics.VectorPaths.Trait, Numerics.VectorPaths.Kernels)]
public class DiscreteKernelTests
{
    private const double Tolerance = 1e-13;
    private static readonly MeasureOptions AsIs = new() { Normalization = Normalization.AsIs };

    private static void Close(double expected, double actual, string what)
    {
        if (double.IsInfinity(expected)) { Assert.Equal(expected, actual); return; }
        Assert.True(Math.Abs(expected - actual) <= Tolerance * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");
    }

    [Fact]
    public void EveryLengthUpTo256MatchesTheReference()
    {
        var random = new Random(256);
        for (int n = 0; n <= 256; n++)
        {
            double[] p = RandomDistributions.Create(random, n), q = RandomDistributions.Positive(random, n);
            Close(NaiveMeasures.Entropy(p), Discrete.Entropy(p, LogBase.Nats, AsIs).Value, $"H, n = {n}");
            Close(NaiveMeasures.CrossEntropy(p, q), Discrete.CrossEntropy(p, q, LogBase.Nats, AsIs).Value, $"H(P,Q), n = {n}");
            Close(Math.Max(0, NaiveMeasures.KlDivergence(p, q)), Discrete.KlDivergence(p, q, LogBase.Nats, AsIs).Value, $"D, n = {n}");
            Close(NaiveMeasures.JsDivergence(p, q), Discrete.JsDivergence(p, q, LogBase.Nats, AsIs).Value, $"JS, n = {n}");
        }
    }

    [Fact]
    public void EveryLengthUpTo256MatchesTheReferenceInSinglePrecision()
    {
        var random = new Random(257);
        for (int n = 0; n <= 256; n++)
        {
            float[] p = Array.ConvertAll(RandomDistributions.Create(random, n), x => (float)x);
            float[] q = Array.ConvertAll(RandomDistributions.Positive(random, n), x => (float)x);
            double[] pd = NaiveMeasures.Widen(p), qd = NaiveMeasures.Widen(q);
            Close(NaiveMeasures.Entropy(pd), Discrete.Entropy(p, LogBase.Nats, AsIs).Value, $"H, n = {n}");
            Close(NaiveMeasures.CrossEntropy(pd, qd), Discrete.CrossEntropy(p, q, LogBase.Nats, AsIs).Value, $"H(P,Q), n = {n}");
            Close(Math.Max(0, NaiveMeasures.KlDivergence(pd, qd)), Discrete.KlDivergence(p, q, LogBase.Nats, AsIs).Value, $"D, n = {n}");
        }
    }

    [Fact]
    public void FloatInputLongerThanOneWideningChunkMatchesTheReference()
    {
        var random = new Random(5);
        float[] p = Array.ConvertAll(RandomDistributions.Create(random, 5000), x => (float)x);
        Close(NaiveMeasures.Entropy(NaiveMeasures.Widen(p)), Discrete.Entropy(p, LogBase.Nats, AsIs).Value, "H, n = 5000");
    }

    [Theory]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(131)]
    [InlineData(3000)]
    public void SubnormalAndZeroEntriesMatchTheReference(int n)
    {
        var random = new Random(n);
        double[] p = RandomDistributions.Positive(random, n), q = RandomDistributions.Positive(random, n);
        // Subnormal p against normal q, normal p against subnormal q (p/q overflows), both subnormal, zeros on either side.
        p[0] = double.Epsilon; p[1] = 1e-310; q[2] = double.Epsilon; q[3] = 3e-320; p[4] = 2e-315; q[4] = 1e-320;
        p[5] = 0; q[6] = 0; p[6] = 0;
        if (n > 2500) q[2500] = 1e-320; // in a later block than the others: only that block takes the scalar path
        Close(NaiveMeasures.Entropy(p), Discrete.Entropy(p, LogBase.Nats, AsIs).Value, "H");
        Close(NaiveMeasures.CrossEntropy(p, q), Discrete.CrossEntropy(p, q, LogBase.Nats, AsIs).Value, "H(P,Q)");
        Close(Math.Max(0, NaiveMeasures.KlDivergence(p, q)), Discrete.KlDivergence(p, q, LogBase.Nats, AsIs).Value, "D");
        Close(NaiveMeasures.JsDivergence(p, q), Discrete.JsDivergence(p, q, LogBase.Nats, AsIs).Value, "JS");
        Assert.True(double.IsFinite(Discrete.KlDivergence(p, q, LogBase.Nats, AsIs).Value));
    }

    [Fact]
    public void NegativeZeroIsZero()
    {
        Assert.Equal(1, Discrete.Entropy([0.5, -0.0, 0.5]).Value, 15);
        Assert.Equal(1, Discrete.KlDivergence([1, -0.0], [0.5, 0.5]).Value, 15);
    }

    public static TheoryData<int, int, double> BadEntries()
    {
        var data = new TheoryData<int, int, double>();
        foreach (int n in new[] { 1, 5, 37, 300 })
            foreach (int at in new[] { 0, n / 2, n - 1 }.Distinct())
                foreach (double value in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1, -double.Epsilon })
                    data.Add(n, at, value);
        return data;
    }

    [Theory]
    [MemberData(nameof(BadEntries))]
    public void ABadEntryIsNamedWithItsIndexAndValue(int n, int at, double value)
    {
        double[] good = Enumerable.Repeat(1.0 / n, n).ToArray(), bad = (double[])good.Clone();
        bad[at] = value;
        string expected = $"[{at}] = {value.ToString("R", CultureInfo.InvariantCulture)}";

        AssertBad("p", expected, () => Discrete.Entropy(bad));
        if ((float)value != 0) AssertBad("p", expected, () => Discrete.Entropy(Array.ConvertAll(bad, x => (float)x))); // −5e-324 rounds to −0f
        AssertBad("p", expected, () => Discrete.RenyiEntropy(bad, 2));
        AssertBad("p", expected, () => Discrete.CrossEntropy(bad, good));
        AssertBad("q", expected, () => Discrete.CrossEntropy(good, bad));
        AssertBad("p", expected, () => Discrete.KlDivergence(bad, good));
        AssertBad("q", expected, () => Discrete.KlDivergence(good, bad));
        if ((float)value != 0) AssertBad("q", expected, () => Discrete.KlDivergence(Array.ConvertAll(good, x => (float)x), Array.ConvertAll(bad, x => (float)x)));
        AssertBad("p", expected, () => Discrete.JsDivergence(bad, good));
        AssertBad("q", expected, () => Discrete.JsDivergence(good, bad));
    }

    private static void AssertBad(string name, string expected, Action call)
    {
        var e = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal(name, e.ParamName);
        Assert.Contains(name + expected, e.Message);
    }

    [Fact]
    public void LengthsMustMatch()
    {
        var e = Assert.Throws<ArgumentException>(() => Discrete.CrossEntropy([0.5, 0.5], [1.0]));
        Assert.Contains("p has 2 entries but q has 1", e.Message);
        Assert.Throws<ArgumentException>(() => Discrete.KlDivergence([0.5, 0.5], [0.2, 0.3, 0.5]));
        Assert.Throws<ArgumentException>(() => Discrete.KlDivergence([0.5f, 0.5f], [1f]));
        Assert.Throws<ArgumentException>(() => Discrete.JsDivergence([1.0], [0.5, 0.5]));
    }

    [Fact]
    public void EmptyInputIsZeroAsIsAndAnErrorWhenASumIsRequired()
    {
        double[] empty = [];
        Assert.Equal(0, Discrete.Entropy(empty, LogBase.Bits, AsIs).Value);
        Assert.Equal(0, Discrete.KlDivergence(empty, empty, LogBase.Bits, AsIs).Value);
        Assert.Throws<ArgumentException>(() => Discrete.Entropy(empty));
    }

    [Fact]
    public void OptionsOutOfRangeAreRejected()
    {
        double[] p = [0.5, 0.5];
        Assert.Throws<ArgumentOutOfRangeException>(() => Discrete.CrossEntropy(p, p, options: new() { Clip = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Discrete.KlDivergence(p, p, options: new() { Smoothing = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Discrete.Entropy(p, options: new() { MaxDegreeOfParallelism = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Discrete.Entropy(p, options: new() { Tolerance = double.NaN }));
    }
}
