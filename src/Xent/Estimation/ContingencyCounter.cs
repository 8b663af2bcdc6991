namespace Xent.Estimation;

/// <summary>
/// Counts rows of k categorical values into a growing <see cref="ContingencyTable"/>: each variable has its own
/// <see cref="CategoryEncoder{T}"/> (codes in first-seen order), and each row adds one to the cell of its codes. Streaming: rows
/// are consumed one at a time (from a table reader, any <see cref="IEnumerable{T}"/> of rows), memory is the table and the
/// category names. The cell limit stops high-cardinality columns early, at the row that would pass it.
/// </summary>
/// <typeparam name="T">The value type (strings for text columns).</typeparam>
public sealed class ContingencyCounter<T> where T : notnull
{
    private readonly CategoryEncoder<T>[] _encoders;
    private readonly int[] _codes;

    /// <summary>A counter for rows of <paramref name="variables"/> values, comparing values with <paramref name="comparer"/>
    /// (ordinal for strings when null), whose table may have up to <paramref name="maxCells"/> cells.</summary>
    /// <exception cref="ArgumentOutOfRangeException">variables is outside 1 … <see cref="ContingencyTable.MaxRank"/>, or maxCells outside 1 … Array.MaxLength.</exception>
    /// <param name="variables">The number of variables k per row, 1 … <see cref="ContingencyTable.MaxRank"/>.</param>
    /// <param name="comparer">How values are compared, shared by all variables; null uses the default comparer (ordinal for strings).</param>
    /// <param name="maxCells">The most cells the table may grow to (1 … Array.MaxLength); bounds the memory at 8 bytes a cell.</param>
    public ContingencyCounter(int variables, IEqualityComparer<T>? comparer = null, long maxCells = ContingencyTable.DefaultMaxCells)
    {
        if (variables < 1 || variables > ContingencyTable.MaxRank)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(variables), variables, $"a contingency table has 1 … {ContingencyTable.MaxRank} variables");
        Table = ContingencyTable.Growable(variables, maxCells);
        _encoders = new CategoryEncoder<T>[variables];
        for (int i = 0; i < variables; i++) _encoders[i] = new CategoryEncoder<T>(comparer);
        _codes = new int[variables];
    }

    /// <summary>The counts so far: a growing table whose shape is the number of categories of each variable.</summary>
    public ContingencyTable Table { get; }

    /// <summary>The code book of each variable.</summary>
    public IReadOnlyList<CategoryEncoder<T>> Categories => _encoders;

    /// <summary>Counts one row.</summary>
    /// <exception cref="ArgumentException">The row does not have k values, or its new categories would pass the cell limit
    /// (the message gives the shape; nothing of the row is counted or encoded then).</exception>
    /// <param name="row">One value per variable, in variable order (exactly k values, none null).</param>
    public void Add(ReadOnlySpan<T> row)
    {
        if (!TryAdd(row))
            ThrowHelper.ThrowArgument(nameof(row),
                $"the values have at least {ContingencyTable.Show(PendingShape())} categories, more than the limit of {Table.MaxCells} cells allows.");
    }

    /// <summary>Counts one row, or returns false (counting and encoding nothing) when its new categories would pass the cell limit.</summary>
    /// <exception cref="ArgumentException">The row does not have k values.</exception>
    /// <param name="row">One value per variable, in variable order (exactly k values, none null).</param>
    public bool TryAdd(ReadOnlySpan<T> row)
    {
        if (row.Length != _encoders.Length)
            ThrowHelper.ThrowArgument(nameof(row), $"row has {row.Length} values but the counter has {_encoders.Length} variables.");
        for (int i = 0; i < row.Length; i++) _codes[i] = _encoders[i].Peek(row[i]);
        if (!Table.TryAdd(_codes)) return false;
        for (int i = 0; i < row.Length; i++)
            if (_codes[i] == _encoders[i].Count) _encoders[i].AddNew(row[i]);
        return true;
    }

    /// <summary>Counts every row of <paramref name="rows"/> (enumerated once; a reader may reuse one array for every row).</summary>
    /// <exception cref="ArgumentException">A row does not have k values or passes the cell limit (the rows before it stay counted).</exception>
    /// <param name="rows">The rows, each of exactly k values; an array is read when yielded and not kept.</param>
    public void AddRange(IEnumerable<T[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows) Add(row);
    }

    /// <summary>The shape the table needs for the last row given to <see cref="TryAdd"/>: after a refused row, the shape that
    /// passed the cell limit (for a message); after a counted row, the table's shape.</summary>
    public int[] PendingShape()
    {
        var shape = Table.Shape.ToArray();
        for (int i = 0; i < shape.Length; i++) shape[i] = Math.Max(shape[i], _codes[i] + 1);
        return shape;
    }
}
