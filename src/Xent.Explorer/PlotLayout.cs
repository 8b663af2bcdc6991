using System.Globalization;
using Xent.Reports;

namespace Xent.Explorer;

/// <summary>
/// The geometry of a <see cref="PlotSpec"/> drawn as SVG: data limits (the axis limits when given, else the finite data and
/// reference values), "nice" ticks, and the map from data to pixels. Colours follow the spec's rule, the Category10
/// palette in drawing order — lines and bars, then reference lines, then point markers — as the CLI's ScottPlot renderer.
/// Infinite values are not drawn (a bar of +∞ gets an "∞" at the top instead).
/// </summary>
public sealed class PlotLayout
{
    public const double Width = 560, Height = 300, Left = 58, Right = 12, Top = 30, Bottom = 46;

    public static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    private readonly double _x0, _x1, _y0, _y1;
    private readonly bool _xLog, _yLog;

    public PlotSpec Spec { get; }

    public PlotLayout(PlotSpec spec)
    {
        Spec = spec;
        _xLog = spec.X.Scale == AxisScale.Log;
        _yLog = spec.Y.Scale == AxisScale.Log;
        var xs = spec.Series.SelectMany(s => s.X).Concat(spec.References.Where(r => r.Orientation == LineOrientation.Vertical).Select(r => r.Value));
        var ys = spec.Series.SelectMany(s => s.Y).Concat(spec.References.Where(r => r.Orientation == LineOrientation.Horizontal).Select(r => r.Value));
        if (spec.Series.Any(s => s.Style == SeriesStyle.Bar)) ys = ys.Append(0);
        (_x0, _x1) = Limits(xs, spec.X, _xLog, pad: false);
        (_y0, _y1) = Limits(ys, spec.Y, _yLog, pad: true);
    }

    private static (double, double) Limits(IEnumerable<double> values, PlotAxis axis, bool log, bool pad)
    {
        var finite = values.Where(v => double.IsFinite(v) && (!log || v > 0)).Select(v => log ? Math.Log10(v) : v).ToArray();
        double lo = finite.Length > 0 ? finite.Min() : 0, hi = finite.Length > 0 ? finite.Max() : 1;
        if (pad && hi > lo) { double m = 0.05 * (hi - lo); hi += m; if (lo != 0) lo -= m; }
        if (axis.Min is double min) lo = log ? Math.Log10(min) : min;
        if (axis.Max is double max) hi = log ? Math.Log10(max) : max;
        if (!(hi > lo)) { lo -= 0.5; hi += 0.5; }
        return (lo, hi);
    }

    public static double PlotRight => Width - Right;
    public static double PlotBottom => Height - Bottom;

    public double X(double x) => Left + ((_xLog ? Math.Log10(x) : x) - _x0) / (_x1 - _x0) * (Width - Left - Right);

    public double Y(double y) => Top + (_y1 - (_yLog ? Math.Log10(y) : y)) / (_y1 - _y0) * (Height - Top - Bottom);

    /// <summary>A y clamped to the plot area (for bars and lines that leave it).</summary>
    public double YClamped(double y) => Math.Clamp(double.IsPositiveInfinity(y) ? Top : Y(y), Top, PlotBottom);

    public double XScale(double width) => width / (_x1 - _x0) * (Width - Left - Right);

    public bool Visible(double x, double y) => double.IsFinite(x) && double.IsFinite(y) && (!_xLog || x > 0) && (!_yLog || y > 0);

    public IEnumerable<(double Position, string Label)> XTicks() => Ticks(Spec.X, _x0, _x1, _xLog).Select(t => (X(t.Value), t.Label));

    public IEnumerable<(double Position, string Label)> YTicks() => Ticks(Spec.Y, _y0, _y1, _yLog).Select(t => (Y(t.Value), t.Label));

    private static IEnumerable<(double Value, string Label)> Ticks(PlotAxis axis, double lo, double hi, bool log)
    {
        if (axis.TickLabels is { } labels)
        {
            // Thin the labels when there are many categories, so they stay readable.
            int every = Math.Max(1, (int)Math.Ceiling(labels.Length / 16.0));
            for (int i = 0; i < labels.Length; i += every) yield return (i + 1, labels[i]);
            yield break;
        }
        if (log)
        {
            for (double d = Math.Ceiling(lo); d <= hi; d++) yield return (Math.Pow(10, d), Format(Math.Pow(10, d)));
            yield break;
        }
        double raw = (hi - lo) / 5, magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = magnitude * (raw / magnitude < 1.5 ? 1 : raw / magnitude < 3.5 ? 2 : raw / magnitude < 7.5 ? 5 : 10);
        if (axis.IntegerTicks) step = Math.Max(1, Math.Round(step));
        for (double v = Math.Ceiling(lo / step) * step; v <= hi + step * 1e-9; v += step) yield return (v, Format(Math.Abs(v) < step * 1e-9 ? 0 : v));
    }

    public static string Format(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A coordinate as SVG text (invariant, two decimals).</summary>
    public static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The series and references in legend order, each with its colour.</summary>
    public IEnumerable<(string Name, string Colour, object Item)> Legend()
    {
        int colour = 0;
        foreach (var s in Spec.Series.Where(s => s.Style != SeriesStyle.Point)) yield return (s.Name, Palette[colour++ % Palette.Length], s);
        foreach (var r in Spec.References) yield return (r.Label, Palette[colour++ % Palette.Length], r);
        foreach (var s in Spec.Series.Where(s => s.Style == SeriesStyle.Point)) yield return (s.Name, Palette[colour++ % Palette.Length], s);
    }

    /// <summary>The SVG path of a line series through its drawable points (a gap where a point is not).</summary>
    public string Path(PlotSeries s)
    {
        var sb = new System.Text.StringBuilder();
        bool pen = false;
        double lastY = 0;
        for (int i = 0; i < s.X.Length; i++)
        {
            if (!Visible(s.X[i], s.Y[i])) { pen = false; continue; }
            double px = X(s.X[i]), py = Y(s.Y[i]);
            if (s.Style == SeriesStyle.Step && pen) sb.Append(" L").Append(F(px)).Append(',').Append(F(lastY));
            sb.Append(pen ? " L" : " M").Append(F(px)).Append(',').Append(F(py));
            pen = true;
            lastY = py;
        }
        return sb.ToString().Trim();
    }

    /// <summary>A short text description of the data (for screen readers): each series' points.</summary>
    public string Description() => string.Join("; ", Spec.Series.Select(s =>
        $"{s.Name}: " + string.Join(", ", s.X.Zip(s.Y).Take(40).Select(p => $"({Format(p.First)}, {Numbers.Short(p.Second)})"))))
        + (Spec.References.Length > 0 ? "; " + string.Join("; ", Spec.References.Select(r => r.Label)) : "");
}
