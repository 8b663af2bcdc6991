using CsCheck;
using Xent.Tests.Properties;
using Xent.Estimation;

namespace Xent.Tests.Estimation;

public class EntropyEstimatorsTests
{
    private const double Tolerance = 1e-12;
    private const double EulerGamma = 0.57721566490153286061;

    // The running example: counts (2, 1, 1), N = 4, m = 3, f₁ = 2 singletons.
    private static readonly long[] Counts = [2, 1, 1];

    [Fact]
    public void PlugIn()
    {
        // p̂ = (½, ¼, ¼): H = ½·1 + ¼·2 + ¼·2 = 1.5 bits = 1.5 ln 2 = 1.039721 nats.
        Assert.Equal(1.5, EntropyEstimators.PlugIn(Counts).Value, Tolerance);
        Assert.Equal(1.5 * Math.Log(2), EntropyEstimators.PlugIn(Counts, logBase: LogBase.Nats).Value, Tolerance);
        // Zeros and a declared K change nothing.
        Assert.Equal(1.5, EntropyEstimators.PlugIn([0, 2, 0, 1, 1], alphabetSize: 10).Value, Tolerance);
    }

    [Fact]
    public void MillerMadow()
    {
        // Ĥ_ML + (m − 1)/(2N) = 1.039721 + 2/8 = 1.289721 nats.
        Assert.Equal(1.5 * Math.Log(2) + 0.25, EntropyEstimators.MillerMadow(Counts, logBase: LogBase.Nats).Value, Tolerance);
    }

    [Fact]
    public void LaplaceAndJeffreys()
    {
        // Laplace, K = 3: θ = (3/7, 2/7, 2/7), H = (3/7) ln(7/3) + (4/7) ln(7/2) = 0.363128 + 0.715865 = 1.078992 nats.
        double k3 = 3.0 / 7 * Math.Log(7.0 / 3) + 4.0 / 7 * Math.Log(7.0 / 2);
        Assert.Equal(k3, EntropyEstimators.Laplace(Counts, logBase: LogBase.Nats).Value, Tolerance);
        // Laplace, declared K = 4 (one unseen symbol): θ = (3/8, 2/8, 2/8, 1/8),
        // H = (3/8) ln(8/3) + (4/8) ln 4 + (1/8) ln 8 = 0.367811 + 0.693147 + 0.259930 = 1.320888 nats.
        Assert.Equal(1.320888, EntropyEstimators.Laplace(Counts, alphabetSize: 4, logBase: LogBase.Nats).Value, 6);
        // Jeffreys, K = 3: θ = (2.5, 1.5, 1.5)/5.5 = (5/11, 3/11, 3/11), H = (5/11) ln(11/5) + (6/11) ln(11/3) = 0.358390 + 0.708700 = 1.067090 nats.
        Assert.Equal(5.0 / 11 * Math.Log(11.0 / 5) + 6.0 / 11 * Math.Log(11.0 / 3),
            EntropyEstimators.Jeffreys(Counts, logBase: LogBase.Nats).Value, Tolerance);
        // Pseudocount 0 is the plug-in estimate; pseudocount 1 is Laplace.
        Assert.Equal(EntropyEstimators.PlugIn(Counts).Value, EntropyEstimators.Additive(Counts, 0).Value, Tolerance);
        Assert.Equal(EntropyEstimators.Laplace(Counts, 7).Value, EntropyEstimators.Additive(Counts, 1, 7).Value, Tolerance);
        Assert.Throws<ArgumentOutOfRangeException>(() => EntropyEstimators.Additive(Counts, -1));
    }

    [Fact]
    public void JamesStein()
    {
        // (2,1,1), K = 3: θ̂ = (½, ¼, ¼), Σθ̂² = 0.375, Σ(⅓ − θ̂)² = 1/36 + 2/144 = 1/24, λ* = 0.625 / (3 · 1/24) = 5 → clamped to 1:
        // full shrinkage to uniform, H = ln 3.
        Assert.Equal(Math.Log(3), EntropyEstimators.JamesStein(Counts, logBase: LogBase.Nats).Value, Tolerance);
        // (6,2,2), K = 3: θ̂ = (0.6, 0.2, 0.2), 1 − Σθ̂² = 0.56, Σ(⅓ − θ̂)² = 0.071111 + 2·0.017778 = 8/75,
        // λ* = 0.56 / (9 · 8/75) = 0.56/0.96 = 7/12; θ = 7/36 + (5/12)θ̂ = (4/9, 5/18, 5/18);
        // H = (4/9) ln(9/4) + (5/9) ln(18/5) = 0.360413 + 0.711630 = 1.072043 nats.
        Assert.Equal(4.0 / 9 * Math.Log(9.0 / 4) + 5.0 / 9 * Math.Log(18.0 / 5),
            EntropyEstimators.JamesStein([6, 2, 2], logBase: LogBase.Nats).Value, Tolerance);
        // (6,2,2) with K = 4: the unseen symbol adds (¼)² to the distance; θ̂ = (0.6, 0.2, 0.2, 0),
        // Σ(¼ − θ̂)² = 0.1225 + 2·0.0025 + 0.0625 = 0.19, λ* = 0.56/(9·0.19) = 0.327485, the unseen symbol gets λ/4 = 0.081871.
        double lambda = 0.56 / (9 * 0.19);
        double[] theta = [lambda / 4 + (1 - lambda) * 0.6, lambda / 4 + (1 - lambda) * 0.2, lambda / 4 + (1 - lambda) * 0.2, lambda / 4];
        Assert.Equal(-theta.Sum(t => t * Math.Log(t)), EntropyEstimators.JamesStein([6, 2, 2], 4, LogBase.Nats).Value, Tolerance);
        // One observation: λ = 1, uniform over K.
        Assert.Equal(Math.Log(5), EntropyEstimators.JamesStein([1], 5, LogBase.Nats).Value, Tolerance);
    }

    [Fact]
    public void ChaoShen()
    {
        // (2,1,1): f₁ = 2, Ĉ = 1 − 2/4 = ½, p̃ = (¼, ⅛, ⅛); inclusion 1 − (1 − p̃)^4 = 1 − 0.31640625 = 0.68359375 and
        // 1 − 0.586181640625 = 0.413818359375; H = ¼ ln 4 / 0.68359375 + 2 · ⅛ ln 8 / 0.413818359375
        // = 0.346574 / 0.683594 + 0.519860 / 0.413818 = 0.506988 + 1.256252 = 1.763240 nats.
        double expected = 0.25 * Math.Log(4) / 0.68359375 + 0.25 * Math.Log(8) / 0.413818359375;
        Assert.Equal(expected, EntropyEstimators.ChaoShen(Counts, logBase: LogBase.Nats).Value, Tolerance);
        Assert.Equal(1.763240, expected, 6);
        // All singletons (1,1,1): f₁ = N = 3 is taken as 2, Ĉ = ⅓, p̃ = 1/9 each, inclusion 1 − (8/9)³ = 217/729;
        // H = 3 · (1/9) ln 9 / (217/729) = 0.732408 / 0.297668 = 2.460487 nats.
        Assert.Equal(3 * (1.0 / 9) * Math.Log(9) / (217.0 / 729), EntropyEstimators.ChaoShen([1, 1, 1], logBase: LogBase.Nats).Value, Tolerance);
    }

    [Fact]
    public void Grassberger()
    {
        // G(1) = ψ(1) − ½(ψ(1) − ψ(½)) = −γ − ln 2 = −1.270363; G(2) = ψ(2) + ½(ψ(3/2) − ψ(1)) = (1 − γ) + (1 − ln 2) = 0.729637.
        Assert.Equal(-EulerGamma - Math.Log(2), EntropyEstimators.GrassbergerG(1), Tolerance);
        Assert.Equal(2 - EulerGamma - Math.Log(2), EntropyEstimators.GrassbergerG(2), Tolerance);
        // (2,1,1): Ĥ = ln 4 − ¼(2·0.729637 + 2·(−1.270363)) = 1.386294 + 0.270363 = 1.656657 nats.
        Assert.Equal(Math.Log(4) - 0.25 * (2 * (2 - EulerGamma - Math.Log(2)) + 2 * (-EulerGamma - Math.Log(2))),
            EntropyEstimators.Grassberger(Counts, logBase: LogBase.Nats).Value, Tolerance);
        // G(n) → ln n: at n = 10⁶ the difference is O(1/n²).
        Assert.Equal(Math.Log(1e6), EntropyEstimators.GrassbergerG(1_000_000), 1e-9);
        // (9, 5): G(9) = ψ(9) − ½(ψ(5) − ψ(4.5)) = 2.140641 − ½·0.117247 = 2.082018, G(5) = ψ(5) − ½(ψ(3) − ψ(2.5))
        // = 1.506118 − ½·0.219627 = 1.396304; Ĥ = ln 14 − (9·2.082018 + 5·1.396304)/14 = 2.639057 − 1.837120 = 0.801937 nats
        // = 1.156951 bits: more than the 1 bit a two-symbol variable can have.
        Assert.Equal(0.801937, EntropyEstimators.Grassberger([9, 5], logBase: LogBase.Nats).Value, 6);
        // One symbol seen twice: ln 2 − G(2) = −0.036490 < 0, returned as 0.
        Assert.Equal(0, EntropyEstimators.Grassberger([2]).Value);
    }

    [Fact]
    public void EstimateDispatchesToEveryEstimator()
    {
        long[] counts = [7, 3, 1, 0, 2];
        Assert.Equal(EntropyEstimators.PlugIn(counts).Value, EntropyEstimators.Estimate(EntropyEstimator.PlugIn, counts).Value);
        Assert.Equal(EntropyEstimators.MillerMadow(counts).Value, EntropyEstimators.Estimate(EntropyEstimator.MillerMadow, counts).Value);
        Assert.Equal(EntropyEstimators.Laplace(counts).Value, EntropyEstimators.Estimate(EntropyEstimator.Laplace, counts).Value);
        Assert.Equal(EntropyEstimators.Jeffreys(counts).Value, EntropyEstimators.Estimate(EntropyEstimator.Jeffreys, counts).Value);
        Assert.Equal(EntropyEstimators.JamesStein(counts).Value, EntropyEstimators.Estimate(EntropyEstimator.JamesStein, counts).Value);
        Assert.Equal(EntropyEstimators.ChaoShen(counts).Value, EntropyEstimators.Estimate(EntropyEstimator.ChaoShen, counts).Value);
        Assert.Equal(EntropyEstimators.Grassberger(counts).Value, EntropyEstimators.Estimate(EntropyEstimator.Grassberger, counts).Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => EntropyEstimators.Estimate((EntropyEstimator)99, counts));
    }

    [Fact]
    public void BadCountsAreRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => EntropyEstimators.PlugIn([3, -2, 1]));
        Assert.Contains("counts[1] = -2", e.Message);
        e = Assert.Throws<ArgumentException>(() => EntropyEstimators.MillerMadow([0, 0]));
        Assert.Contains("nothing was observed", e.Message);
        Assert.Throws<ArgumentException>(() => EntropyEstimators.PlugIn([]));
        e = Assert.Throws<ArgumentException>(() => EntropyEstimators.Laplace([1, 2, 3], alphabetSize: 2));
        Assert.Contains("alphabetSize = 2", e.Message);
        Assert.Throws<OverflowException>(() => EntropyEstimators.PlugIn([long.MaxValue, 1]));
    }

    private static readonly Gen<long[]> CountVectors =
        Gen.Long[0, 50].Array[1, 30].Where(c => c.Sum() > 0);

    [Fact]
    public void PlugInIsAtMostMillerMadowAndEveryEstimateIsFiniteAndNonNegative() => CountVectors.SampleFixed(counts =>
    {
        Assert.True(EntropyEstimators.PlugIn(counts).Value <= EntropyEstimators.MillerMadow(counts).Value);
        foreach (var estimator in Enum.GetValues<EntropyEstimator>())
        {
            double h = EntropyEstimators.Estimate(estimator, counts, counts.Length + 3).Value;
            Assert.True(double.IsFinite(h) && h >= 0, $"{estimator}: {h}");
        }
        // Smoothing estimates never exceed log K (they are entropies of distributions on K symbols).
        Assert.True(EntropyEstimators.Laplace(counts, 40, LogBase.Nats).Value <= Math.Log(40) + Tolerance);
        Assert.True(EntropyEstimators.JamesStein(counts, 40, LogBase.Nats).Value <= Math.Log(40) + Tolerance);
    }, seed: "0000000000e1", iter: 300);
}
