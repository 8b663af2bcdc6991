using Xent.Measures;

namespace Xent.Reports.Tour;

/// <summary>Seed 002, "Origins of the cross-entropy loss function": surprise, the two-dice sum, the coins, the six friends.</summary>
internal static class SurpriseArticle
{
    public static void Add(TourReport report)
    {
        var section = report.Section("Surprise, entropy and the six friends", "seed 002 — Origins of the Cross-Entropy Loss Function");

        // The article's grid np.linspace(0.01, 1, 10).
        var table = section.Table("Surprise −log2 p (bits)", "p", "surprise (bits)");
        for (int i = 0; i < 10; i++)
        {
            double p = 0.01 + i * (1 - 0.01) / 9;
            table.Row(Numbers.Fixed(p, 2), Numbers.Fixed(Discrete.Surprisal(p).Value, 2));
        }

        DiceSum(report, section);
        Coins(report, section);
        Friends(report, section);
        SurprisePlot(report);
    }

    private static void DiceSum(TourReport report, TourSection section)
    {
        // Exact distribution of the sum of two fair dice: (6 − |s − 7|)/36 for s = 2..12.
        double[] exact = [.. TourDistributions.TwoDiceSum];
        var rounded = new double[11];
        var table = section.Table("Sum of two dice", "sum", "p (exact)", "surprise (bits)", "p rounded to 0.01 (article)", "its surprise (article)");
        for (int s = 2; s <= 12; s++)
        {
            rounded[s - 2] = Math.Round(exact[s - 2], 2, MidpointRounding.ToEven);
            table.Row(s.ToString(), $"{6 - Math.Abs(s - 7)}/36", Numbers.Fixed(Discrete.Surprisal(exact[s - 2]).Value, 2), Numbers.Fixed(rounded[s - 2], 2),
                Numbers.Fixed(Discrete.Surprisal(rounded[s - 2]).Value, 2));
        }
        double h = report.Figure("dice_sum_entropy_bits", Discrete.Entropy(exact).Value);
        // The article rounds to 0.01 first; those probabilities sum to 1.01, so it can only be taken as it is.
        double sumRounded = rounded.Sum();
        double hRounded = report.Figure("dice_sum_entropy_rounded_bits", Discrete.Entropy(rounded, LogBase.Bits, new MeasureOptions { Normalization = Normalization.AsIs }).Value);
        section.Check("H(two-dice sum), exact probabilities", h, "bits", "3.30",
            $"the article's 3.30 is the entropy of its probabilities rounded to 0.01 (they sum to {Numbers.Fixed(sumRounded, 2)}): {Numbers.Fixed(hRounded, 3)} bits");
    }

    private static void Coins(TourReport report, TourSection section)
    {
        section.Check("H(fair coin)", Discrete.Entropy([0.5, 0.5]).Value, "bits", "1.00");
        section.Check("H(biased coin, p = 0.9)", Discrete.Entropy([0.9, 0.1]).Value, "bits", "0.47");
        section.Check("H(deterministic coin)", Discrete.Entropy([1.0, 0.0]).Value, "bits", "0.00", "0·log 0 = 0, and never −0.0");
    }

    private static void Friends(TourReport report, TourSection section)
    {
        double[] truth = [.. TourDistributions.Coin07];
        double[] guesses = [.. TourDistributions.FriendGuesses];
        var clipped = new MeasureOptions { Clip = TourDistributions.ArticleClip };
        var table = section.Table("Six friends guess P(heads) of a 0.7 coin: H(P,Q) in bits",
            "friend", "guess", "H(P,Q) clipped at 1e-10 (article)", "H(P,Q) exact");
        var values = new double[guesses.Length];
        for (int i = 0; i < guesses.Length; i++)
        {
            double[] q = [guesses[i], 1 - guesses[i]];
            values[i] = Discrete.CrossEntropy(truth, q, LogBase.Bits, clipped).Value;
            double exact = Discrete.CrossEntropy(truth, q).Value;
            table.Row($"Friend {i + 1}", Numbers.Fixed(guesses[i], 1), Numbers.Fixed(values[i], 2), Numbers.Fixed(exact, 2));
        }
        report.Figure("friends_cross_entropy_bits", values);
        section.Check("H(P,Q) of friend 1 (guessed 0), clipped", values[0], "bits", "23.25", "without the article's clipping it is +∞: heads happen, and a code for Q has no word for them");
        section.Check("H(P,Q) of friend 4 (guessed the truth)", values[3], "bits", "0.88", "the minimum: H(P,P) = H(P) (Gibbs)");
        section.Check("H(P,Q) of friend 6 (guessed 1), clipped", values[5], "bits", "9.97");

        var grid = Grid(0.001, 0.999, 400);
        var ce = grid.Select(g => Discrete.CrossEntropy(truth, [g, 1 - g]).Value).ToArray();
        var plot = report.Plot("friends-cross-entropy", "Cross-entropy of each friend's guess against a 0.7 coin",
            new PlotAxis("guessed P(heads)"), new PlotAxis("H(P,Q)", "bits")).AddSeries("H(P, [q, 1−q])", grid, ce, markers: false)
            .AddReference("H(P) = minimum, at q = 0.7", Discrete.Entropy(truth).Value);
        for (int i = 1; i < guesses.Length - 1; i++) plot.AddPoint($"friend {i + 1}", guesses[i], values[i]);
    }

    private static void SurprisePlot(TourReport report)
    {
        var grid = Grid(0.005, 1, 400);
        report.Plot("surprise", "Surprise of an outcome of probability p", new PlotAxis("p"), new PlotAxis("−log2 p", "bits"))
            .AddSeries("−log2 p", grid, grid.Select(p => Discrete.Surprisal(p).Value).ToArray(), markers: false);
    }

    public static double[] Grid(double from, double to, int count) =>
        Enumerable.Range(0, count).Select(i => from + (to - from) * i / (count - 1)).ToArray();
}
