using Xent.Estimation;

namespace Xent.Data;

/// <summary>
/// The counts of categorical columns of a table: every distinct value of a column (exact, ordinal comparison) is a category,
/// numbered in first-seen order, and cell (x, y, …) of the <see cref="Table"/> counts the rows with those values. What the
/// information measures of columns (<c>Joint.*</c>, <c>Discrete.Entropy(long)</c>) take.
/// </summary>
/// <param name="Table">The k-way contingency table, one axis per column in the order asked for.</param>
/// <param name="Categories">The category names of each column, indexed by code.</param>
public sealed record TableCounts(ContingencyTable Table, IReadOnlyList<CategoryEncoder<string>> Categories)
{
    /// <summary>
    /// Streams the named columns of <paramref name="table"/> and counts their value combinations, in memory bounded by the
    /// table of counts (not the rows). An empty field is a category like any other (the empty string).
    /// </summary>
    /// <param name="table">The source.</param>
    /// <param name="columns">One or more column names; the table gets one axis per name.</param>
    /// <param name="maxCells">The largest table to build (default <see cref="ContingencyTable.DefaultMaxCells"/>).</param>
    /// <exception cref="DataException">A column is unknown or duplicated, the table has no data rows, a row is malformed, or the
    /// columns have so many categories that the table would pass <paramref name="maxCells"/>
    /// (<see cref="DataErrorKind.TooManyCategories"/>).</exception>
    public static TableCounts Count(TableReader table, IReadOnlyList<string> columns, long maxCells = ContingencyTable.DefaultMaxCells)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(columns);
        var counter = new ContingencyCounter<string>(columns.Count, StringComparer.Ordinal, maxCells);
        using var rows = table.ReadColumns(columns, BadRows.Stop());
        var values = new string[columns.Count];
        while (rows.Read())
        {
            for (int i = 0; i < values.Length; i++) values[i] = rows.GetString(i);
            if (!counter.TryAdd(values))
                throw new DataException(new DataError(DataErrorKind.TooManyCategories, table.Source, rows.Line, null, null,
                    $"the columns have at least {string.Join(" × ", counter.PendingShape())} categories, a table of more than {maxCells} cells; are they really categorical?"));
        }
        return new TableCounts(counter.Table, counter.Categories);
    }
}
