using System.Runtime.InteropServices;

namespace Xent.Estimation;

/// <summary>
/// Maps values to dense category codes 0 … K−1 in first-seen order, and keeps the values (the category names) so a code can be
/// turned back into its value: the code book between raw data (strings from a table, any symbol type) and the dense tables
/// (<see cref="DenseCounts"/>, <see cref="ContingencyTable"/>). Values are compared with the encoder's equality comparer
/// (ordinal for strings unless another is given).
/// </summary>
/// <remarks>Not thread-safe. Two encoders given the same values in the same order assign the same codes; encoders fed different
/// parts of a data set do not, so tables counted with separate encoders must not be merged code by code.</remarks>
/// <typeparam name="T">The value type.</typeparam>
public sealed class CategoryEncoder<T> where T : notnull
{
    private readonly Dictionary<T, int> _codes;
    private readonly List<T> _categories = [];

    /// <summary>An empty encoder comparing values with <paramref name="comparer"/> (for strings, ordinal when null).</summary>
    /// <param name="comparer">How values are compared; null uses the default comparer (ordinal for strings).</param>
    public CategoryEncoder(IEqualityComparer<T>? comparer = null)
    {
        _codes = new Dictionary<T, int>(comparer ?? (typeof(T) == typeof(string) ? (IEqualityComparer<T>)StringComparer.Ordinal : null));
    }

    /// <summary>The equality comparer for values.</summary>
    public IEqualityComparer<T> Comparer => _codes.Comparer;

    /// <summary>K, the number of categories seen.</summary>
    public int Count => _categories.Count;

    /// <summary>The categories, indexed by code (first-seen order).</summary>
    public IReadOnlyList<T> Categories => _categories;

    /// <summary>The value whose code is <paramref name="code"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">code is outside 0 … K−1.</exception>
    /// <param name="code">The code, 0 ≤ code &lt; K (the number of distinct values seen).</param>
    public T this[int code]
    {
        get
        {
            if ((uint)code >= (uint)_categories.Count) ThrowHelper.ThrowArgumentOutOfRange(nameof(code), code, $"a code must be in 0 … {_categories.Count - 1}");
            return _categories[code];
        }
    }

    /// <summary>The code of <paramref name="value"/>, assigning the next one (K) if it is new.</summary>
    /// <param name="value">The value to encode (not null).</param>
    public int Encode(T value)
    {
        ref int code = ref CollectionsMarshal.GetValueRefOrAddDefault(_codes, value, out bool exists);
        if (!exists)
        {
            code = _categories.Count;
            _categories.Add(value);
        }
        return code;
    }

    /// <summary>The code of <paramref name="value"/> if it was seen; assigns nothing.</summary>
    /// <param name="value">The value to look up (not null).</param>
    /// <param name="code">Its code 0 … K−1 when it was seen; 0 otherwise.</param>
    public bool TryGetCode(T value, out int code) => _codes.TryGetValue(value, out code);

    /// <summary>The code <paramref name="value"/> has or would get (K if new); assigns nothing.</summary>
    internal int Peek(T value) => _codes.TryGetValue(value, out int code) ? code : _categories.Count;

    internal Dictionary<T, int> Codes => _codes;

    internal void AddNew(T value)
    {
        _codes.Add(value, _categories.Count);
        _categories.Add(value);
    }
}

/// <summary>Operations on <see cref="CategoryEncoder{T}"/> of strings that read characters without making a string of each.</summary>
public static class CategoryEncoder
{
    /// <summary>
    /// The code of the string <paramref name="value"/>, assigning the next one if it is new; a string is allocated only for a new
    /// category when the encoder's comparer supports span lookups (ordinal and the other framework string comparers do).
    /// </summary>
    /// <param name="encoder">The encoder of string categories to look up and extend.</param>
    /// <param name="value">The category's text; a string is allocated only the first time it is seen.</param>
    public static int Encode(this CategoryEncoder<string> encoder, ReadOnlySpan<char> value)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        if (encoder.Codes.TryGetAlternateLookup<ReadOnlySpan<char>>(out var lookup))
        {
            if (lookup.TryGetValue(value, out int code)) return code;
            encoder.AddNew(new string(value));
            return encoder.Count - 1;
        }
        return encoder.Encode(new string(value));
    }
}
