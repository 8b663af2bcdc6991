namespace Xent.Cli.Data;

/// <summary>
/// The bad-row policy of a command: by default the first bad row is an error (exit 2, its line and column named);
/// with --skip-bad-rows it is skipped, counted and the first reason kept for the report.
/// </summary>
internal sealed class BadRows(bool skip)
{
    public int Skipped { get; private set; }
    public string? FirstReason { get; private set; }

    /// <summary>Reports a bad row: throws unless skipping; returns null so parsers can write <c>return bad.Reject(…)</c>.</summary>
    public double? Reject(string reason)
    {
        if (!skip) throw new InvalidDataException(reason + " (use --skip-bad-rows to skip such rows)");
        Skipped++;
        FirstReason ??= reason;
        return null;
    }
}
