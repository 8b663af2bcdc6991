using System.CommandLine;
using Xent.Cli.Rendering;
using Xent.Measures;

namespace Xent.Cli.Commands;

/// <summary>entropy: H(P) of a distribution given on the command line.</summary>
internal static class EntropyCommand
{
    public static Command Create()
    {
        var p = new Argument<string>("P") { Description = "Probabilities, comma-separated: 0.5,0.4,0.1" };
        var logBase = Inputs.Base();
        var json = Inputs.Json();
        var command = new Command("entropy", "Shannon entropy H(P) = −Σ p log p.") { p, logBase, json };
        command.SetAction(parse =>
        {
            var b = Inputs.ParseBase(parse.GetValue(logBase)!);
            var h = Discrete.Entropy(Inputs.ParseList(parse.GetValue(p)!, "P"), b);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json)) new JsonReport().AddInformation("entropy", h).WriteTo(output);
            else output.WriteLine($"H(P) = {h}");
            return 0;
        });
        return command;
    }
}
