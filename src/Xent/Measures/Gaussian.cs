namespace Xent.Measures;

/// <summary>
/// Differential entropy of Gaussian distributions and Kullback–Leibler divergence between them: univariate, diagonal
/// (independent coordinates, including the VAE regularizer KL(N(μ, σ²) ‖ N(0, 1))) and full covariance.
/// </summary>
/// <remarks>
/// <para>Units. Results are <see cref="Information"/> values in the unit of the <see cref="LogBase"/> given, bits by default
/// as everywhere in Xent (the formulas are written with ln, in nats; pass <see cref="LogBase.Nats"/> for those). A differential entropy can be negative (σ² &lt; 1/(2πe)); a KL divergence is ≥ 0.</para>
/// <para>Inputs. Means must be finite, variances finite and &gt; 0. A covariance is a row-major d×d span, symmetric
/// (relative tolerance 1e-10) and positive definite; it is factored by Cholesky, and a non-positive pivot throws an
/// <see cref="ArgumentException"/> naming it. Log-variances (as VAE encoders output) must be finite.</para>
/// </remarks>
public static partial class Gaussian
{
    private const double SymmetryTolerance = 1e-10;

    private static void CheckFinite(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i])) ThrowHelper.ThrowNotFinite(name, i, values[i]);
    }

    private static void CheckVariances(ReadOnlySpan<double> variances, string name)
    {
        for (int i = 0; i < variances.Length; i++)
            if (!(variances[i] > 0) || double.IsPositiveInfinity(variances[i])) ThrowHelper.ThrowBadVariance(name, i, variances[i]);
    }

    private static void CheckSameLength(ReadOnlySpan<double> a, string aName, ReadOnlySpan<double> b, string bName)
    {
        if (a.Length != b.Length) ThrowHelper.ThrowLengthMismatch(aName, a.Length, bName, b.Length);
    }

    /// <summary>Checks a d×d covariance (shape, finite, symmetric) and returns its Cholesky factor L (Σ = L·Lᵀ).</summary>
    private static double[] Factor(ReadOnlySpan<double> covariance, int dimension, string name)
    {
        if (dimension < 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(dimension), dimension, "a dimension must be at least 1");
        long cells = (long)dimension * dimension;
        if (covariance.Length != cells) ThrowHelper.ThrowShapeMismatch(name, covariance.Length, $"{dimension} × {dimension}", cells);
        CheckFinite(covariance, name);
        for (int i = 0; i < dimension; i++)
            for (int j = i + 1; j < dimension; j++)
            {
                double upper = covariance[i * dimension + j], lower = covariance[j * dimension + i];
                if (Math.Abs(upper - lower) > SymmetryTolerance * Math.Max(Math.Abs(upper), Math.Abs(lower)))
                    ThrowHelper.ThrowNotSymmetric(name, i, j, upper, lower);
            }
        var factor = new double[cells];
        int bad = Numerics.Cholesky.TryFactor(covariance, dimension, factor, out double pivot);
        if (bad >= 0) ThrowHelper.ThrowNotPositiveDefinite(name, bad, pivot);
        return factor;
    }
}
