namespace Xent.Cli.Data;

/// <summary>
/// A file the command writes (a model, predictions, a figure). Checked before any work is done — not a directory, in a
/// directory that exists and can be written, not one of the command's inputs, and not an existing file unless
/// <c>--force</c> — and written to a temporary file beside it that is renamed into place, so an interrupted or failed write
/// never leaves half a file and never destroys the old one. The temporary file is registered with <see cref="CliSession"/>,
/// so Ctrl-C or SIGTERM removes it too, and an interrupted run renames nothing into place. The path <c>-</c> means standard
/// output (<see cref="IsStdout"/>).
/// </summary>
/// <remarks>
/// Devices and symbolic links are written through, as <c>cp</c> and <c>zstd</c> do: a path under <c>/dev/</c> or
/// <c>/proc/</c> (after following links: <c>/dev/null</c>, <c>/dev/full</c>, <c>/dev/stdout</c>) is opened and written in
/// place, without a temporary file and without needing <c>--force</c>, since nothing is replaced; a symbolic link to a
/// regular file is kept, and the file it points to is replaced (with <c>--force</c>). A device that cannot take the bytes
/// (<c>/dev/full</c>) is bad input: one line naming the path, exit 2.
/// </remarks>
internal static class OutputFile
{
    /// <summary>The path that means standard output.</summary>
    public const string Stdout = "-";

    /// <summary>Whether <paramref name="path"/> is <c>-</c>: write to standard output.</summary>
    public static bool IsStdout(string? path) => path == Stdout;

    /// <summary>
    /// Throws a <see cref="UsageException"/> naming <paramref name="option"/> and the path when it cannot or may not be
    /// written: empty, a directory, one of <paramref name="inputs"/>, in a missing or unwritable directory, or an existing
    /// file without <paramref name="force"/>.
    /// </summary>
    public static void Check(string path, string option, bool force, params string?[] inputs)
    {
        if (!IsStdout(path)) Resolve(path, option, force, inputs);
    }

    /// <summary>
    /// Checks the path, lets <paramref name="write"/> fill a temporary file in the same directory (same file system, so the
    /// rename is atomic), then renames it over the path (a link's target). The temporary file keeps the extension, for
    /// writers that pick a format by it; it is deleted if anything fails. A device is written through directly.
    /// </summary>
    public static void Write(string path, string option, bool force, Action<string> write, params string?[] inputs)
    {
        if (IsStdout(path)) throw new UsageException($"{option} -: this output cannot go to standard output; give a file name.");
        var (target, device) = Resolve(path, option, force, inputs);
        if (device)
        {
            Guard(path, option, () => write(target));
            return;
        }
        string directory = Path.GetDirectoryName(target)!;
        string temp = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(target)}");
        CliSession.TrackTemporary(temp);
        try
        {
            Guard(path, option, () =>
            {
                write(temp);
                CliSession.Current.Cancellation.ThrowIfCancellationRequested(); // an interrupted run leaves no output
                File.Move(temp, target, overwrite: true);
            });
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
            CliSession.Untrack(temp);
        }
    }

    /// <summary>Writes bytes through <see cref="Write(string, string, bool, Action{string}, string?[])"/>: <paramref name="write"/>
    /// streams into the temporary file (or the device), which is renamed into place only if it returns.</summary>
    public static void WriteStream(string path, string option, bool force, Action<Stream> write, params string?[] inputs) =>
        Write(path, option, force, file =>
        {
            // FileMode.Create truncates a regular file and opens a device as it is.
            using var stream = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.ReadWrite, 1 << 16);
            write(stream);
        }, inputs);

    /// <summary>Writes text through <see cref="Write(string, string, bool, Action{string}, string?[])"/>.</summary>
    public static void WriteText(string path, string option, bool force, Action<TextWriter> write, params string?[] inputs)
    {
        if (IsStdout(path))
        {
            write(CliSession.Current.Stdout);
            return;
        }
        Write(path, option, force, file =>
        {
            // FileMode.Create truncates a regular file and opens a device as it is.
            using var writer = new StreamWriter(new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.ReadWrite));
            write(writer);
        }, inputs);
    }

    /// <summary>The file to write (a link followed to its final target), and whether it is a device written in place.</summary>
    private static (string Target, bool Device) Resolve(string path, string option, bool force, string?[] inputs)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException($"{option}: the path is empty.");
        if (Directory.Exists(path)) throw new UsageException($"{option} '{path}' is a directory; give a file name.");
        string target = FinalTarget(path);
        foreach (var input in inputs)
            if (input is not null && !string.IsNullOrWhiteSpace(input) && File.Exists(input) && FinalTarget(input) == target)
                throw new UsageException($"{option} '{path}': the output is the input '{input}'; write the output to another file.");
        // A device is opened by the path the user gave, and the kernel follows the links: /dev/stdout's final link target
        // is not a path when standard output is a pipe or socket (/proc/self/fd/1 → "pipe:[…]"), but opening it works.
        if (IsDevice(target)) return (Path.GetFullPath(path), true);
        string directory = Path.GetDirectoryName(target)!;
        if (File.Exists(directory)) throw new UsageException($"{option} '{path}': '{directory}' is a file, not a directory.");
        if (!Directory.Exists(directory)) throw new UsageException($"{option} '{path}': the directory '{directory}' does not exist.");
        if (File.Exists(target) && !force) throw new UsageException($"{option} '{path}' exists; pass --force to replace it.");
        CheckWritable(path, option, directory);
        return (target, false);
    }

    /// <summary>The full path a path names after following every symbolic link (the path itself when it is not a link).</summary>
    private static string FinalTarget(string path)
    {
        string full = Path.GetFullPath(path);
        try
        {
            return new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full; // a link loop or a link to nothing: the rename replaces the link itself
        }
    }

    private static bool IsDevice(string fullPath) =>
        !OperatingSystem.IsWindows() && (fullPath.StartsWith("/dev/", StringComparison.Ordinal) || fullPath.StartsWith("/proc/", StringComparison.Ordinal));

    /// <summary>Creates and removes a file in <paramref name="directory"/>, so that a directory the user may not write to is found before the work.</summary>
    private static void CheckWritable(string path, string option, string directory)
    {
        string probe = Path.Combine(directory, $".xent-probe-{Guid.NewGuid():N}");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} '{path}': cannot create a file in the directory '{directory}' ({Reason(e)}).");
        }
    }

    /// <summary>Runs a write; a failure of the file system (no space, a device refusing bytes) becomes one line naming the user's path.</summary>
    private static void Guard(string path, string option, Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} '{path}': the write failed ({Reason(e)}).");
        }
    }

    /// <summary>The runtime's reason without the path it names (which may be a temporary file): "No space left on device" → "no space left on device".</summary>
    private static string Reason(Exception e)
    {
        string message = e is UnauthorizedAccessException ? "permission denied" : e.Message;
        int at = message.IndexOf(" : '", StringComparison.Ordinal);
        if (at < 0) at = message.IndexOf(" '", StringComparison.Ordinal);
        if (at > 0) message = message[..at];
        message = message.TrimEnd('.', ' ');
        return message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..] : "I/O error";
    }
}
