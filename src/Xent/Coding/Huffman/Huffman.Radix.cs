namespace Xent.Coding;

public static partial class Huffman
{
    /// <summary>
    /// Writes into <paramref name="lengths"/> the codeword lengths, in digits of base <paramref name="radix"/>, of an r-ary
    /// Huffman code for <paramref name="weights"/> (probabilities or counts), and returns the longest length.
    /// </summary>
    /// <remarks>Weight 0 gives length 0. Leaves of weight 0 are added in front so that every merge takes exactly r items;
    /// the Kraft sum Σ r^−lᵢ (<see cref="PrefixCodes.KraftSum(ReadOnlySpan{int}, int)"/>) is 1 when (n − 1) is a multiple
    /// of (r − 1), less otherwise. The expected length Σ pᵢlᵢ is in base-r digits: H_r(P) ≤ L &lt; H_r(P) + 1.
    /// Same tie-break as the binary code; radix 2 gives exactly <see cref="CodeLengths(ReadOnlySpan{double}, Span{int})"/>.</remarks>
    /// <exception cref="ArgumentException">A weight is invalid or none is positive; <paramref name="lengths"/> is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="radix"/> &lt; 2.</exception>
    /// <param name="weights">The weights, one per symbol: probabilities or relative frequencies (finite, ≥ 0, at least one &gt; 0; need not sum to 1). A weight of 0 gets no codeword.</param>
    /// <param name="lengths">Receives each symbol's codeword length in base-radix digits (0 for weight 0); at least as long as weights.</param>
    /// <param name="radix">The code alphabet size r (≥ 2): 2 for bits, 3 for trits, 256 for bytes.</param>
    public static int CodeLengths(ReadOnlySpan<double> weights, Span<int> lengths, int radix)
    {
        CheckRadix(radix);
        CheckWeights(weights, lengths);
        lengths[..weights.Length].Clear();
        return SortedCore(weights, lengths[..weights.Length], maxLength: 0, radix);
    }

    /// <summary>r-ary Huffman code lengths, in base-<paramref name="radix"/> digits, for integer <paramref name="counts"/>;
    /// see the <see cref="double"/> overload.</summary>
    /// <exception cref="ArgumentException">A count is negative, none is positive, or they overflow; <paramref name="lengths"/> is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="radix"/> &lt; 2.</exception>
    /// <param name="counts">How often each symbol occurred (each ≥ 0, at least one &gt; 0). A count of 0 gets no codeword.</param>
    /// <param name="lengths">Receives each symbol's codeword length in base-radix digits (0 for count 0); at least as long as counts.</param>
    /// <param name="radix">The code alphabet size r (≥ 2).</param>
    public static int CodeLengths(ReadOnlySpan<long> counts, Span<int> lengths, int radix)
    {
        CheckRadix(radix);
        CheckCounts(counts, lengths);
        lengths[..counts.Length].Clear();
        return SortedCore(counts, lengths[..counts.Length], maxLength: 0, radix);
    }

    private static void CheckRadix(int radix)
    {
        if (radix < 2) ThrowHelper.ThrowArgumentOutOfRange(nameof(radix), radix, "the radix must be at least 2");
    }
}
