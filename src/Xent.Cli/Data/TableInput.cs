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

    /// <summary>Stop at the first bad row, or skip and count them (<c>--skip-bad-rows</c>).</summary>
    public static BadRows Policy(bool skip) => skip ? BadRows.Skip() : BadRows.Stop();

    /// <summary>
    /// The message of a data error; a bad row stopping a command that could skip it says how:
    /// "t.csv: line 3, column 'a': missing value. (use --skip-bad-rows to skip such rows)".
    /// </summary>
    public static string Message(DataError error, bool commandSkipsBadRows) =>
        error.IsRowError && commandSkipsBadRows ? $"{error.Message} (use {SkipOption} to skip such rows)" : error.Message;
}
