using ScottPlot;
using Xent.Cli.Data;

namespace Xent.Cli.Plotting;

/// <summary>
/// A line chart for commands and the tour: a title, axis labels with units, a legend, line series (with or without
/// markers), single marked points, and horizontal reference lines (an entropy, a bound). Saved as PNG or SVG by the
/// file's extension through <see cref="OutputFile"/>: a temporary file renamed into place, so a failure never leaves half a
/// figure; an existing file is only replaced when asked (<c>force</c>), otherwise a <see cref="UsageException"/> (exit 2).
/// </summary>
internal sealed class LinePlot(string title, string xLabel, string yLabel)
{
    private readonly List<(string Label, double[] X, double[] Y, bool Markers)> _series = [];
    private readonly List<(string Label, double X, double Y)> _points = [];
    private readonly List<(string Label, double Y)> _references = [];

    /// <summary>Ticks on the x axis only at integers (block lengths, epochs).</summary>
    public bool IntegerX { get; init; }

    /// <summary>Where the legend sits inside the data area; pick a corner the curves leave empty.</summary>
    public Alignment LegendAlignment { get; init; } = Alignment.UpperRight;

    public LinePlot AddSeries(string label, IReadOnlyList<double> x, IReadOnlyList<double> y, bool markers = true)
    {
        if (x.Count != y.Count) throw new ArgumentException($"series '{label}': {x.Count} x values but {y.Count} y values.");
        _series.Add((label, x.ToArray(), y.ToArray(), markers));
        return this;
    }

    public LinePlot AddPoint(string label, double x, double y)
    {
        _points.Add((label, x, y));
        return this;
    }

    public LinePlot AddReference(string label, double y)
    {
        _references.Add((label, y));
        return this;
    }

    /// <summary>Checks the path before any work is done: a .png or .svg name that <see cref="OutputFile"/> may write.</summary>
    public static void CheckPath(string path, bool force, string option = "--plot")
    {
        CheckExtension(path, option);
        OutputFile.Check(path, option, force);
    }

    private static void CheckExtension(string path, string option)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".png" or ".svg")) throw new UsageException($"{option} '{path}': the file name must end in .png or .svg.");
    }

    /// <summary>Draws and writes the figure through <see cref="OutputFile.Write"/>, which checks the path itself.</summary>
    public void Save(string path, bool force, string option = "--plot", int width = 1200, int height = 700)
    {
        CheckExtension(path, option);
        bool svg = Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase);
        using var plot = Draw(dashedReferences: !svg);
        OutputFile.Write(path, option, force, temp =>
        {
            if (svg) plot.SaveSvg(temp, width, height);
            else plot.SavePng(temp, width, height);
        });
    }

    // Skia's SVG canvas cannot dash a line (it says so on stderr), so SVG reference lines are drawn solid.
    private Plot Draw(bool dashedReferences)
    {
        var plot = new Plot();
        plot.Title(title, size: 22);
        plot.XLabel(xLabel, size: 18);
        plot.YLabel(yLabel, size: 18);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 15;
        plot.Axes.Left.TickLabelStyle.FontSize = 15;
        var palette = new ScottPlot.Palettes.Category10();
        int colour = 0;
        foreach (var (label, x, y, markers) in _series)
        {
            var line = plot.Add.Scatter(x, y, palette.GetColor(colour++));
            line.LegendText = label;
            line.LineWidth = 2.5f;
            line.MarkerSize = markers ? 9 : 0;
        }
        foreach (var (label, y) in _references)
        {
            var reference = plot.Add.HorizontalLine(y, 2, palette.GetColor(colour++), dashedReferences ? LinePattern.Dashed : LinePattern.Solid);
            reference.LegendText = label;
        }
        foreach (var (label, x, y) in _points)
        {
            var marker = plot.Add.Marker(x, y, MarkerShape.FilledCircle, 11, palette.GetColor(colour++));
            marker.LegendText = label;
        }
        if (IntegerX) plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.ShowLegend(LegendAlignment);
        plot.Legend.FontSize = 16;
        return plot;
    }
}
