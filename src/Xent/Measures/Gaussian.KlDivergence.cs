using Xent.Numerics;

namespace Xent.Measures;

public static partial class Gaussian
{
    /// <summary>
    /// KL(N(μ_p, σ_p²) ‖ N(μ_q, σ_q²)) = ln(σ_q/σ_p) + (σ_p² + (μ_p − μ_q)²) / (2σ_q²) − ½, in the unit of <paramref name="logBase"/> (bits by default).
    /// </summary>
    /// <remarks>Computed as ½[(r − 1 − ln r) + (μ_p − μ_q)²/σ_q²] with r = σ_p²/σ_q², and r − 1 − ln r = e^t − 1 − t for t = ln r
    /// evaluated by a series near 0, so nearly equal Gaussians keep their digits. 0 exactly when the parameters are equal.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A mean is not finite, or a variance is not finite and positive.</exception>
    /// <param name="meanP">μ_p, the mean of P (finite).</param>
    /// <param name="varianceP">σ_p², the variance of P (finite, &gt; 0).</param>
    /// <param name="meanQ">μ_q, the mean of Q (finite).</param>
    /// <param name="varianceQ">σ_q², the variance of Q (finite, &gt; 0).</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information KlDivergence(double meanP, double varianceP, double meanQ, double varianceQ, LogBase logBase = default)
    {
        if (!double.IsFinite(meanP)) ThrowHelper.ThrowArgumentOutOfRange(nameof(meanP), meanP, "a mean must be finite");
        if (!double.IsFinite(meanQ)) ThrowHelper.ThrowArgumentOutOfRange(nameof(meanQ), meanQ, "a mean must be finite");
        if (!(varianceP > 0) || double.IsPositiveInfinity(varianceP)) ThrowHelper.ThrowArgumentOutOfRange(nameof(varianceP), varianceP, "a variance must be finite and positive");
        if (!(varianceQ > 0) || double.IsPositiveInfinity(varianceQ)) ThrowHelper.ThrowArgumentOutOfRange(nameof(varianceQ), varianceQ, "a variance must be finite and positive");
        return Information.FromNats(KlTermNats(meanP - meanQ, Math.Log(varianceP) - Math.Log(varianceQ), varianceQ), logBase);
    }

    /// <summary>
    /// KL between Gaussians with independent coordinates: Σ_i KL(N(μ_p,i, σ²_p,i) ‖ N(μ_q,i, σ²_q,i)), each term as in
    /// <see cref="KlDivergence(double, double, double, double, LogBase)"/>, in the unit of <paramref name="logBase"/> (bits by default). Empty spans give 0.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, a mean is not finite, or a variance is not finite and positive.</exception>
    /// <param name="meanP">μ_p per coordinate (finite).</param>
    /// <param name="varianceP">σ_p² per coordinate, as many as meanP (finite, &gt; 0).</param>
    /// <param name="meanQ">μ_q per coordinate, as many as meanP (finite).</param>
    /// <param name="varianceQ">σ_q² per coordinate, as many as meanP (finite, &gt; 0).</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information KlDivergenceDiagonal(ReadOnlySpan<double> meanP, ReadOnlySpan<double> varianceP,
        ReadOnlySpan<double> meanQ, ReadOnlySpan<double> varianceQ, LogBase logBase = default)
    {
        CheckSameLength(meanP, nameof(meanP), varianceP, nameof(varianceP));
        CheckSameLength(meanP, nameof(meanP), meanQ, nameof(meanQ));
        CheckSameLength(meanP, nameof(meanP), varianceQ, nameof(varianceQ));
        CheckFinite(meanP, nameof(meanP));
        CheckFinite(meanQ, nameof(meanQ));
        CheckVariances(varianceP, nameof(varianceP));
        CheckVariances(varianceQ, nameof(varianceQ));
        CompensatedSum sum = default;
        for (int i = 0; i < meanP.Length; i++)
            sum.Add(KlTermNats(meanP[i] - meanQ[i], Math.Log(varianceP[i]) - Math.Log(varianceQ[i]), varianceQ[i]));
        return Information.FromNats(sum.Value, logBase);
    }

    /// <summary>
    /// The VAE regularizer KL(N(μ, diag σ²) ‖ N(0, I)) = ½ Σ_i (μ_i² + σ_i² − 1 − ln σ_i²) from the mean and the log-variance
    /// ln σ² that a VAE encoder outputs, in the unit of <paramref name="logBase"/> (bits by default). Empty spans give 0.
    /// </summary>
    /// <remarks>σ² − 1 − ln σ² is evaluated as e^t − 1 − t with t = ln σ², by a series near 0, so a posterior close to N(0, 1)
    /// gives its small KL accurately. A large log-variance gives a large (possibly +∞) result, never NaN.</remarks>
    /// <exception cref="ArgumentException">Lengths differ, or an entry is not finite.</exception>
    /// <param name="mean">The posterior means μ_i (finite), as a VAE encoder outputs them.</param>
    /// <param name="logVariance">ln σ_i² per coordinate, as many as mean (finite; the log-variance parameterization, not σ or σ²).</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information KlToStandardNormal(ReadOnlySpan<double> mean, ReadOnlySpan<double> logVariance, LogBase logBase = default)
    {
        CheckSameLength(mean, nameof(mean), logVariance, nameof(logVariance));
        CheckFinite(mean, nameof(mean));
        CheckFinite(logVariance, nameof(logVariance));
        CompensatedSum sum = default;
        for (int i = 0; i < mean.Length; i++) sum.Add(KlTermNats(mean[i], logVariance[i], 1));
        return Information.FromNats(sum.Value, logBase);
    }

    /// <summary>
    /// KL(N(μ_p, Σ_p) ‖ N(μ_q, Σ_q)) = ½[tr(Σ_q⁻¹Σ_p) + (μ_q − μ_p)ᵀΣ_q⁻¹(μ_q − μ_p) − d + ln det Σ_q − ln det Σ_p]
    /// for d-dimensional Gaussians with full row-major d×d covariances (d = meanP.Length), in the unit of <paramref name="logBase"/> (bits by default).
    /// </summary>
    /// <remarks>With Σ_p = L_p L_pᵀ and Σ_q = L_q L_qᵀ (Cholesky), tr(Σ_q⁻¹Σ_p) = ‖L_q⁻¹ L_p‖_F², the quadratic form is ‖L_q⁻¹(μ_p − μ_q)‖²
    /// and ln det Σ = 2 Σ ln L_ii: no inverse is formed. A result that rounds below 0 is returned as 0.</remarks>
    /// <exception cref="ArgumentException">meanP is empty, lengths or shapes disagree, an entry is not finite, or a covariance is not symmetric positive definite.</exception>
    /// <param name="meanP">μ_p, the d-vector mean of P (d ≥ 1, finite).</param>
    /// <param name="covarianceP">Σ_p, d×d row-major (symmetric positive definite).</param>
    /// <param name="meanQ">μ_q, d entries (finite).</param>
    /// <param name="covarianceQ">Σ_q, d×d row-major (symmetric positive definite).</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information KlDivergence(ReadOnlySpan<double> meanP, ReadOnlySpan<double> covarianceP,
        ReadOnlySpan<double> meanQ, ReadOnlySpan<double> covarianceQ, LogBase logBase = default)
    {
        int d = meanP.Length;
        if (d == 0) ThrowHelper.ThrowEmpty(nameof(meanP));
        CheckSameLength(meanP, nameof(meanP), meanQ, nameof(meanQ));
        CheckFinite(meanP, nameof(meanP));
        CheckFinite(meanQ, nameof(meanQ));
        var lp = Factor(covarianceP, d, nameof(covarianceP));
        var lq = Factor(covarianceQ, d, nameof(covarianceQ));

        var column = new double[d];
        CompensatedSum trace = default;
        for (int j = 0; j < d; j++)
        {
            for (int i = 0; i < d; i++) column[i] = lp[i * d + j];
            Cholesky.SolveLowerInPlace(lq, d, column);
            foreach (double v in column) trace.Add(v * v);
        }
        for (int i = 0; i < d; i++) column[i] = meanP[i] - meanQ[i];
        Cholesky.SolveLowerInPlace(lq, d, column);
        CompensatedSum quadratic = default;
        foreach (double v in column) quadratic.Add(v * v);

        double nats = 0.5 * (trace.Value - d + quadratic.Value + Cholesky.LogDeterminant(lq, d) - Cholesky.LogDeterminant(lp, d));
        return Information.FromNats(Math.Max(nats, 0), logBase);
    }

    /// <summary>One coordinate's KL in nats: ½[(e^t − 1 − t) + δ²/σ_q²] with t = ln σ_p² − ln σ_q² and δ = μ_p − μ_q.</summary>
    private static double KlTermNats(double meanDifference, double logVarianceRatio, double varianceQ) =>
        0.5 * (Exponential.ExpM1MinusX(logVarianceRatio) + meanDifference * meanDifference / varianceQ);
}
