namespace Xent.Reports.Tour;

/// <summary>
/// The guided tour: every worked example of the four articles (seeds 000–003), computed by the library, with the
/// articles' printed figures beside Xent's, named figures and plots — a <see cref="TourReport"/> any front end renders.
/// </summary>
public static class Tour
{
    /// <summary>Computes the whole tour (a fraction of a second; deterministic).</summary>
    public static TourReport Build()
    {
        var report = new TourReport();
        WeatherArticle.Add(report);
        MathForMlArticle.Add(report);
        SurpriseArticle.Add(report);
        DecompositionArticle.Add(report);
        report.FinishPlots();
        return report;
    }
}
