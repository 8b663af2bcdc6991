using Xent.Numerics;

namespace Xent.Losses;

/// <summary>
/// Binary cross-entropy from logits, PyTorch's <c>binary_cross_entropy_with_logits</c>, in nats:
/// ℓ_k = w_k·[p_w·y_k·softplus(−z_k) + (1 − y_k)·softplus(z_k)], where softplus(x) = log(1 + eˣ) = −log σ(−x),
/// so p_w·y·(−log σ(z)) + (1 − y)·(−log(1 − σ(z))) is never formed from σ itself.
/// </summary>
/// <remarks>
/// softplus(x) is computed as max(x, 0) + log1p(e^(−|x|)), exact for |z| up to 1e4 and beyond (no exp overflows).
/// Targets y may be soft, in [0, 1]. pos_weight p_w multiplies the positive term: it is given per column (the last
/// dimension, as PyTorch broadcasts it) — empty (1 everywhere) or K entries with the logits viewed as [N, K].
/// Gradient: ∂ℓ_k/∂z_k = w_k·[(1 − y_k)·σ(z_k) − p_w·y_k·σ(−z_k)]. Mean divides by the number of elements (0 for none).
/// </remarks>
public static class BinaryCrossEntropy
{
    /// <summary>The loss of logits z against targets y ∈ [0, 1], with optional per-element weights and per-column pos_weight.</summary>
    /// <param name="logits">z, any finite values (±∞ throws).</param>
    /// <param name="targets">y, as many as z, each in [0, 1].</param>
    /// <param name="gradient">Empty or as many as z: receives ∂loss/∂z (scaled by 1/count under <see cref="Reduction.Mean"/>).</param>
    /// <param name="reduction">Mean (default), Sum, or None (then <paramref name="elementLosses"/> is required).</param>
    /// <param name="weights">Empty or as many as z: w_k ≥ 0, finite.</param>
    /// <param name="positiveWeight">Empty or K entries p_w ≥ 0 (K divides the count; column k mod K).</param>
    /// <param name="elementLosses">Empty or as many as z: receives ℓ_k.</param>
    /// <returns>The reduced loss in nats (Σ ℓ_k for None).</returns>
    public static double WithLogits(ReadOnlySpan<double> logits, ReadOnlySpan<double> targets, Span<double> gradient = default,
        Reduction reduction = Reduction.Mean, ReadOnlySpan<double> weights = default, ReadOnlySpan<double> positiveWeight = default,
        Span<double> elementLosses = default)
    {
        int n = logits.Length;
        if (targets.Length != n) ThrowHelper.ThrowLengthMismatch(nameof(logits), n, nameof(targets), targets.Length);
        LossChecks.OptionalLength(gradient.Length, n, nameof(gradient));
        LossChecks.OptionalLength(weights.Length, n, nameof(weights));
        LossChecks.Destination(elementLosses.Length, n, reduction, nameof(elementLosses));
        if (!positiveWeight.IsEmpty && n % positiveWeight.Length != 0)
            ThrowHelper.ThrowShape(nameof(positiveWeight), positiveWeight.Length, $"0 or a divisor of the {n} logits (the last dimension)");
        SoftmaxCrossEntropy.CheckFiniteNonNegative(weights, nameof(weights));
        SoftmaxCrossEntropy.CheckFiniteNonNegative(positiveWeight, nameof(positiveWeight));
        for (int k = 0; k < n; k++)
        {
            if (!double.IsFinite(logits[k])) ThrowHelper.ThrowBadValue(nameof(logits), k, logits[k], "must be finite");
            if (!(targets[k] >= 0 && targets[k] <= 1)) ThrowHelper.ThrowBadValue(nameof(targets), k, targets[k], "must be in [0, 1]");
        }
        double scale = SoftmaxCrossEntropy.ReductionScale(reduction, n);
        CompensatedSum total = default;
        for (int k = 0; k < n; k++)
        {
            double z = logits[k], y = targets[k];
            double w = weights.IsEmpty ? 1 : weights[k];
            double pw = positiveWeight.IsEmpty ? 1 : positiveWeight[k % positiveWeight.Length];
            double positive = pw * y, negative = 1 - y;
            double loss = w * ((positive == 0 ? 0 : positive * Softplus(-z)) + (negative == 0 ? 0 : negative * Softplus(z)));
            total.Add(loss);
            if (!elementLosses.IsEmpty) elementLosses[k] = loss;
            if (!gradient.IsEmpty) gradient[k] = scale * w * (negative * Sigmoid(z) - positive * Sigmoid(-z));
        }
        return reduction == Reduction.Mean ? total.Value * scale : total.Value;
    }

    /// <summary>log(1 + eˣ) without overflow: max(x, 0) + log1p(e^(−|x|)).</summary>
    internal static double Softplus(double x) => Math.Max(x, 0) + LogOnePlus(Math.Exp(-Math.Abs(x)));

    /// <summary>σ(x) = 1/(1 + e^(−x)), written so that neither branch overflows.</summary>
    internal static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    /// <summary>log(1 + u) accurate for small u (Goldberg's trick: log(1+u)·u/((1+u) − 1)).</summary>
    private static double LogOnePlus(double u)
    {
        double v = 1 + u;
        return v == 1 ? u : Math.Log(v) * u / (v - 1);
    }
}
