using System.CommandLine;
using Xent.Cli.Rendering;
using Xent.Cli.Tour;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>tour: every worked example of the four articles, computed by the library (<see cref="Reports.Tour.Tour"/>), with tables and figures.</summary>
internal static class TourCommand
{
    public static Command Create()
    {
        var outDir = new Option<string>("--out") { Description = "Directory for the figures (PNG and SVG).", DefaultValueFactory = _ => "tour-output" };
        var json = Inputs.Json();
        var noPlots = new Option<bool>("--no-plots") { Description = "Compute and print only; write no figure files." };
        var force = new Option<bool>("--force") { Description = "Write into --out even if it holds files the tour did not write." };
        var command = new Command("tour", "Replay every worked example of the articles, computed by Xent, with the articles' figures beside ours and plots.")
            { outDir, json, noPlots, force };
        command.SetAction(parse =>
        {
            var report = Reports.Tour.Tour.Build();
            var written = parse.GetValue(noPlots) ? [] : TourFigures.Write(report.Plots, parse.GetValue(outDir)!, parse.GetValue(force));
            ResultOutput.Write(parse.InvocationConfiguration.Output, TourResult.From(report, written), parse.GetValue(json), ResultText.Write);
            return 0;
        });
        return command;
    }
}
