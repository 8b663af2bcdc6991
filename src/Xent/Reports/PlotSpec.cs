namespace Xent.Reports;

/// <summary>
/// A renderer-neutral description of a 2-d chart: a title, two axes, data series, reference lines and where the legend
/// goes. The CLI draws it with ScottPlot (PNG, SVG); a browser can draw the same record from its JSON. Colours are not
/// part of the description: a renderer takes them from one palette in drawing order (lines and bars, then reference
/// lines, then point markers on top), so every renderer gives a series the same colour.
/// </summary>
/// <param name="Title">The chart's title.</param>
/// <param name="X">The horizontal axis.</param>
/// <param name="Y">The vertical axis.</param>
public sealed record PlotSpec(string Title, PlotAxis X, PlotAxis Y)
{
    /// <summary>The data, in drawing (and legend) order within each kind.</summary>
    public PlotSeries[] Series { get; init; } = [];

    /// <summary>Horizontal or vertical lines across the whole plot (an entropy, a bound).</summary>
    public ReferenceLine[] References { get; init; } = [];

    /// <summary>Where the legend sits inside the data area; pick a corner the curves leave empty.</summary>
    public LegendPosition Legend { get; init; } = LegendPosition.UpperRight;

    /// <summary>Straight line segments in one neutral colour, drawn under everything else (a diagram's edges).</summary>
    public PlotSegment[] Segments { get; init; } = [];

    /// <summary>Boxed text labels centred on points, drawn on top (a diagram's nodes).</summary>
    public PlotText[] Texts { get; init; } = [];

    /// <summary>Draw no axes, ticks or grid: the picture is a diagram, not a chart.</summary>
    public bool Frameless { get; init; }
}

/// <summary>A line segment from (X1, Y1) to (X2, Y2) in data coordinates.</summary>
/// <param name="X1">Start x.</param>
/// <param name="Y1">Start y.</param>
/// <param name="X2">End x.</param>
/// <param name="Y2">End y.</param>
public sealed record PlotSegment(double X1, double Y1, double X2, double Y2);

/// <summary>A text label, one or more lines, in a box centred on (X, Y).</summary>
/// <param name="X">Centre x.</param>
/// <param name="Y">Centre y.</param>
/// <param name="Text">The text; '\n' separates lines.</param>
public sealed record PlotText(double X, double Y, string Text)
{
    /// <summary>Highlight the box (a leaf, say) with the palette's first colour instead of a neutral one.</summary>
    public bool Highlight { get; init; }
}

/// <summary>An axis: its label, the unit of its values (shown as "label (unit)"), its scale and optional fixed limits.</summary>
/// <param name="Label">What the axis measures, e.g. "Block length n".</param>
/// <param name="Unit">The unit of the values, e.g. "bits", or null when the label says it or there is none.</param>
public sealed record PlotAxis(string Label, string? Unit = null)
{
    /// <summary>Linear, or logarithmic (base 10) for values spanning decades; a log axis needs positive values.</summary>
    public AxisScale Scale { get; init; } = AxisScale.Linear;

    /// <summary>Ticks only at integers (block lengths, epochs).</summary>
    public bool IntegerTicks { get; init; }

    /// <summary>Names of categories placed at x = 1, 2, …, k (outcomes of a distribution), shown instead of numeric ticks; null for numbers.</summary>
    public string[]? TickLabels { get; init; }

    /// <summary>The lower end of the axis, or null to fit the data.</summary>
    public double? Min { get; init; }

    /// <summary>The upper end of the axis, or null to fit the data.</summary>
    public double? Max { get; init; }

    /// <summary>The text of the axis title: "label (unit)", or the label alone.</summary>
    public string Title => Unit is null ? Label : $"{Label} ({Unit})";
}

/// <summary>How an axis maps values to positions.</summary>
public enum AxisScale
{
    /// <summary>Equal steps for equal differences.</summary>
    Linear,

    /// <summary>Equal steps for equal ratios (base-10 decades); values must be &gt; 0.</summary>
    Log,
}

/// <summary>A named sequence of (x, y) points drawn in one style.</summary>
/// <param name="Name">The legend text.</param>
/// <param name="X">The x values.</param>
/// <param name="Y">The y values, one per x (may be ±∞ only where a renderer can clip them; never NaN).</param>
/// <param name="Style">How the points are drawn.</param>
public sealed record PlotSeries(string Name, double[] X, double[] Y, SeriesStyle Style = SeriesStyle.Line)
{
    /// <summary>Draw the line dashed (a guide such as a diagonal, not data).</summary>
    public bool Dashed { get; init; }

    /// <summary>For <see cref="SeriesStyle.Bar"/>: the width of each bar in x units (null: the renderer's default).</summary>
    public double? BarWidth { get; init; }
}

/// <summary>How a series is drawn.</summary>
public enum SeriesStyle
{
    /// <summary>A line through the points, no markers (a dense curve).</summary>
    Line,

    /// <summary>A line through the points with a marker on each (a few computed values).</summary>
    LineMarkers,

    /// <summary>A staircase: each value held until the next x.</summary>
    Step,

    /// <summary>Markers only.</summary>
    Scatter,

    /// <summary>Vertical bars from 0 to y, centred on x.</summary>
    Bar,

    /// <summary>A single highlighted point (or a few), drawn on top of everything with a larger marker.</summary>
    Point,
}

/// <summary>A horizontal (y = value) or vertical (x = value) line with a legend label.</summary>
/// <param name="Orientation">Which way the line runs.</param>
/// <param name="Value">Where it crosses the other axis.</param>
/// <param name="Label">The legend text, e.g. "H(P) = 1.361 bits".</param>
public sealed record ReferenceLine(LineOrientation Orientation, double Value, string Label)
{
    /// <summary>The line y = <paramref name="y"/>.</summary>
    /// <param name="y">Where the line crosses the y-axis, in the plot's y units.</param>
    /// <param name="label">The legend text (not null).</param>
    public static ReferenceLine Horizontal(double y, string label) => new(LineOrientation.Horizontal, y, label);

    /// <summary>The line x = <paramref name="x"/>.</summary>
    /// <param name="x">Where the line crosses the x-axis, in the plot's x units.</param>
    /// <param name="label">The legend text (not null).</param>
    public static ReferenceLine Vertical(double x, string label) => new(LineOrientation.Vertical, x, label);
}

/// <summary>Which way a <see cref="ReferenceLine"/> runs.</summary>
public enum LineOrientation
{
    /// <summary>y = value.</summary>
    Horizontal,

    /// <summary>x = value.</summary>
    Vertical,
}

/// <summary>Where the legend sits inside the data area.</summary>
public enum LegendPosition
{
    /// <summary>No legend.</summary>
    Hidden,

    /// <summary>Top left corner.</summary>
    UpperLeft,

    /// <summary>Top right corner.</summary>
    UpperRight,

    /// <summary>Middle of the right edge.</summary>
    MiddleRight,

    /// <summary>Bottom left corner.</summary>
    LowerLeft,

    /// <summary>Bottom right corner.</summary>
    LowerRight,
}
