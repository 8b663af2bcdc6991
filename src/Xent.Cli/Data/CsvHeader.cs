namespace Xent.Cli.Data;

/// <summary>The header row of a CSV file: checked once when the file is opened, and the one place columns are found by name.</summary>
internal static class CsvHeader
{
    /// <summary>
    /// Rejects a header that holds control characters (a binary file read as CSV would otherwise be listed, bytes and all,
    /// in a "no column" message).
    /// </summary>
    public static void Check(string path, IReadOnlyList<string> header)
    {
        for (int j = 0; j < header.Count; j++)
        {
            foreach (char ch in header[j])
            {
                if (char.IsControl(ch) && ch != '\t')
                    throw new InvalidDataException($"{path}: the header row holds the control character U+{(int)ch:X4} in column {j + 1}; is this a CSV text file?");
            }
        }
    }

    /// <summary>The index of the column named <paramref name="name"/> (exact, case-sensitive match).</summary>
    /// <exception cref="UsageException">There is no such column (the message lists the columns there are), or two columns have that name.</exception>
    public static int Find(string path, IReadOnlyList<string> header, string name)
    {
        int index = -1;
        for (int j = 0; j < header.Count; j++)
        {
            if (header[j] != name) continue;
            if (index >= 0) throw new UsageException($"{path}: columns {index + 1} and {j + 1} are both named '{name}'; rename one.");
            index = j;
        }
        if (index < 0) throw new UsageException($"{path}: no column '{name}'; the columns are: {string.Join(", ", header)}.");
        return index;
    }
}
