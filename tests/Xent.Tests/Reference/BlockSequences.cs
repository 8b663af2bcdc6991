namespace Xent.Tests.Reference;

/// <summary>Every sequence of n symbols of an i.i.d. source, listed one by one, for checking block codes that group them.</summary>
internal static class BlockSequences
{
    /// <summary>
    /// The probability of each of the k^n sequences under q and under p (sequence s has symbol s mod k first). Each is
    /// ∏ᵢ qᵢ^cᵢ, every power by repeated multiplication, symbol 0 first: the order the library rounds them in, so that
    /// equally likely sequences have bit-identical weights (exact ties decide the mismatched code).
    /// </summary>
    public static (double[] Q, double[] P) Weights(double[] p, double[] q, int n)
    {
        int k = p.Length, count = (int)Math.Pow(k, n);
        var wq = new double[count];
        var wp = new double[count];
        var counts = new int[k];
        for (int s = 0; s < count; s++)
        {
            Array.Clear(counts);
            for (int t = 0, x = s; t < n; t++, x /= k) counts[x % k]++;
            double a = 1, b = 1;
            for (int i = 0; i < k; i++)
            {
                double pa = 1, pb = 1;
                for (int r = 0; r < counts[i]; r++) { pa *= q[i]; pb *= p[i]; }
                a *= pa;
                b *= pb;
            }
            wq[s] = a;
            wp[s] = b;
        }
        return (wq, wp);
    }
}
