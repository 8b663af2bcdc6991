using Spectre.Console;

namespace Xent.Cli.Rendering;

/// <summary>Renders a Spectre.Console table as plain text (no colour, no ANSI codes) to any writer, so tests can read it.</summary>
internal static class TextTable
{
    public static void Write(TextWriter output, Table table)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 120;
        console.Write(table);
    }
}
