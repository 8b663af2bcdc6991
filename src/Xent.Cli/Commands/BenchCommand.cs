using System.CommandLine;

namespace Xent.Cli.Commands;

/// <summary>bench: timings of library kernels. Temporary parent on this branch; the lead merges the subcommands into one.</summary>
internal static class BenchCommand
{
    public static Command Create() => new("bench", "Time library kernels.") { BenchSoftmaxCeCommand.Create() };
}
