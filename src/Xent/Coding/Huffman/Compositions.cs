namespace Xent.Coding;

/// <summary>
/// The compositions of n over k symbols (count vectors summing to n), each with its per-sequence probability under P and
/// under Q and its multinomial multiplicity n!/∏cᵢ!, enumerated depth-first in a fixed order.
/// </summary>
internal sealed class Compositions
{
    public readonly List<double> WeightP = [];
    public readonly List<double> WeightQ = [];
    public readonly List<long> Multiplicity = [];

    public int Count => WeightP.Count;

    /// <summary>C(n + k − 1, k − 1), saturating at <see cref="long.MaxValue"/>.</summary>
    public static long CountOf(int k, int n)
    {
        double c = 1;
        for (int i = 1; i < k; i++) c = c * (n + i) / i;
        return c >= long.MaxValue ? long.MaxValue : (long)Math.Round(c);
    }

    public static Compositions Enumerate(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int n)
    {
        int k = p.Length;
        var result = new Compositions();
        var powP = Powers(p, n);
        var powQ = Powers(q, n);
        var binomial = Pascal(n);
        var walk = new Walk(result, powP, powQ, binomial, k, q.ToArray());
        walk.Visit(0, n, 1, 1, 1, false);
        return result;
    }

    /// <summary>pow[i][r] = pᵢ^r by repeated multiplication: the same bits on every machine, unlike Math.Pow.</summary>
    private static double[][] Powers(ReadOnlySpan<double> p, int n)
    {
        var pow = new double[p.Length][];
        for (int i = 0; i < p.Length; i++)
        {
            pow[i] = new double[n + 1];
            pow[i][0] = 1;
            for (int r = 1; r <= n; r++) pow[i][r] = pow[i][r - 1] * p[i];
        }
        return pow;
    }

    private static long[][] Pascal(int n)
    {
        var c = new long[n + 1][];
        for (int i = 0; i <= n; i++)
        {
            c[i] = new long[i + 1];
            c[i][0] = c[i][i] = 1;
            for (int j = 1; j < i; j++) c[i][j] = c[i - 1][j - 1] + c[i - 1][j];
        }
        return c;
    }

    private sealed class Walk(Compositions result, double[][] powP, double[][] powQ, long[][] binomial, int k, double[] q)
    {
        /// <summary>Chooses the count of each symbol from <paramref name="symbol"/> on, with <paramref name="left"/> still to place.</summary>
        public void Visit(int symbol, int left, double weightP, double weightQ, long multiplicity, bool zeroInQ)
        {
            if (left == 0)
            {
                if (weightQ == 0 && !zeroInQ)
                    ThrowHelper.ThrowArgument(nameof(q), "a sequence probability under q underflows to 0; use a shorter block.");
                result.WeightP.Add(weightP);
                result.WeightQ.Add(weightQ);
                result.Multiplicity.Add(multiplicity);
                return;
            }
            for (int s = symbol; s < k; s++)
                for (int r = left; r >= 1; r--)
                    Visit(s + 1, left - r, weightP * powP[s][r], weightQ * powQ[s][r], multiplicity * binomial[left][r], zeroInQ || q[s] == 0);
        }
    }
}
