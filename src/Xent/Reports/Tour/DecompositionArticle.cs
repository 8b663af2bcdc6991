using Xent.Measures;

namespace Xent.Reports.Tour;

/// <summary>Seed 003: H(P,Q) = H(P) + D(P‖Q), and the one-hot case where cross-entropy is −log q_k.</summary>
internal static class DecompositionArticle
{
    public static void Add(TourReport report)
    {
        var section = report.Section("Cross-entropy decomposes into entropy plus KL", "seed 003 — cross-entropy as a loss");

        double[] p = [0.5, 0.4, 0.1];
        double[] q = [0.2, 0.1, 0.7];
        double h = Discrete.Entropy(p).Value, d = Discrete.KlDivergence(p, q).Value, ce = Discrete.CrossEntropy(p, q).Value;
        var table = section.Table("London P against the Barcelona model Q (bits)", "H(P)", "D(P‖Q)", "H(P) + D(P‖Q)", "H(P,Q)");
        table.Row(Numbers.Fixed(h, 6), Numbers.Fixed(d, 6), Numbers.Fixed(h + d, 6), Numbers.Fixed(ce, 6));

        // One-hot p: class k observed. H(p) = 0, so the loss is all divergence: H(p,q) = D(p‖q) = −log q_k.
        double[] oneHot = [1, 0, 0];
        double[] prediction = [0.35, 0.6, 0.05];
        double loss = Discrete.CrossEntropy(oneHot, prediction, LogBase.Nats).Value;
        section.Check("H(one-hot Cloudy, q) = −ln q_C", loss, "nats", null);
        section.Check("D(one-hot ‖ q) (equal: H(one-hot) = 0)", Discrete.KlDivergence(oneHot, prediction, LogBase.Nats).Value, "nats", null);
        section.Notes.Add("With a one-hot target the entropy term vanishes, so minimizing cross-entropy and minimizing KL are the same step.");
    }
}
