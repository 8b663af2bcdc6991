using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Xent.Coding;

/// <summary>
/// Minimum-redundancy (Huffman) prefix codes, binary: code lengths from weights (probabilities or integer counts),
/// unlimited or limited to a maximum length, and canonical codewords.
/// </summary>
/// <remarks>
/// <para><b>Weights.</b> Any finite, non-negative numbers: probabilities, or counts (a code is invariant under scaling).
/// A symbol of weight 0 gets no codeword (length 0), as in Deflate; a code used on a distribution that gives such a
/// symbol a positive probability has infinite expected length. If exactly one weight is positive, that symbol gets
/// the one-bit codeword "0" (a prefix code cannot send a symbol in zero bits and still be decodable from a stream of them).</para>
/// <para><b>Deterministic tie-break.</b> Symbols are sorted by (weight, symbol index) ascending; the two-queue algorithm
/// (van Leeuwen) then repeatedly merges the two lightest items, and when a leaf and a merged node weigh the same the
/// leaf is taken first (Schwartz's rule, which also gives the smallest maximum length and variance among Huffman codes).
/// Weights are compared exactly (IEEE doubles or 64-bit integers), so every run on every machine gives the same lengths.
/// Codewords are then canonical: sorted by (length, symbol index), each the previous plus one, shifted left when the
/// length grows. Worked example in docs/coding/huffman.md.</para>
/// <para>Cost: O(n log n) for the sort, O(n) for the merges; alphabets of 10^6 symbols take milliseconds.</para>
/// </remarks>
public static partial class Huffman
{
    /// <summary>
    /// Writes into <paramref name="lengths"/> the codeword length, in bits, of every symbol of a Huffman code for
    /// <paramref name="weights"/> (probabilities or counts), and returns the longest length.
    /// </summary>
    /// <remarks>Weight 0 gives length 0 (no codeword). The code minimizes Σ wᵢ·lᵢ over all prefix codes and has
    /// Kraft sum exactly 1 when two or more weights are positive. Ties are broken as described on <see cref="Huffman"/>.</remarks>
    /// <exception cref="ArgumentException">A weight is NaN, infinite or negative; no weight is positive; or
    /// <paramref name="lengths"/> is shorter than <paramref name="weights"/>.</exception>
    /// <param name="weights">The weights, one per symbol: probabilities or relative frequencies (finite, ≥ 0, at least one &gt; 0; need not sum to 1). A weight of 0 gets no codeword.</param>
    /// <param name="lengths">Receives each symbol's codeword length in bits (0 for a symbol without codeword); at least as long as the input, only its first entries are written.</param>
    public static int CodeLengths(ReadOnlySpan<double> weights, Span<int> lengths)
    {
        CheckWeights(weights, lengths);
        return LengthsCore(weights, lengths[..weights.Length]);
    }

    /// <summary>Huffman code lengths, in bits, for integer <paramref name="counts"/>; see the <see cref="double"/> overload.</summary>
    /// <exception cref="ArgumentException">A count is negative, none is positive, they sum past <see cref="long.MaxValue"/>,
    /// or <paramref name="lengths"/> is shorter than <paramref name="counts"/>.</exception>
    /// <param name="counts">How often each symbol occurred (each ≥ 0, at least one &gt; 0). A count of 0 gets no codeword.</param>
    /// <param name="lengths">Receives each symbol's codeword length in bits (0 for a symbol without codeword); at least as long as the input, only its first entries are written.</param>
    [OverloadResolutionPriority(1)] // [] is empty counts (as for the measures), not ambiguous with the double overload
    public static int CodeLengths(ReadOnlySpan<long> counts, Span<int> lengths)
    {
        CheckCounts(counts, lengths);
        return LengthsCore(counts, lengths[..counts.Length]);
    }

    /// <summary>The Huffman code for <paramref name="weights"/> (probabilities or counts), with canonical codewords.</summary>
    /// <exception cref="ArgumentException">As for <see cref="CodeLengths(ReadOnlySpan{double}, Span{int})"/>, or the code
    /// has a codeword longer than <see cref="PrefixCode.MaxCodewordLength"/> bits (only for weights spanning more than ~10^13 : 1).</exception>
    /// <param name="weights">The weights, one per symbol: probabilities or relative frequencies (finite, ≥ 0, at least one &gt; 0; need not sum to 1). A weight of 0 gets no codeword.</param>
    public static PrefixCode Build(ReadOnlySpan<double> weights)
    {
        var lengths = new int[weights.Length];
        CodeLengths(weights, lengths);
        return PrefixCode.Canonical(lengths);
    }

    /// <summary>The Huffman code for integer <paramref name="counts"/>, with canonical codewords.</summary>
    /// <exception cref="ArgumentException">As for <see cref="CodeLengths(ReadOnlySpan{long}, Span{int})"/>.</exception>
    /// <param name="counts">How often each symbol occurred (each ≥ 0, at least one &gt; 0). A count of 0 gets no codeword.</param>
    [OverloadResolutionPriority(1)] // [] is empty counts (as for the measures), not ambiguous with the double overload
    public static PrefixCode Build(ReadOnlySpan<long> counts)
    {
        var lengths = new int[counts.Length];
        CodeLengths(counts, lengths);
        return PrefixCode.Canonical(lengths);
    }

    private static void CheckWeights(ReadOnlySpan<double> weights, Span<int> lengths)
    {
        if (lengths.Length < weights.Length) ThrowHelper.ThrowDestinationTooShort(nameof(lengths), weights.Length, lengths.Length);
        bool any = false;
        for (int i = 0; i < weights.Length; i++)
        {
            double w = weights[i];
            if (!(w >= 0) || double.IsPositiveInfinity(w)) ThrowHelper.ThrowBadWeight(nameof(weights), i, w);
            any |= w > 0;
        }
        if (!any) ThrowHelper.ThrowNoPositiveWeight(nameof(weights));
    }

    private static void CheckCounts(ReadOnlySpan<long> counts, Span<int> lengths)
    {
        if (lengths.Length < counts.Length) ThrowHelper.ThrowDestinationTooShort(nameof(lengths), counts.Length, lengths.Length);
        long sum = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] < 0) ThrowHelper.ThrowBadWeight(nameof(counts), i, counts[i]);
            if (long.MaxValue - sum < counts[i]) ThrowHelper.ThrowWeightSumOverflow(nameof(counts));
            sum += counts[i];
        }
        if (sum == 0) ThrowHelper.ThrowNoPositiveWeight(nameof(counts));
    }

    /// <summary>Lengths for validated weights; returns the maximum length.</summary>
    internal static int LengthsCore<T>(ReadOnlySpan<T> weights, Span<int> lengths) where T : unmanaged, INumber<T>
    {
        lengths.Clear();
        return SortedCore(weights, lengths, maxLength: 0, radix: 2);
    }

    /// <summary>
    /// Sorts the positive weights, runs the two-queue Huffman of the given radix (<paramref name="maxLength"/> = 0) or
    /// binary package-merge on them, and writes the lengths back in symbol order (entries of zero weight are left as they are).
    /// </summary>
    private static int SortedCore<T>(ReadOnlySpan<T> weights, Span<int> lengths, int maxLength, int radix) where T : unmanaged, INumber<T>
    {
        int[] order = ArrayPool<int>.Shared.Rent(weights.Length);
        T[] sorted = ArrayPool<T>.Shared.Rent(weights.Length);
        int[] sortedLengths = ArrayPool<int>.Shared.Rent(weights.Length);
        try
        {
            int m = SortPositive(weights, order, sorted);
            int max = maxLength == 0
                ? TwoQueueLengths<T>(sorted.AsSpan(0, m), radix, sortedLengths.AsSpan(0, m))
                : PackageMerge<T>(sorted.AsSpan(0, m), maxLength, sortedLengths.AsSpan(0, m));
            for (int i = 0; i < m; i++) lengths[order[i]] = sortedLengths[i];
            return max;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(sortedLengths);
            ArrayPool<T>.Shared.Return(sorted);
            ArrayPool<int>.Shared.Return(order);
        }
    }

    /// <summary>
    /// Puts the indices of the positive weights into <paramref name="order"/> sorted by (weight, index) ascending and
    /// their weights into <paramref name="sorted"/>; returns how many there are.
    /// </summary>
    internal static int SortPositive<T>(ReadOnlySpan<T> weights, int[] order, T[] sorted) where T : unmanaged, INumber<T>
    {
        ulong[] keys = ArrayPool<ulong>.Shared.Rent(weights.Length);
        try
        {
            int m = 0;
            for (int i = 0; i < weights.Length; i++)
            {
                if (!(weights[i] > T.Zero)) continue;
                keys[m] = SortKey(weights[i]);
                order[m++] = i;
            }
            SortByKeyThenIndex(keys.AsSpan(0, m), order.AsSpan(0, m));
            for (int i = 0; i < m; i++) sorted[i] = weights[order[i]];
            return m;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
        }
    }

    /// <summary>
    /// Sorts by key, and equal keys by index: an unstable sort, then each run of equal keys sorted by index
    /// (runs are short in practice, so this costs far less than a comparer over pairs).
    /// </summary>
    internal static void SortByKeyThenIndex(Span<ulong> keys, Span<int> indices)
    {
        keys.Sort(indices);
        for (int start = 0; start < keys.Length;)
        {
            int end = start + 1;
            while (end < keys.Length && keys[end] == keys[start]) end++;
            if (end - start > 1) indices[start..end].Sort();
            start = end;
        }
    }

    /// <summary>An unsigned key ordered as the weight: non-negative doubles order as their bit patterns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong SortKey<T>(T w) where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(double)) return BitConverter.DoubleToUInt64Bits(Unsafe.As<T, double>(ref w));
        return ulong.CreateTruncating(w);
    }

    /// <summary>
    /// Van Leeuwen's two-queue Huffman on ascending weights: leaves in one queue, merged nodes (created in ascending
    /// order of weight) in the other; on equal weights the leaf is taken first. Radix r merges r items at a time, after
    /// (r − 1 − (m − 1) mod (r − 1)) mod (r − 1) leaves of weight 0 are put in front so that every merge is full. O(m).
    /// </summary>
    private static int TwoQueueLengths<T>(ReadOnlySpan<T> w, int radix, Span<int> lengths) where T : unmanaged, INumber<T>
    {
        int m = w.Length;
        if (m == 1)
        {
            lengths[0] = 1;
            return 1;
        }
        int dummies = (radix - 1 - (m - 1) % (radix - 1)) % (radix - 1);
        int leaves = m + dummies, merges = (leaves - 1) / (radix - 1);
        T[] merged = ArrayPool<T>.Shared.Rent(merges);
        // parent[i] for the leaves 0..leaves−1 (dummies first) and the merged nodes (indices into the merged queue).
        int[] parent = ArrayPool<int>.Shared.Rent(leaves + merges);
        try
        {
            int leaf = 0, head = 0;
            for (int tail = 0; tail < merges; tail++)
            {
                T sum = T.Zero;
                for (int k = 0; k < radix; k++)
                {
                    T leafWeight = leaf < dummies ? T.Zero : leaf < leaves ? w[leaf - dummies] : T.Zero;
                    if (leaf < leaves && (head == tail || leafWeight <= merged[head]))
                    {
                        sum += leafWeight;
                        parent[leaf++] = tail;
                    }
                    else
                    {
                        sum += merged[head];
                        parent[leaves + head++] = tail;
                    }
                }
                merged[tail] = sum;
            }
            // Merged nodes were created children-first, so walking them backwards turns parents into depths.
            int root = merges - 1;
            parent[leaves + root] = 0;
            for (int i = root - 1; i >= 0; i--) parent[leaves + i] = parent[leaves + parent[leaves + i]] + 1;
            int max = 0;
            for (int i = 0; i < m; i++)
            {
                lengths[i] = parent[leaves + parent[dummies + i]] + 1;
                max = Math.Max(max, lengths[i]);
            }
            return max;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(parent);
            ArrayPool<T>.Shared.Return(merged);
        }
    }
}
