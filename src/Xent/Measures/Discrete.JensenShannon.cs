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
        CheckOptions(options);
        // Two passes: the sums fix the scales, then the terms (JS is not linear in the scales, so no correction afterwards).
        var sums = Pass(p, q, new NoTerm(), options.MaxDegreeOfParallelism);
        CheckEntries(sums, p, q);
        double scaleP = LogNormalizer(sums.SumP, options, nameof(p)) == 0 ? 1 : 1 / sums.SumP;
        double scaleQ = LogNormalizer(sums.SumQ, options, nameof(q)) == 0 ? 1 : 1 / sums.SumQ;
        var terms = Pass(p, q, new JsTerm(scaleP, scaleQ), options.MaxDegreeOfParallelism);
        return Information.FromNats(Math.Clamp(terms.Terms, 0, Math.Log(2)), logBase);
    }

    /// <summary>
    /// Jensen–Shannon distance √JS(P,Q), a metric, with JS in the unit of <paramref name="logBase"/>
    /// (as scipy.spatial.distance.jensenshannon with <c>base</c>): in [0, 1] for bits.
    /// </summary>
    public static double JsDistance(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase logBase = default, MeasureOptions? options = null) =>
        Math.Sqrt(JsDivergence(p, q, logBase, options).Value);
}
