using Xent.Measures;
using Xent.Numerics;

namespace Xent.Coding;

/// <summary>
/// Properties of prefix codes given by their codeword lengths: Kraft sum, prefix-freeness, expected length under any
/// distribution (the code's own, or another one: the mismatched code), redundancy and efficiency. All lengths in bits;
/// a length of 0 means the symbol has no codeword.
/// </summary>
public static class PrefixCodes
{
    /// <summary>Kraft sum Σ 2^−lᵢ over the lengths lᵢ &gt; 0: ≤ 1 for every prefix code (Kraft–McMillan), = 1 for a complete one.
    /// Empty input or all lengths 0 gives 0.</summary>
    /// <exception cref="ArgumentException">A length is negative.</exception>
    /// <param name="lengths">Codeword lengths in bits (each ≥ 0; 0 means no codeword and is skipped).</param>
    public static double KraftSum(ReadOnlySpan<int> lengths) => KraftSum(lengths, 2);

    /// <summary>Kraft sum Σ r^−lᵢ over the lengths lᵢ &gt; 0 of an r-ary code (lengths in base-<paramref name="radix"/> digits):
    /// ≤ 1 for every r-ary prefix code. Radix 2 gives <see cref="KraftSum(ReadOnlySpan{int})"/>.</summary>
    /// <exception cref="ArgumentException">A length is negative.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="radix"/> &lt; 2.</exception>
    /// <param name="lengths">Codeword lengths in base-radix digits (each ≥ 0; 0 is skipped).</param>
    /// <param name="radix">The code alphabet size r (≥ 2).</param>
    public static double KraftSum(ReadOnlySpan<int> lengths, int radix)
    {
        if (radix < 2) ThrowHelper.ThrowArgumentOutOfRange(nameof(radix), radix, "the radix must be at least 2");
        var sum = new CompensatedSum();
        for (int i = 0; i < lengths.Length; i++)
        {
            if (lengths[i] < 0) ThrowHelper.ThrowArgument(nameof(lengths), $"lengths[{i}] = {lengths[i]} is negative.");
            if (lengths[i] > 0) sum.Add(radix == 2 ? Math.ScaleB(1.0, -lengths[i]) : Math.Pow(radix, -lengths[i]));
        }
        return sum.Value;
    }

    /// <summary>
    /// True if no codeword is a prefix of another (nor equal to another). Codewords are read from the low
    /// <c>lengths[i]</c> bits, most significant first; symbols with length 0 are ignored. O(n log n): after sorting the
    /// codewords as bit strings, a prefix, if any, sits right before a word it starts.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length, or a length is outside 0..64.</exception>
    /// <param name="codewords">Each symbol's codeword in its low lengths[i] bits, first bit most significant.</param>
    /// <param name="lengths">The codeword length of each symbol in bits (0 = no codeword; at most <see cref="PrefixCode.MaxCodewordLength"/>). As many as codewords.</param>
    public static bool IsPrefixFree(ReadOnlySpan<ulong> codewords, ReadOnlySpan<int> lengths)
    {
        if (lengths.Length != codewords.Length) ThrowHelper.ThrowLengthMismatch(nameof(lengths), lengths.Length, nameof(codewords), codewords.Length);
        var words = new List<(ulong Aligned, int Length)>(lengths.Length);
        for (int i = 0; i < lengths.Length; i++)
        {
            int l = lengths[i];
            if ((uint)l > PrefixCode.MaxCodewordLength) ThrowHelper.ThrowArgument(nameof(lengths), $"lengths[{i}] = {l} is outside 0..64.");
            if (l > 0) words.Add((codewords[i] << (PrefixCode.MaxCodewordLength - l), l));
        }
        words.Sort();
        for (int i = 1; i < words.Count; i++)
        {
            var (prev, prevLength) = words[i - 1];
            int drop = PrefixCode.MaxCodewordLength - prevLength;
            if (prev >> drop == words[i].Aligned >> drop) return false;
        }
        return true;
    }

    /// <summary>
    /// Expected codeword length Σ pᵢ·lᵢ in bits per symbol of the code with <paramref name="lengths"/> used on symbols drawn
    /// from <paramref name="p"/>. With the code's own distribution this is its average length; with another it is the
    /// length paid by a mismatched code, ≥ H(P) and, for a Huffman code built for Q, close to H(P,Q).
    /// </summary>
    /// <remarks>pᵢ = 0 contributes 0 whatever lᵢ; pᵢ &gt; 0 where the symbol has no codeword (lᵢ = 0) gives +∞.</remarks>
    /// <exception cref="ArgumentException">Lengths differ, a length is negative, a probability is invalid, or p does not sum
    /// to 1 within <see cref="DistributionCheck.DefaultTolerance"/>.</exception>
    /// <param name="lengths">The codeword length of each symbol in bits (0 = no codeword; at most <see cref="PrefixCode.MaxCodewordLength"/>).</param>
    /// <param name="p">The source probabilities, as many as lengths (finite, ≥ 0, summing to 1 within <see cref="DistributionCheck.DefaultTolerance"/>).</param>
    public static Information ExpectedLength(ReadOnlySpan<int> lengths, ReadOnlySpan<double> p)
    {
        if (lengths.Length != p.Length) ThrowHelper.ThrowLengthMismatch(nameof(lengths), lengths.Length, nameof(p), p.Length);
        CheckDistribution(p, nameof(p));
        var sum = new CompensatedSum();
        for (int i = 0; i < p.Length; i++)
        {
            if (lengths[i] < 0) ThrowHelper.ThrowArgument(nameof(lengths), $"lengths[{i}] = {lengths[i]} is negative.");
            if (p[i] == 0) continue;
            if (lengths[i] == 0) return new Information(double.PositiveInfinity, LogBase.Bits);
            sum.Add(p[i] * lengths[i]);
        }
        return new Information(sum.Value, LogBase.Bits);
    }

    /// <summary>Redundancy L − H(P) in bits per symbol: the expected length beyond the entropy; ≥ 0 for every prefix code,
    /// &lt; 1 for a Huffman code built for P. +∞ when a symbol with pᵢ &gt; 0 has no codeword.</summary>
    /// <exception cref="ArgumentException">As for <see cref="ExpectedLength"/>.</exception>
    /// <param name="lengths">The codeword length of each symbol in bits (0 = no codeword; at most <see cref="PrefixCode.MaxCodewordLength"/>).</param>
    /// <param name="p">The source probabilities, as many as lengths (finite, ≥ 0, summing to 1 within <see cref="DistributionCheck.DefaultTolerance"/>).</param>
    public static Information Redundancy(ReadOnlySpan<int> lengths, ReadOnlySpan<double> p)
    {
        double l = ExpectedLength(lengths, p).Value;
        double h = Discrete.Entropy(p).Value;
        return new Information(double.IsPositiveInfinity(l) ? l : Math.Max(l - h, 0), LogBase.Bits);
    }

    /// <summary>Efficiency H(P)/L, unitless in [0, 1]: the share of the expected length that carries information.
    /// 1 when L = 0 (a deterministic source needs nothing), 0 when L = +∞.</summary>
    /// <exception cref="ArgumentException">As for <see cref="ExpectedLength"/>.</exception>
    /// <param name="lengths">The codeword length of each symbol in bits (0 = no codeword; at most <see cref="PrefixCode.MaxCodewordLength"/>).</param>
    /// <param name="p">The source probabilities, as many as lengths (finite, ≥ 0, summing to 1 within <see cref="DistributionCheck.DefaultTolerance"/>).</param>
    public static double Efficiency(ReadOnlySpan<int> lengths, ReadOnlySpan<double> p)
    {
        double l = ExpectedLength(lengths, p).Value;
        if (l == 0) return 1;
        return Math.Min(Discrete.Entropy(p).Value / l, 1);
    }

    /// <summary>
    /// Shannon code lengths ⌈−log2 qᵢ⌉ bits (at least 1), which satisfy Kraft and give H(P) ≤ L &lt; H(P) + 1 when q = p;
    /// qᵢ = 0 gives 0 (no codeword). Written into <paramref name="lengths"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An entry is NaN, negative or above 1, or the destination is too short.</exception>
    /// <param name="q">The model distribution the code is built for (finite, ≥ 0, summing to 1).</param>
    /// <param name="lengths">Receives ⌈−log2 qᵢ⌉ bits per symbol (0 where qᵢ = 0); at least as long as q.</param>
    public static void ShannonLengths(ReadOnlySpan<double> q, Span<int> lengths)
    {
        if (lengths.Length < q.Length) ThrowHelper.ThrowDestinationTooShort(nameof(lengths), q.Length, lengths.Length);
        for (int i = 0; i < q.Length; i++)
        {
            if (!(q[i] >= 0 && q[i] <= 1)) ThrowHelper.ThrowBadEntry(nameof(q), i, q[i]);
            lengths[i] = q[i] == 0 ? 0 : Math.Max(1, (int)Math.Ceiling(-Math.Log2(q[i])));
        }
    }

    /// <summary>
    /// The Shannon–Fano–Elias code for <paramref name="p"/> in symbol order: symbol i gets lᵢ = ⌈−log2 pᵢ⌉ + 1 bits, the
    /// first lᵢ bits of the binary expansion of F̄ᵢ = Σ_{j&lt;i} pⱼ + pᵢ/2. Prefix-free without sorting; L &lt; H(P) + 2.
    /// Symbols with pᵢ = 0 get no codeword.
    /// </summary>
    /// <exception cref="ArgumentException">p is not a distribution, or a codeword would exceed 62 bits (pᵢ &lt; 2^−61).</exception>
    /// <param name="p">The source distribution (finite, ≥ 0, summing to 1).</param>
    public static PrefixCode ShannonFanoElias(ReadOnlySpan<double> p)
    {
        CheckDistribution(p, nameof(p));
        var lengths = new int[p.Length];
        var codewords = new ulong[p.Length];
        var below = new CompensatedSum();
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] == 0) continue;
            int l = (int)Math.Ceiling(-Math.Log2(p[i])) + 1;
            if (l > 62) ThrowHelper.ThrowArgument(nameof(p), $"p[{i}] = {p[i]:R} needs a {l}-bit codeword; at most 62 are supported.");
            double mid = below.Value + p[i] / 2;
            lengths[i] = l;
            codewords[i] = (ulong)Math.Floor(Math.ScaleB(mid, l));
            below.Add(p[i]);
        }
        return PrefixCode.Create(lengths, codewords);
    }

    internal static void CheckDistribution(ReadOnlySpan<double> p, string name)
    {
        var sum = new CompensatedSum();
        for (int i = 0; i < p.Length; i++)
        {
            if (!(p[i] >= 0) || double.IsPositiveInfinity(p[i])) ThrowHelper.ThrowBadEntry(name, i, p[i]);
            sum.Add(p[i]);
        }
        if (!(Math.Abs(sum.Value - 1) <= DistributionCheck.DefaultTolerance))
            ThrowHelper.ThrowNotNormalized(name, sum.Value, DistributionCheck.DefaultTolerance);
    }
}
