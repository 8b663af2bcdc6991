using System.Text.Json;
using System.Text.Json.Serialization;

namespace Xent.Reports.Tour;

/// <summary>
/// Everything the tour computed, renderer-neutral: sections (tables, checks against the articles, notes), named figures
/// and the plots. <see cref="Tour.Build"/> fills one; the CLI prints it and draws the plots, a web page can show the same.
/// </summary>
public sealed class TourReport
{
    /// <summary>The articles' sections, in order.</summary>
    public List<TourSection> Sections { get; init; } = [];

    /// <summary>Named figures, in the order they were computed; the key ends in the figure's unit (e.g. "_bits").</summary>
    public Dictionary<string, TourFigure> Figures { get; init; } = [];

    /// <summary>The plots, each with the file name (without extension) it is saved under.</summary>
    public List<TourPlot> Plots { get; init; } = [];

    private readonly List<(string FileStem, PlotBuilder Builder)> _plotsInProgress = [];

    internal PlotBuilder Plot(string fileStem, string title, PlotAxis x, PlotAxis y, LegendPosition legend = LegendPosition.UpperRight)
    {
        var builder = new PlotBuilder(new PlotSpec(title, x, y) { Legend = legend });
        _plotsInProgress.Add((fileStem, builder));
        return builder;
    }

    /// <summary>Moves the plots built so far into <see cref="Plots"/>.</summary>
    internal void FinishPlots()
    {
        foreach (var (stem, builder) in _plotsInProgress) Plots.Add(new TourPlot(stem, builder.Spec));
        _plotsInProgress.Clear();
    }

    internal TourSection Section(string title, string source)
    {
        var section = new TourSection { Title = title, Source = source };
        Sections.Add(section);
        return section;
    }

    internal double Figure(string key, double value)
    {
        Figures.Add(key, TourFigure.Of(value));
        return value;
    }

    internal void Figure(string key, double[] values) => Figures.Add(key, TourFigure.Of(values));
}

/// <summary>A plot of the tour and the file name (without extension) it is saved under.</summary>
/// <param name="FileStem">The file name without extension, e.g. "binary-entropy".</param>
/// <param name="Plot">The plot.</param>
public sealed record TourPlot(string FileStem, PlotSpec Plot);

/// <summary>Adds series, points and reference lines to a plot under construction.</summary>
internal sealed class PlotBuilder(PlotSpec spec)
{
    public PlotSpec Spec { get; private set; } = spec;

    public PlotBuilder AddSeries(string name, double[] x, double[] y, bool markers = true) =>
        Add(new PlotSeries(name, x, y, markers ? SeriesStyle.LineMarkers : SeriesStyle.Line));

    public PlotBuilder AddPoint(string name, double x, double y) => Add(new PlotSeries(name, [x], [y], SeriesStyle.Point));

    public PlotBuilder AddReference(string label, double y)
    {
        Spec = Spec with { References = [.. Spec.References, ReferenceLine.Horizontal(y, label)] };
        return this;
    }

    private PlotBuilder Add(PlotSeries series)
    {
        Spec = Spec with { Series = [.. Spec.Series, series] };
        return this;
    }
}

/// <summary>A named figure of the tour: one number, or a list of numbers (written as a JSON number or array).</summary>
[JsonConverter(typeof(TourFigureConverter))]
public readonly record struct TourFigure
{
    private TourFigure(double[] values, bool isList) => (Values, IsList) = (values, isList);

    /// <summary>The numbers (one for a single figure).</summary>
    public double[] Values { get; }

    /// <summary>Whether the figure is a list (a JSON array) rather than one number.</summary>
    public bool IsList { get; }

    /// <summary>The single number (the first of a list).</summary>
    public double Value => Values[0];

    /// <summary>One number.</summary>
    /// <param name="value">The figure, in the unit its name states (bits unless it says otherwise).</param>
    public static TourFigure Of(double value) => new([value], false);

    /// <summary>A list of numbers.</summary>
    /// <param name="values">The figures, in the unit their name states; the array is kept, not copied (the caller gives up ownership).</param>
    public static TourFigure Of(double[] values) => new(values, true);
}

internal sealed class TourFigureConverter : JsonConverter<TourFigure>
{
    public override TourFigure Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) return TourFigure.Of(ReportJson.ReadNumber(ref reader));
        var values = new List<double>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) values.Add(ReportJson.ReadNumber(ref reader));
        return TourFigure.Of(values.ToArray());
    }

    public override void Write(Utf8JsonWriter writer, TourFigure value, JsonSerializerOptions options)
    {
        if (!value.IsList)
        {
            ReportJson.WriteNumber(writer, value.Value);
            return;
        }
        writer.WriteStartArray();
        foreach (double v in value.Values) ReportJson.WriteNumber(writer, v);
        writer.WriteEndArray();
    }
}
