namespace Xent.Cli.Tour;

/// <summary>Everything the tour computed: sections for the terminal, named figures for --json, and the plots to draw.</summary>
internal sealed class TourReport
{
    public List<TourSection> Sections { get; } = [];

    /// <summary>Named figures for <c>--json</c>, in the order they were computed.</summary>
    public List<KeyValuePair<string, object?>> Figures { get; } = [];

    public List<TourPlot> Plots { get; } = [];

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
