using System.CommandLine;
using System.Globalization;
using Xent.Cli.Data;
using Xent.Cli.Plotting;
using Xent.Cli.Rendering;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>bits: a model's cross-entropy on a file beside its empirical order-0/1/2 entropies and the real size of the file
/// coded with that model.</summary>
internal static class BitsCommand
{
    /// <summary>Windows of the --plot curve.</summary>
    private const int PlotPoints = 1000;

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The file to measure." };
        var model = new Option<string>("--model")
        {
            Description = "The model: order0 (static rANS, each block's byte frequencies), order1 (static order-1 rANS), order2 (adaptive order-2) or cm (context mixing); default order2. The file is coded with it.",
            DefaultValueFactory = _ => "order2",
        };
        var trainOn = new Option<string?>("--train-on") { Description = "Train an order0/1/2 model on OTHER, freeze it, and code FILE with it (cm cannot be frozen)." };
        var smoothing = new Option<double>("--smoothing")
        {
            Description = "The static model's pseudo-count α: q(x|c) = (m(c,x) + α)/(m(c) + 256α), so a byte never seen in its context costs finite bits (default 0.5, Krichevsky–Trofimov; 0 = none).",
            DefaultValueFactory = _ => 0.5,
        };
        var plot = new Option<string?>("--plot") { Description = "Draw the model's bits per byte along the file (mean over 1000 windows) into this PNG or SVG file." };
        var force = new Option<bool>("--force") { Description = "Replace the --plot file if it exists." };
        var threads = Inputs.Threads("Threads for the coding", -1);
        threads.Aliases.Add("-T");
        var json = Inputs.Json();
        var command = new Command("bits", "Bits per byte of FILE: order-0/1/2 entropies (the floor), a model's cross-entropy (what it pays), and the real size of FILE coded with that model.")
            { file, model, trainOn, smoothing, plot, force, threads, json };
        command.SetAction(parse =>
        {
            string path = InputFile.Check(parse.GetValue(file)!, "FILE");
            string? other = parse.GetValue(trainOn) is string t ? InputFile.Check(t, "--train-on") : null;
            string name = parse.GetValue(model)!.Trim().ToLowerInvariant();
            if (!BitsResult.Models.Contains(name))
                throw new UsageException($"--model '{parse.GetValue(model)}' is not one of {string.Join(", ", BitsResult.Models)}.");
            if (name == "cm" && other is not null)
                throw new UsageException("--train-on works with --model order0, order1 or order2: the cm model learns as it codes and has no frozen form.");
            double alpha = parse.GetValue(smoothing);
            if (!(alpha >= 0) || double.IsInfinity(alpha))
                throw new UsageException($"--smoothing {alpha.ToString(CultureInfo.InvariantCulture)} must be a finite number ≥ 0.");
            string? plotPath = parse.GetValue(plot);
            if (plotPath is not null) PlotRenderer.CheckPath(plotPath, parse.GetValue(force));
            int threadCount = Inputs.ParseThreads(parse.GetValue(threads));

            // Passes: counting, coding, and the profile for --plot over FILE; counting OTHER.
            long length = new FileInfo(path).Length;
            long total = length * (plotPath is null ? 2 : 3) + (other is null ? 0 : new FileInfo(other).Length);
            var report = WorkProgress.ForLargeInput($"bits of {path}", length, total, track =>
                BitsResult.Build(path, other, name, alpha, threadCount, plotPath is null ? 0 : PlotPoints,
                    p => track(File.OpenRead(p)), CliSession.Current.Cancellation));
            // No bytes, no bits per byte: every figure would be 0/0. Refused as bad input (checked on what was read, so a pipe
            // or device that reports no length is measured first).
            if (report.InputBytes == 0)
                throw new UsageException($"FILE '{path}' is empty (0 bytes): there are no bits per byte to measure.");
            if (plotPath is not null) PlotRenderer.Save(report.ProfilePlot(), plotPath, parse.GetValue(force));
            ResultOutput.Write(parse.InvocationConfiguration.Output, report, parse.GetValue(json), ResultText.Write);
            return 0;
        });
        return command;
    }
}
