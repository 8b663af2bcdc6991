using System.CommandLine;
using Xent.Cli.Commands;
using Xent.Cli.Data;
using Xent.Data;
using Xent.Reports;

namespace Xent.Cli;

/// <summary>The command tree and the one place where errors become exit codes.</summary>
internal static class XentApp
{
    public const int ExitOk = 0;
    public const int ExitBadInput = Failure.UserErrorExitCode;
    public const int ExitInternalError = Failure.InternalExitCode;

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

    /// <summary>
    /// System.CommandLine's "Cannot parse argument 'abc' for option '--n' as expected type 'System.Int32'." in the user's
    /// terms: "--n 'abc' is not a whole number (at most 2147483647).", without .NET type names.
    /// </summary>
    internal static string PlainParseError(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message,
            @"^Cannot parse argument '(?<value>.*)' for (?:option|argument) '(?<name>[^']*)' as expected type '(?<type>[^']*)'\.?$");
        if (!match.Success) return message;
        string type = match.Groups["type"].Value;
        string expected =
            type.Contains("System.Int32", StringComparison.Ordinal) ? $"a whole number from {int.MinValue} to {int.MaxValue}"
            : type.Contains("System.Int64", StringComparison.Ordinal) ? $"a whole number from {long.MinValue} to {long.MaxValue}"
            : type.Contains("System.Double", StringComparison.Ordinal) ? "a number"
            : type.Contains("System.Boolean", StringComparison.Ordinal) ? "true or false"
            : "a valid value";
        return $"{match.Groups["name"].Value} '{match.Groups["value"].Value}' is not {expected}.";
    }

    /// <summary>
    /// Parses and runs; a failure becomes one line on stderr and the exit code of its <see cref="Failure"/> class —
    /// 2 for bad input or usage, 70 for a bug — never a stack trace.
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = BuildRoot();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            stderr.WriteLine($"xent: {Failure.OneLine(PlainParseError(parsed.Errors[0].Message))} (see 'xent --help')");
            return ExitBadInput;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (DataException e)
        {
            // The data layer's structured error, worded for this command (a row error says how to skip it, if it can).
            bool canSkip = parsed.CommandResult.Command.Options.Any(o => o.Name == TableInput.SkipOption);
            stderr.WriteLine($"xent: {Failure.OneLine(TableInput.Message(e.Error, canSkip))}");
            return ExitBadInput;
        }
        catch (Exception e)
        {
            var failure = Failure.Classify(e);
            stderr.WriteLine($"xent: {failure.Message}");
            return failure.ExitCode;
        }
    }
}
