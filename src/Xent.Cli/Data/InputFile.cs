namespace Xent.Cli.Data;

/// <summary>
/// A file the user names for reading, checked before it is opened so that a missing file, a directory or an empty path
/// is reported as one line naming the option and the path, not as the runtime's "Access to the path … is denied".
/// </summary>
internal static class InputFile
{
    /// <summary>The file name that means standard input.</summary>
    public const string Stdin = "-";

    /// <summary>Whether <paramref name="path"/> is <c>-</c>: read standard input.</summary>
    public static bool IsStdin(string? path) => path == Stdin;

    /// <summary>Returns <paramref name="path"/> when it names an existing file; a <see cref="UsageException"/> otherwise.</summary>
    /// <param name="path">The path as the user gave it.</param>
    /// <param name="what">How the user gave it, e.g. "--file" or "MODEL", for the message.</param>
    public static string Check(string path, string what)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException($"{what}: the path is empty.");
        if (Directory.Exists(path)) throw new UsageException($"{what} '{path}' is a directory, not a file.");
        if (!File.Exists(path)) throw new UsageException($"{what} '{path}': no such file.");
        return path;
    }
}
