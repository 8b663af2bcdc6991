using System.CommandLine;
using System.CommandLine.Help;
using System.Text.Json;
using Xent.Cli.Commands;
using Xent.Cli.Data;
using Xent.Data;
using Xent.Reports;

namespace Xent.Cli;

/// <summary>The command tree and the one place where errors become exit codes.</summary>
internal static class XentApp
{
    /// <summary>The program's name in usage lines and messages, whatever the executable is called (Xent.Cli.dll, testhost).</summary>
    public const string Name = "xent";

    public const int ExitOk = 0;
    public const int ExitBadInput = Failure.UserErrorExitCode;
    public const int ExitInternalError = Failure.InternalExitCode;

    /// <summary>Exit code of a run stopped by Ctrl-C (SIGINT) or SIGTERM: 128 + SIGINT, as shells report it.</summary>
    public const int ExitInterrupted = 130;

    /// <summary>The global option that silences progress on stderr.</summary>
    public static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "No progress on stderr.", Recursive = true };

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Xent: information theory as practitioners use it — entropy, cross-entropy, KL, codes and losses.");
        foreach (var command in AllCommands()) root.Subcommands.Add(command);
        root.Options.Add(Quiet);
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
        yield return TreeCommand.Create();
        yield return RankFeaturesCommand.Create();
        yield return CompressCommand.Create();
        yield return DecompressCommand.Create();
        yield return BitsCommand.Create();
        yield return ServeCommand.Create();
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
    /// Parses and runs; a failure becomes one line on stderr (under <c>--json</c>, one JSON object
    /// <c>{"error": …, "exit_code": …}</c>) and the exit code of its <see cref="Failure"/> class — 2 for bad input or usage,
    /// 70 for a bug, 130 when <paramref name="cancellation"/> stopped it — never a stack trace.
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors and progress go.</param>
    /// <param name="stdin">Opens standard input, for the file name <c>-</c> (default: an empty stream).</param>
    /// <param name="cancellation">Cancelled by Ctrl-C or SIGTERM.</param>
    /// <param name="errorIsTerminal">Whether <paramref name="stderr"/> is a terminal, where progress is drawn.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<Stream>? stdin = null,
        CancellationToken cancellation = default, bool errorIsTerminal = false) =>
        Run(args, stdout, stderr, new CliSession { OpenStdin = stdin ?? (() => Stream.Null), Cancellation = cancellation, ErrorIsTerminal = errorIsTerminal });

    /// <summary>Runs in <paramref name="session"/> (binary standard input and output, terminals, cancellation): the program
    /// passes <see cref="CliSession.Console"/>, tests memory streams.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CliSession session)
    {
        session.Stdout = stdout;
        CliSession.Enter(session);
        try
        {
            return RunCore(args, stdout, stderr, session);
        }
        finally
        {
            CliSession.Enter(null);
        }
    }

    /// <summary>The version printed by <c>--version</c>: the CLI assembly's informational version without its build
    /// metadata ("0.1.0", not "0.1.0+commit").</summary>
    public static string Version
    {
        get
        {
            var assembly = typeof(XentApp).Assembly;
            string version = assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
                .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion
                ?? assembly.GetName().Version?.ToString() ?? "unknown";
            int plus = version.IndexOf('+');
            return plus < 0 ? version : version[..plus];
        }
    }

    private static int RunCore(string[] args, TextWriter stdout, TextWriter stderr, CliSession session)
    {
        var root = BuildRoot();
        // --version anywhere before "--", at any level (xent --version, xent entropy --version), prints the version, as
        // zstd and xz do; System.CommandLine's own VersionOption would see "no command given" at the root and reject it
        // after a command, and would name the test host's version when run in-process.
        int endOfOptions = Array.IndexOf(args, "--");
        if ((endOfOptions < 0 ? args : args[..endOfOptions]).Contains("--version"))
        {
            stdout.WriteLine(Version);
            return ExitOk;
        }
        // "xent help" and "xent help CMD [SUB]": the same help as --help, on stdout.
        if (args.Length > 0 && args[0] == "help") return Help(root, args[1..], stdout, stderr);
        bool json = args.Contains("--json");
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = ResponseFiles.TryRead });
        json |= parsed.Tokens.Any(t => t.Value == "--json");
        session.Quiet = parsed.GetValue(Quiet);

        if (parsed.Action is HelpAction) return WriteHelp(parsed, stdout);
        if (parsed.CommandResult.Command == root && parsed.UnmatchedTokens.Count == 0
            && parsed.Errors.All(e => e.Message.StartsWith("Required command was not provided", StringComparison.Ordinal)))
        {
            // No command at all: the overview, as a usage error.
            return Fail(stderr, json, $"give a command; see '{Name} --help'.", ExitBadInput, help: () => WriteHelp(root.Parse(["--help"]), stderr));
        }
        if (parsed.Errors.Count > 0) return ParseErrors(root, parsed, stderr, json);
        try
        {
            return parsed.Invoke(new InvocationConfiguration
            {
                Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null,
            });
        }
        catch (OperationCanceledException) when (session.Cancellation.IsCancellationRequested)
        {
            return Fail(stderr, json, "interrupted.", ExitInterrupted);
        }
        catch (DataException e)
        {
            // The data layer's structured error, worded for this command (a row error says how to skip it, if it can).
            bool canSkip = parsed.CommandResult.Command.Options.Any(o => o.Name == TableInput.SkipOption);
            return Fail(stderr, json, Failure.OneLine(TableInput.Message(e.Error, canSkip)), ExitBadInput);
        }
        catch (Exception e)
        {
            if (session.Cancellation.IsCancellationRequested) return Fail(stderr, json, "interrupted.", ExitInterrupted);
            var failure = Failure.Classify(e);
            return Fail(stderr, json, failure.Message, failure.ExitCode);
        }
    }

    /// <summary>
    /// <c>xent help [CMD [SUB]]</c>: the help of the command named (the overview when none), exit 0; a name that is not a
    /// command is a usage error with the nearest command's name.
    /// </summary>
    private static int Help(RootCommand root, string[] names, TextWriter stdout, TextWriter stderr)
    {
        Command command = root;
        foreach (var name in names)
        {
            if (command.Subcommands.FirstOrDefault(c => c.Name == name) is { } next) { command = next; continue; }
            var nearest = Suggestions.Nearest(name, command.Subcommands);
            string where = command == root ? Name : $"{Name} {string.Join(' ', names.TakeWhile(n => n != name))}";
            string of = command == root ? "" : $" of '{where}'";
            stderr.WriteLine(command.Subcommands.Count == 0
                ? $"{Name}: '{where}' has no commands under it; see '{where} --help'."
                : nearest is null
                    ? $"{Name}: '{name}' is not a command{of}; the commands are: {string.Join(", ", command.Subcommands.Select(c => c.Name))}."
                    : $"{Name}: '{name}' is not a command{of}; did you mean '{nearest.Name}'?");
            return ExitBadInput;
        }
        return WriteHelp(root.Parse([.. names, "--help"]), stdout);
    }

    /// <summary>The command as typed: "xent", "xent entropy", "xent bench entropy".</summary>
    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (var r = result; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            if (r.Parent is not null) names.Insert(0, r.Command.Name);
        return names.Count == 0 ? Name : $"{Name} {string.Join(' ', names)}";
    }

    /// <summary>Every parse error, one per line; a mistyped command gets the nearest command's name and its help.</summary>
    private static int ParseErrors(RootCommand root, ParseResult parsed, TextWriter stderr, bool json)
    {
        var messages = parsed.Errors.Select(e => Failure.OneLine(PlainParseError(e.Message))).Distinct().ToList();
        // "Required command was not provided" is noise beside the error that kept the command from being read.
        if (messages.Count > 1) messages.RemoveAll(m => m.StartsWith("Required command was not provided", StringComparison.Ordinal));
        // System.CommandLine says an argument is missing without naming it: name each one.
        var command = parsed.CommandResult.Command;
        var missing = command.Arguments
            .Where(a => a.Arity.MinimumNumberOfValues > 0 && (parsed.GetResult(a) is not { } r || r.Tokens.Count < a.Arity.MinimumNumberOfValues))
            .Select(a => $"{a.Name} ({a.Description?.TrimEnd('.')})").ToList();
        if (missing.Count > 0)
        {
            int at = messages.FindIndex(m => m.StartsWith("Required argument missing", StringComparison.Ordinal));
            if (at >= 0) messages[at] = $"'{command.Name}' needs {(missing.Count == 1 ? "the argument" : "the arguments")} {string.Join("; ", missing)}.";
        }
        Command? suggestion = null;
        string where = CommandPath(parsed.CommandResult);
        bool afterEndOfOptions = parsed.Tokens.Any(t => t.Value == "--");
        if (command.Subcommands.Count > 0 && !afterEndOfOptions && parsed.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith('-')) is { } typed)
        {
            suggestion = Suggestions.Nearest(typed, command.Subcommands);
            // The rest of the line belonged to the command that was meant: its tokens are not errors of their own.
            messages.RemoveAll(m => m.StartsWith("Required command was not provided", StringComparison.Ordinal)
                || m.StartsWith("Unrecognized command or argument", StringComparison.Ordinal));
            string of = command == root ? "" : $" of '{where}'";
            messages.Insert(0, suggestion is null
                ? $"'{typed}' is not a command{of}; the commands are: {string.Join(", ", command.Subcommands.Select(c => c.Name))}."
                : $"'{typed}' is not a command{of}; did you mean '{suggestion.Name}'?");
        }
        else if (command.Subcommands.Count > 0)
        {
            // "xent bench" alone: name the commands it takes instead of "Required command was not provided".
            int at = messages.FindIndex(m => m.StartsWith("Required command was not provided", StringComparison.Ordinal));
            if (at >= 0) messages[at] = $"'{where}' needs a command: {string.Join(", ", command.Subcommands.Select(c => c.Name))}.";
        }
        if (json) return Fail(stderr, json, string.Join(" ", messages), ExitBadInput);
        for (int i = 0; i < messages.Count; i++)
            stderr.WriteLine($"{Name}: {messages[i]}{(i == messages.Count - 1 && suggestion is null ? $" (see '{where} --help')" : "")}");
        if (suggestion is not null) WriteHelp(root.Parse([.. where.Split(' ').Skip(1), suggestion.Name, "--help"]), stderr);
        return ExitBadInput;
    }

    /// <summary>One failure: "xent: message" on stderr, or under --json the object {"error": message, "exit_code": code}.</summary>
    private static int Fail(TextWriter stderr, bool json, string message, int exitCode, Func<int>? help = null)
    {
        if (json)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartObject();
                writer.WriteString("error", message);
                writer.WriteNumber("exit_code", exitCode);
                writer.WriteEndObject();
            }
            stderr.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            return exitCode;
        }
        stderr.WriteLine($"{Name}: {message}");
        help?.Invoke();
        return exitCode;
    }

    /// <summary>System.CommandLine's help, named <c>xent</c>, with the command's examples and the exit codes.</summary>
    private static int WriteHelp(ParseResult parsed, TextWriter output)
    {
        var text = new StringWriter();
        parsed.Invoke(new InvocationConfiguration { Output = text, Error = text });
        output.Write(HelpText.Complete(text.ToString(), parsed.RootCommandResult.Command.Name, parsed.CommandResult.Command));
        return ExitOk;
    }
}
