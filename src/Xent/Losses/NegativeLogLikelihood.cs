using Xent.Numerics;

namespace Xent.Losses;

/// <summary>
/// Negative log-likelihood of class indices under log-probabilities, PyTorch's <c>nll_loss</c>, in nats:
/// ℓ_i = −w_{y_i}·log p_{i,y_i}; rows whose target is the ignore index give 0. Mean = Σ ℓ_i / Σ_{i not ignored} w_{y_i},
/// and 0 when that sum is 0 (PyTorch returns NaN). Gradient: ∂ℓ_i/∂(log p_{i,c}) = −w_{y_i} at c = y_i, 0 elsewhere.
/// softmax cross-entropy is this applied to log_softmax(z).
/// </summary>
public static class NegativeLogLikelihood
{
    /// <summary>The loss of log-probabilities [N, C] (row-major) against class indices.</summary>
    /// <param name="logProbabilities">log p, N·C entries, each ≤ 0 or −∞ (NaN and positive values throw).</param>
    /// <param name="classes">C ≥ 1.</param>
    /// <param name="targets">y_i ∈ [0, C) or <paramref name="ignoreIndex"/>.</param>
    /// <param name="gradient">Empty or N·C entries: receives ∂loss/∂log p.</param>
    /// <param name="reduction">Mean (default), Sum or None (then <paramref name="rowLosses"/> is required).</param>
    /// <param name="ignoreIndex">Target value of rows to skip; default −100.</param>
    /// <param name="classWeights">Empty (all 1) or C finite weights ≥ 0.</param>
    /// <param name="rowLosses">Empty or N entries: receives ℓ_i.</param>
    /// <returns>The reduced loss in nats; +∞ when a true class has log-probability −∞.</returns>
    public static double Compute(ReadOnlySpan<double> logProbabilities, int classes, ReadOnlySpan<int> targets, Span<double> gradient = default,
        Reduction reduction = Reduction.Mean, int ignoreIndex = -100, ReadOnlySpan<double> classWeights = default, Span<double> rowLosses = default)
    {
        int n = targets.Length;
        SoftmaxCrossEntropy.ValidateCommon(logProbabilities.Length, classes, n, gradient.Length,
            new CrossEntropyOptions { Reduction = reduction, IgnoreIndex = ignoreIndex }, classWeights, rowLosses.Length);
        double scale = SoftmaxCrossEntropy.ReductionScale(reduction, SoftmaxCrossEntropy.MeanDenominator(targets, classes, ignoreIndex, classWeights));
        CompensatedSum total = default;
        gradient.Clear();
        for (int i = 0; i < n; i++)
        {
            int y = targets[i];
            double loss = 0;
            if (y != ignoreIndex)
            {
                double w = classWeights.IsEmpty ? 1 : classWeights[y], logP = logProbabilities[i * classes + y];
                if (!(logP <= 0)) ThrowHelper.ThrowBadValue(nameof(logProbabilities), i * classes + y, logP, "a log-probability must be ≤ 0");
                loss = w == 0 ? 0 : -w * logP;
                if (!gradient.IsEmpty) gradient[i * classes + y] = -scale * w;
            }
            if (!rowLosses.IsEmpty) rowLosses[i] = loss;
            total.Add(loss);
        }
        return reduction == Reduction.Mean ? total.Value * scale : total.Value;
    }
}
