using System.CommandLine;
using System.Globalization;
using Xent.Cli.Data;
using Xent.Cli.Rendering;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>bits: a model's cross-entropy on a file beside its empirical order-0/1/2 entropies and its real compressed size.</summary>
internal static class BitsCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The file to measure." };
        var model = new Option<string>("--model") { Description = "The model: order0, order1 or order2 (static frequency tables; default order2).", DefaultValueFactory = _ => "order2" };
        var trainOn = new Option<string?>("--train-on") { Description = "Train the model on OTHER, freeze it, and measure FILE with it (default: FILE itself)." };
        var smoothing = new Option<double>("--smoothing")
        {
            Description = "The model's pseudo-count α: q(x|c) = (m(c,x) + α)/(m(c) + 256α), so a byte never seen in its context costs finite bits (default 0.5, Krichevsky–Trofimov; 0 = none).",
            DefaultValueFactory = _ => 0.5,
        };
        var threads = Inputs.Threads("Threads for the compression", -1);
        threads.Aliases.Add("-T");
        var json = Inputs.Json();
        var command = new Command("bits", "Bits per byte of FILE: order-0/1/2 entropies (the floor), a model's cross-entropy (what it pays), and the real .xent size.")
            { file, model, trainOn, smoothing, threads, json };
        command.SetAction(parse =>
        {
            string path = InputFile.Check(parse.GetValue(file)!, "FILE");
            string? other = parse.GetValue(trainOn) is string t ? InputFile.Check(t, "--train-on") : null;
            string name = parse.GetValue(model)!;
            int order = name switch
            {
                "order0" => 0,
                "order1" => 1,
                "order2" => 2,
                _ => throw new UsageException($"--model '{name}' is not order0, order1 or order2."),
            };
            double alpha = parse.GetValue(smoothing);
            if (!(alpha >= 0) || double.IsInfinity(alpha))
                throw new UsageException($"--smoothing {alpha.ToString(CultureInfo.InvariantCulture)} must be a finite number ≥ 0.");
            var report = BitsResult.Build(path, other, order, alpha, threads: Inputs.ParseThreads(parse.GetValue(threads)));
            ResultOutput.Write(parse.InvocationConfiguration.Output, report, parse.GetValue(json), ResultText.Write);
            return 0;
        });
        return command;
    }
}
