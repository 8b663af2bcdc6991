using Parquet;
using Parquet.Schema;
using Xent.Numerics;

namespace Xent.Data;

/// <summary>
/// A Parquet file read with Parquet.Net, streaming row group by row group and column by column: a pass decodes only the
/// columns asked for, one row group at a time, so memory is bounded by a row group of those columns, not the file.
/// Flat columns of strings, booleans, integers, floating-point and decimal numbers, dates and times are read (a nested or
/// binary column is an error when it is asked for). A NULL is a missing value, as an empty CSV field is.
/// </summary>
/// <remarks>
/// <para>Counting (<see cref="TableCounts"/>) does not go through the cursor: each row group's columns are decoded into
/// category codes (numbers without making a string per value), counted on every core, and the row groups' counts merged in
/// file order, so the counts do not depend on the number of threads.</para>
/// <para>For a row, <see cref="RowCursor.Line"/> is its 1-based row number plus one: the line it has in the table's CSV
/// export, whose header is line 1.</para>
/// </remarks>
public sealed class ParquetTableReader : TableReader
{
    /// <summary>The first (and last) four bytes of every Parquet file.</summary>
    public static ReadOnlySpan<byte> Magic => "PAR1"u8;

    private readonly string _path;
    private readonly string[] _columns;
    private readonly DataField?[] _fields;
    private readonly long[] _rowGroupRows;

    private ParquetTableReader(string path, string[] columns, DataField?[] fields, long[] rowGroupRows)
    {
        _path = path;
        _columns = columns;
        _fields = fields;
        _rowGroupRows = rowGroupRows;
    }

    /// <inheritdoc/>
    public override string Source => _path;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Columns => _columns;

    /// <summary>The number of rows in the file (from its footer).</summary>
    public long RowCount => _rowGroupRows.Sum();

    /// <summary>The number of row groups.</summary>
    public int RowGroupCount => _rowGroupRows.Length;

    /// <summary>Whether the file at <paramref name="path"/> starts with the Parquet magic bytes <c>PAR1</c>.</summary>
    /// <param name="path">A file.</param>
    public static bool IsParquet(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var stream = File.OpenRead(path);
            Span<byte> head = stackalloc byte[4];
            return stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual(Magic);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Opens <paramref name="path"/> and reads its schema and row-group sizes from the footer.</summary>
    /// <param name="path">The file; named as given in errors.</param>
    /// <exception cref="DataException">The file is not valid Parquet (<see cref="DataErrorKind.MalformedFile"/>).</exception>
    /// <exception cref="IOException">The file cannot be opened (e.g. <see cref="FileNotFoundException"/>).</exception>
    public static ParquetTableReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using (File.OpenRead(path)) { } // a missing or unreadable file is an IOException, not a malformed one
        return Run(path, async () =>
        {
            await using var reader = await ParquetReader.CreateAsync(path).ConfigureAwait(false);
            var top = reader.Schema.Fields;
            var columns = new string[top.Count];
            var fields = new DataField?[top.Count];
            for (int j = 0; j < top.Count; j++)
            {
                columns[j] = top[j].Name;
                fields[j] = top[j] as DataField;
            }
            var rows = new long[reader.RowGroupCount];
            for (int g = 0; g < rows.Length; g++) rows[g] = reader.RowGroups[g].RowCount;
            return new ParquetTableReader(path, columns, fields, rows);
        });
    }

    /// <summary>Runs Parquet.Net's asynchronous reading to its end, turning its failures into one <see cref="DataException"/>.</summary>
    private static T Run<T>(string path, Func<Task<T>> work)
    {
        try
        {
            return Task.Run(work).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not (DataException or OperationCanceledException or OutOfMemoryException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException))
        {
            throw Malformed(path, e);
        }
    }

    private static DataException Malformed(string path, Exception e)
    {
        string reason = e.Message.ReplaceLineEndings(" ").Trim();
        return new DataException(new DataError(DataErrorKind.MalformedFile, path, null, null, null,
            $"is not a readable Parquet file ({(reason.Length > 200 ? reason[..200] + "…" : reason)})"), e);
    }

    /// <summary>New decoders for the columns at <paramref name="ordinals"/>; an unreadable column type is an error naming it.</summary>
    private ParquetColumn[] Decoders(int[] ordinals)
    {
        var decoders = new ParquetColumn[ordinals.Length];
        for (int i = 0; i < ordinals.Length; i++)
        {
            int j = ordinals[i];
            decoders[i] = (_fields[j] is { } field ? ParquetColumn.For(field) : null)
                ?? throw new DataException(new DataError(DataErrorKind.MalformedFile, _path, null, _columns[j], null,
                    $"column '{_columns[j]}' is {(_fields[j] is { } f ? $"of type {f.ClrType.Name}{(f.IsArray ? "[]" : "")}" : "nested")}, which is not read as values"));
        }
        return decoders;
    }

    /// <inheritdoc/>
    protected override RowCursor OpenCursor(int[] ordinals, string[] names, BadRows badRows)
    {
        var distinct = ordinals.Distinct().ToArray();
        var slot = ordinals.Select(o => Array.IndexOf(distinct, o)).ToArray();
        var decoders = Decoders(distinct);
        var reader = Run(_path, () => ParquetReader.CreateAsync(_path));
        return new Cursor(this, reader, decoders, slot, names, badRows);
    }

    private sealed class Cursor(ParquetTableReader table, ParquetReader reader, ParquetColumn[] decoders, int[] slot, string[] names, BadRows badRows)
        : RowCursor(table._path, names, badRows)
    {
        private readonly char[] _scratch = new char[64];
        private int _group = -1, _row, _rows;
        private long _index;

        protected override bool Advance()
        {
            while (++_row >= _rows)
            {
                if (++_group >= reader.RowGroupCount) return false;
                _rows = checked((int)table._rowGroupRows[_group]);
                _row = -1;
                int g = _group, rows = _rows;
                Run(table._path, async () =>
                {
                    using var group = reader.OpenRowGroupReader(g);
                    foreach (var d in decoders) await d.LoadAsync(group, rows, CancellationToken.None).ConfigureAwait(false);
                    return 0;
                });
            }
            Line = ++_index + 1;
            return true;
        }

        protected override DataError? CheckShape() => null;

        protected override ReadOnlySpan<char> GetSpanCore(int i) => decoders[slot[i]].Text(_row, _scratch);

        public override bool TryGetDouble(int i, out double value)
        {
            var d = decoders[slot[i]];
            if (!d.IsNull(_row) && d.TryGetDouble(_row, out value) && double.IsFinite(value)) return true;
            return base.TryGetDouble(i, out value);
        }

        protected override void Dispose(bool disposing) => reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>
    /// The native count: the row groups are shared among the threads (each with its own reader of the file), each row group's
    /// columns decoded into local codes and counted into local dense tables, then the row groups merged in file order.
    /// </summary>
    internal override CountSet[]? CountPushedDown(CountRequest request, int maxDegreeOfParallelism)
    {
        var names = request.Sets.SelectMany(s => s).Distinct(StringComparer.Ordinal).ToArray();
        var ordinals = names.Select(ColumnIndex).ToArray();
        Decoders(ordinals); // the types are checked before any thread starts
        var slots = request.Sets.Select(s => s.Select(n => Array.IndexOf(names, n)).ToArray()).ToArray();
        // The last set that needs each column, so that a column's codes are dropped after it.
        var lastUse = new int[names.Length];
        for (int s = 0; s < slots.Length; s++) foreach (int c in slots[s]) lastUse[c] = s;

        int groups = _rowGroupRows.Length;
        var partials = new GroupCounts[groups][];
        int threads = Math.Min(ParallelChunks.Threads(maxDegreeOfParallelism), Math.Max(1, groups));
        int next = -1;
        Run(_path, async () =>
        {
            var workers = new Task[threads];
            for (int w = 0; w < threads; w++)
            {
                workers[w] = Task.Run(async () =>
                {
                    await using var reader = await ParquetReader.CreateAsync(_path).ConfigureAwait(false);
                    var decoders = Decoders(ordinals);
                    int g;
                    while ((g = Interlocked.Increment(ref next)) < groups)
                        partials[g] = await CountGroupAsync(reader, g, decoders, slots, lastUse).ConfigureAwait(false);
                });
            }
            await Task.WhenAll(workers).ConfigureAwait(false);
            return 0;
        });

        var counts = request.Sets.Select(s => new CountSet(request, s)).ToArray();
        for (int g = 0; g < groups; g++)
            for (int s = 0; s < counts.Length; s++) partials[g][s].MergeInto(counts[s]);
        return counts;
    }

    private async Task<GroupCounts[]> CountGroupAsync(ParquetReader reader, int g, ParquetColumn[] decoders, int[][] slots, int[] lastUse)
    {
        int rows = checked((int)_rowGroupRows[g]);
        var codes = new int[decoders.Length][];
        var labels = new List<string>[decoders.Length];
        var result = new GroupCounts[slots.Length];
        using var group = reader.OpenRowGroupReader(g);
        for (int s = 0; s < slots.Length; s++)
        {
            foreach (int c in slots[s])
            {
                if (codes[c] is not null) continue;
                await decoders[c].LoadAsync(group, rows, CancellationToken.None).ConfigureAwait(false);
                codes[c] = new int[rows];
                labels[c] = [];
                decoders[c].Encode(rows, codes[c], labels[c]);
            }
            result[s] = GroupCounts.Count(rows, [.. slots[s].Select(c => codes[c])], [.. slots[s].Select(c => labels[c])]);
            foreach (int c in slots[s])
                if (lastUse[c] == s) { codes[c] = null!; labels[c] = null!; }
        }
        return result;
    }

    /// <summary>One row group's counts of one column set: dense over the local codes, with a slot for "missing" on each axis.</summary>
    private sealed class GroupCounts
    {
        private readonly List<string>[] _labels;
        private readonly int[] _shape;
        private readonly long[]? _dense;
        private readonly Dictionary<long, long>? _sparse;

        private GroupCounts(List<string>[] labels, int[] shape, long[]? dense, Dictionary<long, long>? sparse)
        {
            _labels = labels;
            _shape = shape;
            _dense = dense;
            _sparse = sparse;
        }

        private const long MaxDense = 1 << 22;

        public static GroupCounts Count(int rows, int[][] codes, List<string>[] labels)
        {
            int k = codes.Length;
            var shape = labels.Select(l => l.Count + 1).ToArray(); // index 0 = missing, code + 1 otherwise
            long cells = 1;
            foreach (int e in shape) cells = cells > long.MaxValue / e ? long.MaxValue : cells * e;
            if (cells <= MaxDense)
            {
                var dense = new long[cells];
                if (k == 2)
                {
                    int[] a = codes[0], b = codes[1];
                    int nb = shape[1];
                    for (int r = 0; r < rows; r++) dense[(a[r] + 1) * nb + b[r] + 1]++;
                }
                else
                {
                    for (int r = 0; r < rows; r++)
                    {
                        long index = 0;
                        for (int i = 0; i < k; i++) index = index * shape[i] + codes[i][r] + 1;
                        dense[index]++;
                    }
                }
                return new GroupCounts(labels, shape, dense, null);
            }
            var sparse = new Dictionary<long, long>();
            for (int r = 0; r < rows; r++)
            {
                long index = 0;
                for (int i = 0; i < k; i++) index = index * shape[i] + codes[i][r] + 1;
                sparse[index] = sparse.GetValueOrDefault(index) + 1;
            }
            return new GroupCounts(labels, shape, null, sparse);
        }

        public void MergeInto(CountSet target)
        {
            var tuple = new string?[_shape.Length];
            if (_dense is not null)
            {
                for (long index = 0; index < _dense.Length; index++)
                    if (_dense[index] != 0) Add(target, tuple, index, _dense[index]);
            }
            else
            {
                foreach (var (index, count) in _sparse!.OrderBy(p => p.Key)) Add(target, tuple, index, count);
            }
        }

        private void Add(CountSet target, string?[] tuple, long index, long count)
        {
            for (int i = _shape.Length - 1; i >= 0; i--)
            {
                int c = (int)(index % _shape[i]);
                index /= _shape[i];
                tuple[i] = c == 0 ? null : _labels[i][c - 1];
            }
            target.Add(tuple, count, null);
        }
    }
}
