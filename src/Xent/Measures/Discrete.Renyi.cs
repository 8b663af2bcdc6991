using System.Numerics;
using Xent.Numerics;

namespace Xent.Measures;

public static partial class Discrete
{
    /// <summary>
    /// Rényi entropy of order α, H_α(P) = log(Σ p_i^α) / (1 − α), of probabilities, in the unit of <paramref name="logBase"/>
    /// (bits by default). α = 0 is the Hartley entropy log |{i : p_i &gt; 0}|, α = 1 the Shannon entropy (the limit),
    /// α = +∞ the min-entropy −log max p_i. H_α is non-increasing in α.
    /// </summary>
    /// <typeparam name="T">As for <see cref="Entropy{T}(ReadOnlySpan{T}, LogBase, MeasureOptions?)"/>.</typeparam>
    /// <remarks>Empty p, or p all 0 under <see cref="Normalization.AsIs"/>: 0. A result that rounds below 0 is returned as 0.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">α is negative or NaN.</exception>
    /// <exception cref="ArgumentException">An entry is NaN, infinite or negative, or the sum breaks the normalization policy.</exception>
    /// <param name="p">The probabilities p_i (finite, ≥ 0; under the default policy they must sum to 1 within the tolerance).</param>
    /// <param name="alpha">The order α ≥ 0: 0 gives the log of the support size (Hartley), 1 the Shannon entropy, +∞ the min-entropy.</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    /// <param name="options">Normalization policy, tolerance, clipping, smoothing and threads; <see cref="MeasureOptions.Default"/> when null.</param>
    public static Information RenyiEntropy<T>(ReadOnlySpan<T> p, double alpha, LogBase logBase = default, MeasureOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckOrder(alpha);
        if (alpha == 1) return Entropy(p, logBase, options);
        options ??= MeasureOptions.Default;
        CheckOptions(options);
        var sums = PassAny(p, default, new EntropyTerm(), options.MaxDegreeOfParallelism);
        if (sums.Invalid) ThrowFirstInvalid(p, nameof(p));
        double logS = LogNormalizer(sums.SumP, options, nameof(p));
        return Information.FromNats(Math.Max(RenyiNats(p, alpha, logS, total: 0), 0), logBase);
    }

    /// <summary>
    /// Rényi entropy of order α of the distribution that <paramref name="counts"/> describe (each divided by N = Σc), in the
    /// unit of <paramref name="logBase"/> (bits by default). α = 1 is <see cref="Entropy(ReadOnlySpan{long}, LogBase)"/>.
    /// </summary>
    /// <remarks>Nothing counted (N = 0) gives 0. ln(max c / N) is computed as −log1p((N − max)/max), so near-certain
    /// distributions keep their digits.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">α is negative or NaN.</exception>
    /// <exception cref="ArgumentException">A count is negative, or the counts sum to more than <see cref="long.MaxValue"/>.</exception>
    /// <param name="counts">How often each outcome was seen (each ≥ 0, total ≤ <see cref="long.MaxValue"/>).</param>
    /// <param name="alpha">The order α ≥ 0: 0 gives the log of the number of outcomes seen, 1 the Shannon entropy, +∞ the min-entropy.</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information RenyiEntropy(ReadOnlySpan<long> counts, double alpha, LogBase logBase = default)
    {
        CheckOrder(alpha);
        var (total, largest) = CheckCounts(counts, nameof(counts));
        if (alpha == 1) return Information.FromNats(EntropyNats(counts, total, largest), logBase);
        return Information.FromNats(total == 0 ? 0 : Math.Max(RenyiNats(counts, alpha, Math.Log(total), total), 0), logBase);
    }

    private static void CheckOrder(double alpha)
    {
        if (!(alpha >= 0)) ThrowHelper.ThrowArgumentOutOfRange(nameof(alpha), alpha, "the order α must be ≥ 0");
    }

    /// <summary>
    /// H_α in nats (α ≠ 1) of the weights v_i / S, S given by ln S; <paramref name="total"/> is S itself for integer counts
    /// (then ln(max/S) is taken through log1p), 0 otherwise.
    /// </summary>
    private static double RenyiNats<T>(ReadOnlySpan<T> v, double alpha, double logS, long total) where T : unmanaged, INumberBase<T>
    {
        double max = 0;
        int support = 0;
        foreach (T x in v)
        {
            double value = double.CreateTruncating(x);
            if (value > 0) support++;
            max = Math.Max(max, value);
        }
        if (alpha == 0) return support == 0 ? 0 : Math.Log(support);
        if (max == 0) return 0;
        double logLargestShare = total > 0 ? -Exponential.Log1P((total - max) / max) : Math.Log(max) - logS;
        if (double.IsPositiveInfinity(alpha)) return -logLargestShare;
        // Σ (v_i/S)^α = (max/S)^α · Σ (v_i/max)^α: factored by the largest entry so that large α does not underflow; the
        // largest contributes exactly 1, kept out of the sum so that log1p keeps the digits of a sum near 1.
        CompensatedSum rest = default;
        bool skipped = false;
        foreach (T x in v)
        {
            double value = double.CreateTruncating(x);
            if (!skipped && value == max) { skipped = true; continue; }
            if (value > 0) rest.Add(Math.Pow(value / max, alpha));
        }
        return (Exponential.Log1P(rest.Value) + alpha * logLargestShare) / (1 - alpha);
    }
}
