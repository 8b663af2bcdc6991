using System.CommandLine;
using Xent.Cli.Rendering;
using Xent.Measures;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>surprisal: −log p of one or more probabilities.</summary>
internal static class SurprisalCommand
{
    public static Command Create()
    {
        var p = new Argument<string>("p") { Description = "A probability in [0, 1], or several comma-separated." };
        var logBase = Inputs.Base();
        var json = Inputs.Json();
        var command = new Command("surprisal", "Surprisal (information content) −log p: 1 bit for a fair coin's face, ∞ for an impossible event.") { p, logBase, json };
        command.SetAction(parse =>
        {
            var b = Inputs.ParseBase(parse.GetValue(logBase)!);
            var values = Inputs.ParseList(parse.GetValue(p)!, "p");
            var surprisals = new double[values.Length];
            Discrete.Surprisal(values, surprisals, b);
            var output = parse.InvocationConfiguration.Output;
            var result = new SurprisalResult { Probabilities = values, Surprisal = surprisals, Base = b.Value };
            ResultOutput.Write(output, result, parse.GetValue(json), ResultText.Write);
            return 0;
        });
        return command;
    }
}
