using System.Globalization;
using Sylvan.Data.Csv;

namespace Xent.Cli.Data;

/// <summary>One data row of a CSV file: its line number (the header is line 1) and its fields.</summary>
internal readonly record struct CsvRecord(long Line, string[] Fields);

/// <summary>
/// A whole CSV file with a header row, read with Sylvan.Data.Csv, keeping every row with its line number so the commands
/// can reject or skip bad rows one by one (a row with the wrong number of fields is kept, for the caller to judge).
/// Line numbers assume one line per record (no quoted line breaks).
/// </summary>
internal sealed class CsvRecords
{
    private CsvRecords(string path, string[] header, List<CsvRecord> rows)
    {
        Path = path;
        Header = header;
        Rows = rows;
    }

    public string Path { get; }
    public string[] Header { get; }
    public List<CsvRecord> Rows { get; }

    public static CsvRecords Read(string path)
    {
        using var reader = CsvTable.OpenReader(path);
        var header = new string[reader.FieldCount];
        for (int i = 0; i < header.Length; i++) header[i] = reader.GetName(i);
        CsvHeader.Check(path, header);
        var rows = new List<CsvRecord>();
        long line = 1;
        try
        {
            while (reader.Read())
            {
                line++;
                var fields = new string[reader.RowFieldCount];
                for (int i = 0; i < fields.Length; i++) fields[i] = reader.GetString(i);
                rows.Add(new(line, fields));
            }
            return new CsvRecords(path, header, rows);
        }
        catch (CsvFormatException e)
        {
            throw new InvalidDataException($"{path}: line {line + 1} is not valid CSV (is a quote left open?).", e);
        }
    }

    /// <summary>The index of a column by exact name; a usage error listing the columns otherwise, or naming the duplicate.</summary>
    public int Column(string name) => CsvHeader.Find(Path, Header, name);

    /// <summary>Where a bad value is: "FILE: line L, column 'C'".</summary>
    public string Where(CsvRecord row, int column) => $"{Path}: line {row.Line}, column '{Header[column]}'";

    /// <summary>The number in a field, or null after reporting a missing or unparsable value to <paramref name="bad"/>.</summary>
    public double? Number(CsvRecord row, int column, BadRows bad)
    {
        string text = row.Fields[column].Trim();
        if (text.Length == 0) return bad.Reject($"{Where(row, column)}: missing value.");
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            return bad.Reject($"{Where(row, column)}: '{text}' is not a finite number.");
        return value;
    }

    /// <summary>Whether the row has as many fields as the header; otherwise reports it.</summary>
    public bool HasAllFields(CsvRecord row, BadRows bad)
    {
        if (row.Fields.Length == Header.Length) return true;
        bad.Reject($"{Path}: line {row.Line} has {row.Fields.Length} fields but the header has {Header.Length}.");
        return false;
    }
}
