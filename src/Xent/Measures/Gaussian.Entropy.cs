using Xent.Numerics;

namespace Xent.Measures;

public static partial class Gaussian
{
    // ln(2πe), the differential entropy of N(0, 1) times two.
    private static readonly double LogTwoPiE = Math.Log(2 * Math.PI * Math.E);

    /// <summary>Differential entropy h(N(μ, σ²)) = ½ ln(2πe σ²) of a univariate Gaussian (independent of μ), in the unit of <paramref name="logBase"/> (bits by default).</summary>
    /// <remarks>Among all densities with variance σ² the Gaussian has the largest differential entropy. Negative when σ² &lt; 1/(2πe).</remarks>
    /// <exception cref="ArgumentOutOfRangeException">variance is not finite and positive.</exception>
    /// <param name="variance">σ², in the squared units of the variable (finite, &gt; 0).</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information DifferentialEntropy(double variance, LogBase logBase = default)
    {
        if (!(variance > 0) || double.IsPositiveInfinity(variance))
            ThrowHelper.ThrowArgumentOutOfRange(nameof(variance), variance, "a variance must be finite and positive");
        return Information.FromNats(0.5 * (LogTwoPiE + Math.Log(variance)), logBase);
    }

    /// <summary>
    /// Differential entropy of a Gaussian with independent coordinates, h = ½ Σ_i ln(2πe σ_i²) = (d/2) ln(2πe) + ½ Σ ln σ_i²,
    /// in the unit of <paramref name="logBase"/> (bits by default). An empty span (d = 0) gives 0.
    /// </summary>
    /// <exception cref="ArgumentException">A variance is NaN, infinite or not positive.</exception>
    /// <param name="variances">The d variances σ_i² of independent coordinates (each finite, &gt; 0).</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information DifferentialEntropyDiagonal(ReadOnlySpan<double> variances, LogBase logBase = default)
    {
        CheckVariances(variances, nameof(variances));
        CompensatedSum logDet = default;
        foreach (double v in variances) logDet.Add(Math.Log(v));
        return Information.FromNats(0.5 * (variances.Length * LogTwoPiE + logDet.Value), logBase);
    }

    /// <summary>
    /// Differential entropy of a d-dimensional Gaussian with full covariance Σ (row-major d×d),
    /// h = ½ ln det(2πe Σ) = (d/2) ln(2πe) + Σ_i ln L_ii with Σ = L·Lᵀ (Cholesky), in the unit of <paramref name="logBase"/> (bits by default).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">dimension is below 1.</exception>
    /// <exception cref="ArgumentException">covariance is not d×d, has a non-finite entry, is not symmetric, or is not positive definite (the message names the failing pivot).</exception>
    /// <param name="covariance">The d×d covariance matrix Σ, row-major (symmetric positive definite, finite entries).</param>
    /// <param name="dimension">d, the number of coordinates (≥ 1); covariance.Length must be d².</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information DifferentialEntropy(ReadOnlySpan<double> covariance, int dimension, LogBase logBase = default)
    {
        var factor = Factor(covariance, dimension, nameof(covariance));
        return Information.FromNats(0.5 * (dimension * LogTwoPiE + Cholesky.LogDeterminant(factor, dimension)), logBase);
    }
}
