using Xent.Measures;
using Xent.Tests.Reference;

namespace Xent.Tests.Measures;

/// <summary>Relative error ≤ 1e-12 against exactly summed reference terms, on long and on near-degenerate inputs.</summary>
public class DiscreteAccuracyTests
{
    private const double RelativeError = 1e-12;

    private static void Accurate(double reference, double actual, string what) =>
        Assert.True(Math.Abs(actual - reference) <= RelativeError * Math.Abs(reference), $"{what}: reference {reference:R}, got {actual:R}, relative error {Math.Abs(actual - reference) / Math.Abs(reference):E2}");

    [Fact]
    public void AMillionElements()
    {
        var random = new Random(1_000_000);
        double[] p = RandomDistributions.Create(random, 1_000_000), q = RandomDistributions.Positive(random, 1_000_000);
        Accurate(NaiveMeasures.Entropy(p), Discrete.Entropy(p, LogBase.Nats).Value, "H");
        Accurate(NaiveMeasures.CrossEntropy(p, q), Discrete.CrossEntropy(p, q, LogBase.Nats).Value, "H(P,Q)");
        Accurate(NaiveMeasures.KlDivergence(p, q), Discrete.KlDivergence(p, q, LogBase.Nats).Value, "D");
        Accurate(NaiveMeasures.JsDivergence(p, q), Discrete.JsDivergence(p, q, LogBase.Nats).Value, "JS");
        var twoThreads = new MeasureOptions { MaxDegreeOfParallelism = 2 };
        Accurate(NaiveMeasures.Entropy(p), Discrete.Entropy(p, LogBase.Nats, twoThreads).Value, "H on 2 threads");
        Accurate(NaiveMeasures.KlDivergence(p, q), Discrete.KlDivergence(p, q, LogBase.Nats, twoThreads).Value, "D on 2 threads");
    }

    [Fact]
    public void AMillionCountsRenormalized()
    {
        // H = ln S − (1/S) Σ c ln c: the correction must not lose the digits the pass kept.
        var random = new Random(7);
        var counts = new double[1_000_000];
        for (int i = 0; i < counts.Length; i++) counts[i] = random.Next(0, 1000);
        double sum = NaiveMeasures.Sum(counts);
        double[] p = Array.ConvertAll(counts, c => c / sum);
        Accurate(NaiveMeasures.Entropy(p), Discrete.Entropy(counts, LogBase.Nats, new() { Normalization = Normalization.Renormalize }).Value, "H of counts");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(1000)]
    [InlineData(1_000_000)]
    public void NearDegenerateDistributions(int n)
    {
        // One p = 1 − 1e-15, the rest share 1e-15: H ≈ 1e-15 · (1 + ln(n / 1e-15)), dominated by terms 1e15 times smaller than p₀.
        var p = new double[n];
        p[0] = 1 - 1e-15;
        for (int i = 1; i < n; i++) p[i] = 1e-15 / (n - 1);
        var random = new Random(n);
        double[] q = RandomDistributions.Positive(random, n);
        double[] uniform = Enumerable.Repeat(1.0 / n, n).ToArray();
        Accurate(NaiveMeasures.Entropy(p), Discrete.Entropy(p, LogBase.Nats).Value, "H");
        Accurate(NaiveMeasures.CrossEntropy(p, q), Discrete.CrossEntropy(p, q, LogBase.Nats).Value, "H(P,Q)");
        Accurate(NaiveMeasures.KlDivergence(p, q), Discrete.KlDivergence(p, q, LogBase.Nats).Value, "D(P‖Q)");
        Accurate(NaiveMeasures.KlDivergence(uniform, p), Discrete.KlDivergence(uniform, p, LogBase.Nats).Value, "D(U‖P)");
        Accurate(NaiveMeasures.JsDivergence(p, uniform), Discrete.JsDivergence(p, uniform, LogBase.Nats).Value, "JS");
    }

    [Fact]
    public void NearlyEqualDistributions()
    {
        // q = p·(1 + 1e-6·u), u uniform in [−1, 1], renormalized: D(P‖Q) ≈ ½·Σ p·(1e-6·u)² ≈ 1.7e-13 nats, a million times
        // smaller than its terms, which cancel. The terms p·ln(p/q) keep the digits a difference of logs would lose.
        var random = new Random(2024);
        double[] p = RandomDistributions.Positive(random, 1_000_000);
        var q = new double[p.Length];
        for (int i = 0; i < p.Length; i++) q[i] = p[i] * (1 + 1e-6 * (2 * random.NextDouble() - 1));
        double sum = NaiveMeasures.Sum(q);
        for (int i = 0; i < q.Length; i++) q[i] /= sum;
        Accurate(NaiveMeasures.KlDivergence(p, q), Discrete.KlDivergence(p, q, LogBase.Nats).Value, "D(P‖Q)");
        Accurate(NaiveMeasures.KlDivergence(q, p), Discrete.KlDivergence(q, p, LogBase.Nats).Value, "D(Q‖P)");
        Accurate(NaiveMeasures.KlDivergence(p, q),
            Discrete.KlDivergence(p, q, LogBase.Nats, new MeasureOptions { MaxDegreeOfParallelism = 2 }).Value, "D(P‖Q) on 2 threads");
    }

    [Fact]
    public void ANearlyCertainOutcomeAlone()
    {
        double[] p = [1 - 1e-15, 1e-15];
        double expected = -(1 - 1e-15) * Math.Log(1 - 1e-15) - 1e-15 * Math.Log(1e-15);
        Accurate(expected, Discrete.Entropy(p, LogBase.Nats).Value, "H");
    }
}
