using ScottPlot;
using Xent.Cli.Data;
using Xent.Reports;

namespace Xent.Cli.Plotting;

/// <summary>
/// Draws a <see cref="PlotSpec"/> with ScottPlot and saves it as PNG or SVG by the file's extension through
/// <see cref="OutputFile"/>: a temporary file renamed into place, so a failure never leaves half a figure; an existing file
/// is only replaced when asked (<c>force</c>), otherwise a <see cref="UsageException"/> (exit 2). The one place the CLI
/// names ScottPlot types.
/// </summary>
internal static class PlotRenderer
{
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
    public static void Save(PlotSpec spec, string path, bool force, string option = "--plot", int width = 1200, int height = 700)
    {
        CheckExtension(path, option);
        bool svg = Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase);
        using var plot = Draw(spec, dashed: !svg);
        OutputFile.Write(path, option, force, temp =>
        {
            if (svg) plot.SaveSvg(temp, width, height);
            else plot.SavePng(temp, width, height);
        });
    }

    /// <summary>
    /// The ScottPlot figure of <paramref name="spec"/>. Colours come from the Category10 palette in drawing order: lines and
    /// bars, then reference lines, then point markers (on top). Skia's SVG canvas cannot dash a line (it says so on
    /// stderr), so with <paramref name="dashed"/> false, dashed lines are drawn solid.
    /// </summary>
    public static Plot Draw(PlotSpec spec, bool dashed = true)
    {
        var plot = new Plot();
        plot.Title(spec.Title, size: 22);
        plot.XLabel(spec.X.Title, size: 18);
        plot.YLabel(spec.Y.Title, size: 18);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 15;
        plot.Axes.Left.TickLabelStyle.FontSize = 15;
        var palette = new ScottPlot.Palettes.Category10();
        int colour = 0;
        Func<double, double> fx = Transform(spec.X), fy = Transform(spec.Y);
        foreach (var segment in spec.Segments)
        {
            var line = plot.Add.Line(fx(segment.X1), fy(segment.Y1), fx(segment.X2), fy(segment.Y2));
            line.LineColor = Colors.Gray;
            line.LineWidth = 1.5f;
        }
        foreach (var series in spec.Series.Where(s => s.Style != SeriesStyle.Point))
        {
            if (series.X.Length != series.Y.Length)
                throw new ArgumentException($"series '{series.Name}': {series.X.Length} x values but {series.Y.Length} y values.", nameof(spec));
            double[] x = series.X.Select(fx).ToArray(), y = series.Y.Select(fy).ToArray();
            var color = palette.GetColor(colour++);
            if (series.Style == SeriesStyle.Bar)
            {
                var bars = plot.Add.Bars(x, y);
                bars.Color = color;
                foreach (var bar in bars.Bars) bar.Size = series.BarWidth ?? 0.8 * MinimumGap(x);
                bars.LegendText = series.Name;
                continue;
            }
            var line = plot.Add.Scatter(x, y, color);
            line.LegendText = series.Name;
            line.LineWidth = series.Style == SeriesStyle.Scatter ? 0 : 2.5f;
            line.MarkerSize = series.Style is SeriesStyle.LineMarkers or SeriesStyle.Scatter ? 9 : 0;
            if (series.Style == SeriesStyle.Step) line.ConnectStyle = ConnectStyle.StepHorizontal;
            if (series.Dashed && dashed) line.LinePattern = LinePattern.Dashed;
        }
        foreach (var reference in spec.References)
        {
            var pattern = dashed ? LinePattern.Dashed : LinePattern.Solid;
            var color = palette.GetColor(colour++);
            if (reference.Orientation == LineOrientation.Horizontal)
                plot.Add.HorizontalLine(fy(reference.Value), 2, color, pattern).LegendText = reference.Label;
            else
                plot.Add.VerticalLine(fx(reference.Value), 2, color, pattern).LegendText = reference.Label;
        }
        foreach (var series in spec.Series.Where(s => s.Style == SeriesStyle.Point))
        {
            var color = palette.GetColor(colour++);
            for (int i = 0; i < series.X.Length; i++)
            {
                var marker = plot.Add.Marker(fx(series.X[i]), fy(series.Y[i]), MarkerShape.FilledCircle, 11, color);
                if (i == 0) marker.LegendText = series.Name;
            }
        }
        foreach (var label in spec.Texts)
        {
            var text = plot.Add.Text(label.Text, fx(label.X), fy(label.Y));
            text.LabelFontSize = 11;
            text.LabelAlignment = Alignment.MiddleCenter;
            text.LabelBackgroundColor = label.Highlight ? Color.FromHex("#DCE9F5") : Colors.WhiteSmoke;
            text.LabelBorderColor = Colors.Gray;
            text.LabelBorderWidth = 1;
            text.LabelPadding = 4;
        }
        if (spec.Frameless)
        {
            plot.Axes.Frameless();
            plot.HideGrid();
        }
        Ticks(plot.Axes.Bottom, spec.X);
        Ticks(plot.Axes.Left, spec.Y);
        if (spec.X.Min is not null || spec.X.Max is not null || spec.Y.Min is not null || spec.Y.Max is not null)
        {
            plot.Axes.AutoScale();
            var limits = plot.Axes.GetLimits();
            plot.Axes.SetLimits(Limit(spec.X.Min, fx, limits.Left), Limit(spec.X.Max, fx, limits.Right),
                Limit(spec.Y.Min, fy, limits.Bottom), Limit(spec.Y.Max, fy, limits.Top));
        }
        if (spec.Legend == LegendPosition.Hidden) plot.HideLegend();
        else
        {
            plot.ShowLegend(spec.Legend switch
            {
                LegendPosition.UpperLeft => Alignment.UpperLeft,
                LegendPosition.MiddleRight => Alignment.MiddleRight,
                LegendPosition.LowerLeft => Alignment.LowerLeft,
                LegendPosition.LowerRight => Alignment.LowerRight,
                _ => Alignment.UpperRight,
            });
            plot.Legend.FontSize = 16;
        }
        return plot;
    }

    private static double Limit(double? value, Func<double, double> transform, double fitted) => value is double v ? transform(v) : fitted;

    // A log axis is drawn as a linear axis of log10 values whose ticks are labelled with the values.
    private static Func<double, double> Transform(PlotAxis axis) => axis.Scale == AxisScale.Log ? Math.Log10 : v => v;

    private static void Ticks(IAxis axis, PlotAxis spec)
    {
        if (spec.Scale == AxisScale.Log)
        {
            axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                IntegerTicksOnly = true,
                LabelFormatter = v => Math.Pow(10, v).ToString("G4", System.Globalization.CultureInfo.InvariantCulture),
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            };
        }
        else if (spec.TickLabels is { } labels)
            axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(Enumerable.Range(1, labels.Length).Select(i => (double)i).ToArray(), labels);
        else if (spec.IntegerTicks) axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
    }

    private static double MinimumGap(double[] x)
    {
        var sorted = x.Order().ToArray();
        double gap = double.PositiveInfinity;
        for (int i = 1; i < sorted.Length; i++) if (sorted[i] > sorted[i - 1]) gap = Math.Min(gap, sorted[i] - sorted[i - 1]);
        return double.IsPositiveInfinity(gap) ? 1 : gap;
    }
}
