namespace Xent.Data;

/// <summary>
/// Numeric feature columns of a table as a row-major matrix, with an optional label column and each row's line: what
/// <c>Xent.Learning</c> fits and evaluates on. Bad rows (a missing or non-finite value, a missing label, the wrong number of
/// fields) go to the <see cref="BadRows"/> policy.
/// </summary>
public sealed class FeatureMatrix
{
    private FeatureMatrix(string source, string[] columns, double[] values, string[]? labels, long[] lines)
    {
        Source = source;
        ColumnNames = columns;
        Values = values;
        Labels = labels;
        Lines = lines;
    }

    /// <summary>The table the rows came from.</summary>
    public string Source { get; }

    /// <summary>The feature columns, in matrix order.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>The number of rows kept (≥ 1).</summary>
    public int Rows => Lines.Length;

    /// <summary>The number of feature columns.</summary>
    public int Columns => ColumnNames.Count;

    /// <summary>The features, row-major: row i is <c>Values[i·Columns .. (i+1)·Columns)</c>. Every value is finite.</summary>
    public double[] Values { get; }

    /// <summary>Each row's label (trimmed, non-empty; equal labels share one string), or null when no label column was read.</summary>
    public string[]? Labels { get; }

    /// <summary>Each row's line in the source (see <see cref="RowCursor.Line"/>), for messages about a row.</summary>
    public long[] Lines { get; }

    /// <summary>Row <paramref name="i"/>'s features.</summary>
    /// <param name="i">The row index, 0 ≤ i &lt; Rows (not the file's line number; see Lines).</param>
    public ReadOnlySpan<double> Row(int i) => Values.AsSpan(i * Columns, Columns);

    /// <summary>
    /// Reads the named numeric columns (and the label column) of <paramref name="table"/>, streaming: memory holds the matrix
    /// being built (in chunks, copied once into <see cref="Values"/>), never the table's text.
    /// </summary>
    /// <param name="table">The source.</param>
    /// <param name="features">Feature columns, by name.</param>
    /// <param name="label">The label column, or null for none.</param>
    /// <param name="badRows">The bad-row policy and its tally.</param>
    /// <exception cref="DataException">A column is unknown, the table cannot be read, a row is bad under
    /// <see cref="BadRowPolicy.Stop"/>, or every row was skipped (<see cref="DataErrorKind.NoUsableRows"/>).</exception>
    public static FeatureMatrix Read(TableReader table, IReadOnlyList<string> features, string? label, BadRows badRows)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(features);
        int d = features.Count;
        using var cursor = table.ReadColumns(label is null ? features : [.. features, label], badRows);
        var values = new ChunkedBuffer<double>();
        var labels = label is null ? null : new ChunkedBuffer<string>();
        var lines = new ChunkedBuffer<long>();
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        var row = new double[d];
        while (cursor.Read())
        {
            if (!ReadRow(cursor, row)) continue;
            if (labels is not null)
            {
                if (!cursor.TryGetText(d, out var text, "label")) continue;
                if (!lookup.TryGetValue(text, out string? name))
                {
                    name = new string(text);
                    pool.Add(name, name);
                }
                labels.Add(name);
            }
            values.Add(row);
            lines.Add(cursor.Line);
        }
        if (lines.Count == 0)
            throw new DataException(new DataError(DataErrorKind.NoUsableRows, table.Source, null, null, null, $"no usable rows ({badRows.Skipped} skipped)"));
        return new FeatureMatrix(table.Source, [.. features], values.ToArray(), labels?.ToArray(), lines.ToArray());
    }

    private static bool ReadRow(RowCursor cursor, double[] row)
    {
        for (int j = 0; j < row.Length; j++)
            if (!cursor.TryGetDouble(j, out row[j])) return false;
        return true;
    }
}
