namespace Xent.Numerics;

/// <summary>The digamma function ψ(x) = d/dx ln Γ(x), as the Grassberger entropy estimator needs it.</summary>
internal static class Digamma
{
    // Below this the recurrence ψ(x) = ψ(x + 1) − 1/x lifts x; at or above it the asymptotic series with terms to x^−14
    // is accurate to about 1e-16 relative (its first omitted term, 3617/(8160·x^16), is 4e-17 at x = 10).
    private const double AsymptoticFrom = 10;

    /// <summary>
    /// ψ(x) for finite x. For x ≥ 10, ln x − 1/(2x) − Σ B_2k / (2k x^2k) (k = 1..7); below, the recurrence
    /// ψ(x) = ψ(x + 1) − 1/x; for x ≤ 0 the reflection ψ(x) = ψ(1 − x) − π / tan(πx). NaN at the poles x = 0, −1, −2, …
    /// and for NaN; +∞ gives +∞.
    /// </summary>
    public static double Of(double x)
    {
        if (double.IsNaN(x) || double.IsNegativeInfinity(x)) return double.NaN;
        if (double.IsPositiveInfinity(x)) return double.PositiveInfinity;
        if (x <= 0)
        {
            if (x == Math.Floor(x)) return double.NaN;
            return Of(1 - x) - Math.PI / Math.Tan(Math.PI * x);
        }

        double shift = 0;
        while (x < AsymptoticFrom)
        {
            shift -= 1 / x;
            x += 1;
        }
        double inv2 = 1 / (x * x);
        // Bernoulli numbers B_2k / (2k): 1/12, −1/120, 1/252, −1/240, 1/132, −691/32760, 1/12; Horner in 1/x².
        double series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 * (1.0 / 132
            - inv2 * (691.0 / 32760 - inv2 * (1.0 / 12)))))));
        return shift + Math.Log(x) - 0.5 / x - series;
    }
}
