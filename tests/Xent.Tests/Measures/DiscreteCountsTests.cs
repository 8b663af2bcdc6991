using Xent.Estimation;
using Xent.Measures;
using Xent.Tests.Reference;

namespace Xent.Tests.Measures;

/// <summary>The count overloads: against the naive reference on c/N, on near-certain counts, empty counts, bad counts.</summary>
public class DiscreteCountsTests
{
    private const double Tolerance = 1e-13;

    private static long[] RandomCounts(Random random, int n, int max = 1000)
    {
        var counts = new long[n];
        for (int i = 0; i < n; i++) counts[i] = random.NextDouble() < 0.1 ? 0 : random.Next(max);
        return counts;
    }

    private static double[] Probabilities(long[] counts)
    {
        double total = counts.Sum();
        return Array.ConvertAll(counts, c => total == 0 ? 0 : c / total);
    }

    private static void Close(double expected, double actual, string what)
    {
        if (double.IsInfinity(expected)) { Assert.Equal(expected, actual); return; }
        Assert.True(Math.Abs(expected - actual) <= Tolerance * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");
    }

    [Fact]
    public void EveryLengthMatchesTheReferenceOnTheNormalizedCounts()
    {
        // Lengths past every vector width and its tails, and a few long ones.
        var random = new Random(2024);
        foreach (int n in Enumerable.Range(1, 70).Concat([1023, 1024, 1025, 3000]))
        {
            long[] a = RandomCounts(random, n), b = RandomCounts(random, n);
            b[0] += 1; // a positive total on the q side
            for (int i = 0; i < n; i++) if (b[i] == 0) b[i] = 1; // q > 0 everywhere: finite divergences
            double[] p = Probabilities(a), q = Probabilities(b);
            if (a.Sum() == 0) continue;
            Close(NaiveMeasures.Entropy(p), Discrete.Entropy(a, LogBase.Nats).Value, $"H, n = {n}");
            Close(NaiveMeasures.CrossEntropy(p, q), Discrete.CrossEntropy(a, b, LogBase.Nats).Value, $"H(P,Q), n = {n}");
            Close(NaiveMeasures.KlDivergence(p, q), Discrete.KlDivergence(a, b, LogBase.Nats).Value, $"D, n = {n}");
            Close(NaiveMeasures.JsDivergence(p, q), Discrete.JsDivergence(a, b, LogBase.Nats).Value, $"JS, n = {n}");
            Close(Discrete.RenyiEntropy(p, 2, LogBase.Nats).Value, Discrete.RenyiEntropy(a, 2, LogBase.Nats).Value, $"H_2, n = {n}");
            Close(Discrete.RenyiEntropy(p, 0.5, LogBase.Nats).Value, Discrete.RenyiEntropy(a, 0.5, LogBase.Nats).Value, $"H_½, n = {n}");
            Close(Discrete.RenyiEntropy(p, double.PositiveInfinity, LogBase.Nats).Value,
                Discrete.RenyiEntropy(a, double.PositiveInfinity, LogBase.Nats).Value, $"H_∞, n = {n}");
            Assert.Equal(Discrete.RenyiEntropy(p, 0).Value, Discrete.RenyiEntropy(a, 0).Value);
        }
    }

    [Fact]
    public void NearCertainCountsKeepTheirDigits()
    {
        // Counts (M, 1), N = M + 1: H = ln(N)/N + (M/N) ln(1 + 1/M) = (ln N + 1 − 1/(2M) + 1/(3M²) − …)/N nats.
        // −Σ p ln p on p = fl(M/N) gets the second term's 1e-12 from a p whose 1 − p has only 4 digits left (relative error 4e-6).
        const long M = 1_000_000_000_000;
        double n = M + 1.0, expected = (Math.Log(n) + 1 - 0.5 / M) / n;
        Assert.Equal(expected, Discrete.Entropy([M, 1], LogBase.Nats).Value, expected * 1e-14);
        Assert.Equal(expected, Discrete.Entropy([1, M], LogBase.Nats).Value, expected * 1e-14);
        Assert.Equal(expected, EntropyEstimators.PlugIn([M, 1], logBase: LogBase.Nats).Value, expected * 1e-14);
        // Min-entropy −ln(M/N) = ln(1 + 1/M) = 1/M − 1/(2M²) …, and the surprisal of the common outcome is the same.
        double minEntropy = 1.0 / M - 0.5 / ((double)M * M);
        Assert.Equal(minEntropy, Discrete.RenyiEntropy([M, 1], double.PositiveInfinity, LogBase.Nats).Value, minEntropy * 1e-14);
        var surprisal = new double[2];
        Discrete.Surprisal([M, 1], surprisal, LogBase.Nats);
        Assert.Equal(minEntropy, surprisal[0], minEntropy * 1e-14);
        Assert.Equal(Math.Log(n), surprisal[1], 1e-15 * Math.Log(n));
    }

    [Fact]
    public void CountsOfTenToTheEighteenAndOneHoldToTwelveDigits()
    {
        // The audit's `entropy --counts 1e18,1`: N = 10^18 + 1, H = [ln N + M·ln(1 + 1/M)]/N nats with M = 10^18, and
        // M·ln(1 + 1/M) = 1 − 1/(2M) + … = 1 to 18 digits; ln N = 18 ln 10 + ln(1 + 10^-18) = 18 ln 10 to 18 digits.
        // So H = (18 ln 10 + 1)/(10^18 + 1) nats = (18 log2 10 + log2 e)/(10^18 + 1) bits ≈ 6.1237e-17 (59.79 + 1.4427, over N).
        const long M = 1_000_000_000_000_000_000;
        double n = M + 1.0, expected = (18 * Math.Log2(10) + 1 / Math.Log(2)) / n;
        Assert.Equal(expected, Discrete.Entropy([M, 1]).Value, expected * 1e-12);
        Assert.Equal(expected, EntropyEstimators.PlugIn([M, 1]).Value, expected * 1e-12);
        Assert.Equal(expected, EntropyEstimators.PlugIn([1, M]).Value, expected * 1e-12);
    }

    [Fact]
    public void NothingCountedIsZeroAsInScipy()
    {
        Assert.Equal(0, Discrete.Entropy([0, 0, 0]).Value);
        Assert.Equal(0, Discrete.RenyiEntropy([0, 0], 2).Value);
        Assert.Equal(1, Discrete.Perplexity([0, 0]));
        // Nothing counted in P: a mean over no outcomes. Q empty: every q is 0, so P's outcomes cost +∞.
        Assert.Equal(0, Discrete.CrossEntropy([0, 0], [1, 1]).Value);
        Assert.Equal(double.PositiveInfinity, Discrete.CrossEntropy([1, 1], [0, 0]).Value);
        Assert.Equal(double.PositiveInfinity, Discrete.KlDivergence([1, 1], [0, 0]).Value);
        Assert.Equal(0, Discrete.JsDivergence([0, 0], [0, 0]).Value);
        Assert.Equal("q", Assert.Throws<ArgumentException>(() => Discrete.JsDivergence([1, 0], [0, 0])).ParamName);
        Assert.Contains("nothing was counted", Assert.Throws<ArgumentException>(() => Discrete.Surprisal([0, 0], new double[2])).Message);
        // The estimator still refuses to estimate from no sample.
        Assert.Throws<ArgumentException>(() => EntropyEstimators.PlugIn([0, 0]));
    }

    [Fact]
    public void SmoothingAddsPseudoCountsToQAndClipBoundsQ()
    {
        long[] a = [7, 3, 0], b = [0, 4, 6];
        double[] p = Probabilities(a), smoothed = [1 / 13.0, 5 / 13.0, 7 / 13.0]; // (b + 1) / (10 + 3·1)
        var laplace = new MeasureOptions { Smoothing = 1 };
        Assert.Equal(Discrete.KlDivergence(p, smoothed).Value, Discrete.KlDivergence(a, b, options: laplace).Value, 14);
        Assert.Equal(Discrete.CrossEntropy(p, smoothed).Value, Discrete.CrossEntropy(a, b, options: laplace).Value, 14);
        var clip = new MeasureOptions { Clip = 1e-10 };
        Assert.Equal(-(0.7 * Math.Log2(1e-10) + 0.3 * Math.Log2(0.4)), Discrete.CrossEntropy(a, b, options: clip).Value, 13);
        Assert.Equal(double.PositiveInfinity, Discrete.KlDivergence(a, b).Value);
    }

    [Fact]
    public void CountPairsSplitAcrossThreadsAsProbabilitiesDo()
    {
        var random = new Random(31);
        long[] a = RandomCounts(random, 300_001), b = RandomCounts(random, 300_001);
        for (int i = 0; i < b.Length; i++) b[i]++;
        Assert.Equal(2, Discrete.ThreadsFor(a.Length, 2));
        var parallel = new MeasureOptions { MaxDegreeOfParallelism = 2 };
        double serial = Discrete.KlDivergence(a, b).Value, split = Discrete.KlDivergence(a, b, options: parallel).Value;
        Assert.True(Math.Abs(serial - split) <= 1e-13 * serial, $"serial {serial:R}, parallel {split:R}");
        Assert.Equal(Discrete.CrossEntropy(a, b).Value, Discrete.CrossEntropy(a, b, options: parallel).Value, 1e-12);
    }

    [Fact]
    public void BadCountsNameIndexAndValue()
    {
        var e = Assert.Throws<ArgumentException>(() => Discrete.Entropy([3, -2, 1]));
        Assert.Contains("counts[1] = -2", e.Message);
        e = Assert.Throws<ArgumentException>(() => Discrete.KlDivergence([1, 1], [1, -1]));
        Assert.Contains("q[1] = -1", e.Message);
        e = Assert.Throws<ArgumentException>(() => Discrete.Entropy([long.MaxValue, 1]));
        Assert.Contains("sum to more than", e.Message);
        Assert.Throws<ArgumentException>(() => Discrete.CrossEntropy([1, 1], [1, 1, 1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Discrete.CrossEntropy([1, 1], [1, 1], options: new() { Clip = 2 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Discrete.RenyiEntropy([1, 1], -1));
    }

    [Fact]
    public void JointCountTablesEqualRenormalizedWeightTables()
    {
        var random = new Random(77);
        var renormalize = new MeasureOptions { Normalization = Normalization.Renormalize };
        for (int trial = 0; trial < 50; trial++)
        {
            int rows = random.Next(1, 6), columns = random.Next(1, 6), nz = random.Next(1, 4);
            long[] counts = RandomCounts(random, rows * columns * nz, 20);
            counts[0]++;
            double[] weights = Array.ConvertAll(counts, c => (double)c);
            int wide = columns * nz;
            var c2 = Joint.Summarize(counts, rows, wide, LogBase.Nats);
            var w2 = Joint.Summarize(weights, rows, wide, LogBase.Nats, renormalize);
            Assert.Equal(w2.RowEntropy.Value, c2.RowEntropy.Value, 1e-12);
            Assert.Equal(w2.ColumnEntropy.Value, c2.ColumnEntropy.Value, 1e-12);
            Assert.Equal(w2.JointEntropy.Value, c2.JointEntropy.Value, 1e-12);
            Assert.Equal(w2.ColumnGivenRow.Value, c2.ColumnGivenRow.Value, 1e-12);
            Assert.Equal(w2.RowGivenColumn.Value, c2.RowGivenColumn.Value, 1e-12);
            Assert.Equal(w2.MutualInformation.Value, c2.MutualInformation.Value, 1e-12);
            Assert.Equal(c2.JointEntropy.Value, Joint.Entropy(counts, rows, wide, LogBase.Nats).Value, 1e-12);
            Assert.Equal(c2.ColumnGivenRow.Value, Joint.ConditionalEntropy(counts, rows, wide, LogBase.Nats).Value, 1e-12);
            Assert.Equal(c2.MutualInformation.Value, Joint.InformationGain(counts, rows, wide, LogBase.Nats).Value, 1e-12);
            Assert.Equal(Joint.NormalizedMutualInformation(weights, rows, wide, NmiNormalization.Geometric, renormalize),
                Joint.NormalizedMutualInformation(counts, rows, wide, NmiNormalization.Geometric), 1e-12);
            Assert.Equal(Joint.ConditionalMutualInformation(weights, rows, columns, nz, LogBase.Nats, renormalize).Value,
                Joint.ConditionalMutualInformation(counts, rows, columns, nz, LogBase.Nats).Value, 1e-12);
        }
        Assert.Contains("table[2] = -1", Assert.Throws<ArgumentException>(() => Joint.Entropy([1, 1, -1, 1], 2, 2)).Message);
        Assert.Contains("2 × 2", Assert.Throws<ArgumentException>(() => Joint.MutualInformation([1, 1, 1], 2, 2)).Message);
    }

    [Fact]
    public void OtherIeeeTypesAreWidenedToDouble()
    {
        // Half goes through the widening path, not the driver's own float/double reading.
        var random = new Random(5);
        double[] p = RandomDistributions.Create(random, 2500), q = RandomDistributions.Positive(random, 2500);
        Half[] ph = Array.ConvertAll(p, x => (Half)x), qh = Array.ConvertAll(q, x => (Half)x);
        double[] pw = Array.ConvertAll(ph, x => (double)x), qw = Array.ConvertAll(qh, x => (double)x);
        var asIs = new MeasureOptions { Normalization = Normalization.AsIs };
        Close(NaiveMeasures.Entropy(pw), Discrete.Entropy(ph, LogBase.Nats, asIs).Value, "H of Half");
        Close(NaiveMeasures.KlDivergence(pw, qw), Discrete.KlDivergence(ph, qh, LogBase.Nats, asIs).Value, "D of Half");
        Close(NaiveMeasures.JsDivergence(pw, qw), Discrete.JsDivergence(ph, qh, LogBase.Nats, asIs).Value, "JS of Half");
        ph[2000] = Half.NaN;
        Assert.Contains("p[2000] = NaN", Assert.Throws<ArgumentException>(() => Discrete.Entropy(ph, options: asIs)).Message);
    }

    [Fact]
    public void SurprisalDestinationFollowsTensorPrimitivesRules()
    {
        double[] p = [0.5, 0.25, 1, 0.125];
        Discrete.Surprisal(p, p); // in place
        Assert.Equal([1, 2, 0, 3], p);
        double[] shifted = [0.5, 0.25, 1, 0.5];
        Assert.Throws<ArgumentException>(() => Discrete.Surprisal(shifted.AsSpan(0, 3), shifted.AsSpan(1, 3)));
        Assert.Throws<ArgumentException>(() => Discrete.Surprisal([0.5, 0.5], new double[1]));
        Assert.Contains("p[1] = 1.5", Assert.Throws<ArgumentException>(() => Discrete.Surprisal([0.5, 1.5], new double[2])).Message);
    }
}
