namespace Xent.Data;

/// <summary>
/// A table with named columns that can be read row by row: a CSV file (<see cref="CsvTableReader"/>), a Parquet file
/// (<see cref="ParquetTableReader"/>) or an SQL query (<see cref="SqlTableReader"/>). The schema is the column names; <see cref="ReadColumns"/> picks columns by name and returns a
/// <see cref="RowCursor"/> that streams their values, so memory does not grow with the table.
/// </summary>
/// <remarks>
/// A source implements <see cref="OpenCursor"/> (and its cursor's raw field access); finding columns by name, the bad-row
/// policy and the typed accessors with their errors are written once, here and in <see cref="RowCursor"/>.
/// </remarks>
public abstract class TableReader : IDisposable
{
    /// <summary>The table's name in error messages: a file's path as given, or a source's description.</summary>
    public abstract string Source { get; }

    /// <summary>The column names, in the source's order.</summary>
    public abstract IReadOnlyList<string> Columns { get; }

    /// <summary>Whether exactly one column is named <paramref name="name"/> (exact, case-sensitive match).</summary>
    /// <param name="name">The column name to look for (exact, case-sensitive).</param>
    public bool HasColumn(string name) => Columns.Count(c => c == name) == 1;

    /// <summary>The index of the column named <paramref name="name"/> (exact, case-sensitive match).</summary>
    /// <exception cref="DataException">The name is empty or blank, or no column has it (<see cref="DataErrorKind.UnknownColumn"/>,
    /// the message lists the columns there are), or two have (<see cref="DataErrorKind.DuplicateColumn"/>).</exception>
    /// <param name="name">The column name to look up (exact, case-sensitive; empty or blank is an error).</param>
    public int ColumnIndex(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var columns = Columns;
        if (string.IsNullOrWhiteSpace(name))
            throw new DataException(new DataError(DataErrorKind.UnknownColumn, Source, null, name, null,
                $"a column name was given empty; name one of the columns: {string.Join(", ", columns)}"));
        int index = -1;
        for (int j = 0; j < columns.Count; j++)
        {
            if (columns[j] != name) continue;
            if (index >= 0)
                throw new DataException(new DataError(DataErrorKind.DuplicateColumn, Source, null, name, null,
                    $"columns {index + 1} and {j + 1} are both named '{name}'; rename one"));
            index = j;
        }
        if (index < 0)
            throw new DataException(new DataError(DataErrorKind.UnknownColumn, Source, null, name, null,
                $"no column '{name}'; the columns are: {string.Join(", ", columns)}"));
        return index;
    }

    /// <summary>
    /// Starts reading the named columns from the first data row. Field <c>i</c> of the cursor is column
    /// <c>names[i]</c>; a name may be given twice. Each call starts a new pass over the table.
    /// </summary>
    /// <param name="names">The columns to read, by exact name.</param>
    /// <param name="badRows">The bad-row policy and its tally, shared with the caller's own checks.</param>
    /// <exception cref="DataException">A name is unknown or names two columns (see <see cref="ColumnIndex"/>).</exception>
    public RowCursor ReadColumns(IReadOnlyList<string> names, BadRows badRows)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(badRows);
        var ordinals = new int[names.Count];
        for (int i = 0; i < ordinals.Length; i++) ordinals[i] = ColumnIndex(names[i]);
        return OpenCursor(ordinals, [.. names], badRows);
    }

    /// <summary>Opens a pass over the table reading the columns at <paramref name="ordinals"/> (already checked).</summary>
    /// <param name="ordinals">The source's column indexes to read, in field order, each already checked; the array is owned by the cursor.</param>
    /// <param name="names">The columns' names, parallel to ordinals; owned by the cursor.</param>
    /// <param name="badRows">The bad-row policy the pass reports to (shared with the caller).</param>
    protected abstract RowCursor OpenCursor(int[] ordinals, string[] names, BadRows badRows);

    /// <summary>
    /// Counts the column sets of <paramref name="request"/> the source's own way (in the database, or decoded column by column),
    /// or null to be counted row by row through a cursor. The names are already checked.
    /// </summary>
    internal virtual CountSet[]? CountPushedDown(CountRequest request, int maxDegreeOfParallelism) => null;

    /// <summary>
    /// Counts the one column set of <paramref name="request"/> with numeric columns binned, the source's own way (an SQL source:
    /// in the database), or null to be read row by row (<see cref="BinnedCounts"/>). The names are already checked.
    /// </summary>
    internal virtual (CountSet Counts, BinPlan[] Plan)? CountBinnedPushedDown(CountRequest request, Binning binning) => null;

    /// <summary>Releases the source.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the source's resources.</summary>
    /// <param name="disposing">true from Dispose (release managed resources); false from a finalizer (managed objects must not be touched).</param>
    protected virtual void Dispose(bool disposing)
    {
    }
}
