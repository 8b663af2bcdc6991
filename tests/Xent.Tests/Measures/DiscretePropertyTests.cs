using CsCheck;
using Xent.Tests.Properties;
using Xent.Measures;
using Xent.Tests.Reference;

namespace Xent.Tests.Measures;

/// <summary>The laws of the measures, on random distributions (CsCheck, fixed seeds).</summary>
public class DiscretePropertyTests
{
    private const double Slack = 1e-12;

    /// <summary>
    /// The most a law may be broken by rounding, relative to Σ|terms|: the kernels sum with compensation, so each term's own
    /// rounding (a few ulps) dominates. The laws are asserted on the unclamped sums, which a wrong kernel would push far outside.
    /// </summary>
    private const double RoundingUlps = 64 * 2.220446049250313e-16;

    private static readonly MeasureOptions Default = MeasureOptions.Default;

    /// <summary>Normalized distributions of 1..300 outcomes (lengths past every vector width), some entries 0.</summary>
    private static Gen<double[]> Distribution(bool positive) =>
        Gen.Double[0, 1].Select(Gen.Bool, (x, zero) => zero && !positive ? 0 : x + (positive ? 1e-3 : 0)).Array[1, 300]
            .Where(a => a.Sum() > 0).Select(a => { double s = a.Sum(); return Array.ConvertAll(a, x => x / s); });

    private static Gen<(double[] P, double[] Q)> Pair =>
        Gen.Int[1, 300].SelectMany(n => Gen.Select(
            Gen.Double[0, 1].Array[n].Where(a => a.Sum() > 0), Gen.Double[1e-3, 1].Array[n],
            (a, b) => (Normalize(a), Normalize(b))));

    private static double[] Normalize(double[] a)
    {
        double s = a.Sum();
        return Array.ConvertAll(a, x => x / s);
    }

    [Fact]
    public void GibbsInequality() =>
        Pair.SampleFixed(t =>
        {
            // Unclamped: the public figure is max(D, 0), which could not fail. Σ|p ln(p/q)| ≤ H(P) + H(P,Q).
            double d = Discrete.KlDivergenceNats<double>(t.P, t.Q, Default);
            double scale = NaiveMeasures.Entropy(t.P) + NaiveMeasures.CrossEntropy(t.P, t.Q);
            Assert.True(d >= -RoundingUlps * scale, $"D(P‖Q) = {d:R} < 0 beyond rounding (scale {scale:R})");
            Assert.Equal(Math.Max(d, 0), Discrete.KlDivergence(t.P, t.Q, LogBase.Nats).Value);
            float[] pf = Array.ConvertAll(t.P, x => (float)x), qf = Array.ConvertAll(t.Q, x => (float)x);
            var asIs = new MeasureOptions { Normalization = Normalization.AsIs };
            double[] pw = NaiveMeasures.Widen(pf), qw = NaiveMeasures.Widen(qf);
            double df = Discrete.KlDivergenceNats<float>(pf, qf, asIs);
            // Σp = Σq = 1 only to float precision, and D ≥ Σp − Σq for unnormalized vectors (ln x ≥ 1 − 1/x).
            double bound = NaiveMeasures.Sum(pw) - NaiveMeasures.Sum(qw) - RoundingUlps * (NaiveMeasures.Entropy(pw) + NaiveMeasures.CrossEntropy(pw, qw));
            Assert.True(df >= bound, $"float D(P‖Q) = {df:R} < Σp − Σq = {bound:R}");
        }, seed: "0000000000m1", iter: 200);

    /// <summary>Q a relative perturbation of P of up to 1e-6 (renormalized): D(P‖Q) ≈ 1e-13, where a biased kernel shows.</summary>
    private static Gen<(double[] P, double[] Q)> NearlyEqualPair =>
        Distribution(positive: true).SelectMany(p => Gen.Double[-1e-6, 1e-6].Array[p.Length].Select(e =>
            (p, Normalize(p.Select((x, i) => x * (1 + e[i])).ToArray()))));

    [Fact]
    public void GibbsInequalityForNearlyEqualDistributions() =>
        NearlyEqualPair.SampleFixed(t =>
        {
            double d = Discrete.KlDivergenceNats<double>(t.P, t.Q, Default);
            double scale = NaiveMeasures.Entropy(t.P) + NaiveMeasures.CrossEntropy(t.P, t.Q);
            Assert.True(d >= -RoundingUlps * scale, $"D(P‖Q) = {d:R} < 0 beyond rounding (scale {scale:R})");
            Assert.True(Discrete.KlDivergenceNats<double>(t.P, t.P, Default) >= -RoundingUlps * scale, "D(P‖P) < 0");
        }, seed: "0000000000m9", iter: 200);

    [Fact]
    public void GibbsInequalityOnCounts() =>
        Gen.Int[1, 300].SelectMany(n => Gen.Select(Gen.Long[0, 1000].Array[n], Gen.Long[1, 1000].Array[n]))
            .Where(t => t.Item1.Sum() > 0).SampleFixed(t =>
            {
                double d = Discrete.KlDivergenceNats(t.Item1, t.Item2, Default);
                double[] p = Array.ConvertAll(t.Item1, c => c / (double)t.Item1.Sum()), q = Array.ConvertAll(t.Item2, c => c / (double)t.Item2.Sum());
                double scale = NaiveMeasures.Entropy(p) + NaiveMeasures.CrossEntropy(p, q);
                Assert.True(d >= -RoundingUlps * scale, $"D(P‖Q) = {d:R} < 0 beyond rounding (scale {scale:R})");
            }, seed: "0000000000m7", iter: 200);

    [Fact]
    public void CrossEntropyIsEntropyPlusDivergence() =>
        Pair.SampleFixed(t =>
        {
            double h = Discrete.Entropy(t.P).Value, d = Discrete.KlDivergence(t.P, t.Q).Value, ce = Discrete.CrossEntropy(t.P, t.Q).Value;
            Assert.True(Math.Abs(ce - (h + d)) <= Slack * (1 + ce), $"H(P,Q) = {ce:R}, H(P) + D = {h + d:R}");
        }, seed: "0000000000m2", iter: 200);

    [Fact]
    public void JensenShannonIsSymmetricAndAtMostOneBit() =>
        Pair.SampleFixed(t =>
        {
            // Unclamped: the public figure is clamped to [0, ln 2]. Σ|terms| ≤ ln 2 + H(M), and H(M) ≤ ln n.
            double pq = Discrete.JsDivergenceNats<double>(t.P, t.Q, Default), qp = Discrete.JsDivergenceNats<double>(t.Q, t.P, Default);
            double slack = RoundingUlps * (Math.Log(2) + Math.Log(t.P.Length));
            Assert.True(Math.Abs(pq - qp) <= Slack, $"JS(P,Q) = {pq:R}, JS(Q,P) = {qp:R}");
            Assert.InRange(pq, -slack, Math.Log(2) + slack);
            Assert.Equal(Math.Clamp(pq, 0, Math.Log(2)), Discrete.JsDivergence(t.P, t.Q, LogBase.Nats).Value);
        }, seed: "0000000000m3", iter: 200);

    [Fact]
    public void JensenShannonOfDisjointSupportsReachesOneBitWithinRounding() =>
        Distribution(positive: true).SampleFixed(p =>
        {
            // P on the first half of 2n outcomes, Q on the second: JS = ln 2 exactly, the top of the range.
            var pp = new double[2 * p.Length];
            var qq = new double[2 * p.Length];
            p.CopyTo(pp, 0);
            p.CopyTo(qq, p.Length);
            double js = Discrete.JsDivergenceNats<double>(pp, qq, Default);
            Assert.InRange(js, Math.Log(2) * (1 - RoundingUlps), Math.Log(2) * (1 + RoundingUlps));
        }, seed: "0000000000m8", iter: 100);

    [Fact]
    public void EntropyIsAtMostLogN() =>
        Distribution(positive: false).SampleFixed(p =>
            Assert.True(Discrete.Entropy(p).Value <= Math.Log2(p.Length) + Slack), seed: "0000000000m4", iter: 200);

    [Fact]
    public void RenyiEntropyIsNonIncreasingInAlpha() =>
        Distribution(positive: false).SampleFixed(p =>
        {
            double[] alphas = [0, 0.5, 1, 2, 5, double.PositiveInfinity];
            for (int k = 1; k < alphas.Length; k++)
            {
                double before = Discrete.RenyiEntropy(p, alphas[k - 1]).Value, after = Discrete.RenyiEntropy(p, alphas[k]).Value;
                Assert.True(after <= before + Slack * (1 + before), $"H_{alphas[k - 1]} = {before:R} < H_{alphas[k]} = {after:R}");
            }
        }, seed: "0000000000m5", iter: 200);

    [Fact]
    public void FloatAndDoubleAgreeOnFloatInputs() =>
        Pair.SampleFixed(t =>
        {
            float[] p = Array.ConvertAll(t.P, x => (float)x), q = Array.ConvertAll(t.Q, x => (float)x);
            double[] pd = Array.ConvertAll(p, x => (double)x), qd = Array.ConvertAll(q, x => (double)x);
            var options = new MeasureOptions { Normalization = Normalization.AsIs };
            Assert.Equal(Discrete.KlDivergence(pd, qd, options: options).Value, Discrete.KlDivergence(p, q, options: options).Value, 13);
            Assert.Equal(Discrete.Entropy(pd, options: options).Value, Discrete.Entropy(p, options: options).Value, 13);
        }, seed: "0000000000m6", iter: 100);
}
