using Sylvan.Data.Csv;

namespace Xent.Data;

/// <summary>
/// A CSV file with a header row, read streaming with Sylvan.Data.Csv: only the fields of the columns asked for are looked
/// at, and no row is kept, so files larger than memory are fine. Every data row must have as many fields as the header
/// (others go to the bad-row policy as <see cref="DataErrorKind.WrongFieldCount"/>); blank lines are skipped. Line numbers
/// count one line per record: a quoted line break shifts them.
/// </summary>
public sealed class CsvTableReader : TableReader
{
    private const string OpenQuote = "is a quote left open?";

    /// <summary>Characters the reader's buffer starts with: records longer than this grow it, up to <see cref="MaxRecordChars"/>.</summary>
    private const int InitialBufferChars = 1 << 16;

    /// <summary>
    /// The longest record (a header or a row, in characters) that is read: 64 Mi characters (128 MiB). Past it the row is
    /// reported as too long, where a buffer without bound would let one endless line take all memory.
    /// </summary>
    public const int MaxRecordChars = 1 << 26;

    /// <summary>The delimiters a header row is sniffed for, in the order that breaks ties.</summary>
    private static readonly char[] Candidates = [',', ';', '\t', '|'];

    private readonly string _path;
    private readonly string[] _columns;
    private readonly bool _rereadable; // false for a TextReader source (stdin, a pipe): one pass only
    private CsvDataReader? _opened; // the reader that read the header, handed to the first pass
    private FileStream? _openedStream; // the file under _opened (null for a text source)

    private CsvTableReader(string path, CsvDataReader reader, FileStream? stream, string[] columns, char delimiter, bool detected, bool rereadable)
    {
        _path = path;
        _openedStream = stream;
        Length = stream?.Length;
        _rereadable = rereadable;
        _opened = reader;
        _columns = columns;
        Delimiter = delimiter;
        DelimiterDetected = detected;
    }

    /// <inheritdoc/>
    public override string Source => _path;

    /// <summary>The file's length in bytes; null for a text source (standard input, a pipe), whose length is not known.</summary>
    public long? Length { get; }

    /// <summary>
    /// Called while a pass over a file reads its rows, with the bytes of the file read so far: every 1,024 rows and, when the
    /// pass reaches the end, with <see cref="Length"/> — so bytes / <see cref="Length"/> is the fraction done, never
    /// decreasing within a pass and 1 at its end. Never called for a text source. Null: not called.
    /// </summary>
    public Action<long>? Progress { get; set; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Columns => _columns;

    /// <summary>The field delimiter in use: the one given to <see cref="Open(string, char?)"/>, or the one found in the header row.</summary>
    public char Delimiter { get; }

    /// <summary>True when <see cref="Delimiter"/> was found in the header row rather than given.</summary>
    public bool DelimiterDetected { get; }

    /// <summary>Opens <paramref name="path"/> and reads its header row.</summary>
    /// <param name="path">The file; named as given in errors.</param>
    /// <param name="delimiter">The field delimiter; null (the default) detects it from the header row: of comma, semicolon, tab
    /// and bar, the one that occurs most often outside quotes (comma when none does, or on a tie with it).</param>
    /// <remarks>Blank lines (empty, or only a CR) are skipped wherever they are, as pandas and Python's csv module do.
    /// A field or a header may be up to <see cref="MaxRecordChars"/> characters long.</remarks>
    /// <exception cref="DataException">The file is empty (<see cref="DataErrorKind.EmptyFile"/>), its header row is not valid CSV
    /// (<see cref="DataErrorKind.BadCsvSyntax"/>, line 1) or holds control characters (<see cref="DataErrorKind.BinaryHeader"/>).</exception>
    /// <exception cref="IOException">The file cannot be opened (e.g. <see cref="FileNotFoundException"/>).</exception>
    public static CsvTableReader Open(string path, char? delimiter = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        CheckDelimiter(delimiter);
        char used = delimiter ?? Sniff(path);
        var reader = Create(path, used, out var stream);
        return Open(path, reader, stream, used, detected: delimiter is null, rereadable: true);
    }

    /// <summary>
    /// Reads CSV text from <paramref name="text"/> (standard input, a pipe, a string): the header row now, the data rows on the
    /// one pass a text source allows — a second <see cref="TableReader.ReadColumns"/> throws <see cref="InvalidOperationException"/>.
    /// The table owns the reader and disposes it.
    /// </summary>
    /// <param name="text">The CSV text, read forward once.</param>
    /// <param name="source">The table's name in errors, e.g. "stdin".</param>
    /// <param name="delimiter">The field delimiter; null (the default) means a comma: a text read once cannot be sniffed
    /// before it is parsed.</param>
    /// <exception cref="DataException">The text is empty or its header row is not valid CSV (as for <see cref="Open(string, char?)"/>).</exception>
    public static CsvTableReader Open(TextReader text, string source, char? delimiter = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        CheckDelimiter(delimiter);
        char used = delimiter ?? ',';
        return Open(source, Create(source, () => CsvDataReader.Create(text, Options(used))), null, used, detected: false, rereadable: false);
    }

    private static void CheckDelimiter(char? delimiter)
    {
        if (delimiter is char d && (d is '"' or '\r' or '\n'))
            throw new ArgumentException($"The delimiter {(int)d:X4} cannot be a quote or a line break.", nameof(delimiter));
    }

    private static CsvTableReader Open(string source, CsvDataReader reader, FileStream? stream, char delimiter, bool detected, bool rereadable)
    {
        try
        {
            var columns = new string[reader.FieldCount];
            for (int j = 0; j < columns.Length; j++) columns[j] = reader.GetName(j);
            CheckHeader(source, columns);
            return new CsvTableReader(source, reader, stream, columns, delimiter, detected, rereadable);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The delimiter of the header row (the first non-blank line, up to <see cref="MaxRecordChars"/>): the candidate that
    /// occurs most often outside quotes; a comma when none occurs or on a tie with it.
    /// </summary>
    private static char Sniff(string path)
    {
        using var text = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var counts = new int[Candidates.Length];
        bool quoted = false, any = false;
        for (int read = 0; read < MaxRecordChars; read++)
        {
            int c = text.Read();
            if (c < 0) break;
            if (c == '"') { quoted = !quoted; continue; }
            if (quoted) continue;
            if (c is '\n' or '\r')
            {
                if (any) break;
                continue; // blank lines before the header
            }
            any = true;
            int k = Array.IndexOf(Candidates, (char)c);
            if (k >= 0) counts[k]++;
        }
        int best = 0;
        for (int k = 1; k < counts.Length; k++) if (counts[k] > counts[best]) best = k;
        return Candidates[best];
    }

    private static CsvDataReaderOptions Options(char delimiter) => new()
    {
        HasHeaders = true, Delimiter = delimiter, BufferSize = InitialBufferChars, MaxBufferSize = MaxRecordChars,
    };

    /// <summary>Opens <paramref name="path"/> for a pass through <paramref name="stream"/>, which the reader owns, so the
    /// pass can report the bytes it has read.</summary>
    private static CsvDataReader Create(string path, char delimiter, out FileStream stream)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            var reader = Create(path, () => CsvDataReader.Create(new StreamReader(file, detectEncodingFromByteOrderMarks: true), Options(delimiter)));
            stream = file;
            return reader;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

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
        catch (CsvRecordTooLargeException e)
        {
            throw new DataException(new DataError(DataErrorKind.BadCsvSyntax, path, 1, null, null,
                $"the header row is longer than {MaxRecordChars} characters (or a quote is left open)"), e);
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
        FileStream? stream = _openedStream;
        var reader = _opened ?? Create(_path, Delimiter, out stream);
        _opened = null;
        _openedStream = null;
        return new Cursor(this, reader, stream, ordinals, names, badRows);
    }

    private bool _disposed;

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        _opened?.Dispose();
        _opened = null;
    }

    private sealed class Cursor(CsvTableReader table, CsvDataReader reader, FileStream? stream, int[] ordinals, string[] names, BadRows badRows)
        : RowCursor(table._path, names, badRows)
    {
        protected override bool Advance()
        {
            while (true)
            {
                try
                {
                    if (!reader.Read())
                    {
                        if (stream is not null && table.Progress is { } done) done(table.Length ?? stream.Position);
                        return false;
                    }
                }
                catch (CsvRecordTooLargeException e)
                {
                    throw new DataException(new DataError(DataErrorKind.BadCsvSyntax, Source, Line + 1, null, null,
                        $"is longer than {MaxRecordChars} characters (or a quote is left open)"), e);
                }
                catch (CsvFormatException e)
                {
                    throw new DataException(new DataError(DataErrorKind.BadCsvSyntax, Source, Line + 1, null, null, $"is not valid CSV ({OpenQuote})"), e);
                }
                Line++;
                if ((Line & 1023) == 0 && stream is not null && table.Progress is { } progress) progress(Math.Min(stream.Position, table.Length ?? long.MaxValue));
                // A blank line ("" or a lone CR) is skipped, as pandas and Python's csv module skip it.
                if (!IsBlank()) return true;
            }
        }

        private bool IsBlank() => reader.RowFieldCount == 0
            || (reader.RowFieldCount == 1 && reader.GetFieldSpan(0) is var field && (field.IsEmpty || field is "\r"));

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
