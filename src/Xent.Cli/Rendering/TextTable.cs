using Spectre.Console;

namespace Xent.Cli.Rendering;

/// <summary>Writes a Spectre.Console table to a command's output writer (plain text when redirected, so tests can read it).</summary>
internal static class TextTable
{
    public static void Write(TextWriter output, Table table) => Terminal.For(output).Write(table);
}
