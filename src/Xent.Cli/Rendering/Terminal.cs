using Spectre.Console;

namespace Xent.Cli.Rendering;

/// <summary>A Spectre.Console console over the command's own output writer (so tests capture tables too).</summary>
internal static class Terminal
{
    public static IAnsiConsole For(TextWriter output)
    {
        bool isConsole = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = isConsole ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isConsole ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
    }
}
