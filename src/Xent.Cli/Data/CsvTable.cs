using Sylvan.Data.Csv;

namespace Xent.Cli.Data;

/// <summary>
/// A CSV file with a header row, read streaming (Sylvan.Data.Csv): columns are picked by name and only their values are kept,
/// so files larger than memory are fine. Every row must have as many fields as the header.
/// </summary>
internal sealed class CsvTable : IDisposable
{
    private readonly string _path;
    private readonly CsvDataReader _reader;
    private readonly string[] _columns;

    private CsvTable(string path, CsvDataReader reader)
    {
        _path = path;
        _reader = reader;
        _columns = new string[reader.FieldCount];
        for (int i = 0; i < _columns.Length; i++) _columns[i] = reader.GetName(i);
        CsvHeader.Check(path, _columns);
    }

    /// <summary>The file's path, as given.</summary>
    public string Path => _path;

    /// <summary>The header's column names, in file order.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>Opens <paramref name="path"/> and reads its header row.</summary>
    /// <exception cref="UsageException">The file does not exist or has no header row.</exception>
    /// <exception cref="InvalidDataException">The header row is not valid CSV text.</exception>
    public static CsvTable Open(string path)
    {
        var reader = OpenReader(path);
        try
        {
            return new CsvTable(path, reader);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Checks the path and creates a reader (which reads the header row); its failures become one-line errors naming the file.</summary>
    internal static CsvDataReader OpenReader(string path)
    {
        InputFile.Check(path, "CSV file");
        try
        {
            return CsvDataReader.Create(path, new CsvDataReaderOptions { HasHeaders = true });
        }
        catch (CsvMissingHeadersException)
        {
            throw new UsageException($"{path}: the file is empty (no header row).");
        }
        catch (CsvFormatException e)
        {
            // Sylvan raises this for a quote that is never closed; its own message would say where in the buffer, not the line.
            throw new InvalidDataException($"{path}: the header row is not valid CSV (is a quote left open?).", e);
        }
    }

    /// <summary>The index of the column named <paramref name="name"/> (exact, case-sensitive match).</summary>
    /// <exception cref="UsageException">There is no such column (the message lists the columns there are), or two have that name.</exception>
    public int ColumnIndex(string name) => CsvHeader.Find(_path, _columns, name);

    /// <summary>
    /// Streams the values of the given columns, row by row (the array is reused between rows: copy what you keep).
    /// </summary>
    /// <exception cref="InvalidDataException">A row has a different number of fields than the header (the message names its line),
    /// or the table has no data rows.</exception>
    public IEnumerable<string[]> Rows(params int[] columns)
    {
        var values = new string[columns.Length];
        long rows = 0;
        while (ReadRow(rows + 2))
        {
            rows++;
            if (_reader.RowFieldCount != _columns.Length)
                throw new InvalidDataException(
                    $"{_path}: line {rows + 1} has {_reader.RowFieldCount} fields but the header has {_columns.Length}.");
            for (int i = 0; i < columns.Length; i++) values[i] = _reader.GetString(columns[i]);
            yield return values;
        }
        if (rows == 0) throw new InvalidDataException($"{_path}: the table has a header but no data rows.");
    }

    /// <summary>Advances to the next row; a malformed record (e.g. an unclosed quote) becomes an error naming its line.</summary>
    private bool ReadRow(long line)
    {
        try
        {
            return _reader.Read();
        }
        catch (CsvFormatException e)
        {
            throw new InvalidDataException($"{_path}: line {line} is not valid CSV (is a quote left open?).", e);
        }
    }

    public void Dispose() => _reader.Dispose();
}
