using System.Collections.Concurrent;

namespace Xent.Cli;

/// <summary>
/// What one run of the command line has besides its arguments and writers: standard input (so that <c>-</c> can mean it,
/// and tests can give it), the cancellation token that Ctrl-C and SIGTERM cancel, whether stderr is a terminal and
/// <c>--quiet</c> (for progress), and the temporary files that an interrupted run must remove. Ambient per run
/// (<see cref="AsyncLocal{T}"/>), so commands in-process tests run in parallel each see their own.
/// </summary>
internal sealed class CliSession
{
    private static readonly AsyncLocal<CliSession?> CurrentSession = new();
    private static readonly ConcurrentDictionary<string, byte> PendingTemporaryFiles = new(StringComparer.Ordinal);

    /// <summary>The name "-" is given in messages about standard input.</summary>
    public const string StdinName = "stdin";

    /// <summary>Opens standard input (called at most once per run).</summary>
    public required Func<Stream> OpenStdin { get; init; }

    /// <summary>The command's standard output (where <c>-o -</c> writes).</summary>
    public TextWriter Stdout { get; init; } = TextWriter.Null;

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
