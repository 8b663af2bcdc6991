using Xent.Learning;
using Xent.Losses;
using Xent.Measures;

namespace Xent.Reports.Tour;

/// <summary>
/// Seed 001's "Cross-entropy loss in classification", "Example 4: binary cross-entropy" and "Connection to maximum
/// likelihood", computed with the loss and training code a classifier would use.
/// </summary>
internal static class LossExamples
{
    public static void Add(TourReport report, TourSection section)
    {
        Categorical(section);
        Binary(report, section);
        MaximumLikelihood(report, section);
    }

    /// <summary>With a one-hot target the loss is −ln q_y: near 0 when confident and right, unbounded when confident and wrong.</summary>
    private static void Categorical(TourSection section)
    {
        var table = section.Table("Softmax cross-entropy of one example, true class y (nats)", "q_y", "loss −ln q_y");
        foreach (double qy in new[] { 0.99, 0.9, 0.5, 0.1, 0.01 })
        {
            // Logits ln q give back q under softmax; the other two classes share the rest of the mass.
            double rest = (1 - qy) / 2;
            double[] logits = [Math.Log(qy), Math.Log(rest), Math.Log(rest)];
            table.Row(Numbers.Fixed(qy, 2), Numbers.Fixed(SoftmaxCrossEntropy.Compute(logits, 3, [0]), 4));
        }
    }

    /// <summary>
    /// Example 4 of the article; its numbers did not survive in our copy of the text, so the tour uses a confident right,
    /// a confident wrong and an undecided prediction.
    /// </summary>
    private static void Binary(TourReport report, TourSection section)
    {
        var table = section.Table("Binary cross-entropy −[y ln ŷ + (1 − y) ln(1 − ŷ)] (nats)", "y", "ŷ", "loss");
        (double Y, double YHat)[] cases = [(1, 0.9), (1, 0.1), (0, 0.1), (1, 0.5)];
        var losses = new double[cases.Length];
        for (int i = 0; i < cases.Length; i++)
        {
            var (y, yHat) = cases[i];
            losses[i] = BinaryCrossEntropy.WithLogits([Math.Log(yHat / (1 - yHat))], [y]);
            table.Row(Numbers.Fixed(y, 0), Numbers.Fixed(yHat, 1), Numbers.Fixed(losses[i], 4));
        }
        report.Figure("bce_confident_right_nats", losses[0]);
        report.Figure("bce_confident_wrong_nats", losses[1]);
        section.Notes.Add("A confident wrong prediction (ŷ = 0.1 for y = 1) costs 22 times a confident right one: the loss forces honesty about uncertainty.");
    }

    /// <summary>
    /// Ten flips, seven heads. Training a logistic model of P(heads) by minimizing the mean cross-entropy finds the
    /// maximum-likelihood estimate 0.7; adding an L2 penalty (a Gaussian prior on the weight) gives the MAP estimate.
    /// </summary>
    private static void MaximumLikelihood(TourReport report, TourSection section)
    {
        int[] flips = [1, 1, 1, 0, 1, 1, 0, 1, 0, 1];
        double heads = flips.Average();

        // Intercept only (the one feature is 0 everywhere): nothing is penalized, so this is the MLE.
        var mle = LogisticRegression.Fit(new double[flips.Length], 1, flips, 2, new LogisticRegressionOptions { C = 1 });
        double mleHeads = Predict(mle);
        // One weight on a constant feature, no intercept, C = 1: minimize Σ CE + ½w², the MAP estimate under w ~ N(0, 1).
        var ones = Enumerable.Repeat(1.0, flips.Length).ToArray();
        var map = LogisticRegression.Fit(ones, 1, flips, 2, new LogisticRegressionOptions { C = 1, FitIntercept = false });
        double mapHeads = Predict(map, 1);

        report.Figure("coin_mle_heads", mleHeads);
        report.Figure("coin_map_heads", mapHeads);
        section.Check("MLE of P(heads) from 7 heads in 10, by minimizing cross-entropy", mleHeads, "probability", null,
            $"the empirical frequency {Numbers.Fixed(heads, 1)}: minimizing H(p̂, q_θ) is maximizing the likelihood; mean loss {Numbers.Fixed(Discrete.CrossEntropy([heads, 1 - heads], [mleHeads, 1 - mleHeads], LogBase.Nats).Value, 4)} nats = H(p̂)");
        section.Check("MAP of P(heads) with a N(0, 1) prior on the logit (L2, C = 1)", mapHeads, "probability", null,
            "cross-entropy plus the prior's −log density pulls the estimate towards 0.5");
    }

    private static double Predict(LogisticRegressionModel model, double x = 0)
    {
        var probabilities = new double[2];
        model.PredictProbabilities([x], probabilities);
        return probabilities[1];
    }
}
