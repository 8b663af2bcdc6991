using System.Diagnostics.CodeAnalysis;

namespace Xent.Estimation;

/// <summary>
/// Counts of symbols of any type: how many times each distinct symbol was seen. Mergeable, so counting can be split across
/// threads, processes and machines and the parts combined: <see cref="Merge"/> is associative and commutative, and merging the
/// tables of the parts gives exactly the table of the whole; tables built with different comparers are refused, since which
/// symbols are "the same" would depend on the order of the merge. Serializable as JSON (<see cref="WriteJson"/>) and in the
/// count-table binary format (<see cref="WriteTo"/>) for the symbol types listed there (docs/formats/count-table.md).
/// </summary>
/// <remarks>Two tables are equal when every symbol has the same count in both (under the comparer): with a comparer coarser than
/// the symbols' identity (<see cref="StringComparer.OrdinalIgnoreCase"/>), the stored spelling of a class is the first one the table
/// saw, which may depend on the order of merges; the counts do not. Not thread-safe: give each thread its own table and merge them. Counts are 64-bit; an overflow throws <see cref="OverflowException"/>.
/// Symbols with count 0 are not stored.</remarks>
/// <typeparam name="TSymbol">The symbol type (strings, ints, tuples, …), compared with the table's equality comparer.</typeparam>
public sealed partial class CountTable<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSymbol> where TSymbol : notnull
{
    private readonly Dictionary<TSymbol, long> _counts;

    /// <summary>
    /// An empty table comparing symbols with <paramref name="comparer"/> (default equality when null; for strings the default
    /// and <see cref="StringComparer.Ordinal"/> are the same comparison and both become <see cref="StringComparer.Ordinal"/>).
    /// </summary>
    /// <param name="comparer">How symbols are compared; null uses the default comparer (ordinal for strings).</param>
    public CountTable(IEqualityComparer<TSymbol>? comparer = null)
    {
        if (typeof(TSymbol) == typeof(string) && (comparer is null || ReferenceEquals(comparer, EqualityComparer<string>.Default)))
            comparer = (IEqualityComparer<TSymbol>)StringComparer.Ordinal;
        _counts = new Dictionary<TSymbol, long>(comparer);
        Entries = _counts.AsReadOnly();
    }

    /// <summary>The equality comparer for symbols.</summary>
    public IEqualityComparer<TSymbol> Comparer => _counts.Comparer;

    /// <summary>Refuses to combine tables whose comparers differ (a table merged with itself or an equal comparer is fine).</summary>
    private static void CheckComparers(CountTable<TSymbol> a, CountTable<TSymbol> b, string first, string second)
    {
        if (!ReferenceEquals(a.Comparer, b.Comparer) && !a.Comparer.Equals(b.Comparer))
            ThrowHelper.ThrowArgument(second,
                $"{first} compares symbols with {Describe(a.Comparer)} but {second} with {Describe(b.Comparer)}; tables built with different comparers cannot be merged (the result would depend on the order of the merge).");
    }

    private static string Describe(IEqualityComparer<TSymbol> comparer) => comparer switch
    {
        _ when ReferenceEquals(comparer, StringComparer.Ordinal) => "StringComparer.Ordinal",
        _ when ReferenceEquals(comparer, StringComparer.OrdinalIgnoreCase) => "StringComparer.OrdinalIgnoreCase",
        _ when ReferenceEquals(comparer, StringComparer.InvariantCulture) => "StringComparer.InvariantCulture",
        _ when ReferenceEquals(comparer, StringComparer.InvariantCultureIgnoreCase) => "StringComparer.InvariantCultureIgnoreCase",
        _ when ReferenceEquals(comparer, EqualityComparer<TSymbol>.Default) => $"EqualityComparer<{typeof(TSymbol).Name}>.Default",
        _ => comparer.GetType().FullName ?? comparer.GetType().Name,
    };

    /// <summary>N, the number of observations: the sum of all counts.</summary>
    public long Total { get; private set; }

    /// <summary>The number of distinct symbols seen (each with a count ≥ 1).</summary>
    public int Distinct => _counts.Count;

    /// <summary>The count of <paramref name="symbol"/>; 0 if never seen.</summary>
    /// <param name="symbol">The symbol to look up (not null).</param>
    public long this[TSymbol symbol] => _counts.TryGetValue(symbol, out long c) ? c : 0;

    /// <summary>The distinct symbols and their counts (a read-only view, in no particular order).</summary>
    public IReadOnlyDictionary<TSymbol, long> Entries { get; }

    /// <summary>Counts <paramref name="symbol"/> <paramref name="count"/> times (once by default). A count of 0 changes nothing.</summary>
    /// <exception cref="ArgumentOutOfRangeException">count is negative.</exception>
    /// <exception cref="OverflowException">The total exceeds 2^63 − 1.</exception>
    /// <param name="count">How many times (≥ 0).</param>
    /// <param name="symbol">The symbol observed (not null).</param>
    public void Add(TSymbol symbol, long count = 1)
    {
        if (count < 0) ThrowHelper.ThrowArgumentOutOfRange(nameof(count), count, "a count must be ≥ 0");
        if (count == 0) return;
        Total = checked(Total + count);
        ref long slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_counts, symbol, out _);
        slot += count;
    }

    /// <summary>Counts every symbol of <paramref name="symbols"/> once.</summary>
    /// <param name="symbols">The observations, each counted once.</param>
    public void AddRange(ReadOnlySpan<TSymbol> symbols)
    {
        foreach (var symbol in symbols) Add(symbol);
    }

    /// <summary>Counts every symbol of <paramref name="symbols"/> once (streaming: the sequence is enumerated once).</summary>
    /// <param name="symbols">The observations, each counted once; enumerated once and not kept.</param>
    public void AddRange(IEnumerable<TSymbol> symbols)
    {
        foreach (var symbol in symbols) Add(symbol);
    }

    /// <summary>Adds every count of <paramref name="other"/> into this table (this := this + other). <paramref name="other"/> is unchanged.</summary>
    /// <exception cref="ArgumentException">The two tables compare symbols with different comparers (the message names both); nothing is added.</exception>
    /// <exception cref="OverflowException">The total exceeds 2^63 − 1; nothing is added.</exception>
    /// <param name="other">The table to add in (not modified).</param>
    public void MergeFrom(CountTable<TSymbol> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        CheckComparers(this, other, "this table", nameof(other));
        checked { _ = Total + other.Total; }
        if (ReferenceEquals(other, this))
        {
            foreach (var symbol in _counts.Keys.ToArray()) _counts[symbol] *= 2;
            Total *= 2;
            return;
        }
        foreach (var (symbol, count) in other._counts) Add(symbol, count);
    }

    /// <summary>
    /// A new table with the counts of <paramref name="a"/> and <paramref name="b"/> added: associative and commutative, and merging
    /// the tables of the parts of a sequence gives the table of the whole. Both must use the same comparer (the result does too).
    /// </summary>
    /// <exception cref="ArgumentException">The tables compare symbols with different comparers (the message names both).</exception>
    /// <exception cref="OverflowException">The total exceeds 2^63 − 1.</exception>
    /// <param name="a">The first table (not modified); its comparer is the result's.</param>
    /// <param name="b">The second table (not modified).</param>
    public static CountTable<TSymbol> Merge(CountTable<TSymbol> a, CountTable<TSymbol> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        CheckComparers(a, b, nameof(a), nameof(b));
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
