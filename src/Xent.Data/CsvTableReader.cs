using Sylvan.Data.Csv;

namespace Xent.Data;

/// <summary>
/// A CSV file with a header row, read streaming with Sylvan.Data.Csv: only the fields of the columns asked for are looked
/// at, and no row is kept, so files larger than memory are fine. Every data row must have as many fields as the header
/// (others go to the bad-row policy as <see cref="DataErrorKind.WrongFieldCount"/>). Line numbers count one line per
/// record: a quoted line break shifts them.
/// </summary>
public sealed class CsvTableReader : TableReader
{
    private const string OpenQuote = "is a quote left open?";
    private readonly string _path;
    private readonly string[] _columns;
    private readonly bool _rereadable; // false for a TextReader source (stdin, a pipe): one pass only
    private CsvDataReader? _opened; // the reader that read the header, handed to the first pass

    private CsvTableReader(string path, CsvDataReader reader, string[] columns, bool rereadable)
    {
        _path = path;
        _rereadable = rereadable;
        _opened = reader;
        _columns = columns;
    }

    /// <inheritdoc/>
    public override string Source => _path;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Columns => _columns;

    /// <summary>Opens <paramref name="path"/> and reads its header row.</summary>
    /// <param name="path">The file; named as given in errors.</param>
    /// <exception cref="DataException">The file is empty (<see cref="DataErrorKind.EmptyFile"/>), its header row is not valid CSV
    /// (<see cref="DataErrorKind.BadCsvSyntax"/>, line 1) or holds control characters (<see cref="DataErrorKind.BinaryHeader"/>).</exception>
    /// <exception cref="IOException">The file cannot be opened (e.g. <see cref="FileNotFoundException"/>).</exception>
    public static CsvTableReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Open(path, Create(path), rereadable: true);
    }

    /// <summary>
    /// Reads CSV text from <paramref name="text"/> (standard input, a pipe, a string): the header row now, the data rows on the
    /// one pass a text source allows — a second <see cref="TableReader.ReadColumns"/> throws <see cref="InvalidOperationException"/>.
    /// The table owns the reader and disposes it.
    /// </summary>
    /// <param name="text">The CSV text, read forward once.</param>
    /// <param name="source">The table's name in errors, e.g. "stdin".</param>
    /// <exception cref="DataException">The text is empty or its header row is not valid CSV (as for <see cref="Open(string)"/>).</exception>
    public static CsvTableReader Open(TextReader text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        return Open(source, Create(source, () => CsvDataReader.Create(text, Options)), rereadable: false);
    }

    private static CsvTableReader Open(string source, CsvDataReader reader, bool rereadable)
    {
        try
        {
            var columns = new string[reader.FieldCount];
            for (int j = 0; j < columns.Length; j++) columns[j] = reader.GetName(j);
            CheckHeader(source, columns);
            return new CsvTableReader(source, reader, columns, rereadable);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    private static CsvDataReaderOptions Options => new() { HasHeaders = true };

    private static CsvDataReader Create(string path) => Create(path, () => CsvDataReader.Create(path, Options));

    private static CsvDataReader Create(string path, Func<CsvDataReader> create)
    {
        try
        {
            return create();
        }
        catch (CsvMissingHeadersException e)
        {
            throw new DataException(new DataError(DataErrorKind.EmptyFile, path, null, null, null, "the file is empty (no header row)"), e);
        }
        catch (CsvFormatException e)
        {
            // Sylvan raises this for a quote that is never closed; its own message says where in its buffer, not the line.
            throw new DataException(new DataError(DataErrorKind.BadCsvSyntax, path, 1, null, null, $"the header row is not valid CSV ({OpenQuote})"), e);
        }
    }

    /// <summary>
    /// Rejects a header that holds control characters: a binary file read as CSV would otherwise be listed, bytes and all,
    /// in an "unknown column" message.
    /// </summary>
    private static void CheckHeader(string path, string[] header)
    {
        for (int j = 0; j < header.Length; j++)
        {
            foreach (char ch in header[j])
            {
                if (!char.IsControl(ch) || ch == '\t') continue;
                string code = $"U+{(int)ch:X4}";
                throw new DataException(new DataError(DataErrorKind.BinaryHeader, path, 1, null, code,
                    $"the header row holds the control character {code} in column {j + 1}; is this a CSV text file?"));
            }
        }
    }

    /// <inheritdoc/>
    protected override RowCursor OpenCursor(int[] ordinals, string[] names, BadRows badRows)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_opened is null && !_rereadable)
            throw new InvalidOperationException($"{_path} is a stream that can be read only once; this command needs a file.");
        var reader = _opened ?? Create(_path);
        _opened = null;
        return new Cursor(this, reader, ordinals, names, badRows);
    }

    private bool _disposed;

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        _opened?.Dispose();
        _opened = null;
    }

    private sealed class Cursor(CsvTableReader table, CsvDataReader reader, int[] ordinals, string[] names, BadRows badRows)
        : RowCursor(table._path, names, badRows)
    {
        protected override bool Advance()
        {
            try
            {
                if (!reader.Read()) return false;
            }
            catch (CsvFormatException e)
            {
                throw new DataException(new DataError(DataErrorKind.BadCsvSyntax, Source, Line + 1, null, null, $"is not valid CSV ({OpenQuote})"), e);
            }
            Line++;
            return true;
        }

        protected override DataError? CheckShape()
        {
            int fields = reader.RowFieldCount, expected = table._columns.Length;
            return fields == expected ? null
                : new DataError(DataErrorKind.WrongFieldCount, Source, Line, null, null, $"has {fields} fields but the header has {expected}");
        }

        protected override ReadOnlySpan<char> GetSpanCore(int i) => reader.GetFieldSpan(ordinals[i]);

        protected override void Dispose(bool disposing) => reader.Dispose();
    }
}
