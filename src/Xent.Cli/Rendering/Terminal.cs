using Spectre.Console;

namespace Xent.Cli.Rendering;

/// <summary>A Spectre.Console console over the command's own output writer (so tests capture tables too).</summary>
internal static class Terminal
{
    public static IAnsiConsole For(TextWriter output)
    {
        bool isConsole = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = isConsole ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isConsole ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        // Redirected output (a file, a pipe, a test) has no width; 120 columns keeps the tables readable there.
        if (!isConsole) console.Profile.Width = 120;
        return console;
    }
}
