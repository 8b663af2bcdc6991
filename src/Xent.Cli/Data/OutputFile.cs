namespace Xent.Cli.Data;

/// <summary>
/// A file the command writes (a model, predictions, a figure). Checked before any work is done — not a directory, in a
/// directory that exists and can be written, and not an existing file unless <c>--force</c> — and written to a temporary
/// file beside it that is renamed into place, so an interrupted or failed write never leaves half a file and never destroys
/// the old one. The temporary file is registered with <see cref="CliSession"/>, so Ctrl-C or SIGTERM removes it too.
/// The path <c>-</c> means standard output (<see cref="IsStdout"/>).
/// </summary>
internal static class OutputFile
{
    /// <summary>The path that means standard output.</summary>
    public const string Stdout = "-";

    /// <summary>Whether <paramref name="path"/> is <c>-</c>: write to standard output.</summary>
    public static bool IsStdout(string? path) => path == Stdout;

    /// <summary>Throws a <see cref="UsageException"/> naming <paramref name="option"/> and the path when it cannot or may not be written.</summary>
    public static void Check(string path, string option, bool force)
    {
        if (IsStdout(path)) return;
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException($"{option}: the path is empty.");
        if (Directory.Exists(path)) throw new UsageException($"{option} '{path}' is a directory; give a file name.");
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (File.Exists(directory)) throw new UsageException($"{option} '{path}': '{directory}' is a file, not a directory.");
        if (!Directory.Exists(directory)) throw new UsageException($"{option} '{path}': the directory '{directory}' does not exist.");
        if (File.Exists(path) && !force) throw new UsageException($"{option} '{path}' exists; pass --force to replace it.");
        // Found now, not after the work: a directory where no file can be created.
        string probe = TemporaryPath(path);
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write)) { }
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} '{path}': cannot create a file in '{directory}' ({Reason(e, probe, path)}).");
        }
    }

    /// <summary>
    /// Checks the path, lets <paramref name="write"/> fill a temporary file in the same directory (same file system, so the
    /// rename is atomic), then renames it over <paramref name="path"/>. The temporary file keeps the extension, for writers
    /// that pick a format by it; it is deleted if anything fails, and on an interrupt. Errors name <paramref name="path"/>,
    /// never the temporary file.
    /// </summary>
    public static void Write(string path, string option, bool force, Action<string> write)
    {
        if (IsStdout(path)) throw new UsageException($"{option} -: this output cannot go to standard output; give a file name.");
        Check(path, option, force);
        string temp = TemporaryPath(path);
        CliSession.TrackTemporary(temp);
        try
        {
            write(temp);
            CliSession.Current.Cancellation.ThrowIfCancellationRequested(); // an interrupted run leaves no output
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} '{path}': cannot write ({Reason(e, temp, path)}).");
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
            CliSession.Untrack(temp);
        }
    }

    /// <summary>
    /// Writes text through <see cref="Write(string, string, bool, Action{string})"/>, or to the command's standard output
    /// when <paramref name="path"/> is <c>-</c>.
    /// </summary>
    public static void WriteText(string path, string option, bool force, Action<TextWriter> write)
    {
        if (IsStdout(path))
        {
            write(CliSession.Current.Stdout);
            return;
        }
        Write(path, option, force, temp =>
        {
            using var writer = new StreamWriter(temp);
            write(writer);
        });
    }

    private static string TemporaryPath(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(path)}");

    /// <summary>The runtime's reason, on one line, with the temporary file's path replaced by the path the user gave.</summary>
    private static string Reason(Exception e, string temporary, string path) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        _ => Xent.Reports.Failure.OneLine(e.Message).Replace(temporary, path, StringComparison.Ordinal).TrimEnd('.'),
    };
}
