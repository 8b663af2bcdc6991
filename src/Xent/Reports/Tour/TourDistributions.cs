namespace Xent.Reports.Tour;

/// <summary>
/// The distributions the articles teach with, defined once: the tour computes its checks from them and the explorer
/// (<c>xent serve</c>) offers them as presets, so the two cannot drift apart.
/// </summary>
public static class TourDistributions
{
    /// <summary>The weather outcomes of seed 000, in the order of <see cref="London"/> and <see cref="Barcelona"/>.</summary>
    public static IReadOnlyList<string> Weather { get; } = ["Cloudy", "Rainy", "Sunny"];

    /// <summary>London's weather P (seed 000).</summary>
    public static IReadOnlyList<double> London { get; } = [0.5, 0.4, 0.1];

    /// <summary>Barcelona's weather Q (seed 000).</summary>
    public static IReadOnlyList<double> Barcelona { get; } = [0.2, 0.1, 0.7];

    /// <summary>The model's prediction for tomorrow in seed 000's classifier example, over <see cref="Weather"/>.</summary>
    public static IReadOnlyList<double> WeatherPrediction { get; } = [0.35, 0.6, 0.05];

    /// <summary>A fair six-sided die (seed 001).</summary>
    public static IReadOnlyList<double> FairDie { get; } = [1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0];

    /// <summary>The loaded die of seed 001: 0.5 on six, 0.1 on each other face.</summary>
    public static IReadOnlyList<double> LoadedDie { get; } = [0.1, 0.1, 0.1, 0.1, 0.1, 0.5];

    /// <summary>The exact distribution of the sum of two fair dice, s = 2..12: (6 − |s − 7|)/36 (seed 002).</summary>
    public static IReadOnlyList<double> TwoDiceSum { get; } = Enumerable.Range(2, 11).Select(s => (6 - Math.Abs(s - 7)) / 36.0).ToArray();

    /// <summary>The coin of seed 002's six friends: P(heads) = 0.7, as [heads, tails].</summary>
    public static IReadOnlyList<double> Coin07 { get; } = [0.7, 0.3];

    /// <summary>The six friends' guesses of P(heads) for the 0.7 coin (seed 002); friend i's model is [g, 1 − g].</summary>
    public static IReadOnlyList<double> FriendGuesses { get; } = [0, 0.2, 0.5, 0.7, 0.9, 1];

    /// <summary>The floor the article clips q to before taking logs (np.clip(q, 1e-10, None)).</summary>
    public const double ArticleClip = 1e-10;
}
