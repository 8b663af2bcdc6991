using Xent.Numerics;

namespace Xent.Losses;

/// <summary>
/// PyTorch's <c>kl_div(input, target)</c>: the KL divergence D(p‖q) between targets p and a model q given as log-probabilities
/// (input = log q), element-wise ℓ_ic = p_ic·(log p_ic − log q_ic), in nats, with 0·log 0 = 0 (where p = 0 the element is 0,
/// whatever log q is). With <c>logTarget</c> the target is given as log p: ℓ = e^{log p}·(log p − log q).
/// Gradient with respect to log q: −p. q = 0 (log q = −∞) where p &gt; 0 gives +∞, never NaN.
/// </summary>
public static class KlDivergenceLoss
{
    /// <summary>The loss of log q [N, C] against p [N, C] (or log p when <paramref name="logTarget"/>).</summary>
    /// <param name="logQ">log q, row-major; NaN and positive values throw, −∞ is allowed.</param>
    /// <param name="target">p (each finite, ≥ 0) or, with <paramref name="logTarget"/>, log p (≤ 0 or −∞).</param>
    /// <param name="rows">N, dividing the length (used by <see cref="KlDivergenceReduction.BatchMean"/>).</param>
    /// <param name="gradient">Empty or as many as log q: receives ∂loss/∂log q.</param>
    /// <param name="reduction">Default <see cref="KlDivergenceReduction.BatchMean"/>.</param>
    /// <param name="logTarget">Whether <paramref name="target"/> holds log p.</param>
    /// <param name="elementLosses">Empty, or as many as log q (required by None).</param>
    /// <returns>The reduced loss in nats; 0 for an empty input.</returns>
    public static double Compute(ReadOnlySpan<double> logQ, ReadOnlySpan<double> target, int rows, Span<double> gradient = default,
        KlDivergenceReduction reduction = KlDivergenceReduction.BatchMean, bool logTarget = false, Span<double> elementLosses = default)
    {
        int n = logQ.Length;
        if (target.Length != n) ThrowHelper.ThrowLengthMismatch(nameof(logQ), n, nameof(target), target.Length);
        if (rows < 1 && n > 0 || rows > 0 && n % rows != 0) ThrowHelper.ThrowShape(nameof(logQ), n, $"a multiple of rows = {rows}");
        LossChecks.OptionalLength(gradient.Length, n, nameof(gradient));
        LossChecks.Destination(elementLosses.Length, n, reduction == KlDivergenceReduction.None ? Reduction.None : Reduction.Sum, nameof(elementLosses));
        double scale = reduction switch
        {
            KlDivergenceReduction.BatchMean => rows > 0 ? 1.0 / rows : 0,
            KlDivergenceReduction.Mean => n > 0 ? 1.0 / n : 0,
            _ => 1,
        };
        CompensatedSum total = default;
        for (int k = 0; k < n; k++)
        {
            double lq = logQ[k], t = target[k];
            if (!(lq <= 0)) ThrowHelper.ThrowBadValue(nameof(logQ), k, lq, "a log-probability must be ≤ 0");
            if (logTarget ? !(t <= 0) : !(t >= 0 && double.IsFinite(t)))
                ThrowHelper.ThrowBadValue(nameof(target), k, t, logTarget ? "a log-probability must be ≤ 0" : "must be finite and ≥ 0");
            double p = logTarget ? Math.Exp(t) : t;
            double logP = logTarget ? t : Math.Log(t);
            double loss = p == 0 ? 0 : p * (logP - lq);
            total.Add(loss);
            if (!elementLosses.IsEmpty) elementLosses[k] = loss;
            if (!gradient.IsEmpty) gradient[k] = -scale * p;
        }
        return reduction is KlDivergenceReduction.BatchMean or KlDivergenceReduction.Mean ? total.Value * scale : total.Value;
    }
}
