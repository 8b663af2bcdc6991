using Xent.Measures;

namespace Xent.Reports.Tour;

/// <summary>Seed 001, "Information theory: entropy, KL divergence, cross-entropy" (Maths for ML series).</summary>
internal static class MathForMlArticle
{
    public static void Add(TourReport report)
    {
        var section = report.Section("Entropy, KL divergence and cross-entropy", "seed 001 — Information theory: entropy, KL divergence, cross-entropy");

        section.Check("−log2 P(heads), fair coin", Discrete.Surprisal(0.5).Value, "bits", "1");
        section.Check("−log2 0.9, heads of a 0.9 coin", Discrete.Surprisal(0.9).Value, "bits", null, "not very surprising");
        section.Check("−log2 0.1, tails of a 0.9 coin", Discrete.Surprisal(0.1).Value, "bits", null, "very surprising");

        double[] fair = [.. TourDistributions.FairDie];
        double[] loaded = [.. TourDistributions.LoadedDie];
        double[] degenerate = [0, 0, 0, 0, 0, 1];
        section.Check("H(fair die)", report.Figure("fair_die_bits", Discrete.Entropy(fair).Value), "bits", "2.585", "= log2 6, the maximum for six outcomes");
        section.Check("H(loaded die, 0.5 on six)", report.Figure("loaded_die_bits", Discrete.Entropy(loaded).Value), "bits", "2.161");
        section.Check("H(degenerate die)", Discrete.Entropy(degenerate).Value, "bits", "0");
        section.Check("H(biased coin 0.9/0.1)", report.Figure("biased_coin_bits", Discrete.Entropy([0.9, 0.1]).Value), "bits", "0.47");

        double[] p = [0.5, 0.3, 0.2];
        double[] q = [0.4, 0.4, 0.2];
        var pTable = section.Table("P and Q over three outcomes", "outcome", "P", "Q", "p·ln(p/q) (nats)");
        string[] names = ["A", "B", "C"];
        for (int i = 0; i < 3; i++) pTable.Row(names[i], Numbers.Fixed(p[i], 1), Numbers.Fixed(q[i], 1), Numbers.Signed(p[i] * Math.Log(p[i] / q[i]), 6));

        double klPq = report.Figure("kl_pq_nats", Discrete.KlDivergence(p, q, LogBase.Nats).Value);
        double klQp = report.Figure("kl_qp_nats", Discrete.KlDivergence(q, p, LogBase.Nats).Value);
        section.Check("D(P‖Q)", klPq, "nats", "0.0253");
        section.Check("D(Q‖P)", klQp, "nats", "0.0259",
            $"the article rounds up: D(Q‖P) = {Numbers.Fixed(klQp, 6)} nats, so 0.0258 to four places — the asymmetry is real but smaller than it says");

        double hP = Discrete.Entropy(p, LogBase.Nats).Value;
        double hPq = Discrete.CrossEntropy(p, q, LogBase.Nats).Value;
        section.Check("H(P)", hP, "nats", null);
        section.Check("H(P,Q)", hPq, "nats", null);
        section.Check("H(P,Q) − (H(P) + D(P‖Q))", hPq - (hP + klPq), "nats", null, "the decomposition holds to rounding error");

        LossExamples.Add(report, section);
        BeyondLosses(report, section);
        BinaryEntropyPlot(report);
        KlAsymmetryPlot(report, p);
    }

    /// <summary>"Entropy in ML beyond loss functions": decision-tree splits, mutual information, the Gaussian, the VAE term.</summary>
    private static void BeyondLosses(TourReport report, TourSection section)
    {
        // A split of 14 days by outlook (sunny, overcast, rain) against play yes/no: the counts of Quinlan's weather data.
        long[] split = [2, 3, 4, 0, 3, 2];
        double gain = report.Figure("outlook_information_gain_bits", Joint.InformationGain(split, 3, 2, LogBase.Bits).Value);
        section.Check("Information gain of splitting play by outlook (decision tree)", gain, "bits", null,
            "H(play) − Σ p(outlook) H(play | outlook): the entropy the split removes, = I(outlook; play)");

        var table = section.Table("At equal variance σ² = 1 the Gaussian has the most differential entropy", "density", "h (nats)");
        double gaussian = report.Figure("gaussian_unit_variance_entropy_nats", Gaussian.DifferentialEntropy(1, LogBase.Nats).Value);
        table.Row("Gaussian N(0, 1): ½ ln(2πe)", Numbers.Fixed(gaussian, 4));
        table.Row("Laplace, b = 1/√2: 1 + ln(2b)", Numbers.Fixed(Continuous.LaplaceEntropy(1 / Math.Sqrt(2), LogBase.Nats).Value, 4));
        table.Row("Uniform, width √12: ln √12", Numbers.Fixed(Continuous.UniformEntropy(Math.Sqrt(12), LogBase.Nats).Value, 4));

        // An encoder output for one input: means and log-variances of a 2-d latent.
        double[] mean = [0.5, -1.0];
        double[] logVariance = [Math.Log(0.8), Math.Log(1.5)];
        double vae = report.Figure("vae_kl_nats", Gaussian.KlToStandardNormal(mean, logVariance, LogBase.Nats).Value);
        section.Check("VAE term KL(N(μ, σ²) ‖ N(0, I)), μ = (0.5, −1), σ² = (0.8, 1.5)", vae, "nats", null,
            "½ Σ (μ² + σ² − 1 − ln σ²): pulls the encoder towards the standard Gaussian");
    }

    private static void BinaryEntropyPlot(TourReport report)
    {
        var grid = SurpriseArticle.Grid(0, 1, 401);
        report.Plot("binary-entropy", "Binary entropy H(p) of a coin with P(heads) = p", new PlotAxis("p"), new PlotAxis("H(p)", "bits"))
            .AddSeries("H(p) = −p log2 p − (1−p) log2 (1−p)", grid, grid.Select(x => Discrete.Entropy([x, 1 - x]).Value).ToArray(), markers: false)
            .AddPoint("biased coin p = 0.9", 0.9, Discrete.Entropy([0.9, 0.1]).Value);
    }

    /// <summary>Q = (t, 0.8 − t, 0.2) slides through P = (0.5, 0.3, 0.2); the article's Q is t = 0.4.</summary>
    private static void KlAsymmetryPlot(TourReport report, double[] p)
    {
        var grid = SurpriseArticle.Grid(0.02, 0.78, 300);
        var forward = grid.Select(t => Discrete.KlDivergence(p, [t, 0.8 - t, 0.2], LogBase.Nats).Value).ToArray();
        var reverse = grid.Select(t => Discrete.KlDivergence([t, 0.8 - t, 0.2], p, LogBase.Nats).Value).ToArray();
        report.Plot("kl-asymmetry", "KL is not symmetric: P = (0.5, 0.3, 0.2), Q = (t, 0.8 − t, 0.2)",
                new PlotAxis("t = Q(A)"), new PlotAxis("divergence", "nats"))
            .AddSeries("D(P‖Q)", grid, forward, markers: false)
            .AddSeries("D(Q‖P)", grid, reverse, markers: false)
            .AddPoint("article's Q = (0.4, 0.4, 0.2)", 0.4, Discrete.KlDivergence(p, [0.4, 0.4, 0.2], LogBase.Nats).Value);
    }
}
