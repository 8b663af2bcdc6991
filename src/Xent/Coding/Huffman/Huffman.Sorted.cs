namespace Xent.Coding;

public static partial class Huffman
{
    /// <summary>
    /// Huffman code lengths, in bits, for weights already in ascending order, in O(n) (no sort): the two-queue merge
    /// alone. Gives exactly the lengths of <see cref="CodeLengths(ReadOnlySpan{double}, Span{int})"/> on the same input,
    /// since equal weights are then already in index order. Returns the longest length.
    /// </summary>
    /// <exception cref="ArgumentException">A weight is invalid or smaller than the one before it, none is positive, or
    /// <paramref name="lengths"/> is too short.</exception>
    /// <param name="ascending">The weights in non-decreasing order (finite, ≥ 0, at least one &gt; 0).</param>
    /// <param name="lengths">Receives each symbol's codeword length in bits (0 for a symbol without codeword); at least as long as the input, only its first entries are written.</param>
    public static int CodeLengthsOfSorted(ReadOnlySpan<double> ascending, Span<int> lengths)
    {
        CheckWeights(ascending, lengths);
        for (int i = 1; i < ascending.Length; i++)
            if (ascending[i] < ascending[i - 1])
                ThrowHelper.ThrowArgument(nameof(ascending), $"ascending[{i}] = {ascending[i]:R} is smaller than ascending[{i - 1}] = {ascending[i - 1]:R}.");
        int zeros = 0;
        while (ascending[zeros] == 0) zeros++;
        lengths[..zeros].Clear();
        return TwoQueueLengths(ascending[zeros..], 2, lengths[zeros..ascending.Length]);
    }
}
