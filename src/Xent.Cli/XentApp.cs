using System.CommandLine;
using Xent.Cli.Commands;
using Xent.Cli.Data;
using Xent.Data;

namespace Xent.Cli;

/// <summary>The command tree and the one place where errors become exit codes.</summary>
internal static class XentApp
{
    public const int ExitOk = 0;
    public const int ExitBadInput = 2;
    public const int ExitInternalError = 70;

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Xent: information theory as practitioners use it — entropy, cross-entropy, KL, codes and losses.");
        foreach (var command in AllCommands()) root.Subcommands.Add(command);
        return root;
    }

    private static IEnumerable<Command> AllCommands()
    {
        yield return EntropyCommand.Create();
        yield return CrossEntropyCommand.Create();
        yield return KlCommand.Create();
        yield return JsCommand.Create();
        yield return SurprisalCommand.Create();
        yield return TourCommand.Create();
        yield return BenchCommand.Create();
        yield return MiCommand.Create();
        yield return HuffmanCommand.Create();
        yield return BlocksCommand.Create();
        yield return LoglossCommand.Create();
        yield return TrainCommand.Create();
        yield return PredictCommand.Create();
    }

    /// <summary>Parses and runs; bad input or usage gives exit 2 and one line on stderr, never a stack trace.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = BuildRoot();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            stderr.WriteLine($"xent: {OneLine(parsed.Errors[0].Message)} (see 'xent --help')");
            return ExitBadInput;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (DataException e)
        {
            bool canSkip = parsed.CommandResult.Command.Options.Any(o => o.Name == TableInput.SkipOption);
            stderr.WriteLine($"xent: {OneLine(TableInput.Message(e.Error, canSkip))}");
            return ExitBadInput;
        }
        catch (Exception e) when (IsUserError(e))
        {
            stderr.WriteLine($"xent: {OneLine(e)}");
            return ExitBadInput;
        }
        catch (Exception e)
        {
            // A bug of ours, not the user's input: still one line, no stack trace, but a distinct exit code.
            stderr.WriteLine($"xent: internal error ({e.GetType().Name}): {OneLine(e)}");
            return ExitInternalError;
        }
    }

    private static bool IsUserError(Exception e) =>
        e is UsageException or ArgumentException or FormatException or IOException or UnauthorizedAccessException
            or InvalidDataException or OverflowException or OutOfMemoryException;

    /// <summary>The exception's message on one line; an out-of-range argument's message gets the value it was given.</summary>
    private static string OneLine(Exception e)
    {
        string message = OneLine(e.Message);
        if (e is ArgumentOutOfRangeException { ActualValue: { } value })
            message = $"{message.TrimEnd('.')} (got {Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)}).";
        return message;
    }

    private static string OneLine(string message)
    {
        // ArgumentException appends " (Parameter 'p')"; the message already names the argument.
        int cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        return message.ReplaceLineEndings(" ");
    }
}
