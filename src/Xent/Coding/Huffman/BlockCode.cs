using Xent.Numerics;

namespace Xent.Coding;

/// <summary>
/// Block (extended-source) Huffman codes: one codeword per sequence of n symbols of an i.i.d. source, so that
/// fractions of a bit per symbol can be spent. Built for Q and used on P, the expected length per symbol tends to
/// H(P) when Q = P (H ≤ Lₙ/n &lt; H + 1/n) and to the cross-entropy H(P,Q) otherwise.
/// </summary>
/// <remarks>
/// Sequences with the same composition (how many times each symbol occurs) have the same probability under any i.i.d.
/// model, so the k^n sequences fall into C(n + k − 1, k − 1) groups of equal weight with multinomial multiplicities, and a
/// Huffman merge over (weight, multiplicity) groups builds the code without listing the sequences: 3^30 ≈ 2·10^14
/// sequences cost 496 groups. Group weights are products of the qᵢ in a fixed order (multiplications only, no pow), so
/// the code is the same on every machine. Ties between a group and a merged node follow <see cref="HuffmanTieBreak"/>;
/// the matched expected length does not depend on it, the mismatched one does (docs/coding/huffman.md).
/// </remarks>
public static class BlockCode
{
    /// <summary>The most sequences a block may have: k^n ≤ 2^62 (multiplicities are 64-bit integers).</summary>
    public const int MaxSequencesLog2 = 62;

    /// <summary>The most compositions (groups of equally likely sequences) a block may have: 2^22.</summary>
    public const int MaxCompositions = 1 << 22;

    /// <summary>
    /// Expected length, in bits per block of <paramref name="n"/> symbols, of the Huffman code over the sequences of
    /// P^n, used on P^n. Divide by n for bits per symbol.
    /// </summary>
    /// <exception cref="ArgumentException">As for <see cref="ExpectedLength(ReadOnlySpan{double}, ReadOnlySpan{double}, int, HuffmanTieBreak, CancellationToken)"/>.</exception>
    /// <param name="p">The symbol distribution P (finite, ≥ 0, summing to 1).</param>
    /// <param name="n">The block length in symbols (≥ 1; see Fits for the sizes that can be coded).</param>
    public static Information ExpectedLength(ReadOnlySpan<double> p, int n) => ExpectedLength(p, p, n);

    /// <summary>
    /// Expected length, in bits per block of <paramref name="n"/> symbols, of the Huffman code built for the sequences of
    /// Q^n and used on sequences drawn from P^n (the mismatched block code). Divide by n for bits per symbol.
    /// </summary>
    /// <remarks>+∞ when a sequence with positive probability under P has probability 0 under Q (it has no codeword).
    /// A source with one possible sequence gets the one-bit code (see <see cref="Huffman"/>).</remarks>
    /// <exception cref="ArgumentException">p or q is not a distribution, they differ in length, n &lt; 1, the block has more
    /// than 2^62 sequences or 2^22 compositions (see <see cref="Fits"/>), or a sequence probability under Q underflows.</exception>
    /// <param name="p">The source distribution, on which the code is used.</param>
    /// <param name="q">The model the code is built for.</param>
    /// <param name="n">The block length, ≥ 1.</param>
    /// <param name="tieBreak">Which of a group and a merged node of equal weight is taken first.</param>
    /// <param name="cancellationToken">Checked between the enumeration, the sort and the code construction: a cancelled call throws <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Information ExpectedLength(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int n, HuffmanTieBreak tieBreak = HuffmanTieBreak.LeafFirst,
        CancellationToken cancellationToken = default) =>
        ExpectedLength(p, q, n, tieBreak, long.MaxValue, cancellationToken);

    /// <summary>
    /// As <see cref="ExpectedLength(ReadOnlySpan{double}, ReadOnlySpan{double}, int, HuffmanTieBreak, CancellationToken)"/>, stopping with
    /// <see cref="InsufficientMemoryException"/> when the code's merged groups would take more than <paramref name="maxBytes"/>:
    /// with many distinct sequence probabilities the work approaches plain Huffman over the members, which the number of
    /// compositions alone does not bound.
    /// </summary>
    /// <param name="p">The source distribution, on which the code is used.</param>
    /// <param name="q">The model the code is built for.</param>
    /// <param name="n">The block length, ≥ 1.</param>
    /// <param name="tieBreak">Which of a group and a merged node of equal weight is taken first.</param>
    /// <param name="maxBytes">The most memory the construction may take, in bytes.</param>
    /// <param name="cancellationToken">Checked between the enumeration, the sort and the code construction: a cancelled call throws <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ArgumentException">As for the overload without <paramref name="maxBytes"/>.</exception>
    /// <exception cref="InsufficientMemoryException">The construction would need more than <paramref name="maxBytes"/>.</exception>
    public static Information ExpectedLength(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int n, HuffmanTieBreak tieBreak, long maxBytes,
        CancellationToken cancellationToken = default)
    {
        if (p.Length != q.Length) ThrowHelper.ThrowLengthMismatch(nameof(p), p.Length, nameof(q), q.Length);
        PrefixCodes.CheckDistribution(p, nameof(p));
        PrefixCodes.CheckDistribution(q, nameof(q));
        if (n < 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(n), n, "the block length must be at least 1");
        if (!Fits(p.Length, n))
            ThrowHelper.ThrowArgument(nameof(n), $"blocks of n = {n} symbols over {p.Length} symbols are too many: at most 2^{MaxSequencesLog2} sequences and {MaxCompositions} compositions.");

        var groups = Compositions.Enumerate(p, q, n);
        cancellationToken.ThrowIfCancellationRequested();
        int count = groups.Count;
        var keys = new ulong[count];
        var order = new int[count];
        int used = 0;
        for (int i = 0; i < count; i++)
        {
            if (groups.WeightQ[i] > 0)
            {
                keys[used] = BitConverter.DoubleToUInt64Bits(groups.WeightQ[i]);
                order[used++] = i;
            }
            else if (groups.WeightP[i] > 0)
            {
                return new Information(double.PositiveInfinity, LogBase.Bits);
            }
        }
        Huffman.SortByKeyThenIndex(keys.AsSpan(0, used), order.AsSpan(0, used));
        cancellationToken.ThrowIfCancellationRequested();
        var weights = new double[used];
        var multiplicity = new long[used];
        for (int i = 0; i < used; i++)
        {
            weights[i] = groups.WeightQ[order[i]];
            multiplicity[i] = groups.Multiplicity[order[i]];
        }
        var lengthSums = new double[used];
        GroupHuffman.LengthSums(weights, multiplicity, tieBreak, lengthSums, maxBytes);
        cancellationToken.ThrowIfCancellationRequested();
        var sum = new CompensatedSum();
        for (int i = 0; i < used; i++) sum.Add(groups.WeightP[order[i]] * lengthSums[i]);
        return new Information(sum.Value, LogBase.Bits);
    }

    /// <summary>The number of compositions (groups of equally likely sequences) of blocks of <paramref name="n"/> symbols
    /// over <paramref name="alphabetSize"/> symbols, C(n + k − 1, k − 1): what a block code's construction costs.</summary>
    /// <param name="alphabetSize">k ≥ 1.</param>
    /// <param name="n">The block length, ≥ 1.</param>
    /// <returns>The count, or <see cref="long.MaxValue"/> when it does not fit.</returns>
    public static long CompositionCount(int alphabetSize, int n) => Compositions.CountOf(alphabetSize, n);

    /// <summary>True if blocks of <paramref name="n"/> symbols over an alphabet of <paramref name="alphabetSize"/> can be coded:
    /// at most 2^62 sequences and 2^22 compositions.</summary>
    /// <param name="alphabetSize">The number of symbols K (≥ 1).</param>
    /// <param name="n">The block length in symbols (≥ 1).</param>
    public static bool Fits(int alphabetSize, int n)
    {
        if (alphabetSize < 1 || n < 1) return false;
        if (alphabetSize > 1 && n * Math.Log2(alphabetSize) > MaxSequencesLog2) return false;
        return Compositions.CountOf(alphabetSize, n) <= MaxCompositions;
    }
}
