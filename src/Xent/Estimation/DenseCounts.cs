namespace Xent.Estimation;

/// <summary>
/// Counts of the symbols 0 … K−1 of a small dense alphabet (bytes: K = 256), held in an array: the fast count table for byte
/// streams and integer-coded data. Mergeable (associative, commutative <see cref="Merge"/>) and serializable in a checksummed
/// binary format (<see cref="WriteTo"/>, docs/formats/count-table.md).
/// </summary>
/// <remarks>Not thread-safe: count each part in its own table and merge. Counts are 64-bit; an overflow throws <see cref="OverflowException"/>.
/// <see cref="Counts"/> can be passed straight to <see cref="EntropyEstimators"/> (K = AlphabetSize, zeros are declared unseen symbols).</remarks>
public sealed partial class DenseCounts
{
    private readonly long[] _counts;

    /// <summary>An empty table for the symbols 0 … <paramref name="alphabetSize"/> − 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">alphabetSize is below 1.</exception>
    public DenseCounts(int alphabetSize)
    {
        if (alphabetSize < 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(alphabetSize), alphabetSize, "an alphabet needs at least 1 symbol");
        _counts = new long[alphabetSize];
    }

    /// <summary>An empty table for bytes (K = 256).</summary>
    public static DenseCounts ForBytes() => new(256);

    /// <summary>K, the number of symbols 0 … K−1.</summary>
    public int AlphabetSize => _counts.Length;

    /// <summary>N, the number of observations: the sum of all counts.</summary>
    public long Total { get; private set; }

    /// <summary>The number of symbols seen at least once.</summary>
    public int Distinct
    {
        get
        {
            int distinct = 0;
            foreach (long c in _counts) if (c > 0) distinct++;
            return distinct;
        }
    }

    /// <summary>The count of every symbol, indexed by symbol.</summary>
    public ReadOnlySpan<long> Counts => _counts;

    /// <summary>The count of <paramref name="symbol"/>.</summary>
    public long this[int symbol] => _counts[symbol];

    /// <summary>Counts <paramref name="symbol"/> <paramref name="count"/> times (once by default).</summary>
    /// <exception cref="ArgumentOutOfRangeException">symbol is outside 0 … K−1, or count is negative.</exception>
    public void Add(int symbol, long count = 1)
    {
        if ((uint)symbol >= (uint)_counts.Length) ThrowHelper.ThrowArgumentOutOfRange(nameof(symbol), symbol, $"a symbol must be in 0 … {_counts.Length - 1}");
        if (count < 0) ThrowHelper.ThrowArgumentOutOfRange(nameof(count), count, "a count must be ≥ 0");
        _counts[symbol] = checked(_counts[symbol] + count);
        Total = checked(Total + count);
    }

    /// <summary>Counts every symbol of <paramref name="symbols"/> once.</summary>
    /// <exception cref="ArgumentException">A symbol is outside 0 … K−1 (nothing of this call is counted then).</exception>
    public void AddRange(ReadOnlySpan<int> symbols)
    {
        for (int i = 0; i < symbols.Length; i++)
            if ((uint)symbols[i] >= (uint)_counts.Length)
                ThrowHelper.ThrowArgument(nameof(symbols), $"symbols[{i}] = {symbols[i]} is outside the alphabet 0 … {_counts.Length - 1}.");
        foreach (int s in symbols) _counts[s]++;
        Total = checked(Total + symbols.Length);
    }

    /// <summary>Adds every count of <paramref name="other"/> into this table (this := this + other).</summary>
    /// <exception cref="ArgumentException">The alphabet sizes differ.</exception>
    public void MergeFrom(DenseCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.AlphabetSize != AlphabetSize) ThrowHelper.ThrowLengthMismatch("this", AlphabetSize, nameof(other), other.AlphabetSize);
        for (int i = 0; i < _counts.Length; i++) _counts[i] = checked(_counts[i] + other._counts[i]);
        Total = checked(Total + other.Total);
    }

    /// <summary>A new table with the counts of <paramref name="a"/> and <paramref name="b"/> added: associative and commutative.</summary>
    /// <exception cref="ArgumentException">The alphabet sizes differ.</exception>
    public static DenseCounts Merge(DenseCounts a, DenseCounts b)
    {
        ArgumentNullException.ThrowIfNull(a);
        var merged = new DenseCounts(a.AlphabetSize);
        merged.MergeFrom(a);
        merged.MergeFrom(b);
        return merged;
    }
}
