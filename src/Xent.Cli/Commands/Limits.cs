using System.CommandLine;
using System.Globalization;

namespace Xent.Cli.Commands;

/// <summary>
/// Work whose size the user sets (--n, --rows × --classes, --bins, --bootstrap, --runs, --max-n) is costed before it starts
/// and refused with one line past a limit: <c>--max-memory</c> (default 4G) bounds the bytes a request allocates,
/// <c>--max-time</c> (default 600 s) a lower bound of its running time. Both are declared here once and added by
/// <see cref="AddTo"/> to each command whose work a user-given size controls.
/// </summary>
internal static class Limits
{
    public const string MemoryOption = "--max-memory";
    public const string TimeOption = "--max-time";
    public const long DefaultMaxMemory = 4L << 30;
    public const double DefaultMaxSeconds = 600;

    /// <summary>Adds <c>--max-memory</c> and <c>--max-time</c> to <paramref name="command"/>.</summary>
    /// <remarks>Both are checked when the command line is parsed, so a malformed limit is refused even when the work is too small
    /// to be checked against it.</remarks>
    public static void AddTo(Command command)
    {
        var memory = new Option<string>(MemoryOption)
        {
            Description = "Refuse work that would allocate more than this: bytes, or a number with K, M, G or T (powers of 1024; default 4G).",
            DefaultValueFactory = _ => "4G",
        };
        memory.Validators.Add(result =>
        {
            try { ParseSize(result.GetValueOrDefault<string>() ?? "4G"); }
            catch (UsageException e) { result.AddError(e.Message); }
        });
        var time = new Option<double>(TimeOption)
        {
            Description = "Refuse work that would take longer than this many seconds, by a lower-bound estimate (default 600).",
            DefaultValueFactory = _ => DefaultMaxSeconds,
        };
        time.Validators.Add(result =>
        {
            double limit = result.GetValueOrDefault<double>();
            if (!(limit > 0)) result.AddError(TimeError(limit));
        });
        command.Options.Add(memory);
        command.Options.Add(time);
    }

    private static string TimeError(double limit) =>
        $"{TimeOption} {limit.ToString(CultureInfo.InvariantCulture)} must be a number of seconds > 0.";

    /// <summary>The <c>--max-memory</c> limit in bytes, for work that checks its own growth against it.</summary>
    public static long MemoryBytes(ParseResult parse) => ParseSize(parse.GetValue<string>(MemoryOption) ?? "4G");

    /// <summary>
    /// Refuses <paramref name="request"/> (what the user typed, e.g. "--n 2147483591") when it needs more than
    /// <c>--max-memory</c> bytes.
    /// </summary>
    public static void Memory(ParseResult parse, double bytes, string request)
    {
        string text = parse.GetValue<string>(MemoryOption) ?? "4G";
        long limit = ParseSize(text);
        if (bytes > limit)
            throw new UsageException($"{request} needs about {Size(bytes)} of memory, more than {MemoryOption} {text}; ask for less, or raise {MemoryOption}.");
    }

    /// <summary>
    /// Refuses <paramref name="request"/> when it would take at least <paramref name="seconds"/> and that is more than
    /// <c>--max-time</c>.
    /// </summary>
    public static void Time(ParseResult parse, double seconds, string request)
    {
        double limit = parse.GetValue<double>(TimeOption);
        if (!(limit > 0)) throw new UsageException(TimeError(limit));
        if (seconds > limit)
            throw new UsageException($"{request} would take ≥ {Duration(seconds)}, more than {TimeOption} {limit.ToString(CultureInfo.InvariantCulture)} s; ask for less, or raise {TimeOption}.");
    }

    /// <summary>"4G" → 4·2^30; a plain number is bytes. Suffixes K, M, G, T (optionally followed by B or iB) are powers of 1024.</summary>
    public static long ParseSize(string text)
    {
        string t = text.Trim();
        if (t.EndsWith("iB", StringComparison.OrdinalIgnoreCase)) t = t[..^2];
        else if (t.Length > 1 && char.IsLetter(t[^2]) && (t[^1] is 'B' or 'b')) t = t[..^1];
        double scale = 1;
        if (t.Length > 0 && char.ToUpperInvariant(t[^1]) is var unit && "KMGT".Contains(unit))
        {
            scale = Math.Pow(1024, "KMGT".IndexOf(unit) + 1);
            t = t[..^1];
        }
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !(value > 0) || double.IsInfinity(value))
            throw new UsageException($"{MemoryOption} '{text}' is not a size: give bytes or a number with K, M, G or T, e.g. 8G.");
        double bytes = value * scale;
        return bytes >= long.MaxValue ? long.MaxValue : (long)bytes;
    }

    /// <summary>Bytes as a short figure in powers of 1024: "16 GiB", "512 MiB".</summary>
    public static string Size(double bytes)
    {
        string[] units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
        int u = 0;
        while (bytes >= 1024 && u < units.Length - 1) { bytes /= 1024; u++; }
        return (u == 0 ? bytes.ToString("0", CultureInfo.InvariantCulture) : bytes.ToString("0.#", CultureInfo.InvariantCulture)) + " " + units[u];
    }

    private static string Duration(double seconds) => seconds switch
    {
        < 10 => $"{seconds.ToString("0.##", CultureInfo.InvariantCulture)} s",
        < 120 => $"{seconds.ToString("0", CultureInfo.InvariantCulture)} s",
        < 7200 => $"{(seconds / 60).ToString("0", CultureInfo.InvariantCulture)} min",
        < 172800 => $"{(seconds / 3600).ToString("0", CultureInfo.InvariantCulture)} h",
        _ => $"{(seconds / 86400).ToString("0", CultureInfo.InvariantCulture)} days",
    };
}
