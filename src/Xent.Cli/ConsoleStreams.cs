namespace Xent.Cli;

/// <summary>
/// The process's binary standard input and output, for commands that move bytes (compress, decompress), and whether each
/// is a terminal. Tests hand in memory streams.
/// </summary>
internal sealed record ConsoleStreams(Func<Stream> OpenInput, Func<Stream> OpenOutput, bool InputIsTerminal, bool OutputIsTerminal)
{
    /// <summary>The real console.</summary>
    public static ConsoleStreams Console { get; } = new(System.Console.OpenStandardInput, System.Console.OpenStandardOutput,
        !System.Console.IsInputRedirected, !System.Console.IsOutputRedirected);
}
