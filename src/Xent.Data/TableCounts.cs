using Xent.Estimation;

namespace Xent.Data;

/// <summary>
/// The counts of categorical columns of a table: every distinct value of a column (exact, ordinal comparison, surrounding white
/// space trimmed) is a category, and cell (x, y, …) of the <see cref="Table"/> counts the rows with those values. What the
/// information measures of columns (<c>Joint.*</c>, <c>Discrete.Entropy(long)</c>) take.
/// </summary>
/// <remarks>
/// Where the counting happens depends on the source, never the result: a CSV file is streamed row by row; a Parquet file is
/// decoded row group by row group, column by column, on every core, each row group's counts merged in file order; an SQL
/// source (<see cref="SqlTableReader"/>) counts in the database with one <c>GROUP BY</c> query per table of counts and sends
/// back only the groups (docs/data-sources.md lists the queries). Categories are numbered in first-seen order for a file read
/// row by row (CSV), row group by row group for Parquet, and in the query's (sorted) order for SQL; the cells hold the same
/// numbers whatever the order.
/// </remarks>
/// <param name="Table">The k-way contingency table, one axis per column in the order asked for.</param>
/// <param name="Categories">The category names of each column, indexed by code.</param>
public sealed record TableCounts(ContingencyTable Table, IReadOnlyList<CategoryEncoder<string>> Categories)
{
    /// <summary>The name of the missing-value category under <see cref="MissingValues.Category"/>: the empty string, which no
    /// present value is (values are trimmed, and a blank value is missing).</summary>
    public const string MissingCategory = "";

    /// <summary>For each column, the number of rows read whose value in it was missing (empty or blank text, NULL), whatever
    /// the policy did with them.</summary>
    public IReadOnlyList<long> Missing { get; init; } = [];

    /// <summary>What was found of each column, in the order asked for: its inferred type (<see cref="ColumnTypes"/>; from its
    /// distinct values, or for binned counts as the bins were chosen), its missing values, its categories or bins.</summary>
    public IReadOnlyList<CountedColumn> Columns { get; init; } = [];

    /// <summary>
    /// Counts the value combinations of the named columns of <paramref name="table"/>, in memory bounded by the table of
    /// counts (not the rows). A missing value (an empty or blank field, a NULL) is handled by <paramref name="missing"/>: by
    /// default its row goes to the bad-row policy — stop, or skipped and counted.
    /// </summary>
    /// <param name="table">The source.</param>
    /// <param name="columns">One or more column names; the table gets one axis per name.</param>
    /// <param name="maxCells">The largest table to build (default <see cref="ContingencyTable.DefaultMaxCells"/>).</param>
    /// <param name="badRows">The bad-row policy and its tally (default <see cref="BadRows.Stop"/>).</param>
    /// <param name="missing">What a missing value does (default: its row is bad).</param>
    /// <param name="binning">Null to count every distinct value as a category; otherwise the numeric columns (inferred by
    /// <see cref="ColumnTypes"/>) are cut into bins by <see cref="QuantileBins"/> and the bins counted, the other columns
    /// counted by value (pushed into the database for an SQL source: docs/data-sources.md lists the queries). Under
    /// <see cref="MissingValues.Skip"/> and the bad-row policy, types and cut points come from the rows kept (no value missing
    /// in a counted column); under <see cref="MissingValues.Category"/> from each column's present values, a missing value
    /// being a bin of its own (the last, labelled <see cref="MissingCategory"/>).</param>
    /// <exception cref="DataException">A column is unknown or duplicated, the table has no data rows, a row is malformed or has
    /// a missing value (under the stop policy), every row was skipped (<see cref="DataErrorKind.NoUsableRows"/>), the columns
    /// have so many categories that the table would pass <paramref name="maxCells"/> (<see cref="DataErrorKind.TooManyCategories"/>),
    /// or the source fails (<see cref="DataErrorKind.QueryFailed"/>, <see cref="DataErrorKind.MalformedFile"/>).</exception>
    public static TableCounts Count(TableReader table, IReadOnlyList<string> columns, long maxCells = ContingencyTable.DefaultMaxCells,
        BadRows? badRows = null, MissingValues missing = MissingValues.BadRow, Binning? binning = null) =>
        binning is null ? CountMany(table, [columns], maxCells, badRows, missing)[0]
        : BinnedCounts.Count(table, columns, binning, maxCells, badRows ?? BadRows.Stop(), missing);

    /// <summary>
    /// Counts several tables of columns in one pass over <paramref name="table"/> (one query each for an SQL source): e.g. every
    /// feature with the target, <c>[[f₁, y], [f₂, y], …]</c>, for the mutual information of each. Each column is read once.
    /// Under <see cref="MissingValues.BadRow"/> a missing value in any column asked for makes its row bad for every table;
    /// under <see cref="MissingValues.Skip"/> a table leaves out the rows missing one of its own columns.
    /// </summary>
    /// <param name="table">The source.</param>
    /// <param name="sets">The column lists, one table of counts each.</param>
    /// <param name="maxCells">The largest table to build, per table.</param>
    /// <param name="badRows">The bad-row policy and its tally (default <see cref="BadRows.Stop"/>).</param>
    /// <param name="missing">What a missing value does.</param>
    /// <param name="maxDegreeOfParallelism">Threads for a source counted in .NET that splits (Parquet row groups); −1 (the
    /// default) for every core. The counts do not depend on it.</param>
    /// <returns>One <see cref="TableCounts"/> per set, in order.</returns>
    /// <exception cref="DataException">As for <see cref="Count"/>.</exception>
    public static TableCounts[] CountMany(TableReader table, IReadOnlyList<IReadOnlyList<string>> sets, long maxCells = ContingencyTable.DefaultMaxCells,
        BadRows? badRows = null, MissingValues missing = MissingValues.BadRow, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(sets);
        if (sets.Count == 0) throw new ArgumentException("Give at least one set of columns.", nameof(sets));
        if (!Enum.IsDefined(missing)) throw new ArgumentOutOfRangeException(nameof(missing));
        badRows ??= BadRows.Stop();
        var request = new CountRequest(table.Source, sets, maxCells, badRows, missing);
        foreach (var set in sets)
        {
            ArgumentNullException.ThrowIfNull(set);
            if (set.Count == 0) throw new ArgumentException("Each set names at least one column.", nameof(sets));
            foreach (var name in set) table.ColumnIndex(name);
        }
        var result = table.CountPushedDown(request, maxDegreeOfParallelism) ?? CountRows(table, request);
        return [.. result.Select(r => r.Finish())];
    }

    /// <summary>Counts row by row through a cursor whatever the source (what a pushed-down count must equal).</summary>
    internal static TableCounts[] CountInMemory(TableReader table, IReadOnlyList<IReadOnlyList<string>> sets, BadRows badRows, MissingValues missing) =>
        [.. CountRows(table, new CountRequest(table.Source, sets, ContingencyTable.DefaultMaxCells, badRows, missing)).Select(r => r.Finish())];

    /// <summary>The row-by-row path: one cursor over every column asked for, each row added to every table.</summary>
    private static CountSet[] CountRows(TableReader table, CountRequest request)
    {
        var names = request.Sets.SelectMany(s => s).Distinct(StringComparer.Ordinal).ToArray();
        var index = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        var counts = request.Sets.Select(s => new CountSet(request, s)).ToArray();
        var slots = request.Sets.Select(s => s.Select(n => index[n]).ToArray()).ToArray();
        using var rows = table.ReadColumns(names, request.BadRows);
        var values = new string?[names.Length];
        var labels = new string?[request.Sets.Max(s => s.Count)];
        while (rows.Read())
        {
            bool bad = false;
            for (int j = 0; j < names.Length && !bad; j++)
            {
                var text = rows.GetSpan(j).Trim();
                if (!text.IsEmpty) values[j] = counts[0].Intern(text);
                else if (request.Missing == MissingValues.BadRow) bad = !rows.TryGetText(j, out _);
                else values[j] = null;
            }
            if (bad) continue;
            for (int s = 0; s < counts.Length; s++)
            {
                var slot = slots[s];
                for (int i = 0; i < slot.Length; i++) labels[i] = values[slot[i]];
                counts[s].Add(labels.AsSpan(0, slot.Length), 1, rows.Line);
            }
        }
        return counts;
    }
}

/// <summary>What <see cref="TableCounts.CountMany"/> was asked: the column sets and the policies.</summary>
internal sealed record CountRequest(string Source, IReadOnlyList<IReadOnlyList<string>> Sets, long MaxCells, BadRows BadRows, MissingValues Missing);

/// <summary>
/// One table of counts being built from labelled groups: the encoders, the growing table and the missing-value tallies, with
/// the missing-value policy applied in one place for every source (rows, row groups, SQL groups).
/// </summary>
internal sealed class CountSet
{
    /// <summary>The label of a row's value that is never counted (its row is skipped for a value missing in another column).</summary>
    public const string Unused = "\u0000";

    private readonly CountRequest _request;
    private readonly IReadOnlyList<string> _columns;
    private readonly CategoryEncoder<string>[] _encoders;
    private readonly long[] _missing;
    private readonly int[] _codes;
    private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);

    public CountSet(CountRequest request, IReadOnlyList<string> columns)
    {
        _request = request;
        _columns = columns;
        _encoders = [.. columns.Select(_ => new CategoryEncoder<string>(StringComparer.Ordinal))];
        _missing = new long[columns.Count];
        _codes = new int[columns.Count];
        Table = ContingencyTable.Growable(columns.Count, request.MaxCells);
    }

    public ContingencyTable Table { get; }

    /// <summary>Rows (or groups' rows) seen, counted or not.</summary>
    public long Seen { get; private set; }

    /// <summary>One string per distinct label (so that rows do not allocate one per field).</summary>
    public string Intern(ReadOnlySpan<char> text)
    {
        var lookup = _interned.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var s)) return s;
        s = new string(text);
        _interned.Add(s, s);
        return s;
    }

    /// <summary>
    /// Adds <paramref name="count"/> rows with the trimmed, non-empty <paramref name="labels"/> (null = missing), applying the
    /// missing-value policy. <paramref name="line"/> is the row's line for an error, null for a group of rows.
    /// </summary>
    public void Add(ReadOnlySpan<string?> labels, long count, long? line)
    {
        Seen += count;
        int absent = -1;
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] is not null) continue;
            _missing[i] += count;
            if (absent < 0) absent = i;
        }
        if (absent >= 0)
        {
            switch (_request.Missing)
            {
                case MissingValues.Skip:
                    return;
                case MissingValues.BadRow:
                    _request.BadRows.Reject(MissingError(absent, count, line), count);
                    return;
            }
        }
        for (int i = 0; i < labels.Length; i++) _codes[i] = _encoders[i].Peek(labels[i] ?? TableCounts.MissingCategory);
        if (!Table.TryAdd(_codes, count))
        {
            var shape = Table.Shape.ToArray();
            for (int i = 0; i < shape.Length; i++) shape[i] = Math.Max(shape[i], _codes[i] + 1);
            throw new DataException(new DataError(DataErrorKind.TooManyCategories, _request.Source, line, null, null,
                $"the columns {string.Join(", ", _columns.Select(c => $"'{c}'"))} have at least {string.Join(" × ", shape)} categories, a table of more than {_request.MaxCells} cells; are they really categorical?"));
        }
        for (int i = 0; i < labels.Length; i++)
            if (_codes[i] == _encoders[i].Count) _encoders[i].AddNew(labels[i] ?? TableCounts.MissingCategory);
    }

    /// <summary>The error of a missing value in column <paramref name="column"/>: of one row, or of a group of rows.</summary>
    public DataError MissingError(int column, long count, long? line) => line is not null
        ? new DataError(DataErrorKind.MissingValue, _request.Source, line, _columns[column], null, "missing value")
        : new DataError(DataErrorKind.MissingValue, _request.Source, null, _columns[column], null,
            $"{count} row{(count == 1 ? " has" : "s have")} no value in column '{_columns[column]}' (NULL or blank); --missing skip|category decides what they count as");

    /// <summary>The finished counts; no usable row is an error.</summary>
    public TableCounts Finish()
    {
        if (Seen == 0 && _request.BadRows.Skipped == 0)
            throw new DataException(new DataError(DataErrorKind.NoDataRows, _request.Source, null, null, null, "the table has no data rows"));
        if (Table.Total == 0)
        {
            string why = _request.BadRows.FirstReason is { } first ? $" (first: {first})"
                : $" (every row misses a value in {string.Join(" or ", _columns.Where((_, i) => _missing[i] > 0).Select(c => $"'{c}'"))})";
            throw new DataException(new DataError(DataErrorKind.NoUsableRows, _request.Source, null, null, null,
                $"no usable rows: all {Math.Max(Seen, _request.BadRows.Skipped)} had a missing or bad value{why}"));
        }
        return new TableCounts(Table, _encoders)
        {
            Missing = _missing,
            Columns = [.. _columns.Select((c, i) => new CountedColumn(c, ColumnTypes.Of(_encoders[i].Categories), _missing[i], _encoders[i].Count, null))],
        };
    }
}
