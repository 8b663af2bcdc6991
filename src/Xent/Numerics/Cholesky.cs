namespace Xent.Numerics;

/// <summary>Cholesky factorization Σ = L·Lᵀ of a symmetric positive-definite matrix, and the solves and log-determinant built on it.</summary>
internal static class Cholesky
{
    /// <summary>
    /// Factors the row-major d×d <paramref name="matrix"/> into the lower-triangular <paramref name="lower"/> (row-major d×d, upper part zeroed).
    /// Returns the index of the first pivot that is not positive (the matrix is not positive definite), or −1 on success.
    /// </summary>
    public static int TryFactor(ReadOnlySpan<double> matrix, int d, Span<double> lower, out double badPivot)
    {
        lower[..(d * d)].Clear();
        for (int j = 0; j < d; j++)
        {
            double pivot = matrix[j * d + j];
            for (int k = 0; k < j; k++) pivot -= lower[j * d + k] * lower[j * d + k];
            if (!(pivot > 0))
            {
                badPivot = pivot;
                return j;
            }
            double ljj = Math.Sqrt(pivot);
            lower[j * d + j] = ljj;
            for (int i = j + 1; i < d; i++)
            {
                double s = matrix[i * d + j];
                for (int k = 0; k < j; k++) s -= lower[i * d + k] * lower[j * d + k];
                lower[i * d + j] = s / ljj;
            }
        }
        badPivot = 0;
        return -1;
    }

    /// <summary>ln det Σ = 2 Σ ln L_ii.</summary>
    public static double LogDeterminant(ReadOnlySpan<double> lower, int d)
    {
        CompensatedSum sum = default;
        for (int i = 0; i < d; i++) sum.Add(Math.Log(lower[i * d + i]));
        return 2 * sum.Value;
    }

    /// <summary>Solves L·x = b in place (forward substitution): <paramref name="b"/> becomes x = L⁻¹b.</summary>
    public static void SolveLowerInPlace(ReadOnlySpan<double> lower, int d, Span<double> b)
    {
        for (int i = 0; i < d; i++)
        {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= lower[i * d + k] * b[k];
            b[i] = s / lower[i * d + i];
        }
    }
}
