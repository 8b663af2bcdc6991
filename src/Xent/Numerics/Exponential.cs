namespace Xent.Numerics;

/// <summary>Exponential and logarithm helpers that keep their digits where the obvious formula cancels.</summary>
internal static class Exponential
{
    // 1/k! for k = 2..17: the Taylor coefficients of e^x − 1 − x.
    private static readonly double[] InverseFactorials = BuildInverseFactorials();

    private static double[] BuildInverseFactorials()
    {
        var result = new double[16];
        double factorial = 1;
        for (int k = 2; k <= 17; k++)
        {
            factorial *= k;
            result[k - 2] = 1 / factorial;
        }
        return result;
    }

    /// <summary>
    /// e^x − 1 − x, accurate near 0 (where the direct formula loses every digit): the Taylor series Σ_{k=2..17} x^k / k! for
    /// |x| &lt; 0.5 (the remainder is below 1e-19 relative), the direct formula elsewhere. ≥ 0 for every x.
    /// </summary>
    public static double ExpM1MinusX(double x)
    {
        if (Math.Abs(x) >= 0.5) return Math.Exp(x) - 1 - x;
        double term = 0;
        for (int k = InverseFactorials.Length - 1; k >= 0; k--) term = InverseFactorials[k] + x * term;
        return x * x * term;
    }

    /// <summary>ln(1 + x), accurate for tiny x (Kahan's trick: the rounding of 1 + x is corrected by x / (u − 1)).</summary>
    public static double Log1P(double x)
    {
        double u = 1 + x;
        return u == 1 ? x : Math.Log(u) * (x / (u - 1));
    }

    /// <summary>e^x − 1, accurate for tiny x (Kahan's trick: (u − 1)·x / ln u with u = e^x).</summary>
    public static double ExpM1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1) return x;
        double um1 = u - 1;
        return um1 == -1 ? -1 : um1 * x / Math.Log(u);
    }
}
