namespace Xent.Data;

/// <summary>What is wrong with a table, a row or a value (the <see cref="DataError.Kind"/>).</summary>
public enum DataErrorKind
{
    /// <summary>The source holds nothing, not even a header row.</summary>
    EmptyFile,

    /// <summary>The header row holds control characters: the file is most likely binary, not text.</summary>
    BinaryHeader,

    /// <summary>The text is not valid CSV (a quote left open); the rest of the file cannot be read.</summary>
    BadCsvSyntax,

    /// <summary>A column asked for is not in the header.</summary>
    UnknownColumn,

    /// <summary>A column asked for is named by two header fields.</summary>
    DuplicateColumn,

    /// <summary>The table has a header but no data rows.</summary>
    NoDataRows,

    /// <summary>Every data row was bad and skipped.</summary>
    NoUsableRows,

    /// <summary>A row has a different number of fields than the header (a row error: the policy may skip it).</summary>
    WrongFieldCount,

    /// <summary>A field that must hold a value is empty (a row error).</summary>
    MissingValue,

    /// <summary>A field that must hold a finite number does not (a row error).</summary>
    NotANumber,

    /// <summary>Columns counted as categorical have so many distinct values that their contingency table would pass its cell
    /// limit: they are not categorical in any useful sense (bin them first).</summary>
    TooManyCategories,

    /// <summary>A value the reader parsed but its consumer rejects: out of range, an unknown label… (a row error).</summary>
    InvalidValue,

    /// <summary>The file is not in the format it claims (a Parquet file that does not parse), or a column has a type that is
    /// not read (a nested or binary Parquet column).</summary>
    MalformedFile,

    /// <summary>The database engine rejected or failed an SQL query; the reason is the engine's message.</summary>
    QueryFailed,

    /// <summary>The database could not be reached or refused the connection.</summary>
    ConnectionFailed,
}

/// <summary>
/// One problem in a table source, structured so that each front end words it its own way (the CLI as one line on stderr,
/// a server as a 400 response): where (<see cref="Source"/>, <see cref="Line"/>, <see cref="Column"/>), what was there
/// (<see cref="Value"/>) and why (<see cref="Reason"/>). <see cref="Message"/> is the plain English sentence.
/// </summary>
/// <param name="Kind">What kind of problem.</param>
/// <param name="Source">The table: a file's path as given, or another source's description.</param>
/// <param name="Line">The 1-based line of the row in a CSV file (the header is line 1; one line per record), or null when the
/// problem is not in one row.</param>
/// <param name="Column">The column's name, when the problem is in one field (or the column asked for).</param>
/// <param name="Value">The offending text, when there is one.</param>
/// <param name="Reason">What is wrong, without the place: "missing value", "'x' is not a finite number".</param>
public sealed record DataError(DataErrorKind Kind, string Source, long? Line, string? Column, string? Value, string Reason)
{
    /// <summary>Whether the error is confined to one data row, so a <see cref="BadRowPolicy.Skip"/> policy skips the row.</summary>
    public bool IsRowError => Kind is DataErrorKind.WrongFieldCount or DataErrorKind.MissingValue
        or DataErrorKind.NotANumber or DataErrorKind.InvalidValue;

    /// <summary>
    /// One sentence naming the place and the reason: "t.csv: line 3, column 'a': missing value.",
    /// "t.csv: line 3 has 2 fields but the header has 3.", "t.csv: no column 'z'; the columns are: a, b.".
    /// </summary>
    public string Message
    {
        get
        {
            string end = Reason.EndsWith('?') || Reason.EndsWith('.') ? "" : ".";
            // A header problem (line 1) says "the header row" in its reason.
            long? line = Line is 1 ? null : Line;
            // The line is the subject of these reasons ("line 3 has 2 fields…", "line 3 is not valid CSV…").
            if (line is { } subject && Column is null && Kind is DataErrorKind.WrongFieldCount or DataErrorKind.BadCsvSyntax)
                return $"{Source}: line {subject} {Reason}{end}";
            string where = (line, Column) switch
            {
                ({ } at, { } column) => $"line {at}, column '{column}': ",
                ({ } at, null) => $"line {at}: ",
                _ => "",
            };
            return $"{Source}: {where}{Reason}{end}";
        }
    }

    /// <inheritdoc cref="Message"/>
    public override string ToString() => Message;
}

/// <summary>
/// A table could not be read as asked: the structured <see cref="Error"/> says where and why. A
/// <see cref="FormatException"/> (the input is not in the form asked for), so callers that only know "the input is bad"
/// treat it as such; <see cref="InvalidDataException"/> is sealed.
/// </summary>
/// <param name="error">The problem.</param>
/// <param name="innerException">The parser's own exception, when there is one.</param>
public sealed class DataException(DataError error, Exception? innerException = null) : FormatException(error.Message, innerException)
{
    /// <summary>The problem, structured.</summary>
    public DataError Error { get; } = error;
}
