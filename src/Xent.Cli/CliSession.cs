using System.Collections.Concurrent;

namespace Xent.Cli;

/// <summary>
/// What one run of the command line has besides its arguments: binary standard input and output (so that <c>-</c> can mean
/// them, and tests can give them) and whether each is a terminal, the text writer of results, the cancellation token that
/// Ctrl-C and SIGTERM cancel, whether stderr is a terminal and <c>--quiet</c> (for progress), and the temporary files that
/// an interrupted run must remove. The one run-state object: ambient per run (<see cref="AsyncLocal{T}"/>), so commands
/// in-process tests run in parallel each see their own.
/// </summary>
internal sealed class CliSession
{
    private static readonly AsyncLocal<CliSession?> CurrentSession = new();
    private static readonly ConcurrentDictionary<string, byte> PendingTemporaryFiles = new(StringComparer.Ordinal);

    /// <summary>The name "-" is given in messages about standard input.</summary>
    public const string StdinName = "stdin";

    /// <summary>Opens standard input (called at most once per run).</summary>
    public required Func<Stream> OpenStdin { get; init; }

    /// <summary>Opens binary standard output, for commands that write bytes to it (<c>compress -c</c>); the text of results
    /// goes to <see cref="Stdout"/>.</summary>
    public Func<Stream> OpenStdout { get; init; } = () => Stream.Null;

    /// <summary>Whether standard input is a terminal (no FILE and a terminal: <c>compress</c> refuses to wait for typing).</summary>
    public bool StdinIsTerminal { get; init; }

    /// <summary>Whether standard output is a terminal (<c>compress</c> writes binary data there only with <c>-f</c>).</summary>
    public bool StdoutIsTerminal { get; init; }

    /// <summary>The command's standard output as text (results, and where <c>-o -</c> writes text); set by
    /// <see cref="XentApp.Run(string[], TextWriter, TextWriter, CliSession)"/>.</summary>
    public TextWriter Stdout { get; set; } = TextWriter.Null;

    /// <summary>The real console: binary standard input and output, and which of stdin, stdout and stderr are terminals.</summary>
    public static CliSession Console(CancellationToken cancellation) => new()
    {
        OpenStdin = System.Console.OpenStandardInput, OpenStdout = System.Console.OpenStandardOutput, Cancellation = cancellation,
        StdinIsTerminal = !System.Console.IsInputRedirected, StdoutIsTerminal = !System.Console.IsOutputRedirected,
        ErrorIsTerminal = !System.Console.IsErrorRedirected,
    };

    /// <summary>Cancelled by SIGINT (Ctrl-C) or SIGTERM.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Whether the error writer is a terminal (progress is drawn only there).</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Set by the global <c>--quiet</c>: no progress.</summary>
    public bool Quiet { get; set; }

    private int _stdinUsed;

    /// <summary>The session of the running command; a session with no stdin and no cancellation outside a run.</summary>
    public static CliSession Current => CurrentSession.Value ?? new CliSession { OpenStdin = () => Stream.Null };

    internal static void Enter(CliSession? session) => CurrentSession.Value = session;

    /// <summary>Standard input, once: a second "-" in one command line is a usage error (there is one stdin).</summary>
    public Stream Stdin()
    {
        if (Interlocked.Exchange(ref _stdinUsed, 1) != 0) throw new UsageException("'-' (stdin) is given twice; standard input can be read once.");
        return OpenStdin();
    }

    /// <summary>Registers a temporary file that <see cref="DeletePendingFiles"/> removes if the process is interrupted before it is renamed.</summary>
    public static void TrackTemporary(string path) => PendingTemporaryFiles.TryAdd(path, 0);

    /// <summary>The file was renamed into place or deleted.</summary>
    public static void Untrack(string path) => PendingTemporaryFiles.TryRemove(path, out _);

    /// <summary>Deletes every temporary file still pending: called on a signal before the process exits.</summary>
    public static void DeletePendingFiles()
    {
        foreach (var path in PendingTemporaryFiles.Keys)
        {
            try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            Untrack(path);
        }
    }
}
