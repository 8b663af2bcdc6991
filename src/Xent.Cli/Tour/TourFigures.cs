using ScottPlot;

namespace Xent.Cli.Tour;

/// <summary>
/// Draws the tour's plots as PNG and SVG. The output directory is the tour's own: it is marked with a file the
/// first time, and a directory that holds other files is written into only with --force. Each figure is written to a
/// temporary file and renamed, so a failure never leaves a half-written figure.
/// </summary>
internal static class TourFigures
{
    private const string Marker = ".xent-tour";
    private const int Width = 1000, Height = 620;

    public static IReadOnlyList<string> Write(IEnumerable<TourPlot> plots, string directory, bool force)
    {
        PrepareDirectory(directory, force);
        var written = new List<string>();
        foreach (var spec in plots)
        {
            foreach (var extension in new[] { "png", "svg" })
            {
                // Skia's SVG canvas cannot dash a line (it says so on stderr), so SVG reference lines are solid.
                var plot = Draw(spec, dashedReferences: extension == "png");
                string path = Path.Combine(directory, $"{spec.FileStem}.{extension}");
                string temp = Path.Combine(directory, $".{spec.FileStem}.{Guid.NewGuid():N}.tmp.{extension}");
                try
                {
                    if (extension == "png") plot.SavePng(temp, Width, Height);
                    else plot.SaveSvg(temp, Width, Height);
                    File.Move(temp, path, overwrite: true);
                }
                finally
                {
                    if (File.Exists(temp)) File.Delete(temp);
                }
                written.Add(path);
            }
        }
        return written;
    }

    private static void PrepareDirectory(string directory, bool force)
    {
        if (File.Exists(directory)) throw new UsageException($"--out '{directory}' is a file, not a directory.");
        if (Directory.Exists(directory) && !File.Exists(Path.Combine(directory, Marker)) && !force
            && Directory.EnumerateFileSystemEntries(directory).Any())
            throw new UsageException($"--out '{directory}' already holds files the tour did not write; choose another directory or pass --force.");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, Marker), "Figures written by `xent tour`; the tour may overwrite them.\n");
    }

    private static Plot Draw(TourPlot spec, bool dashedReferences)
    {
        var plot = new Plot();
        plot.Title(spec.Title);
        plot.XLabel(spec.XLabel);
        plot.YLabel(spec.YLabel);
        var palette = new ScottPlot.Palettes.Category10();
        int colour = 0;
        foreach (var (name, x, y, markers) in spec.Series)
        {
            var line = plot.Add.Scatter(x, y, palette.GetColor(colour++));
            line.LegendText = name;
            line.LineWidth = 2;
            line.MarkerSize = markers ? 7 : 0;
        }
        foreach (var (name, y) in spec.ReferenceLines)
        {
            var reference = plot.Add.HorizontalLine(y, 1.5f, palette.GetColor(colour++), dashedReferences ? LinePattern.Dashed : LinePattern.Solid);
            reference.LegendText = name;
        }
        foreach (var (name, x, y) in spec.Points)
        {
            var marker = plot.Add.Marker(x, y, MarkerShape.FilledCircle, 9, palette.GetColor(colour++));
            marker.LegendText = name;
        }
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
