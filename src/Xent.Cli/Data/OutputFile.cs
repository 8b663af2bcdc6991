namespace Xent.Cli.Data;

/// <summary>
/// A file the command writes (a model, predictions, a figure). Checked before any work is done — not a directory, in a
/// directory that exists, and not an existing file unless <c>--force</c> — and written to a temporary file beside it that
/// is renamed into place, so an interrupted or failed write never leaves half a file and never destroys the old one.
/// </summary>
internal static class OutputFile
{
    /// <summary>Throws a <see cref="UsageException"/> naming <paramref name="option"/> and the path when it cannot or may not be written.</summary>
    public static void Check(string path, string option, bool force)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException($"{option}: the path is empty.");
        if (Directory.Exists(path)) throw new UsageException($"{option} '{path}' is a directory; give a file name.");
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (File.Exists(directory)) throw new UsageException($"{option} '{path}': '{directory}' is a file, not a directory.");
        if (!Directory.Exists(directory)) throw new UsageException($"{option} '{path}': the directory '{directory}' does not exist.");
        if (File.Exists(path) && !force) throw new UsageException($"{option} '{path}' exists; pass --force to replace it.");
    }

    /// <summary>
    /// Checks the path, lets <paramref name="write"/> fill a temporary file in the same directory (same file system, so the
    /// rename is atomic), then renames it over <paramref name="path"/>. The temporary file keeps the extension, for writers
    /// that pick a format by it; it is deleted if anything fails.
    /// </summary>
    public static void Write(string path, string option, bool force, Action<string> write)
    {
        Check(path, option, force);
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(path)}");
        try
        {
            write(temp);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Writes bytes through <see cref="Write(string, string, bool, Action{string})"/>: <paramref name="write"/> streams
    /// into the temporary file, which is renamed into place only if it returns.</summary>
    public static void WriteStream(string path, string option, bool force, Action<Stream> write) =>
        Write(path, option, force, temp =>
        {
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            write(stream);
        });

    /// <summary>Writes text through <see cref="Write(string, string, bool, Action{string})"/>.</summary>
    public static void WriteText(string path, string option, bool force, Action<TextWriter> write) =>
        Write(path, option, force, temp =>
        {
            using var writer = new StreamWriter(temp);
            write(writer);
        });
}
