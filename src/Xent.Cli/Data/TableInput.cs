using System.CommandLine;
using Xent.Data;
using Xent.Estimation;

namespace Xent.Cli.Data;

/// <summary>
/// The command line's side of <see cref="Xent.Data"/>: opening a CSV file named by the user, the bad-row policy from
/// <c>--skip-bad-rows</c>, and the one line printed for a <see cref="DataError"/> (<see cref="XentApp.Run"/> calls <see cref="Message"/>).
/// </summary>
internal static class TableInput
{
    /// <summary>The option that turns the bad-row policy from stop to skip.</summary>
    public const string SkipOption = "--skip-bad-rows";

    /// <summary>
    /// Checks the path (one line naming it when it is missing or a directory) and opens the CSV file; <c>-</c> reads
    /// standard input (named "stdin" in messages), once.
    /// </summary>
    /// <exception cref="UsageException">The path is empty, a directory or no file.</exception>
    /// <exception cref="DataException">The file is empty or its header row is not CSV text.</exception>
    public static CsvTableReader OpenCsv(string path) => InputFile.IsStdin(path)
        ? CsvTableReader.Open(new StreamReader(CliSession.Current.Stdin()), CliSession.StdinName)
        : CsvTableReader.Open(InputFile.Check(path, "CSV file"));

    /// <summary>
    /// For a command whose result has no place for skipped rows (entropy --csv, mi): a note on stderr saying how many rows
    /// <c>--skip-bad-rows</c> skipped and the first reason; nothing when none was.
    /// </summary>
    public static void NoteSkipped(ParseResult parse, TableReader table, BadRows bad)
    {
        if (bad.Skipped > 0)
            parse.InvocationConfiguration.Error.WriteLine($"xent: note: {table.Source}: skipped {bad.Skipped} rows (first: {bad.FirstReason}).");
    }

    /// <summary>The option that names the field delimiter of the CSV input.</summary>
    public const string DelimiterOption = "--delimiter";

    /// <summary>Adds <c>--delimiter</c> to a command that reads CSV files.</summary>
    public static void AddDelimiter(Command command) => command.Options.Add(new Option<string?>(DelimiterOption)
    {
        Description = "The CSV field delimiter: one character, or 'tab' (default: found in the header row among , ; tab |).",
    });

    /// <summary>
    /// Opens the CSV file (<c>-</c>: standard input, read once, comma-separated unless <c>--delimiter</c> says otherwise) with
    /// the delimiter of <c>--delimiter</c>, or the one detected in its header; a detected delimiter
    /// other than a comma is reported on <paramref name="stderr"/> so that a file is never silently read in a way the user
    /// did not expect.
    /// </summary>
    public static CsvTableReader OpenCsv(string path, ParseResult parse)
    {
        char? delimiter = parse.GetValue<string?>(DelimiterOption) switch
        {
            null => null,
            "tab" or "\\t" or "\t" => '\t',
            { Length: 1 } one when one[0] is not ('"' or '\r' or '\n') => one[0],
            var other => throw new UsageException($"{DelimiterOption} '{other}' must be one character other than a quote or a line break, or 'tab'."),
        };
        var csv = InputFile.IsStdin(path)
            ? CsvTableReader.Open(new StreamReader(CliSession.Current.Stdin()), CliSession.StdinName, delimiter)
            : CsvTableReader.Open(InputFile.Check(path, "CSV file"), delimiter);
        if (csv.DelimiterDetected && csv.Delimiter != ',')
            parse.InvocationConfiguration.Error.WriteLine(
                $"xent: note: '{path}' is read as {Name(csv.Delimiter)}-separated (found in its header; {DelimiterOption} to choose).");
        return csv;
    }

    private static string Name(char delimiter) => delimiter switch
    {
        ';' => "semicolon", '\t' => "tab", '|' => "bar", ',' => "comma", _ => $"'{delimiter}'",
    };

    /// <summary>The options naming a table other than a CSV file, and how its values are counted.</summary>
    public const string SqlOption = "--sql", ConnectionOption = "--connection", EngineOption = "--engine", ShowSqlOption = "--show-sql",
        MissingOption = "--missing", BinsOption = "--bins", BinningOption = "--binning";

    /// <summary>
    /// Adds <c>--sql</c>, <c>--connection</c>, <c>--engine</c>, <c>--show-sql</c> and <c>--missing</c> to a command that counts
    /// the columns of a table (with <see cref="AddDelimiter"/> for its CSV files).
    /// </summary>
    /// <param name="command">The command.</param>
    /// <param name="counting">Whether to add the options of a counting command, <c>--missing</c> and <c>--bins</c>/<c>--binning</c>
    /// (<see cref="Count"/>); a command that reads columns as features keeps the bad-row policy for a missing value and bins its own way.</param>
    public static void AddSources(Command command, bool counting = true)
    {
        command.Options.Add(new Option<string?>(SqlOption)
        {
            Description = "Read the table from an SQL query instead of a file: DuckDB in memory by default (SELECT * FROM 'data.parquet' needs no server); counting runs in the database as GROUP BY queries.",
        });
        command.Options.Add(new Option<string?>(ConnectionOption)
        {
            Description = "The database of --sql: a PostgreSQL 'Host=…;Database=…' or 'postgres://user@host:port/db', or a DuckDB 'Data Source=file.duckdb' (default: DuckDB in memory).",
        });
        command.Options.Add(new Option<string?>(EngineOption)
        {
            Description = "How a Parquet file is read: native (default: decoded and counted in .NET on every core) or duckdb (counted by DuckDB with GROUP BY).",
        });
        command.Options.Add(new Option<bool>(ShowSqlOption) { Description = "Print each SQL query sent to the database on stderr." });
        if (counting)
        {
            command.Options.Add(new Option<int?>(BinsOption)
            {
                Description = "Bin numeric columns into N bins before counting (a column is numeric when every present value is a number); an SQL source is asked for the cut points and the counts, no row is read.",
            });
            command.Options.Add(new Option<string?>(BinningOption) { Description = "How --bins cuts: quantile (about equal counts; default) or uniform (equal widths between min and max)." });
        }
        if (counting) command.Options.Add(new Option<string?>(MissingOption)
        {
            Description = "A missing value (empty or blank field, NULL): skip (leave its row out, counted and reported) or category (a category of its own); default: its row is bad (an error, or skipped with --skip-bad-rows).",
        });
    }

    /// <summary>
    /// The table a counting command reads: <paramref name="path"/> (a Parquet file when it starts with <c>PAR1</c> or ends in
    /// <c>.parquet</c>, CSV otherwise; <c>-</c> is CSV on standard input) or the query of <c>--sql</c>, never both.
    /// </summary>
    public static TableReader Open(string? path, ParseResult parse, string fileOption)
    {
        string? sql = parse.GetValue<string?>(SqlOption), connection = parse.GetValue<string?>(ConnectionOption);
        _ = DuckDbEngine(parse);
        if (sql is not null)
        {
            if (path is not null) throw new UsageException($"give either {fileOption} or {SqlOption}, not both.");
            if (string.IsNullOrWhiteSpace(sql)) throw new UsageException($"{SqlOption} is empty: give a query, e.g. \"SELECT * FROM 'data.parquet'\".");
            return SqlTableReader.Open(sql, connection, SqlLog(parse));
        }
        if (connection is not null) throw new UsageException($"{ConnectionOption} goes with {SqlOption}.");
        if (path is null) throw new UsageException($"give a table: {fileOption} or {SqlOption} Q.");
        return OpenFile(path, parse);
    }

    /// <summary>
    /// A table file: Parquet when it starts with <c>PAR1</c> or ends in <c>.parquet</c> (read natively, or by DuckDB under
    /// <c>--engine duckdb</c>), CSV otherwise; <c>-</c> is CSV on standard input. For a second table beside the one of
    /// <see cref="Open"/> (a test set), which <c>--sql</c> does not name.
    /// </summary>
    public static TableReader OpenFile(string path, ParseResult parse)
    {
        bool duckdb = DuckDbEngine(parse);
        var log = SqlLog(parse);
        if (InputFile.IsStdin(path)) return OpenCsv(path, parse);
        InputFile.Check(path, "table file");
        bool parquet = path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) || ParquetTableReader.IsParquet(path);
        if (!parquet)
        {
            if (duckdb) throw new UsageException($"{EngineOption} duckdb applies to Parquet files; '{path}' is read as CSV.");
            return OpenCsv(path, parse);
        }
        return duckdb ? SqlTableReader.Open($"SELECT * FROM read_parquet('{path.Replace("'", "''", StringComparison.Ordinal)}')", null, log)
            : ParquetTableReader.Open(path);
    }

    /// <summary>Whether <c>--engine duckdb</c> was given (null or native: no).</summary>
    private static bool DuckDbEngine(ParseResult parse) => parse.GetValue<string?>(EngineOption) switch
    {
        null or "native" => false,
        "duckdb" => true,
        var other => throw new UsageException($"{EngineOption} '{other}' is not one of: native, duckdb."),
    };

    /// <summary>Each SQL query on stderr under <c>--show-sql</c>; null otherwise.</summary>
    private static Action<string>? SqlLog(ParseResult parse) =>
        parse.GetValue<bool>(ShowSqlOption) ? q => parse.InvocationConfiguration.Error.WriteLine($"xent: sql: {q}") : null;

    /// <summary>
    /// The counts of <paramref name="columns"/> jointly, pushed down where the source can (<see cref="TableCounts.Count"/>): every
    /// distinct value a category, or with <c>--bins N</c> numeric columns cut into bins (<c>--binning quantile|uniform</c>;
    /// for an SQL source the cut points and the counts are queried, no row is read). Notes on stderr say what was skipped,
    /// missing and binned.
    /// </summary>
    public static TableCounts Count(ParseResult parse, string? path, string fileOption, IReadOnlyList<string> columns, BadRows bad)
    {
        var missing = Missing(parse);
        int? bins = parse.GetValue<int?>(BinsOption);
        bool uniform = parse.GetValue<string?>(BinningOption) switch
        {
            null or "quantile" => false,
            "uniform" => true,
            var other => throw new UsageException($"{BinningOption} '{other}' is not one of: quantile, uniform."),
        };
        if (bins is null && parse.GetValue<string?>(BinningOption) is not null) throw new UsageException($"{BinningOption} goes with {BinsOption} N.");
        if (bins is < 2) throw new UsageException($"{BinsOption} {bins} must be ≥ 2.");
        using var table = Open(path, parse, fileOption);
        var binning = bins is int b ? new Binning(b, uniform) : null;
        var counts = binning is null ? TableCounts.Count(table, columns, badRows: bad, missing: missing)
            : Rendering.WorkProgress.Run($"counting {table.Source}", () => TableCounts.Count(table, columns, badRows: bad, missing: missing, binning: binning));
        NoteSkipped(parse, table, bad);
        NoteMissing(parse, table, counts, columns, missing);
        if (binning is not null)
        {
            var numeric = counts.Columns.DistinctBy(c => c.Name).Where(c => c.Bins is not null).Select(c => $"'{c.Name}': {c.Bins} bins").ToArray();
            parse.InvocationConfiguration.Error.WriteLine(numeric.Length == 0
                ? $"xent: note: {table.Source}: no numeric column to bin; every column is counted by value."
                : $"xent: note: {table.Source}: numeric, {(uniform ? "uniform" : "quantile")}-binned: {string.Join(", ", numeric)}; the others are counted by value.");
        }
        return counts;
    }

    /// <summary>The columns of <paramref name="counts"/> as a report lists them (each named once).</summary>
    public static Reports.CountedColumnReport[] Report(TableCounts counts) =>
        [.. counts.Columns.DistinctBy(c => c.Name).Select(c => new Reports.CountedColumnReport
        {
            Name = c.Name, Type = ColumnTypes.Name(c.Type), Missing = c.Missing, Categories = c.Categories, Bins = c.Bins,
        })];

    /// <summary>The <c>--missing</c> policy (default: a missing value makes its row bad).</summary>
    public static MissingValues Missing(ParseResult parse) => parse.GetValue<string?>(MissingOption) switch
    {
        null => MissingValues.BadRow,
        "skip" => MissingValues.Skip,
        "category" => MissingValues.Category,
        var other => throw new UsageException($"{MissingOption} '{other}' is not one of: skip, category."),
    };

    /// <summary>A note on stderr for each counted column that had missing values, saying what was done with them.</summary>
    public static void NoteMissing(ParseResult parse, TableReader table, TableCounts counts, IReadOnlyList<string> columns, MissingValues policy)
    {
        var parts = columns.Select((c, i) => (c, n: i < counts.Missing.Count ? counts.Missing[i] : 0)).Where(p => p.n > 0).ToArray();
        if (parts.Length == 0 || policy == MissingValues.BadRow) return;
        string what = policy == MissingValues.Skip ? "left out" : "counted as the category \"\" (missing)";
        parse.InvocationConfiguration.Error.WriteLine(
            $"xent: note: {table.Source}: missing values ({string.Join(", ", parts.Select(p => $"'{p.c}': {p.n}"))}) {what}.");
    }

    /// <summary>Stop at the first bad row, or skip and count them (<c>--skip-bad-rows</c>).</summary>
    public static BadRows Policy(bool skip) => skip ? BadRows.Skip() : BadRows.Stop();

    /// <summary>
    /// The message of a data error; a bad row stopping a command that could skip it says how:
    /// "t.csv: line 3, column 'a': missing value. (use --skip-bad-rows to skip such rows)".
    /// </summary>
    public static string Message(DataError error, bool commandSkipsBadRows) =>
        error.IsRowError && commandSkipsBadRows ? $"{error.Message} (use {SkipOption} to skip such rows)" : error.Message;
}
