using Xent.Reports.Tour;

namespace Xent.Explorer;

/// <summary>A preset: a label, the article it comes from, and the state it sets (from the tour's own distributions).</summary>
public sealed record Preset(string Key, string Label, string Source, Func<ExplorerState, ExplorerState> Apply);

/// <summary>The presets of the distribution panel: every example of the articles, one click each.</summary>
public static class Presets
{
    private static readonly string[] Faces = ["1", "2", "3", "4", "5", "6"];
    private static readonly string[] Coin = ["heads", "tails"];

    public static IReadOnlyList<Preset> All { get; } = Build();

    public static Preset? Find(string key) => All.FirstOrDefault(p => p.Key == key);

    private static Preset[] Build()
    {
        var list = new List<Preset>
        {
            new("london", "London weather, Barcelona's model", "seed 000",
                s => s with { Names = TourDistributions.Weather, P = TourDistributions.London, Q = TourDistributions.Barcelona, Clip = 0, Smoothing = 0 }),
            new("barcelona", "Barcelona weather, London's model", "seed 000",
                s => s with { Names = TourDistributions.Weather, P = TourDistributions.Barcelona, Q = TourDistributions.London, Clip = 0, Smoothing = 0 }),
            new("fair-die", "Fair die, loaded model", "seed 001",
                s => s with { Names = Faces, P = TourDistributions.FairDie, Q = TourDistributions.LoadedDie, Clip = 0, Smoothing = 0 }),
            new("loaded-die", "Loaded die, fair model", "seed 001",
                s => s with { Names = Faces, P = TourDistributions.LoadedDie, Q = TourDistributions.FairDie, Clip = 0, Smoothing = 0 }),
            new("dice-sum", "Sum of two dice, uniform model", "seed 002",
                s => s with
                {
                    Names = Enumerable.Range(2, TourDistributions.TwoDiceSum.Count).Select(i => i.ToString()).ToArray(),
                    P = TourDistributions.TwoDiceSum, Q = TourDistributions.TwoDiceSum.Select(_ => 1.0).ToArray(), Clip = 0, Smoothing = 0,
                }),
            new("coin", "The 0.7 coin, a fair model", "seed 002",
                s => s with { Names = Coin, P = TourDistributions.Coin07, Q = [0.5, 0.5], Clip = 0, Smoothing = 0 }),
        };
        var guesses = TourDistributions.FriendGuesses;
        for (int i = 0; i < guesses.Count; i++)
        {
            double g = guesses[i];
            // The article clips q at 1e-10 before taking logs; the friends whose guess puts 0 on an outcome need it.
            double clip = g is 0 or 1 ? TourDistributions.ArticleClip : 0;
            list.Add(new($"friend{i + 1}", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Friend {i + 1} guesses {g:0.0}"), "seed 002",
                s => s with { Names = Coin, P = TourDistributions.Coin07, Q = [g, 1 - g], Clip = clip, Smoothing = 0 }));
        }
        return list.ToArray();
    }
}
