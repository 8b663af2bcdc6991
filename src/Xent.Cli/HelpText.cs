using System.CommandLine;
using System.Text;

namespace Xent.Cli;

/// <summary>
/// What the help adds to System.CommandLine's: the program named <c>xent</c> in the usage line (not the executable's
/// name), each command's examples, the notes on <c>-</c>, <c>@file</c> and the exit codes.
/// </summary>
internal static class HelpText
{
    /// <summary>Examples per command, shown under its help.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Examples = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["entropy"] = ["xent entropy 0.5,0.25,0.25", "xent entropy --counts 10,5,1 --estimator miller-madow --ci 0.95 --seed 1",
            "xent entropy --file data.bin", "cat data.bin | xent entropy --file -", "xent entropy --csv t.csv --column city --base e"],
        ["cross-entropy"] = ["xent cross-entropy 0.5,0.5 0.9,0.1", "xent cross-entropy 1,0 0,1 --smoothing 0.01 --json"],
        ["kl"] = ["xent kl 0.5,0.5 0.9,0.1", "xent kl 0.5,0.5 0.9,0.1 --base e --json"],
        ["js"] = ["xent js 0.5,0.5 0.9,0.1"],
        ["surprisal"] = ["xent surprisal 0.5,0.25,0.25", "xent surprisal 0.5,0.25,0.25 --base 10 --json"],
        ["tour"] = ["xent tour", "xent tour --json"],
        ["bench"] = ["xent bench entropy --n 1000000", "xent bench kl --n 100000 --runs 5 --json", "xent bench rans1 --file notes.txt --json",
            "xent bench cm --file notes.txt --threads 2"],
        ["mi"] = ["xent mi t.csv --x smoker --y cancer", "xent mi t.csv --x a --y b --given c --json", "cut -d, -f1,2 t.csv | xent mi - --x a --y b"],
        ["huffman"] = ["xent huffman 0.5,0.25,0.125,0.125", "xent huffman 0.4,0.3,0.2,0.1 --symbols a,b,c,d --max-length 2"],
        ["blocks"] = ["xent blocks 0.9,0.1 --max-n 8", "xent blocks 0.9,0.1 --q 0.8,0.2 --plot blocks.png"],
        ["logloss"] = ["xent logloss preds.csv --label y --probs p0,p1,p2", "xent logloss preds.csv --label y --logits z0,z1 --labels no,yes --plot rel.png",
            "xent logloss - --label y --probs p0,p1 < preds.csv"],
        ["train"] = ["xent train iris.csv --target species --test-fraction 0.2 --save model.json", "xent train - --target y --save - < t.csv > model.json"],
        ["predict"] = ["xent predict model.json new.csv", "xent predict model.json new.csv --output predictions.csv", "xent predict model.json - < new.csv"],
        ["tree"] = ["xent tree data/iris.csv --target species --test-fraction 0.3 --save tree.json --plot tree.svg",
            "xent tree weather.csv --target play --criterion gain-ratio --split binary --json",
            "xent bench tree --x X.f64 --y y.i32 --features 20 --threads 2"],
        ["rank-features"] = ["xent rank-features data/iris.csv --target species --method ksg",
            "xent rank-features t.csv --target y --select 5 --strategy mrmr --permutations 500 --json"],
        ["compress"] = ["xent compress notes.txt", "xent compress --codec cm -o notes.xent notes.txt", "tar c dir | xent compress -c - > dir.tar.xent",
            "xent compress -d notes.txt.xent"],
        ["decompress"] = ["xent decompress notes.txt.xent", "xent decompress notes.txt.xent -o copy.txt"],
        ["bits"] = ["xent bits notes.txt", "xent bits notes.txt --model order1 --json", "xent bits french.txt --model order2 --train-on english.txt",
            "xent bits notes.txt --model cm --plot surprise.png"],
        ["serve"] = ["xent serve", "xent serve --port 8080 --open", "xent serve --host 0.0.0.0 --port 0"],
    };

    private const string Notes = """
        Files:
          -          as a file name reads standard input (entropy --file -, --csv -, mi -, train -, logloss -, predict MODEL -)
                     and, for -o/--output/--save, writes standard output.
          @FILE      reads more arguments from FILE (a response file, at most 64 MiB): one or more per line, "double quotes"
                     keep spaces together, lines starting with # are comments.

        Exit codes:
          0    success
          2    bad input or usage (one line on stderr; with --json, {"error": "...", "exit_code": 2})
          70   internal error (a bug: please report it)
          130  interrupted (Ctrl-C or SIGTERM); no partial output is left behind
        """;

    /// <summary>
    /// The help System.CommandLine wrote for <paramref name="command"/>, with <paramref name="executable"/> in the usage
    /// lines replaced by <c>xent</c>, then its examples and the notes.
    /// </summary>
    public static string Complete(string help, string executable, Command command)
    {
        var text = new StringBuilder();
        foreach (var line in help.TrimEnd().Split('\n'))
        {
            string l = line.TrimEnd('\r');
            if (l.StartsWith("  " + executable, StringComparison.Ordinal)) l = "  " + XentApp.Name + l[(2 + executable.Length)..];
            text.Append(l).Append('\n');
        }
        // Examples are keyed by top-level command: 'bench entropy' is not 'entropy'.
        if (command.Parents.Any(p => p is RootCommand) && Examples.TryGetValue(command.Name, out var examples))
        {
            text.Append("\nExamples:\n");
            foreach (var example in examples) text.Append("  ").Append(example).Append('\n');
        }
        text.Append('\n').Append(Notes.ReplaceLineEndings("\n")).Append('\n');
        return text.ToString();
    }
}

/// <summary>The nearest command name to a mistyped one (Damerau–Levenshtein, within a third of the name's length).</summary>
internal static class Suggestions
{
    public static Command? Nearest(string typed, IEnumerable<Command> commands)
    {
        Command? best = null;
        int bestDistance = int.MaxValue;
        foreach (var command in commands)
        {
            int d = command.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase) && typed.Length >= 2 ? 1 : Distance(typed.ToLowerInvariant(), command.Name);
            if (d < bestDistance) (best, bestDistance) = (command, d);
        }
        return bestDistance <= Math.Max(2, typed.Length / 3) ? best : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}

/// <summary>
/// <c>@FILE</c> response files, read with a size limit: a file that never ends (<c>@/dev/zero</c>) or is larger than
/// <see cref="MaxBytes"/> is refused after reading at most that much, never read into memory whole.
/// </summary>
internal static class ResponseFiles
{
    /// <summary>The largest response file read: 64 MiB of arguments (a distribution of 10^6 outcomes is ≈ 7 MB of text; one
    /// command-line argument is capped at 128 KiB by Linux, so a response file is how such a list is given).</summary>
    public const int MaxBytes = 64 << 20;

    /// <summary>System.CommandLine's <see cref="System.CommandLine.Parsing.TryReplaceToken"/>: the arguments in the file named by <paramref name="token"/>.</summary>
    public static bool TryRead(string token, out IReadOnlyList<string>? tokens, out string? error)
    {
        tokens = null;
        string path = token.StartsWith('@') ? token[1..] : token;
        byte[] bytes;
        try
        {
            if (Directory.Exists(path)) { error = $"response file '@{path}' is a directory."; return false; }
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            var buffer = new byte[Math.Min(MaxBytes + 1, file.CanSeek ? file.Length + 1 : MaxBytes + 1)];
            int total = 0, n;
            while (total < buffer.Length && (n = file.Read(buffer, total, buffer.Length - total)) > 0) total += n;
            if (total > MaxBytes) { error = $"response file '@{path}' is larger than {MaxBytes >> 20} MiB; put data in a file and pass its name."; return false; }
            bytes = buffer[..total];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = e is FileNotFoundException or DirectoryNotFoundException ? $"response file '@{path}': no such file." : $"response file '@{path}' cannot be read.";
            return false;
        }
        string text = Encoding.UTF8.GetString(bytes);
        if (text.Contains('\0')) { error = $"response file '@{path}' holds NUL bytes; is it a text file?"; return false; }
        var list = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            Split(line, list);
        }
        tokens = list;
        error = null;
        return true;
    }

    /// <summary>Splits a line at whitespace outside double quotes; the quotes are removed.</summary>
    private static void Split(string line, List<string> into)
    {
        var current = new StringBuilder();
        bool quoted = false, any = false;
        foreach (char ch in line)
        {
            if (ch == '"') { quoted = !quoted; any = true; continue; }
            if (char.IsWhiteSpace(ch) && !quoted)
            {
                if (any) into.Add(current.ToString());
                current.Clear();
                any = false;
                continue;
            }
            current.Append(ch);
            any = true;
        }
        if (any) into.Add(current.ToString());
    }
}
