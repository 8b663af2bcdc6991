using Xent.Cli.Plotting;

namespace Xent.Cli.Tour;

/// <summary>Everything the tour computed: sections for the terminal, named figures for --json, and the plots to draw.</summary>
internal sealed class TourReport
{
    public List<TourSection> Sections { get; } = [];

    /// <summary>Named figures for <c>--json</c>, in the order they were computed.</summary>
    public List<KeyValuePair<string, object?>> Figures { get; } = [];

    /// <summary>A plot and the file name (without extension) it is saved under.</summary>
    public readonly record struct PlotFile(string FileStem, LinePlot Plot);

    public List<PlotFile> Plots { get; } = [];

    public LinePlot Plot(string fileStem, string title, string xLabel, string yLabel,
        ScottPlot.Alignment legend = ScottPlot.Alignment.UpperRight, bool integerX = false)
    {
        var plot = new LinePlot(title, xLabel, yLabel) { LegendAlignment = legend, IntegerX = integerX };
        Plots.Add(new(fileStem, plot));
        return plot;
    }

    public TourSection Section(string title, string source)
    {
        var section = new TourSection(title, source);
        Sections.Add(section);
        return section;
    }

    public double Figure(string key, double value)
    {
        Figures.Add(new(key, value));
        return value;
    }

    public void Figure(string key, object value) => Figures.Add(new(key, value));
}
