namespace Xent.Numerics;

/// <summary>ln n! = ln Γ(n + 1) for integers n ≥ 0, as the expected mutual information (hypergeometric model) needs it.</summary>
internal static class LogFactorial
{
    // Below this a table summed once (compensated) is exact to the last bit or two; from it on, Stirling's series with terms
    // to x^−9 is accurate to about 1e-16 relative (its first omitted term, 691/(360360·x^11), is 2e-29 at x = 257).
    private const int TableSize = 256;

    private static readonly double[] Table = Build();

    private static double[] Build()
    {
        var table = new double[TableSize];
        CompensatedSum sum = default;
        for (int n = 1; n < TableSize; n++)
        {
            sum.Add(Math.Log(n));
            table[n] = sum.Value;
        }
        return table;
    }

    /// <summary>ln n! for n ≥ 0 (exact table below 256, Stirling's series above).</summary>
    public static double Of(long n)
    {
        if (n < 0) ThrowHelper.ThrowArgumentOutOfRange(nameof(n), n, "n! needs n ≥ 0");
        if (n < TableSize) return Table[n];
        double x = n + 1.0;               // ln Γ(x)
        double inv = 1 / x, inv2 = inv * inv;
        double series = inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680 - inv2 / 1188))));
        return (x - 0.5) * Math.Log(x) - x + 0.5 * Math.Log(2 * Math.PI) + series;
    }
}
