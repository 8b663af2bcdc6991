using System.CommandLine;
using Xent.Data;

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

    /// <summary>Stop at the first bad row, or skip and count them (<c>--skip-bad-rows</c>).</summary>
    public static BadRows Policy(bool skip) => skip ? BadRows.Skip() : BadRows.Stop();

    /// <summary>
    /// The message of a data error; a bad row stopping a command that could skip it says how:
    /// "t.csv: line 3, column 'a': missing value. (use --skip-bad-rows to skip such rows)".
    /// </summary>
    public static string Message(DataError error, bool commandSkipsBadRows) =>
        error.IsRowError && commandSkipsBadRows ? $"{error.Message} (use {SkipOption} to skip such rows)" : error.Message;
}
