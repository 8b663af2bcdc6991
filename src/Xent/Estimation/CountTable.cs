namespace Xent.Estimation;

/// <summary>
/// Counts of symbols of any type: how many times each distinct symbol was seen. Mergeable, so counting can be split across
/// threads, processes and machines and the parts combined: <see cref="Merge"/> is associative and commutative, and merging the
/// tables of the parts gives exactly the table of the whole. Serializable as JSON (<see cref="WriteJson"/>, docs/formats/count-table.md).
/// </summary>
/// <remarks>Not thread-safe: give each thread its own table and merge them. Counts are 64-bit; an overflow throws <see cref="OverflowException"/>.
/// Symbols with count 0 are not stored.</remarks>
/// <typeparam name="TSymbol">The symbol type (strings, ints, tuples, …), compared with the table's equality comparer.</typeparam>
public sealed partial class CountTable<TSymbol> where TSymbol : notnull
{
    private readonly Dictionary<TSymbol, long> _counts;

    /// <summary>An empty table comparing symbols with <paramref name="comparer"/> (default equality when null).</summary>
    public CountTable(IEqualityComparer<TSymbol>? comparer = null)
    {
        _counts = new Dictionary<TSymbol, long>(comparer);
        Entries = _counts.AsReadOnly();
    }

    /// <summary>The equality comparer for symbols.</summary>
    public IEqualityComparer<TSymbol> Comparer => _counts.Comparer;

    /// <summary>N, the number of observations: the sum of all counts.</summary>
    public long Total { get; private set; }

    /// <summary>The number of distinct symbols seen (each with a count ≥ 1).</summary>
    public int Distinct => _counts.Count;

    /// <summary>The count of <paramref name="symbol"/>; 0 if never seen.</summary>
    public long this[TSymbol symbol] => _counts.TryGetValue(symbol, out long c) ? c : 0;

    /// <summary>The distinct symbols and their counts (a read-only view, in no particular order).</summary>
    public IReadOnlyDictionary<TSymbol, long> Entries { get; }

    /// <summary>Counts <paramref name="symbol"/> <paramref name="count"/> times (once by default). A count of 0 changes nothing.</summary>
    /// <exception cref="ArgumentOutOfRangeException">count is negative.</exception>
    /// <exception cref="OverflowException">The total exceeds 2^63 − 1.</exception>
    public void Add(TSymbol symbol, long count = 1)
    {
        if (count < 0) ThrowHelper.ThrowArgumentOutOfRange(nameof(count), count, "a count must be ≥ 0");
        if (count == 0) return;
        Total = checked(Total + count);
        ref long slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_counts, symbol, out _);
        slot += count;
    }

    /// <summary>Counts every symbol of <paramref name="symbols"/> once.</summary>
    public void AddRange(ReadOnlySpan<TSymbol> symbols)
    {
        foreach (var symbol in symbols) Add(symbol);
    }

    /// <summary>Counts every symbol of <paramref name="symbols"/> once (streaming: the sequence is enumerated once).</summary>
    public void AddRange(IEnumerable<TSymbol> symbols)
    {
        foreach (var symbol in symbols) Add(symbol);
    }

    /// <summary>Adds every count of <paramref name="other"/> into this table (this := this + other). <paramref name="other"/> is unchanged.</summary>
    /// <exception cref="OverflowException">The total exceeds 2^63 − 1.</exception>
    public void MergeFrom(CountTable<TSymbol> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (symbol, count) in other._counts) Add(symbol, count);
    }

    /// <summary>A new table with the counts of <paramref name="a"/> and <paramref name="b"/> added (using a's comparer): associative and commutative.</summary>
    public static CountTable<TSymbol> Merge(CountTable<TSymbol> a, CountTable<TSymbol> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        var merged = new CountTable<TSymbol>(a.Comparer);
        merged.MergeFrom(a);
        merged.MergeFrom(b);
        return merged;
    }

    /// <summary>
    /// The counts as an array for <see cref="EntropyEstimators"/>, in the order of <see cref="SortedSymbols"/>
    /// (so the same table always gives the same array).
    /// </summary>
    public long[] ToCounts()
    {
        var symbols = SortedSymbols();
        var counts = new long[symbols.Length];
        for (int i = 0; i < symbols.Length; i++) counts[i] = _counts[symbols[i]];
        return counts;
    }

    /// <summary>
    /// The distinct symbols in a stable order: ordinal order for strings, the natural order for types that implement
    /// <see cref="IComparable{T}"/>, and first-seen order otherwise.
    /// </summary>
    public TSymbol[] SortedSymbols()
    {
        var symbols = _counts.Keys.ToArray();
        if (symbols is string[] strings) Array.Sort(strings, StringComparer.Ordinal);
        else if (typeof(IComparable<TSymbol>).IsAssignableFrom(typeof(TSymbol)) || typeof(IComparable).IsAssignableFrom(typeof(TSymbol)))
            Array.Sort(symbols, Comparer<TSymbol>.Default);
        return symbols;
    }
}
