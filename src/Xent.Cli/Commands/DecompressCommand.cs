using System.CommandLine;

namespace Xent.Cli.Commands;

/// <summary>decompress: a .xent container back into the original bytes (the conventions of <see cref="CompressCommand"/>).</summary>
internal static class DecompressCommand
{
    public static Command Create()
    {
        var shared = new CompressCommand.Options();
        var command = new Command("decompress", "Decompress a .xent container, checking every block's checksum; a failure leaves no output file.");
        shared.AddTo(command);
        command.SetAction(parse => CompressCommand.Run(parse, shared, compress: false, null));
        return command;
    }
}
