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
    /// table of counts (not the rows). Values are trimmed of surrounding white space; an empty (or blank) field is a missing
    /// value, as it is for every reader of the table (<see cref="RowCursor.TryGetText"/>, pandas' NaN): its row goes to the
    /// bad-row policy — stop by default, or skipped and counted.
    /// </summary>
    /// <param name="table">The source.</param>
    /// <param name="columns">One or more column names; the table gets one axis per name.</param>
    /// <param name="maxCells">The largest table to build (default <see cref="ContingencyTable.DefaultMaxCells"/>).</param>
    /// <param name="badRows">The bad-row policy and its tally (default <see cref="BadRows.Stop"/>).</param>
    /// <exception cref="DataException">A column is unknown or duplicated, the table has no data rows, a row is malformed or has
    /// a missing value (under the stop policy), every row was skipped (<see cref="DataErrorKind.NoUsableRows"/>), or the
    /// columns have so many categories that the table would pass <paramref name="maxCells"/>
    /// (<see cref="DataErrorKind.TooManyCategories"/>).</exception>
    public static TableCounts Count(TableReader table, IReadOnlyList<string> columns, long maxCells = ContingencyTable.DefaultMaxCells,
        BadRows? badRows = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(columns);
        badRows ??= BadRows.Stop();
        var counter = new ContingencyCounter<string>(columns.Count, StringComparer.Ordinal, maxCells);
        using var rows = table.ReadColumns(columns, badRows);
        var values = new string[columns.Count];
        long used = 0;
        while (rows.Read())
        {
            bool complete = true;
            for (int i = 0; i < values.Length && complete; i++) complete = rows.TryGetString(i, out values[i]);
            if (!complete) continue;
            if (!counter.TryAdd(values))
                throw new DataException(new DataError(DataErrorKind.TooManyCategories, table.Source, rows.Line, null, null,
                    $"the columns have at least {string.Join(" × ", counter.PendingShape())} categories, a table of more than {maxCells} cells; are they really categorical?"));
            used++;
        }
        if (used == 0)
            throw new DataException(new DataError(DataErrorKind.NoUsableRows, table.Source, null, null, null,
                $"no usable rows: all {badRows.Skipped} had a missing or bad value" + (badRows.FirstReason is { } first ? $" (first: {first})" : "")));
        return new TableCounts(counter.Table, counter.Categories);
    }
}
