namespace Xent.Measures;

/// <summary>
/// Information measures of discrete distributions given as probability vectors or as counts:
/// surprisal, entropy, cross-entropy, KL and Jensen–Shannon divergence, perplexity, Rényi entropy.
/// </summary>
/// <remarks>
/// Conventions, shared by every member:
/// <list type="bullet">
/// <item>Two overloads per measure. Probabilities: one generic method over <c>ReadOnlySpan&lt;T&gt;</c> of an IEEE floating type
/// (<c>double</c>, <c>float</c>, <c>Half</c>, …), so <c>[0.5, 0.5]</c> is double probabilities. Counts: a
/// <c>ReadOnlySpan&lt;long&gt;</c> overload, each count vector divided by its own total exactly, so <c>[5, 4, 1]</c> is counts and
/// <c>[]</c> is empty counts (nothing counted: entropy 0, as <c>scipy.stats.entropy([])</c>).</item>
/// <item>0·log 0 = 0: outcomes with p_i = 0 contribute nothing.</item>
/// <item>q_i = 0 where p_i &gt; 0 gives +∞ unless <see cref="MeasureOptions.Clip"/> or <see cref="MeasureOptions.Smoothing"/> is set.</item>
/// <item>Entries must be finite and ≥ 0, p and q of equal length; the sum is checked under <see cref="MeasureOptions.Normalization"/>.
/// A violation throws <see cref="ArgumentException"/> naming the argument, index and value. No NaN comes out of valid input.</item>
/// <item>Sums are compensated (plain sums over blocks of 1024 elements, folded into per-lane compensated sums), so 10^6-element
/// inputs keep a relative error near 1e-15. Entropy, cross-entropy and KL read their inputs once: one vectorised pass
/// (AVX-512, AVX2 or SSE/NEON widths, whichever the machine has) yields the terms, Σp and Σq together, and the normalization
/// policy is applied to the sums afterwards. Long inputs can be split across threads with
/// <see cref="MeasureOptions.MaxDegreeOfParallelism"/>.</item>
/// </list>
/// Every figure is an <see cref="Information"/>: the value and its unit, from the <see cref="LogBase"/> given (bits by default).
/// Results that can only round outside their range (D ≥ 0, 0 ≤ JS ≤ ln 2) are clamped to it.
/// </remarks>
public static partial class Discrete
{
}
