using CsCheck;
using Xent.Tests.Properties;
using Xent.Measures;

namespace Xent.Tests.Measures;

/// <summary>The laws of the measures, on random distributions (CsCheck, fixed seeds).</summary>
public class DiscretePropertyTests
{
    private const double Slack = 1e-12;

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
        Pair.SampleFixed(t => Assert.True(Discrete.KlDivergence(t.P, t.Q).Value >= 0), seed: "0000000000m1", iter: 200);

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
            double pq = Discrete.JsDivergence(t.P, t.Q).Value, qp = Discrete.JsDivergence(t.Q, t.P).Value;
            Assert.True(Math.Abs(pq - qp) <= Slack, $"JS(P,Q) = {pq:R}, JS(Q,P) = {qp:R}");
            Assert.InRange(pq, 0, 1);
        }, seed: "0000000000m3", iter: 200);

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
