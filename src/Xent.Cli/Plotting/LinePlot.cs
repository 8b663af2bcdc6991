using ScottPlot;

namespace Xent.Cli.Plotting;

/// <summary>
/// A line chart for commands and the tour: a title, axis labels with units, a legend, any number of line series with
/// markers, and horizontal reference lines (an entropy, a bound). Saved as PNG or SVG by the file's extension; an
/// existing file is only replaced when asked (<c>force</c>), otherwise a <see cref="UsageException"/> (exit 2).
/// </summary>
internal sealed class LinePlot(string title, string xLabel, string yLabel)
{
    private readonly List<(string Label, double[] X, double[] Y)> _series = [];
    private readonly List<(string Label, double Y)> _references = [];

    /// <summary>Ticks on the x axis only at integers (block lengths, epochs).</summary>
    public bool IntegerX { get; init; }

    /// <summary>Where the legend sits inside the data area; pick a corner the curves leave empty.</summary>
    public Alignment LegendAlignment { get; init; } = Alignment.UpperRight;

    public LinePlot AddSeries(string label, IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count) throw new ArgumentException($"series '{label}': {x.Count} x values but {y.Count} y values.");
        _series.Add((label, x.ToArray(), y.ToArray()));
        return this;
    }

    public LinePlot AddReference(string label, double y)
    {
        _references.Add((label, y));
        return this;
    }

    /// <summary>Checks the path before any work is done: a .png or .svg name, not an existing file unless forced.</summary>
    public static void CheckPath(string path, bool force)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".png" or ".svg")) throw new UsageException($"--plot '{path}': the file name must end in .png or .svg.");
        if (File.Exists(path) && !force) throw new UsageException($"--plot '{path}' exists; pass --force to replace it.");
    }

    public void Save(string path, bool force, int width = 1200, int height = 700)
    {
        CheckPath(path, force);
        using var plot = new Plot();
        plot.Title(title, size: 22);
        plot.XLabel(xLabel, size: 18);
        plot.YLabel(yLabel, size: 18);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 15;
        plot.Axes.Left.TickLabelStyle.FontSize = 15;
        var palette = new ScottPlot.Palettes.Category10();
        int colour = 0;
        foreach (var (label, x, y) in _series)
        {
            var line = plot.Add.Scatter(x, y, palette.GetColor(colour++));
            line.LegendText = label;
            line.LineWidth = 2.5f;
            line.MarkerSize = 9;
        }
        foreach (var (label, y) in _references)
        {
            var reference = plot.Add.HorizontalLine(y, 2, palette.GetColor(colour++), LinePattern.Dashed);
            reference.LegendText = label;
        }
        if (IntegerX) plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.ShowLegend(LegendAlignment);
        plot.Legend.FontSize = 16;
        if (Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase)) plot.SaveSvg(path, width, height);
        else plot.SavePng(path, width, height);
    }
}
