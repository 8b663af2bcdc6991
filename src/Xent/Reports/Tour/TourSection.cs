namespace Xent.Reports.Tour;

/// <summary>One article's worth of the tour: tables of computed rows, checks of Xent's figure against the article's, and notes.</summary>
public sealed class TourSection
{
    /// <summary>The section's title.</summary>
    public required string Title { get; init; }

    /// <summary>Which article (seed file) the section replays.</summary>
    public required string Source { get; init; }

    /// <summary>Tables of computed rows.</summary>
    public List<TourTable> Tables { get; init; } = [];

    /// <summary>Figures computed by Xent, beside the article's where it prints one.</summary>
    public List<TourCheck> Checks { get; init; } = [];

    /// <summary>Remarks in prose.</summary>
    public List<string> Notes { get; init; } = [];

    internal TourTable Table(string title, params string[] headers)
    {
        var table = new TourTable { Title = title, Headers = headers };
        Tables.Add(table);
        return table;
    }

    /// <summary>
    /// Records a figure computed by the library beside what the article prints. <paramref name="articleSays"/> is the
    /// article's text, shown for comparison only; it agrees when Xent's value rounds to it at the article's precision.
    /// </summary>
    internal TourCheck Check(string label, double value, string unit, string? articleSays, string? note = null)
    {
        var check = new TourCheck(label, value, unit, articleSays, note);
        Checks.Add(check);
        return check;
    }
}

/// <summary>A titled table of pre-formatted cells.</summary>
public sealed class TourTable
{
    /// <summary>The table's title.</summary>
    public required string Title { get; init; }

    /// <summary>Column headers.</summary>
    public required string[] Headers { get; init; }

    /// <summary>Rows of cells, one per header.</summary>
    public List<string[]> Rows { get; init; } = [];

    internal TourTable Row(params string[] cells)
    {
        Rows.Add(cells);
        return this;
    }
}

/// <summary>A computed figure, the article's printed figure (if any), and whether the two agree at the article's precision.</summary>
/// <param name="Label">What the figure is.</param>
/// <param name="Value">Xent's value.</param>
/// <param name="Unit">Its unit ("bits", "nats", "probability").</param>
/// <param name="ArticleSays">The article's printed figure, as text, or null.</param>
/// <param name="Note">A remark, or null.</param>
public sealed record TourCheck(string Label, double Value, string Unit, string? ArticleSays, string? Note)
{
    /// <summary>Whether <see cref="Value"/> rounds to <see cref="ArticleSays"/> at its number of decimals; null without an article figure.</summary>
    public bool? Agrees => ArticleSays is null ? null : AgreesAtPrecision(Value, ArticleSays);

    private static bool AgreesAtPrecision(double value, string articleSays)
    {
        string digits = articleSays.TrimStart('≈', '~', ' ');
        if (!double.TryParse(digits, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double printed))
            return false;
        int decimals = digits.Contains('.') ? digits.Length - digits.IndexOf('.') - 1 : 0;
        return Math.Round(value, decimals, MidpointRounding.AwayFromZero) == printed;
    }
}
