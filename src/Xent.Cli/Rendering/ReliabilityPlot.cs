using ScottPlot;
using Xent.Cli.Data;
using Xent.Learning;

namespace Xent.Cli.Rendering;

/// <summary>The reliability diagram: accuracy against mean confidence per bin (markers sized by weight), and the diagonal; a PNG written through <see cref="OutputFile"/>.</summary>
internal static class ReliabilityPlot
{
    /// <summary>Checks the --plot path before any work is done: a .png name that <see cref="OutputFile"/> may write.</summary>
    public static void CheckPath(string path, bool force)
    {
        if (!Path.GetExtension(path).Equals(".png", StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"--plot '{path}': the file name must end in .png.");
        OutputFile.Check(path, "--plot", force);
    }

    public static void Save(IReadOnlyList<CalibrationBin> bins, string path, bool force)
    {
        var plot = new Plot();
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "perfect calibration";
        var used = bins.Where(b => b.Count > 0).ToArray();
        var bars = plot.Add.Bars(used.Select(b => (b.Lower + b.Upper) / 2).ToArray(), used.Select(b => b.Accuracy).ToArray());
        foreach (var bar in bars.Bars) bar.Size = 0.9 / bins.Count;
        bars.LegendText = "accuracy per confidence bin";
        var points = plot.Add.Scatter(used.Select(b => b.Confidence).ToArray(), used.Select(b => b.Accuracy).ToArray());
        points.LineWidth = 0;
        points.MarkerSize = 7;
        points.LegendText = "(mean confidence, accuracy)";
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.XLabel("confidence (top probability)");
        plot.YLabel("accuracy");
        plot.Title("Reliability diagram");
        plot.ShowLegend(Alignment.UpperLeft);
        OutputFile.Write(path, "--plot", force, temp => plot.SavePng(temp, 640, 480));
    }
}
