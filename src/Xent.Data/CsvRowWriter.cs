namespace Xent.Data;

/// <summary>
/// Writes CSV rows that <see cref="CsvTableReader"/> (and pandas, Python's csv module, Excel) read back field for field:
/// RFC 4180 quoting — a field holding the delimiter, a quote, a line break, or leading or trailing white space is enclosed
/// in quotes with its quotes doubled; others are written as they are. Lines end with "\n".
/// </summary>
/// <param name="writer">Where rows are written; not owned: the caller flushes and disposes it.</param>
/// <param name="delimiter">The field separator (',' by default; ';' or '\t' for other dialects). Must not be a quote or a line break.</param>
public sealed class CsvRowWriter(TextWriter writer, char delimiter = ',')
{
    /// <summary>Writes one row: <paramref name="fields"/> separated by the delimiter, each quoted when it needs it.</summary>
    /// <param name="fields">The row's fields in column order (none null); an empty sequence writes an empty line.</param>
    public void WriteRow(IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        bool first = true;
        foreach (var field in fields)
        {
            if (!first) writer.Write(delimiter);
            first = false;
            writer.Write(Field(field, delimiter));
        }
        writer.Write('\n');
    }

    /// <summary>Writes one row of the given fields.</summary>
    /// <param name="fields">The row's fields in column order (none null).</param>
    public void WriteRow(params string[] fields) => WriteRow((IEnumerable<string>)fields);

    /// <summary><paramref name="value"/> as one CSV field: quoted, with quotes doubled, when it holds the delimiter, a quote or a line break, or starts or ends with white space.</summary>
    /// <param name="value">The field's text (not null).</param>
    /// <param name="delimiter">The delimiter of the file the field goes in, which forces quoting when it appears in the value.</param>
    public static string Field(string value, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(value);
        bool quote = value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]));
        foreach (char c in value)
            if (c == delimiter || c is '"' or '\n' or '\r') { quote = true; break; }
        return quote ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
