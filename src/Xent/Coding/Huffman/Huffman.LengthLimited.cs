using System.Buffers;
using System.Numerics;

namespace Xent.Coding;

public static partial class Huffman
{
    /// <summary>
    /// Writes into <paramref name="lengths"/> the codeword lengths, in bits, of an optimal prefix code whose codewords are
    /// at most <paramref name="maxLength"/> bits (minimum Σ wᵢ·lᵢ subject to lᵢ ≤ L), and returns the longest length.
    /// </summary>
    /// <remarks>
    /// Larmore and Hirschberg's package-merge, exact (not a heuristic): O(n·L) time and n·L bytes of bookkeeping.
    /// When the Huffman code already fits, it is returned unchanged (same tie-break). Weight 0 gives length 0.
    /// Ties in the merge take the leaf first. The extra cost against the unlimited code is
    /// Σ pᵢ·(lᵢ − lᵢ^Huffman) ≥ 0 bits per symbol (see <see cref="PrefixCodes.ExpectedLength"/>).
    /// </remarks>
    /// <exception cref="ArgumentException">A weight is invalid or none is positive; <paramref name="lengths"/> is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> &lt; 1, or 2^L is smaller than the number of
    /// symbols with positive weight (no prefix code fits).</exception>
    /// <param name="weights">The weights, one per symbol: probabilities or relative frequencies (finite, ≥ 0, at least one &gt; 0; need not sum to 1). A weight of 0 gets no codeword.</param>
    /// <param name="maxLength">The longest codeword allowed, in bits (≥ 1, with 2^maxLength ≥ the number of symbols of positive weight; at most <see cref="PrefixCode.MaxCodewordLength"/> for a code that is built).</param>
    /// <param name="lengths">Receives each symbol's codeword length in bits (0 for a symbol without codeword); at least as long as the input, only its first entries are written.</param>
    public static int LengthLimitedCodeLengths(ReadOnlySpan<double> weights, int maxLength, Span<int> lengths)
    {
        CheckWeights(weights, lengths);
        return LimitedCore(weights, maxLength, lengths[..weights.Length]);
    }

    /// <summary>Length-limited optimal code lengths for integer <paramref name="counts"/>; see the <see cref="double"/> overload.</summary>
    /// <exception cref="ArgumentException">A count is negative, none is positive, or they overflow; <paramref name="lengths"/> is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException">2^<paramref name="maxLength"/> is smaller than the number of used symbols.</exception>
    /// <param name="counts">How often each symbol occurred (each ≥ 0, at least one &gt; 0). A count of 0 gets no codeword.</param>
    /// <param name="maxLength">The longest codeword allowed, in bits (≥ 1, with 2^maxLength ≥ the number of symbols of positive weight; at most <see cref="PrefixCode.MaxCodewordLength"/> for a code that is built).</param>
    /// <param name="lengths">Receives each symbol's codeword length in bits (0 for a symbol without codeword); at least as long as the input, only its first entries are written.</param>
    public static int LengthLimitedCodeLengths(ReadOnlySpan<long> counts, int maxLength, Span<int> lengths)
    {
        CheckCounts(counts, lengths);
        return LimitedCore(counts, maxLength, lengths[..counts.Length]);
    }

    /// <summary>The optimal code with codewords of at most <paramref name="maxLength"/> bits, canonical codewords.</summary>
    /// <exception cref="ArgumentException">As for <see cref="LengthLimitedCodeLengths(ReadOnlySpan{double}, int, Span{int})"/>.</exception>
    /// <param name="weights">The weights, one per symbol: probabilities or relative frequencies (finite, ≥ 0, at least one &gt; 0; need not sum to 1). A weight of 0 gets no codeword.</param>
    /// <param name="maxLength">The longest codeword allowed, in bits (≥ 1, with 2^maxLength ≥ the number of symbols of positive weight; at most <see cref="PrefixCode.MaxCodewordLength"/> for a code that is built).</param>
    public static PrefixCode BuildLengthLimited(ReadOnlySpan<double> weights, int maxLength)
    {
        var lengths = new int[weights.Length];
        LengthLimitedCodeLengths(weights, maxLength, lengths);
        return PrefixCode.Canonical(lengths);
    }

    /// <summary>The optimal code for integer <paramref name="counts"/> with codewords of at most <paramref name="maxLength"/> bits.</summary>
    /// <exception cref="ArgumentException">As for <see cref="LengthLimitedCodeLengths(ReadOnlySpan{long}, int, Span{int})"/>.</exception>
    /// <param name="counts">How often each symbol occurred (each ≥ 0, at least one &gt; 0). A count of 0 gets no codeword.</param>
    /// <param name="maxLength">The longest codeword allowed, in bits (≥ 1, with 2^maxLength ≥ the number of symbols of positive weight; at most <see cref="PrefixCode.MaxCodewordLength"/> for a code that is built).</param>
    public static PrefixCode BuildLengthLimited(ReadOnlySpan<long> counts, int maxLength)
    {
        var lengths = new int[counts.Length];
        LengthLimitedCodeLengths(counts, maxLength, lengths);
        return PrefixCode.Canonical(lengths);
    }

    internal static int LimitedCore<T>(ReadOnlySpan<T> weights, int maxLength, Span<int> lengths) where T : unmanaged, INumber<T>
    {
        int used = 0;
        foreach (var w in weights) if (w > T.Zero) used++;
        if (maxLength < 1 || (maxLength < 31 && (1 << maxLength) < used))
            ThrowHelper.ThrowMaxLengthTooSmall(nameof(maxLength), maxLength, used);
        int max = LengthsCore(weights, lengths);
        return max <= maxLength ? max : SortedCore(weights, lengths, maxLength, radix: 2);
    }

    /// <summary>
    /// Package-merge on m ≥ 2 ascending weights with 2^L ≥ m. Level L holds the leaves; each level above holds the leaves
    /// merged with the pairs ("packages") of the level below, keeping the 2m − 2 lightest items. The optimal code takes
    /// the first 2m − 2 items of level 1; a leaf's length is the number of levels at which it is among the items taken,
    /// and the items taken at level j + 1 are exactly those packed into the packages taken at level j.
    /// Since leaves enter every level in ascending order, the leaves taken at a level are a prefix of the sorted leaves,
    /// so only one bit per item (leaf or package) needs to be kept per level.
    /// </summary>
    private static int PackageMerge<T>(ReadOnlySpan<T> w, int maxLength, Span<int> lengths) where T : unmanaged, INumber<T>
    {
        int m = w.Length;
        int levels = Math.Min(maxLength, m - 1);
        int cap = 2 * m - 2;
        bool[] isLeaf = ArrayPool<bool>.Shared.Rent(levels * cap);
        int[] rowLength = ArrayPool<int>.Shared.Rent(levels);
        int[] takenAt = ArrayPool<int>.Shared.Rent(m + 1);
        T[] below = ArrayPool<T>.Shared.Rent(cap);
        T[] level = ArrayPool<T>.Shared.Rent(cap);
        try
        {
            // Deepest level (row levels − 1): the leaves alone.
            int deepest = levels - 1;
            w.CopyTo(below);
            rowLength[deepest] = m;
            isLeaf.AsSpan(deepest * cap, m).Fill(true);
            for (int row = deepest - 1; row >= 0; row--)
            {
                int packages = rowLength[row + 1] / 2, leaf = 0, package = 0, count = 0;
                var flags = isLeaf.AsSpan(row * cap, cap);
                while (count < cap && (leaf < m || package < packages))
                {
                    T pkg = package < packages ? below[2 * package] + below[2 * package + 1] : T.Zero;
                    bool takeLeaf = package >= packages || (leaf < m && w[leaf] <= pkg);
                    level[count] = takeLeaf ? w[leaf++] : pkg;
                    if (!takeLeaf) package++;
                    flags[count++] = takeLeaf;
                }
                rowLength[row] = count;
                (below, level) = (level, below);
            }

            // Walk down from level 1 taking 2m − 2 items; count per leaf how many levels take it.
            Array.Clear(takenAt, 0, m + 1);
            int take = cap;
            for (int row = 0; row < levels && take > 0; row++)
            {
                int leaves = 0;
                var flags = isLeaf.AsSpan(row * cap, take);
                foreach (bool f in flags) if (f) leaves++;
                takenAt[leaves]++;
                take = 2 * (take - leaves);
            }
            int max = 0, running = 0;
            for (int i = m - 1; i >= 0; i--)
            {
                running += takenAt[i + 1];
                lengths[i] = running;
                max = Math.Max(max, running);
            }
            return max;
        }
        finally
        {
            ArrayPool<T>.Shared.Return(level);
            ArrayPool<T>.Shared.Return(below);
            ArrayPool<int>.Shared.Return(takenAt);
            ArrayPool<int>.Shared.Return(rowLength);
            ArrayPool<bool>.Shared.Return(isLeaf);
        }
    }
}
