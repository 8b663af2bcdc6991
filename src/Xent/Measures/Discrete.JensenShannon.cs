using System.Numerics;

namespace Xent.Measures;

public static partial class Discrete
{
    /// <summary>
    /// Jensen–Shannon divergence JS(P,Q) = ½ D(P‖M) + ½ D(Q‖M) with M = ½(P + Q), of probabilities, in the unit of
    /// <paramref name="logBase"/> (bits by default): symmetric, finite, 0 ≤ JS ≤ ln 2 nats = 1 bit.
    /// </summary>
    /// <typeparam name="T">As for <see cref="Entropy{T}(ReadOnlySpan{T}, LogBase, MeasureOptions?)"/>.</typeparam>
    /// <remarks>Clipping and smoothing do not apply (JS is always finite). Under <see cref="Normalization.Renormalize"/> P and Q
    /// are each divided by their sum. A result that rounds outside [0, ln 2] is returned at the nearest end.</remarks>
    /// <exception cref="ArgumentException">Lengths differ, an entry is NaN, infinite or negative, or a sum breaks the normalization policy.</exception>
    /// <param name="p">The probabilities p_i (finite, ≥ 0; under the default policy they must sum to 1 within the tolerance).</param>
    /// <param name="q">The probabilities q_i, as many as p (finite, ≥ 0; zeros are fine: JS is always finite).</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    /// <param name="options">Normalization policy and tolerance (clipping and smoothing are ignored); <see cref="MeasureOptions.Default"/> when null.</param>
    public static Information JsDivergence<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, LogBase logBase = default, MeasureOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Information.FromNats(Math.Clamp(JsDivergenceNats(p, q, options ?? MeasureOptions.Default), 0, Math.Log(2)), logBase);

    /// <summary>JS(P,Q) in nats, validated, before the clamp to [0, ln 2] (tests check the range on it).</summary>
    internal static double JsDivergenceNats<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, MeasureOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckSameLength(p, q);
        CheckOptions(options);
        // Two passes: the sums fix the scales, then the terms (JS is not linear in the scales, so no correction afterwards).
        var sums = PassAny(p, q, new NoTerm(), options.MaxDegreeOfParallelism);
        CheckEntries(sums, p, q);
        double scaleP = LogNormalizer(sums.SumP, options, nameof(p)) == 0 ? 1 : 1 / sums.SumP;
        double scaleQ = LogNormalizer(sums.SumQ, options, nameof(q)) == 0 ? 1 : 1 / sums.SumQ;
        return PassAny(p, q, new JsTerm(scaleP, scaleQ), options.MaxDegreeOfParallelism).Terms;
    }

    /// <summary>
    /// Jensen–Shannon distance √JS(P,Q), a metric, with JS in the unit of <paramref name="logBase"/> (bits by default)
    /// as scipy.spatial.distance.jensenshannon with <c>base</c>: in [0, 1] for bits.
    /// </summary>
    /// <exception cref="ArgumentException">As for <see cref="JsDivergence{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, LogBase, MeasureOptions?)"/>.</exception>
    /// <param name="p">The probabilities p_i (finite, ≥ 0; under the default policy they must sum to 1 within the tolerance).</param>
    /// <param name="q">The probabilities q_i, as many as p (finite, ≥ 0).</param>
    /// <param name="logBase">The unit JS is measured in before the square root: bits (the default, giving a distance in [0, 1]), nats or any base &gt; 1.</param>
    /// <param name="options">Normalization policy and tolerance (clipping and smoothing are ignored); <see cref="MeasureOptions.Default"/> when null.</param>
    public static double JsDistance<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, LogBase logBase = default, MeasureOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Math.Sqrt(JsDivergence(p, q, logBase, options).Value);
}
