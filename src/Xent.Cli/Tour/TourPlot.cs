namespace Xent.Cli.Tour;

/// <summary>A line chart the tour draws: series of points, horizontal reference lines, labelled axes with units.</summary>
internal sealed record TourPlot(string FileStem, string Title, string XLabel, string YLabel)
{
    public List<(string Name, double[] X, double[] Y, bool Markers)> Series { get; } = [];

    public List<(string Name, double Y)> ReferenceLines { get; } = [];

    public List<(string Name, double X, double Y)> Points { get; } = [];

    public TourPlot Line(string name, double[] x, double[] y, bool markers = false)
    {
        Series.Add((name, x, y, markers));
        return this;
    }

    public TourPlot Reference(string name, double y)
    {
        ReferenceLines.Add((name, y));
        return this;
    }

    public TourPlot Point(string name, double x, double y)
    {
        Points.Add((name, x, y));
        return this;
    }
}
