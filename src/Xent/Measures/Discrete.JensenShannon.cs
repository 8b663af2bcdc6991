using Xent.Numerics;

namespace Xent.Measures;

public static partial class Discrete
{
    /// <summary>
    /// Jensen–Shannon divergence JS(P,Q) = ½ D(P‖M) + ½ D(Q‖M) with M = ½(P + Q), in the unit of <paramref name="logBase"/>:
    /// symmetric, finite, 0 ≤ JS ≤ ln 2 nats = 1 bit.
    /// </summary>
    /// <remarks>Clipping and smoothing do not apply (JS is always finite). Under <see cref="Normalization.Renormalize"/> P and Q are each divided by their sum.</remarks>
    /// <exception cref="ArgumentException">Lengths differ, an entry is NaN, infinite or negative, or a sum breaks the normalization policy.</exception>
    public static Information JsDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase logBase = default, MeasureOptions? options = null)
    {
        options ??= MeasureOptions.Default;
        CheckSameLength(p, q);
        CompensatedSum sumP = default, sumQ = default;
        bool invalid = false;
        for (int i = 0; i < p.Length; i++)
        {
            invalid |= !(p[i] >= 0) || double.IsPositiveInfinity(p[i]) || !(q[i] >= 0) || double.IsPositiveInfinity(q[i]);
            sumP.Add(p[i]);
            sumQ.Add(q[i]);
        }
        var sums = new PassSums(0, sumP.Value, sumQ.Value, invalid);
        CheckEntries(sums, p, q);
        double scaleP = LogNormalizer(sums.SumP, options, nameof(p)) == 0 ? 1 : 1 / sums.SumP;
        double scaleQ = LogNormalizer(sums.SumQ, options, nameof(q)) == 0 ? 1 : 1 / sums.SumQ;

        CompensatedSum terms = default;
        for (int i = 0; i < p.Length; i++)
        {
            double a = p[i] * scaleP, b = q[i] * scaleQ, m = 0.5 * (a + b);
            if (a > 0) terms.Add(0.5 * a * Math.Log(a / m));
            if (b > 0) terms.Add(0.5 * b * Math.Log(b / m));
        }
        return Information.FromNats(Math.Clamp(terms.Value, 0, Math.Log(2)), logBase);
    }

    /// <summary>
    /// Jensen–Shannon distance √JS(P,Q), a metric, with JS in the unit of <paramref name="logBase"/>
    /// (as scipy.spatial.distance.jensenshannon with <c>base</c>): in [0, 1] for bits.
    /// </summary>
    public static double JsDistance(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase logBase = default, MeasureOptions? options = null) =>
        Math.Sqrt(JsDivergence(p, q, logBase, options).Value);
}
