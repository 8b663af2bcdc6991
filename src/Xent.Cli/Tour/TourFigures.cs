using Xent.Cli.Plotting;
using Xent.Reports.Tour;

namespace Xent.Cli.Tour;

/// <summary>
/// Writes the tour's plots as PNG and SVG. The output directory is the tour's own: it is marked with a file the
/// first time, and a directory that holds other files is written into only with --force.
/// </summary>
internal static class TourFigures
{
    private const string Marker = ".xent-tour";

    public static IReadOnlyList<string> Write(IEnumerable<TourPlot> plots, string directory, bool force)
    {
        PrepareDirectory(directory, force);
        var written = new List<string>();
        foreach (var (stem, plot) in plots)
        {
            foreach (var extension in new[] { "png", "svg" })
            {
                string path = Path.Combine(directory, $"{stem}.{extension}");
                PlotRenderer.Save(plot, path, force: true, option: "--out");
                written.Add(path);
            }
        }
        return written;
    }

    private static void PrepareDirectory(string directory, bool force)
    {
        if (string.IsNullOrWhiteSpace(directory)) throw new UsageException("--out: the path is empty.");
        if (File.Exists(directory)) throw new UsageException($"--out '{directory}' is a file, not a directory.");
        // Directory.CreateDirectory would fail on a parent that is a file with "Could not find a part of the path".
        for (string? parent = Path.GetDirectoryName(Path.GetFullPath(directory)); parent is not null; parent = Path.GetDirectoryName(parent))
            if (File.Exists(parent)) throw new UsageException($"--out '{directory}': '{parent}' is a file, not a directory.");
        if (Directory.Exists(directory) && !File.Exists(Path.Combine(directory, Marker)) && !force
            && Directory.EnumerateFileSystemEntries(directory).Any())
            throw new UsageException($"--out '{directory}' already holds files the tour did not write; choose another directory or pass --force.");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, Marker), "Figures written by `xent tour`; the tour may overwrite them.\n");
    }
}
