namespace Xent.Estimation;

/// <summary>
/// Counts of the symbols 0 … K−1 of a small dense alphabet (bytes: K = 256), held in an array: the fast count table for byte
/// streams and integer-coded data. The alphabet is either <em>declared</em> (<see cref="DenseCounts(int)"/>: K is fixed and a
/// symbol ≥ K is an error) or <em>grows</em> (<see cref="Growable"/>: adding symbol s ≥ K makes K = s + 1). Mergeable (associative,
/// commutative <see cref="Merge"/>; tables over incompatible alphabets are refused) and serializable in the checksummed
/// count-table binary format (<see cref="WriteTo"/>, docs/formats/count-table.md).
/// </summary>
/// <remarks>Not thread-safe: count each part in its own table and merge. Counts are 64-bit; an overflow throws <see cref="OverflowException"/>.
/// <see cref="Counts"/> can be passed straight to <see cref="EntropyEstimators"/> (K = AlphabetSize, zeros are declared unseen symbols).</remarks>
public sealed partial class DenseCounts
{
    private long[] _counts; // the counts of symbols 0 … _size−1; entries beyond _size are 0 (spare capacity of a growing table)
    private int _size;

    /// <summary>An empty table over the declared alphabet 0 … <paramref name="alphabetSize"/> − 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">alphabetSize is below 1.</exception>
    /// <param name="alphabetSize">K, the number of symbols 0 … K−1 (≥ 1); the table takes 8K bytes.</param>
    public DenseCounts(int alphabetSize)
    {
        if (alphabetSize < 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(alphabetSize), alphabetSize, "an alphabet needs at least 1 symbol");
        _counts = new long[alphabetSize];
        _size = alphabetSize;
    }

    private DenseCounts(int size, bool grows)
    {
        _counts = size == 0 ? [] : new long[size];
        _size = size;
        GrowsAlphabet = grows;
    }

    /// <summary>
    /// An empty table whose alphabet grows: K starts at <paramref name="alphabetSize"/> (0 by default) and becomes s + 1 when a
    /// symbol s ≥ K is added (with any count, 0 included). Symbols are meant to be small dense codes: K is an array length.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">alphabetSize is negative.</exception>
    /// <param name="alphabetSize">The initial K (≥ 0); the table grows as larger symbols are added.</param>
    public static DenseCounts Growable(int alphabetSize = 0)
    {
        if (alphabetSize < 0) ThrowHelper.ThrowArgumentOutOfRange(nameof(alphabetSize), alphabetSize, "an alphabet size must be ≥ 0");
        return new DenseCounts(alphabetSize, grows: true);
    }

    /// <summary>An empty table for bytes (declared K = 256).</summary>
    public static DenseCounts ForBytes() => new(256);

    /// <summary>K, the number of symbols 0 … K−1: declared, or 1 + the largest symbol added to a growing table (0 when none).</summary>
    public int AlphabetSize => _size;

    /// <summary>Whether the alphabet grows when a symbol ≥ K is added (<see cref="Growable"/>) rather than being declared.</summary>
    public bool GrowsAlphabet { get; private set; }

    /// <summary>N, the number of observations: the sum of all counts.</summary>
    public long Total { get; private set; }

    /// <summary>The number of symbols seen at least once.</summary>
    public int Distinct
    {
        get
        {
            int distinct = 0;
            foreach (long c in Counts) if (c > 0) distinct++;
            return distinct;
        }
    }

    /// <summary>The count of every symbol 0 … K−1, indexed by symbol.</summary>
    public ReadOnlySpan<long> Counts => _counts.AsSpan(0, _size);

    /// <summary>The count of <paramref name="symbol"/>; 0 for a symbol beyond a growing table's K.</summary>
    /// <exception cref="ArgumentOutOfRangeException">symbol is negative, or outside a declared alphabet.</exception>
    /// <param name="symbol">The symbol, ≥ 0 (and &lt; K for a declared alphabet).</param>
    public long this[int symbol]
    {
        get
        {
            if ((uint)symbol < (uint)_size) return _counts[symbol];
            if (symbol < 0 || !GrowsAlphabet) ThrowOutside(nameof(symbol), symbol);
            return 0;
        }
    }

    /// <summary>Counts <paramref name="symbol"/> <paramref name="count"/> times (once by default); a growing table grows to hold it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">symbol is negative or outside a declared alphabet, or count is negative.</exception>
    /// <exception cref="OverflowException">The total exceeds 2^63 − 1.</exception>
    /// <param name="count">How many times (≥ 0).</param>
    /// <param name="symbol">The symbol observed, ≥ 0 (and &lt; K for a declared alphabet; a growing table grows).</param>
    public void Add(int symbol, long count = 1)
    {
        if ((uint)symbol >= (uint)_size && (symbol < 0 || !GrowsAlphabet)) ThrowOutside(nameof(symbol), symbol);
        if (count < 0) ThrowHelper.ThrowArgumentOutOfRange(nameof(count), count, "a count must be ≥ 0");
        long total = checked(Total + count);
        if (symbol >= _size) Grow(symbol + 1);
        _counts[symbol] += count; // ≤ total, so it cannot overflow
        Total = total;
    }

    /// <summary>Counts every symbol of <paramref name="symbols"/> once; a growing table grows to hold the largest.</summary>
    /// <exception cref="ArgumentException">A symbol is negative or outside a declared alphabet (nothing of this call is counted then).</exception>
    /// <param name="symbols">The observations, each ≥ 0, each counted once.</param>
    public void AddRange(ReadOnlySpan<int> symbols)
    {
        int max = -1;
        for (int i = 0; i < symbols.Length; i++)
        {
            int s = symbols[i];
            if (s > max) max = s;
            if ((uint)s >= (uint)_size && (s < 0 || !GrowsAlphabet))
                ThrowHelper.ThrowArgument(nameof(symbols), $"symbols[{i}] = {s} is outside the alphabet {Describe()}.");
        }
        long total = checked(Total + symbols.Length);
        if (max >= _size) Grow(max + 1);
        foreach (int s in symbols) _counts[s]++;
        Total = total;
    }

    /// <summary>
    /// Adds every count of <paramref name="other"/> into this table (this := this + other, exactly as <see cref="Merge"/>): the
    /// alphabets merge by the rule of <see cref="Merge"/>, so a growing table merged with a declared one becomes declared.
    /// </summary>
    /// <exception cref="ArgumentException">The alphabets are incompatible (see <see cref="Merge"/>); this table is unchanged then.</exception>
    /// <exception cref="OverflowException">The total exceeds 2^63 − 1.</exception>
    /// <param name="other">The table to add in (not modified).</param>
    public void MergeFrom(DenseCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        int size = Extent.Merge(_size, GrowsAlphabet, other._size, other.GrowsAlphabet, "the alphabet");
        long total = checked(Total + other.Total);
        if (size > _size) Grow(size);
        var from = other.Counts;
        for (int i = 0; i < from.Length; i++) _counts[i] += from[i]; // each ≤ total
        Total = total;
        GrowsAlphabet &= other.GrowsAlphabet;
    }

    /// <summary>
    /// A new table with the counts of <paramref name="a"/> and <paramref name="b"/> added: associative and commutative, and merging
    /// the tables of the parts of a sequence gives the table of the whole. Alphabets: two growing ones give a growing one of size
    /// max(K_a, K_b); a growing one merges into a declared one it fits in (the result is declared); two declared ones must be equal.
    /// </summary>
    /// <exception cref="ArgumentException">Two declared alphabets differ, or a growing one is larger than the declared one.</exception>
    /// <exception cref="OverflowException">The total exceeds 2^63 − 1.</exception>
    /// <param name="a">The first table (not modified).</param>
    /// <param name="b">The second table (not modified).</param>
    public static DenseCounts Merge(DenseCounts a, DenseCounts b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int size = Extent.Merge(a._size, a.GrowsAlphabet, b._size, b.GrowsAlphabet, "the alphabet");
        var merged = new DenseCounts(size, a.GrowsAlphabet && b.GrowsAlphabet);
        merged.MergeFrom(a);
        merged.MergeFrom(b);
        return merged;
    }

    /// <summary>Makes K = <paramref name="size"/> (larger than now), growing the array geometrically so adding symbols one by one stays linear.</summary>
    private void Grow(int size)
    {
        if (size > _counts.Length)
            Array.Resize(ref _counts, (int)Extent.GrowCapacity(_counts.Length, size, Array.MaxLength));
        _size = size;
    }

    private string Describe() => GrowsAlphabet ? "of a growing table (symbols must be ≥ 0)" : $"0 … {_size - 1}";

    private void ThrowOutside(string paramName, int symbol) =>
        ThrowHelper.ThrowArgumentOutOfRange(paramName, symbol, GrowsAlphabet ? "a symbol must be ≥ 0" : $"a symbol must be in 0 … {_size - 1}");
}
