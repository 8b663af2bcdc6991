namespace Xent.Cli.Tour;

/// <summary>One article's worth of the tour: tables of computed rows, checks of Xent's figure against the article's, and notes.</summary>
internal sealed class TourSection(string title, string source)
{
    public string Title { get; } = title;

    /// <summary>Which article (seed file) the section replays.</summary>
    public string Source { get; } = source;

    public List<TourTable> Tables { get; } = [];

    public List<TourCheck> Checks { get; } = [];

    public List<string> Notes { get; } = [];

    public TourTable Table(string title, params string[] headers)
    {
        var table = new TourTable(title, headers);
        Tables.Add(table);
        return table;
    }

    /// <summary>
    /// Records a figure computed by the library beside what the article prints. <paramref name="articleSays"/> is the
    /// article's text, shown for comparison only; it agrees when Xent's value rounds to it at the article's precision.
    /// </summary>
    public TourCheck Check(string label, double value, string unit, string? articleSays, string? note = null)
    {
        var check = new TourCheck(label, value, unit, articleSays, note);
        Checks.Add(check);
        return check;
    }
}

/// <summary>A titled table of pre-formatted cells.</summary>
internal sealed class TourTable(string title, string[] headers)
{
    public string Title { get; } = title;

    public string[] Headers { get; } = headers;

    public List<string[]> Rows { get; } = [];

    public TourTable Row(params string[] cells)
    {
        Rows.Add(cells);
        return this;
    }
}

/// <summary>A computed figure, the article's printed figure (if any), and whether the two agree at the article's precision.</summary>
internal sealed record TourCheck(string Label, double Value, string Unit, string? ArticleSays, string? Note)
{
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
