using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using Xent.Numerics;

namespace Xent.Measures;

public static partial class Discrete
{
    /// <summary>
    /// Shannon entropy H = −Σ (c_i/N) log(c_i/N) of the distribution that <paramref name="counts"/> describe (N = Σ c_i),
    /// in the unit of <paramref name="logBase"/> (bits by default): the plug-in entropy of a sample.
    /// </summary>
    /// <remarks>Counts are divided by their total exactly (as they are, no tolerance, no <see cref="MeasureOptions"/>), and
    /// 0·log 0 = 0. Nothing counted (N = 0: <c>[]</c> or all zeros) gives 0, as <c>scipy.stats.entropy([])</c> does: an
    /// empty sample has no uncertainty. Each p_i = c_i/N is rounded once and summed in one vectorised pass with compensated
    /// sums; the largest count's term is computed as (c/N)·log1p((N − c)/c), so near-certain distributions (counts
    /// [10^12, 1]) keep their digits too. Runs on one thread (the counts are converted into a pooled buffer first).</remarks>
    /// <exception cref="ArgumentException">A count is negative, or the counts sum to more than <see cref="long.MaxValue"/>.</exception>
    /// <param name="counts">How often each outcome was seen (each ≥ 0, total ≤ <see cref="long.MaxValue"/>); zeros contribute nothing.</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information Entropy(ReadOnlySpan<long> counts, LogBase logBase = default)
    {
        var (total, largest) = CheckCounts(counts, nameof(counts));
        return Information.FromNats(EntropyNats(counts, total, largest), logBase);
    }

    /// <summary>H in nats of validated counts with total N and the index of their largest entry; ≥ 0 term by term.</summary>
    internal static double EntropyNats(ReadOnlySpan<long> counts, long total, int largest)
    {
        if (total == 0) return 0;
        double n = total;
        var sums = CountPass(counts, n, default, 0, 1, new EntropyTerm(), skip: largest);
        long c = counts[largest];
        // p ln p of a p near 1 has lost its digits to the rounding of p; (N − c) is exact, so log1p keeps them. Only the
        // largest count can exceed N/2; every other p_i ≤ ½ has |ln p_i| ≥ ln 2, where rounding p costs at most an ulp or two.
        CompensatedSum h = default;
        h.Add(-sums.Terms);
        h.Add(c / n * Exponential.Log1P((total - c) / (double)c));
        return h.Value;
    }

    /// <summary>
    /// N·H in nats of counts already known to be ≥ 0 with total N = <paramref name="total"/>: N ln N − Σ c_i ln c_i
    /// (0·ln 0 = 0; N = 0 gives 0), one scalar pass without validation or buffers. The entropy for short count vectors
    /// evaluated millions of times in a loop (a decision tree's threshold sweep: two classes, one call per candidate), where
    /// <see cref="Entropy(ReadOnlySpan{long}, LogBase)"/>'s checks and vector set-up cost more than the sum itself.
    /// Dividing by N gives H; the difference from <see cref="EntropyNats"/> is a few ulps.
    /// </summary>
    internal static double ScaledEntropyNats(ReadOnlySpan<long> counts, long total)
    {
        if (total <= 0) return 0;
        double sum = 0;
        foreach (long c in counts)
            if (c > 0) sum += c * Math.Log(c);
        double h = total * Math.Log(total) - sum;
        return h > 0 ? h : 0;
    }

    /// <summary>
    /// Cross-entropy H(P,Q) = −Σ p_i log q_i of the distributions two count vectors describe, each divided by its own total
    /// (p_i = a_i/A, q_i = b_i/B), in the unit of <paramref name="logBase"/> (bits by default).
    /// </summary>
    /// <remarks>
    /// Of <paramref name="options"/>, only <see cref="MeasureOptions.Smoothing"/> and <see cref="MeasureOptions.Clip"/> apply
    /// and <see cref="MeasureOptions.MaxDegreeOfParallelism"/> (counts are always divided by their totals, so the normalization
    /// policy and its tolerance do not). Smoothing α is a pseudo-count added to every q count: q′_i = (b_i + α)/(B + nα) (α = 1 is Laplace's rule);
    /// clipping then raises q′_i to at least Clip. q_i = 0 with a_i &gt; 0 gives +∞ unless either is set.
    /// Nothing counted in P (A = 0) gives 0, a mean over no outcomes; Q with nothing counted (B = 0) and no smoothing has
    /// every q_i = 0, so the result is +∞ when A &gt; 0.</remarks>
    /// <exception cref="ArgumentException">Lengths differ, a count is negative, a total exceeds <see cref="long.MaxValue"/>, or an option is out of range.</exception>
    /// <param name="p">Counts of the true distribution P (each ≥ 0); divided by their total A.</param>
    /// <param name="q">Counts of the model Q, as many as p (each ≥ 0); divided by their total B, after smoothing when set.</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    /// <param name="options">Smoothing and clipping of Q (the normalization policy does not apply to counts); <see cref="MeasureOptions.Default"/> when null.</param>
    public static Information CrossEntropy(ReadOnlySpan<long> p, ReadOnlySpan<long> q, LogBase logBase = default, MeasureOptions? options = null)
    {
        options ??= MeasureOptions.Default;
        var sums = options.Clip == 0
            ? CountPairPass(p, q, new CrossEntropyTerm<Unadjusted>(), options)
            : CountPairPass(p, q, new CrossEntropyTerm<ClipShift>(new(options.Clip, 1, 0)), options);
        return Information.FromNats(-sums.Terms, logBase);
    }

    /// <summary>
    /// Kullback–Leibler divergence D(P‖Q) = Σ p_i log(p_i/q_i) ≥ 0 of the distributions two count vectors describe, each
    /// divided by its own total, in the unit of <paramref name="logBase"/> (bits by default).
    /// </summary>
    /// <remarks>Options, smoothing of the q counts and the empty cases as for
    /// <see cref="CrossEntropy(ReadOnlySpan{long}, ReadOnlySpan{long}, LogBase, MeasureOptions?)"/>; terms are p·log(p/q′) as for
    /// probabilities. A result that rounds below 0 is returned as 0.</remarks>
    /// <exception cref="ArgumentException">Lengths differ, a count is negative, a total exceeds <see cref="long.MaxValue"/>, or an option is out of range.</exception>
    /// <param name="p">Counts of the true distribution P (each ≥ 0).</param>
    /// <param name="q">Counts of the model Q, as many as p (each ≥ 0); smoothed or clipped when the options say so.</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    /// <param name="options">Smoothing and clipping of Q (the normalization policy does not apply to counts); <see cref="MeasureOptions.Default"/> when null.</param>
    public static Information KlDivergence(ReadOnlySpan<long> p, ReadOnlySpan<long> q, LogBase logBase = default, MeasureOptions? options = null) =>
        Information.FromNats(Math.Max(KlDivergenceNats(p, q, options ?? MeasureOptions.Default), 0), logBase);

    /// <summary>D(P‖Q) in nats of two count vectors, before the clamp at 0.</summary>
    internal static double KlDivergenceNats(ReadOnlySpan<long> p, ReadOnlySpan<long> q, MeasureOptions options) =>
        (options.Clip == 0
            ? CountPairPass(p, q, new KlTerm<Unadjusted>(), options)
            : CountPairPass(p, q, new KlTerm<ClipShift>(new(options.Clip, 1, 0)), options)).Terms;

    /// <summary>
    /// Jensen–Shannon divergence JS(P,Q) = ½ D(P‖M) + ½ D(Q‖M), M = ½(P + Q), of the distributions two count vectors
    /// describe, each divided by its own total; in the unit of <paramref name="logBase"/> (bits by default), 0 ≤ JS ≤ 1 bit.
    /// </summary>
    /// <remarks>Both totals 0 (nothing counted on either side) gives 0. Runs on one thread.</remarks>
    /// <exception cref="ArgumentException">Lengths differ, a count is negative, a total exceeds <see cref="long.MaxValue"/>,
    /// or exactly one of the two sums to 0 (there is no distribution to compare with).</exception>
    /// <param name="p">Counts of P (each ≥ 0).</param>
    /// <param name="q">Counts of Q, as many as p (each ≥ 0).</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information JsDivergence(ReadOnlySpan<long> p, ReadOnlySpan<long> q, LogBase logBase = default) =>
        Information.FromNats(Math.Clamp(JsDivergenceNats(p, q), 0, Math.Log(2)), logBase);

    /// <summary>JS(P,Q) in nats of two count vectors, before the clamp to [0, ln 2].</summary>
    internal static double JsDivergenceNats(ReadOnlySpan<long> p, ReadOnlySpan<long> q)
    {
        CheckSameLength(p, q);
        var (totalP, _) = CheckCounts(p, nameof(p));
        var (totalQ, _) = CheckCounts(q, nameof(q));
        if (totalP == 0 && totalQ == 0) return 0;
        if (totalP == 0) ThrowNothingCounted(nameof(p));
        if (totalQ == 0) ThrowNothingCounted(nameof(q));
        return CountPass(p, totalP, q, 0, totalQ, new JsTerm(1, 1)).Terms;
    }

    /// <summary>Jensen–Shannon distance √JS of two count vectors, JS in the unit of <paramref name="logBase"/> (bits by default: in [0, 1]).</summary>
    /// <exception cref="ArgumentException">As for <see cref="JsDivergence(ReadOnlySpan{long}, ReadOnlySpan{long}, LogBase)"/>.</exception>
    /// <param name="p">Counts of P (each ≥ 0).</param>
    /// <param name="q">Counts of Q, as many as p (each ≥ 0).</param>
    /// <param name="logBase">The unit JS is measured in before the square root: bits (the default, giving a distance in [0, 1]), nats or any base &gt; 1.</param>
    public static double JsDistance(ReadOnlySpan<long> p, ReadOnlySpan<long> q, LogBase logBase = default) =>
        Math.Sqrt(JsDivergence(p, q, logBase).Value);

    /// <summary>Perplexity e^H (H in nats) of the distribution the counts describe: unitless; 1 when nothing was counted or one outcome has every count.</summary>
    /// <exception cref="ArgumentException">A count is negative, or the counts sum to more than <see cref="long.MaxValue"/>.</exception>
    /// <param name="counts">How often each outcome was seen (each ≥ 0, total ≤ <see cref="long.MaxValue"/>).</param>
    public static double Perplexity(ReadOnlySpan<long> counts) => Math.Exp(Entropy(counts, LogBase.Nats).Value);

    /// <summary>
    /// Writes the surprisal −log(c_i/N) of every outcome, N = Σ c, into <paramref name="destination"/>, in the unit of
    /// <paramref name="logBase"/> (bits by default): the ideal code lengths of the sample's symbols. A zero count gives +∞.
    /// </summary>
    /// <remarks>Computed as log1p((N − c)/c), exact for an outcome that has nearly every count. Empty counts write nothing.</remarks>
    /// <exception cref="ArgumentException">destination is shorter than counts, a count is negative, the total exceeds
    /// <see cref="long.MaxValue"/>, or the counts are all 0 and not empty (no outcome has a probability).</exception>
    /// <param name="counts">How often each outcome was seen (each ≥ 0, not all 0 unless empty).</param>
    /// <param name="destination">Receives −log(c_i/N) for each count, at least as long as counts; +∞ where a count is 0. Only the first counts.Length entries are written.</param>
    /// <param name="logBase">The unit of the surprisals: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static void Surprisal(ReadOnlySpan<long> counts, Span<double> destination, LogBase logBase = default)
    {
        CheckDestination(counts, destination);
        var (total, _) = CheckCounts(counts, nameof(counts));
        if (total == 0 && counts.Length > 0) ThrowNothingCounted(nameof(counts));
        for (int i = 0; i < counts.Length; i++)
        {
            long c = counts[i];
            destination[i] = c == 0 ? double.PositiveInfinity : logBase.FromNats(Exponential.Log1P((total - c) / (double)c));
        }
    }

    /// <summary>
    /// Validates counts: each ≥ 0 and the total at most <see cref="long.MaxValue"/>. Returns the total and the index of the
    /// largest count (the first of equals; −1 when empty).
    /// </summary>
    internal static (long Total, int Largest) CheckCounts(ReadOnlySpan<long> counts, string name)
    {
        long total = 0, max = -1;
        int largest = -1;
        for (int i = 0; i < counts.Length; i++)
        {
            long c = counts[i];
            if (c < 0) ThrowHelper.ThrowBadCount(name, i, c);
            total += c;
            // Both addends are ≥ 0, so an overflow shows as a negative total.
            if (total < 0) ThrowHelper.ThrowWeightSumOverflow(name);
            if (c > max) (max, largest) = (c, i);
        }
        return (total, largest);
    }

    private static void ThrowNothingCounted(string name) =>
        ThrowHelper.ThrowArgument(name, $"{name} sums to 0: nothing was counted, so it describes no distribution.");

    /// <summary>
    /// The pass of a two-count-vector measure: p_i = a_i/A and q′_i = (b_i + α)/(B + nα) (α the smoothing; a zero divisor
    /// is taken as 1, leaving zeros), with the lengths, counts and options checked.
    /// </summary>
    private static PassSums CountPairPass<TOp>(ReadOnlySpan<long> p, ReadOnlySpan<long> q, TOp op, MeasureOptions options)
        where TOp : struct, ITermOperator
    {
        CheckSameLength(p, q);
        CheckOptions(options);
        var (totalP, _) = CheckCounts(p, nameof(p));
        var (totalQ, _) = CheckCounts(q, nameof(q));
        // q′_i = (b_i·s + α·s)/(B·s + nα·s), s = 1/α for α > 1 so that nothing overflows or cancels (SmoothingScale).
        double scale = SmoothingScale(options.Smoothing), alpha = options.Smoothing * scale;
        double divisorQ = totalQ * scale + p.Length * alpha;
        return CountPass(p, totalP == 0 ? 1 : totalP, q, alpha, divisorQ == 0 ? 1 : divisorQ, op, maxDegreeOfParallelism: options.MaxDegreeOfParallelism, scaleB: scale);
    }

    /// <summary>
    /// The driver's pass over p_i = a_i / divisorA and (when the operator reads q) q_i = (b_i·scaleB + shiftB) / divisorB, converted
    /// into a pooled buffer first; entry <paramref name="skip"/> of p is left out (taken as 0).
    /// </summary>
    private static PassSums CountPass<TOp>(ReadOnlySpan<long> a, double divisorA, ReadOnlySpan<long> b, double shiftB, double divisorB,
        TOp op, int skip = -1, int maxDegreeOfParallelism = 1, double scaleB = 1) where TOp : struct, ITermOperator
    {
        int n = a.Length;
        double[] buffer = ArrayPool<double>.Shared.Rent(TOp.UsesQ ? 2 * n : n);
        try
        {
            Span<double> p = buffer.AsSpan(0, n), q = TOp.UsesQ ? buffer.AsSpan(n, n) : default;
            TensorPrimitives.ConvertTruncating<long, double>(a, p);
            TensorPrimitives.Divide(p, divisorA, p);
            if (skip >= 0) p[skip] = 0;
            if (TOp.UsesQ)
            {
                TensorPrimitives.ConvertTruncating<long, double>(b, q);
                if (scaleB != 1) TensorPrimitives.Multiply(q, scaleB, q);
                if (shiftB != 0) TensorPrimitives.Add(q, shiftB, q);
                TensorPrimitives.Divide(q, divisorB, q);
            }
            return Pass<double, TOp>(p, q, op, maxDegreeOfParallelism);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// A pass for any IEEE floating type: <see cref="double"/> and <see cref="float"/> go straight to the driver (the generic
    /// methods instantiate to the same kernels as before); other types are widened into a pooled double buffer first.
    /// </summary>
    private static PassSums PassAny<T, TOp>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, TOp op, int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, ITermOperator
    {
        if (typeof(T) == typeof(double) || typeof(T) == typeof(float)) return Pass(p, q, op, maxDegreeOfParallelism);
        int n = p.Length;
        double[] buffer = ArrayPool<double>.Shared.Rent(TOp.UsesQ ? 2 * n : n);
        try
        {
            Span<double> pw = buffer.AsSpan(0, n), qw = TOp.UsesQ ? buffer.AsSpan(n, n) : default;
            TensorPrimitives.ConvertTruncating<T, double>(p, pw);
            if (TOp.UsesQ) TensorPrimitives.ConvertTruncating<T, double>(q, qw);
            return Pass<double, TOp>(pw, qw, op, maxDegreeOfParallelism);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }
}
