using System.CommandLine;
using System.Globalization;

namespace Xent.Cli.Commands;

/// <summary>Options shared by several commands, declared once, and the parsing of their values.</summary>
internal static class Inputs
{
    /// <summary>--base, the unit of every information figure a command reports (the JSON's <c>base</c> and <c>unit</c>).</summary>
    /// <param name="defaultBase">"2" for the measures; "e" where nats are the field's habit (log loss, training).</param>
    public static Option<string> Base(string defaultBase = "2") => new("--base")
    {
        Description = defaultBase == "2"
            ? "Logarithm base: 2 (bits, default), e (nats), 10 (hartleys) or any number > 1."
            : "Logarithm base: e (nats, default), 2 (bits), 10 (hartleys) or any number > 1.",
        DefaultValueFactory = _ => defaultBase,
    };

    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object instead of a table." };

    /// <summary>--threads, the library's one meaning of MaxDegreeOfParallelism: N ≥ 1 threads, or −1 for every core; the CLI
    /// also takes 0 for every core, as zstd's and xz's -T0 (the library does not).</summary>
    public static Option<int> Threads(string what, int defaultValue) => new("--threads")
    {
        Description = $"{what}: N ≥ 1 threads, or -1 (or 0, as in zstd and xz) for every core (default {(defaultValue == -1 ? "-1" : defaultValue)}).",
        DefaultValueFactory = _ => defaultValue,
    };

    /// <summary>A --threads value as the thread count it means (−1 or 0 → every core).</summary>
    public static int ParseThreads(int value) => value switch
    {
        -1 or 0 => Environment.ProcessorCount,
        >= 1 => value,
        _ => throw new UsageException($"--threads {value} must be ≥ 1, or -1 or 0 for every core."),
    };

    public static LogBase ParseBase(string text) =>
        LogBase.TryParse(text, out var b) ? b : throw new UsageException($"--base '{text}' is not 2, e, 10 or a number greater than 1.");

    /// <summary>"a,b,c" → names (columns, labels, symbols), each trimmed, non-empty and different from the others.</summary>
    public static string[] Names(string text, string option)
    {
        var names = text.Split(',').Select(s => s.Trim()).ToArray();
        if (names.Any(n => n.Length == 0)) throw new UsageException($"{option} '{text}' has an empty name.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
            if (!seen.Add(name)) throw new UsageException($"{option} '{text}' names '{name}' twice.");
        return names;
    }

    /// <summary>Parses "0.5,0.4,0.1" strictly: every item a finite number, no empty items.</summary>
    public static double[] ParseList(string text, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new UsageException($"{what} is empty.");
        var parts = text.Split(',');
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
                throw new UsageException($"{what}: item {i + 1} '{parts[i].Trim()}' is not a number.");
        }
        return values;
    }
}
