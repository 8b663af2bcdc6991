using Xent.Numerics;

namespace Xent.Losses;

/// <summary>
/// Gaussian negative log-likelihood, PyTorch's <c>gaussian_nll_loss</c>, in nats: for a prediction μ_k with variance σ²_k
/// (clamped below at ε), ℓ_k = ½·(log σ²_k + (μ_k − y_k)²/σ²_k) [+ ½·log 2π with <c>full</c>].
/// </summary>
/// <remarks>
/// This is the cross-entropy of the data under a Gaussian model, as softmax cross-entropy is under a categorical one.
/// With a fixed σ² = 1 and <c>full</c>, ℓ = ½(μ − y)² + ½ log 2π: the mean squared error, halved, plus a constant —
/// minimizing MSE is maximum likelihood under Gaussian noise. The variance is fixed when <c>variance</c> has one entry shared
/// by all, or learned when it has one per element (then its gradient can be requested).
/// Gradients: ∂ℓ/∂μ = (μ − y)/σ², ∂ℓ/∂σ² = ½·(1/σ² − (μ − y)²/σ⁴), evaluated at the clamped σ² (as PyTorch, whose clamp
/// passes the gradient through). Mean divides by the number of elements (0 for none).
/// </remarks>
public static class GaussianNegativeLogLikelihood
{
    /// <summary>The loss of predictions μ with variances σ² against targets y.</summary>
    /// <param name="mean">μ, finite.</param>
    /// <param name="target">y, as many as μ, finite.</param>
    /// <param name="variance">σ²: one entry (fixed, shared) or as many as μ; each ≥ 0 and finite.</param>
    /// <param name="gradientMean">Empty or as many as μ: ∂loss/∂μ.</param>
    /// <param name="gradientVariance">Empty or as many as <paramref name="variance"/>: ∂loss/∂σ² (summed over elements when shared).</param>
    /// <param name="full">Add the constant ½·log 2π to each element.</param>
    /// <param name="epsilon">Lower clamp of σ² (default 1e-6, PyTorch's); must be &gt; 0.</param>
    /// <param name="reduction">Mean (default), Sum or None (then <paramref name="elementLosses"/> is required).</param>
    /// <param name="elementLosses">Empty or as many as μ: receives ℓ_k.</param>
    /// <returns>The reduced loss in nats.</returns>
    public static double Compute(ReadOnlySpan<double> mean, ReadOnlySpan<double> target, ReadOnlySpan<double> variance,
        Span<double> gradientMean = default, Span<double> gradientVariance = default, bool full = false, double epsilon = 1e-6,
        Reduction reduction = Reduction.Mean, Span<double> elementLosses = default)
    {
        int n = mean.Length;
        if (target.Length != n) ThrowHelper.ThrowLengthMismatch(nameof(mean), n, nameof(target), target.Length);
        if (variance.Length != 1 && variance.Length != n) ThrowHelper.ThrowShape(nameof(variance), variance.Length, $"1 (fixed) or {n} (one per element)");
        if (!(epsilon > 0)) ThrowHelper.ThrowArgumentOutOfRange(nameof(epsilon), epsilon, "The variance clamp must be > 0.");
        LossChecks.OptionalLength(gradientMean.Length, n, nameof(gradientMean));
        LossChecks.OptionalLength(gradientVariance.Length, variance.Length, nameof(gradientVariance));
        LossChecks.Destination(elementLosses.Length, n, reduction, nameof(elementLosses));
        SoftmaxCrossEntropy.CheckFiniteNonNegative(variance, nameof(variance));
        for (int k = 0; k < n; k++)
        {
            if (!double.IsFinite(mean[k])) ThrowHelper.ThrowBadValue(nameof(mean), k, mean[k], "must be finite");
            if (!double.IsFinite(target[k])) ThrowHelper.ThrowBadValue(nameof(target), k, target[k], "must be finite");
        }
        double scale = SoftmaxCrossEntropy.ReductionScale(reduction, n);
        double constant = full ? 0.5 * Math.Log(2 * Math.PI) : 0;
        gradientVariance.Clear();
        CompensatedSum total = default;
        for (int k = 0; k < n; k++)
        {
            int v = variance.Length == 1 ? 0 : k;
            double s2 = Math.Max(variance[v], epsilon), d = mean[k] - target[k];
            double loss = 0.5 * (Math.Log(s2) + d * d / s2) + constant;
            total.Add(loss);
            if (!elementLosses.IsEmpty) elementLosses[k] = loss;
            if (!gradientMean.IsEmpty) gradientMean[k] = scale * d / s2;
            if (!gradientVariance.IsEmpty) gradientVariance[v] += scale * 0.5 * (1 / s2 - d * d / (s2 * s2));
        }
        return reduction == Reduction.Mean ? total.Value * scale : total.Value;
    }
}
