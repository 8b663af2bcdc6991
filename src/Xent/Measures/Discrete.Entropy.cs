using System.Numerics;

namespace Xent.Measures;

public static partial class Discrete
{
    /// <summary>
    /// Shannon entropy H(P) = −Σ p_i log p_i of probabilities, in the unit of <paramref name="logBase"/> (bits by default).
    /// </summary>
    /// <typeparam name="T"><see cref="double"/> or <see cref="float"/> (read directly), or another IEEE type such as
    /// <see cref="Half"/> (widened into a pooled double buffer first). Sums are always accumulated in double precision.</typeparam>
    /// <remarks>0·log 0 = 0. Empty p: 0 under <see cref="Normalization.AsIs"/>, else an error (its sum is 0).
    /// Under <see cref="Normalization.Renormalize"/>, nonnegative weights are accepted: H = ln S − (1/S)Σ w ln w with S = Σw
    /// (integer counts have their own overload, <see cref="Entropy(ReadOnlySpan{long}, LogBase)"/>).
    /// One vectorised pass with compensated sums; on up to <see cref="MeasureOptions.MaxDegreeOfParallelism"/> threads for long inputs.
    /// A result that rounds below 0 is returned as 0.</remarks>
    /// <exception cref="ArgumentException">An entry is NaN, infinite or negative, or the sum breaks the normalization policy.</exception>
    /// <param name="p">The probabilities p_i (finite, ≥ 0; under the default policy they must sum to 1 within the tolerance).</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    /// <param name="options">Normalization policy, tolerance, clipping, smoothing and threads; <see cref="MeasureOptions.Default"/> when null.</param>
    public static Information Entropy<T>(ReadOnlySpan<T> p, LogBase logBase = default, MeasureOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Information.FromNats(Math.Max(EntropyNats(p, options ?? MeasureOptions.Default), 0), logBase);

    /// <summary>H(P) in nats, validated, before the clamp at 0 (tests check the clamp only ever removes rounding).</summary>
    internal static double EntropyNats<T>(ReadOnlySpan<T> p, MeasureOptions options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckOptions(options);
        var sums = PassAny(p, default, new EntropyTerm(), options.MaxDegreeOfParallelism);
        if (sums.Invalid) ThrowFirstInvalid(p, nameof(p));
        double logS = LogNormalizer(sums.SumP, options, nameof(p));
        // The pass sums p ln p, so H = −Terms (for unnormalized weights, ln S − Terms/S).
        return logS == 0 ? -sums.Terms : logS - sums.Terms / sums.SumP;
    }

    /// <summary>
    /// Cross-entropy H(P,Q) = −Σ p_i log q_i of probabilities: the mean code length, in the unit of <paramref name="logBase"/>
    /// (bits by default), of a code built for Q and used on outcomes drawn from P.
    /// </summary>
    /// <typeparam name="T">As for <see cref="Entropy{T}(ReadOnlySpan{T}, LogBase, MeasureOptions?)"/>.</typeparam>
    /// <remarks>Terms with p_i = 0 are 0 whatever q_i. q_i = 0 with p_i &gt; 0 gives +∞ unless
    /// <see cref="MeasureOptions.Clip"/> or <see cref="MeasureOptions.Smoothing"/> is set. Empty P and Q: 0 under
    /// <see cref="Normalization.AsIs"/>, else an error.</remarks>
    /// <exception cref="ArgumentException">Lengths differ, an entry is NaN, infinite or negative, or a sum breaks the normalization policy.</exception>
    /// <param name="p">The probabilities p_i (finite, ≥ 0; under the default policy they must sum to 1 within the tolerance).</param>
    /// <param name="q">The probabilities q_i, as many as p (finite, ≥ 0; q_i = 0 where p_i &gt; 0 gives +∞ unless clipping or smoothing is set).</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    /// <param name="options">Normalization policy, tolerance, clipping, smoothing and threads; <see cref="MeasureOptions.Default"/> when null.</param>
    public static Information CrossEntropy<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, LogBase logBase = default, MeasureOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        options ??= MeasureOptions.Default;
        var (sums, pDivisor, logZ) = TakesQAsIs(options)
            ? PairPass(p, q, new CrossEntropyTerm<Unadjusted>(), options)
            : PairPass(p, q, new CrossEntropyTerm<ClipShift>(Adjustment(options)), options);
        // The pass sums p ln q′, so H(P,Q) = (Σp·ln Z − Terms) / divisor.
        double nats = (sums.SumP * logZ - sums.Terms) / pDivisor;
        return Information.FromNats(nats, logBase);
    }

    /// <summary>
    /// Kullback–Leibler divergence D(P‖Q) = Σ p_i log(p_i / q_i) = H(P,Q) − H(P) ≥ 0 (Gibbs' inequality) of probabilities:
    /// the extra length, in the unit of <paramref name="logBase"/> (bits by default), paid for coding P with a code built for Q.
    /// </summary>
    /// <typeparam name="T">As for <see cref="Entropy{T}(ReadOnlySpan{T}, LogBase, MeasureOptions?)"/>.</typeparam>
    /// <remarks>Each term is computed as p·log(p/q), not p·log p − p·log q, so that nearly equal P and Q keep their digits
    /// (where p/q overflows or underflows, as with subnormal entries, the difference of logs is used).
    /// q_i = 0 with p_i &gt; 0 gives +∞ unless clipping or smoothing is asked for. A result that rounds below 0 is returned as 0.</remarks>
    /// <exception cref="ArgumentException">Lengths differ, an entry is NaN, infinite or negative, or a sum breaks the normalization policy.</exception>
    /// <param name="p">The probabilities p_i (finite, ≥ 0; under the default policy they must sum to 1 within the tolerance).</param>
    /// <param name="q">The probabilities q_i, as many as p (finite, ≥ 0; q_i = 0 where p_i &gt; 0 gives +∞ unless clipping or smoothing is set).</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    /// <param name="options">Normalization policy, tolerance, clipping, smoothing and threads; <see cref="MeasureOptions.Default"/> when null.</param>
    public static Information KlDivergence<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, LogBase logBase = default, MeasureOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Information.FromNats(Math.Max(KlDivergenceNats(p, q, options ?? MeasureOptions.Default), 0), logBase);

    /// <summary>D(P‖Q) in nats, validated, before the clamp at 0 (tests check Gibbs' inequality on it).</summary>
    internal static double KlDivergenceNats<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, MeasureOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (sums, pDivisor, logZ) = TakesQAsIs(options)
            ? PairPass(p, q, new KlTerm<Unadjusted>(), options)
            : PairPass(p, q, new KlTerm<ClipShift>(Adjustment(options)), options);
        double logP = pDivisor == 1 ? 0 : Math.Log(pDivisor);
        return (sums.Terms + sums.SumP * (logZ - logP)) / pDivisor;
    }

    /// <summary>Whether q enters the terms as it is (no clipping, no smoothing), which has its own faster instantiation.</summary>
    private static bool TakesQAsIs(MeasureOptions options) => options.Clip == 0 && options.Smoothing == 0;

    /// <summary>
    /// The pass of a two-distribution measure with its checks, and the normalizers the options imply: the divisor of p
    /// (Σp under <see cref="Normalization.Renormalize"/>, else 1) and ln of the divisor of q′ (smoothing renormalizes q by
    /// construction: q′_i = (q_i + α) / (Σq + nα)).
    /// </summary>
    private static (PassSums Sums, double PDivisor, double LogZ) PairPass<T, TOp>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, TOp op, MeasureOptions options)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, ITermOperator
    {
        CheckSameLength(p, q);
        CheckOptions(options);
        var sums = PassAny(p, q, op, options.MaxDegreeOfParallelism);
        CheckEntries(sums, p, q);
        double logP = LogNormalizer(sums.SumP, options, nameof(p));
        double logQ = LogNormalizer(sums.SumQ, options, nameof(q));
        // The terms were summed with q′ scaled as SmoothingScale says, so the divisor is scaled alike.
        double scale = SmoothingScale(options.Smoothing);
        double logZ = options.Smoothing > 0 ? Math.Log(sums.SumQ * scale + p.Length * (options.Smoothing * scale)) : logQ;
        return (sums, logP == 0 ? 1 : sums.SumP, logZ);
    }

    /// <summary>
    /// Perplexity e^H(P) (H in nats; the same as b^H in any base b): the effective number of equally likely outcomes.
    /// Unitless. Same conventions and exceptions as <see cref="Entropy{T}(ReadOnlySpan{T}, LogBase, MeasureOptions?)"/>; 1 for a certain outcome.
    /// </summary>
    /// <exception cref="ArgumentException">An entry is NaN, infinite or negative, or the sum breaks the normalization policy.</exception>
    /// <param name="p">The probabilities p_i (finite, ≥ 0; under the default policy they must sum to 1 within the tolerance).</param>
    /// <param name="options">As for Entropy; null means the defaults (probabilities must sum to 1).</param>
    public static double Perplexity<T>(ReadOnlySpan<T> p, MeasureOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Math.Exp(Entropy(p, LogBase.Nats, options).Value);

    /// <summary>
    /// Surprisal (information content) −log p of an outcome of probability p, in the unit of <paramref name="logBase"/>
    /// (bits by default). p = 0 gives +∞, p = 1 gives 0 (never −0).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">p is NaN or outside [0, 1].</exception>
    /// <param name="p">The probability of the outcome, in [0, 1].</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information Surprisal<T>(T p, LogBase logBase = default) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double x = double.CreateTruncating(p);
        if (!(x >= 0 && x <= 1)) ThrowHelper.ThrowArgumentOutOfRange(nameof(p), x, "a probability must be in [0, 1]");
        return Information.FromNats(SurprisalNats(x), logBase);
    }

    /// <summary>
    /// Writes −log p_i, in the unit of <paramref name="logBase"/> (bits by default), for every entry into
    /// <paramref name="destination"/> (TensorPrimitives' shape: p and destination may be the same span, but must not
    /// otherwise overlap). p_i = 0 gives +∞, p_i = 1 gives 0. Computed in double precision and rounded to T once.
    /// </summary>
    /// <exception cref="ArgumentException">destination is shorter than p or partly overlaps it, or an entry is NaN or outside [0, 1].</exception>
    /// <param name="p">Probabilities, each in [0, 1].</param>
    /// <param name="destination">At least p.Length entries; receives −log p_i in the unit of logBase. May be p itself.</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static void Surprisal<T>(ReadOnlySpan<T> p, Span<T> destination, LogBase logBase = default) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckDestination(p, destination);
        for (int i = 0; i < p.Length; i++)
        {
            double x = double.CreateTruncating(p[i]);
            if (!(x >= 0 && x <= 1)) ThrowHelper.ThrowNotProbability(nameof(p), i, x);
            destination[i] = T.CreateTruncating(logBase.FromNats(SurprisalNats(x)));
        }
    }

    /// <summary>−ln p for p in [0, 1], +0 at p = 1.</summary>
    private static double SurprisalNats(double p) => p == 1 ? 0 : -Math.Log(p);

    /// <summary>TensorPrimitives' rule for an element-wise destination: long enough, and either the input itself or disjoint from it.</summary>
    private static void CheckDestination<TIn, TOut>(ReadOnlySpan<TIn> input, Span<TOut> destination) where TIn : unmanaged where TOut : unmanaged
    {
        if (destination.Length < input.Length) ThrowHelper.ThrowDestinationTooShort(nameof(destination), input.Length, destination.Length);
        if (typeof(TIn) == typeof(TOut)
            && System.Runtime.InteropServices.MemoryMarshal.Cast<TIn, byte>(input).Overlaps(
                System.Runtime.InteropServices.MemoryMarshal.Cast<TOut, byte>(destination[..input.Length]), out int offset)
            && offset != 0)
            ThrowHelper.ThrowArgument(nameof(destination), "destination overlaps p at an offset; pass the same span to work in place, or a separate one.");
    }
}
