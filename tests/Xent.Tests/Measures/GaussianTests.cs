using CsCheck;
using Xent.Tests.Properties;
using Xent.Measures;

namespace Xent.Tests.Measures;

public class GaussianTests
{
    private const double Tolerance = 1e-12;
    private static readonly LogBase Nats = LogBase.Nats; // the formulas below are written with ln
    private static readonly double HalfLogTwoPiE = 0.5 * Math.Log(2 * Math.PI * Math.E); // h(N(0,1)) = 1.4189385 nats

    [Fact]
    public void UnivariateDifferentialEntropy()
    {
        // h(N(μ, 1)) = ½ ln(2πe) = 1.418939 nats; σ² = 4 adds ½ ln 4 = ln 2: 2.112086 nats = 3.047096 bits.
        Assert.Equal(1.418939, Gaussian.DifferentialEntropy(1, Nats).Value, 6);
        Assert.Equal("bits", Gaussian.DifferentialEntropy(1).Unit); // bits by default, as every information figure in Xent
        Assert.Equal(HalfLogTwoPiE + Math.Log(2), Gaussian.DifferentialEntropy(4, Nats).Value, Tolerance);
        Assert.Equal((HalfLogTwoPiE + Math.Log(2)) / Math.Log(2), Gaussian.DifferentialEntropy(4).Value, Tolerance);
        // Negative below σ² = 1/(2πe).
        Assert.True(Gaussian.DifferentialEntropy(0.01).Value < 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => Gaussian.DifferentialEntropy(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Gaussian.DifferentialEntropy(double.NaN));
    }

    [Fact]
    public void DiagonalAndFullCovarianceEntropy()
    {
        // Diagonal (1, 4): h = 2·1.418939 + ½ ln 4 = 3.531024 nats.
        Assert.Equal(2 * HalfLogTwoPiE + Math.Log(2), Gaussian.DifferentialEntropyDiagonal([1, 4], Nats).Value, Tolerance);
        Assert.Equal(0, Gaussian.DifferentialEntropyDiagonal([]).Value);
        // Full [[2, 1], [1, 2]]: det = 3, h = ln(2πe) + ½ ln 3 = 2.837877 + 0.549306 = 3.387183 nats.
        Assert.Equal(2 * HalfLogTwoPiE + 0.5 * Math.Log(3), Gaussian.DifferentialEntropy([2, 1, 1, 2], 2, Nats).Value, Tolerance);
        // A diagonal covariance gives the diagonal formula.
        Assert.Equal(Gaussian.DifferentialEntropyDiagonal([0.5, 3, 7]).Value,
            Gaussian.DifferentialEntropy([0.5, 0, 0, 0, 3, 0, 0, 0, 7], 3).Value, Tolerance);
    }

    [Fact]
    public void NotPositiveDefiniteNamesThePivot()
    {
        // [[1, 2], [2, 1]] has eigenvalues 3 and −1: the second pivot is 1 − 2² = −3.
        var e = Assert.Throws<ArgumentException>(() => Gaussian.DifferentialEntropy([1, 2, 2, 1], 2));
        Assert.Contains("not positive definite", e.Message);
        Assert.Contains("pivot 1 is -3", e.Message);
        e = Assert.Throws<ArgumentException>(() => Gaussian.DifferentialEntropy([1, 0.5, 0.4, 1], 2));
        Assert.Contains("not symmetric", e.Message);
        e = Assert.Throws<ArgumentException>(() => Gaussian.DifferentialEntropy([1, 0, 0], 2));
        Assert.Contains("2 × 2", e.Message);
        Assert.Throws<ArgumentException>(() => Gaussian.KlDivergence([0.0, 0], [1, 0, 0, 1], [0.0, 0], [1, 2, 2, 1]));
    }

    [Fact]
    public void UnivariateKl()
    {
        // KL(N(0,1) ‖ N(1,2)) = ln(√2/1) + (1 + (0−1)²)/(2·2) − ½ = 0.346574 + 0.5 − 0.5 = 0.346574 nats.
        Assert.Equal(0.5 * Math.Log(2), Gaussian.KlDivergence(0, 1, 1, 2, Nats).Value, Tolerance);
        // KL(N(1,2) ‖ N(0,1)) = ln(1/√2) + (2 + 1)/2 − ½ = −0.346574 + 1.5 − 0.5 = 0.653426 nats: not symmetric.
        Assert.Equal(1 - 0.5 * Math.Log(2), Gaussian.KlDivergence(1, 2, 0, 1, Nats).Value, Tolerance);
        Assert.Equal(0, Gaussian.KlDivergence(3, 5, 3, 5).Value);
        // Nearly equal: σ_q² = 1 + 1e-8 gives KL ≈ ε²/4 = 2.5e-17, which p·log p − p·log q would lose entirely.
        double eps = 1e-8;
        Assert.Equal(eps * eps / 4, Gaussian.KlDivergence(0, 1, 0, 1 + eps, Nats).Value, 1e-6 * eps * eps);
    }

    [Fact]
    public void VaeTermFromMeanAndLogVariance()
    {
        // μ = (1, 0), ln σ² = (0, ln 4): ½[(1 + 1 − 1 − 0) + (0 + 4 − 1 − ln 4)] = ½[1 + 1.613706] = 1.306853 nats.
        Assert.Equal(0.5 * (1 + 3 - Math.Log(4)), Gaussian.KlToStandardNormal([1, 0], [0, Math.Log(4)], Nats).Value, Tolerance);
        Assert.Equal(0, Gaussian.KlToStandardNormal([0, 0, 0], [0, 0, 0]).Value);
        // The same as the diagonal KL against N(0, I).
        double[] mean = [0.3, -1.2, 2], logVar = [-0.5, 0.1, 1.5];
        Assert.Equal(Gaussian.KlDivergenceDiagonal(mean, logVar.Select(Math.Exp).ToArray(), [0, 0, 0], [1, 1, 1]).Value,
            Gaussian.KlToStandardNormal(mean, logVar).Value, Tolerance);
        // A tiny log-variance keeps its digits: ½(e^t − 1 − t) ≈ t²/4 = 2.5e-21 for t = 1e-10.
        Assert.Equal(0.25e-20, Gaussian.KlToStandardNormal([0], [1e-10], Nats).Value, 1e-30);
        var e = Assert.Throws<ArgumentException>(() => Gaussian.KlToStandardNormal([0, 1], [0, double.NaN]));
        Assert.Contains("logVariance[1] = NaN", e.Message);
        Assert.Throws<ArgumentException>(() => Gaussian.KlToStandardNormal([0, 1], [0]));
    }

    [Fact]
    public void FullCovarianceKl()
    {
        // P = N(0, I), Q = N(0, [[2,1],[1,2]]): Σ_q⁻¹ = ⅓[[2,−1],[−1,2]], tr(Σ_q⁻¹Σ_p) = 4/3, ln det Σ_q = ln 3:
        // KL = ½(4/3 − 2 + ln 3) = ½(−0.666667 + 1.098612) = 0.215973 nats.
        Assert.Equal(0.5 * (4.0 / 3 - 2 + Math.Log(3)), Gaussian.KlDivergence([0.0, 0], [1, 0, 0, 1], [0.0, 0], [2, 1, 1, 2], Nats).Value, Tolerance);
        // Adding μ_p − μ_q = (1, 0) adds ½ (1,0)Σ_q⁻¹(1,0)ᵀ = ½ · 2/3 = 1/3.
        Assert.Equal(0.5 * (4.0 / 3 - 2 + Math.Log(3)) + 1.0 / 3,
            Gaussian.KlDivergence([1.0, 0], [1, 0, 0, 1], [0.0, 0], [2, 1, 1, 2], Nats).Value, Tolerance);
        Assert.Equal(0, Gaussian.KlDivergence([1.0, 2], [2, 1, 1, 2], [1.0, 2], [2, 1, 1, 2]).Value, Tolerance);
    }

    private static readonly Gen<(double[] MeanP, double[] VarP, double[] MeanQ, double[] VarQ)> DiagonalPairs =
        from d in Gen.Int[1, 6]
        from mp in Gen.Double[-5, 5].Array[d]
        from vp in Gen.Double[0.05, 20].Array[d]
        from mq in Gen.Double[-5, 5].Array[d]
        from vq in Gen.Double[0.05, 20].Array[d]
        select (mp, vp, mq, vq);

    [Fact]
    public void KlIsNonNegativeZeroOnItselfAndFullEqualsDiagonal() => DiagonalPairs.SampleFixed(t =>
    {
        double diagonal = Gaussian.KlDivergenceDiagonal(t.MeanP, t.VarP, t.MeanQ, t.VarQ).Value;
        Assert.True(diagonal >= 0);
        Assert.Equal(0, Gaussian.KlDivergenceDiagonal(t.MeanP, t.VarP, t.MeanP, t.VarP).Value);
        double full = Gaussian.KlDivergence(t.MeanP, AsMatrix(t.VarP), t.MeanQ, AsMatrix(t.VarQ)).Value;
        Assert.Equal(diagonal, full, 1e-10 * Math.Max(1, diagonal));
        Assert.Equal(Gaussian.DifferentialEntropyDiagonal(t.VarP).Value,
            Gaussian.DifferentialEntropy(AsMatrix(t.VarP), t.VarP.Length).Value, 1e-12);
    }, seed: "0000000000g1", iter: 200);

    private static double[] AsMatrix(double[] diagonal)
    {
        int d = diagonal.Length;
        var m = new double[d * d];
        for (int i = 0; i < d; i++) m[i * d + i] = diagonal[i];
        return m;
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(1)]
    [InlineData(250)]
    public void GaussianHasMaximumEntropyForItsVariance(double variance)
    {
        // Same variance σ²: uniform on an interval of width w = σ√12 has h = ln w; Laplace with scale b = σ/√2 has h = 1 + ln(2b).
        // For σ² = 1: uniform 1.242453, Laplace 1.346574, Gaussian 1.418939 nats.
        double sigma = Math.Sqrt(variance);
        double uniform = Math.Log(sigma * Math.Sqrt(12));
        double laplace = 1 + Math.Log(2 * sigma / Math.Sqrt(2));
        double gaussian = Gaussian.DifferentialEntropy(variance, Nats).Value;
        Assert.True(gaussian > laplace && laplace > uniform, $"{gaussian} > {laplace} > {uniform}");
    }
}
