using Xent.Reports.Tour;

namespace Xent.Reports;

/// <summary><c>tour</c>: the tour's figures, sections and plots (<see cref="TourReport"/>), and the figure files written.</summary>
public sealed record TourResult
{
    /// <summary>Named figures; each key ends in the figure's unit.</summary>
    public required Dictionary<string, TourFigure> Figures { get; init; }

    /// <summary>The sections as the terminal shows them.</summary>
    public required List<TourSection> Sections { get; init; }

    /// <summary>The plots, renderer-neutral.</summary>
    public required List<TourPlot> Plots { get; init; }

    /// <summary>Paths of the PNG and SVG files written (empty when none were).</summary>
    public required string[] Files { get; init; }

    /// <summary>The result of <paramref name="report"/> with the files its plots were written to.</summary>
    /// <param name="report">The tour's figures, sections and plots.</param>
    /// <param name="files">The paths the plots were written to, in order (copied; empty when no plot was written).</param>
    public static TourResult From(TourReport report, IEnumerable<string> files) =>
        new() { Figures = report.Figures, Sections = report.Sections, Plots = report.Plots, Files = files.ToArray() };
}
