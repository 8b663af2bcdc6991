namespace Xent.Numerics;

/// <summary>
/// Exact samplers for the distributions the bootstrap needs: normal, gamma, beta, binomial and multinomial,
/// all driven by a caller-owned <see cref="Random"/> so that a fixed seed gives a fixed sequence.
/// </summary>
internal static class RandomVariates
{
    // Below this many trials a binomial is drawn as a sum of Bernoulli trials; above, Devroye's beta splitting shrinks n first.
    private const long DirectBinomialTrials = 32;

    /// <summary>A standard normal deviate (Box–Muller, one of the pair).</summary>
    public static double Normal(Random random)
    {
        double u1 = 1 - random.NextDouble(); // (0, 1]: ln u1 is finite
        double u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Gamma(shape, 1) for shape &gt; 0 (Marsaglia and Tsang 2000; shape &lt; 1 via Gamma(shape + 1)·U^(1/shape)).</summary>
    public static double Gamma(Random random, double shape)
    {
        if (shape < 1)
            return Gamma(random, shape + 1) * Math.Pow(1 - random.NextDouble(), 1 / shape);
        double d = shape - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(random);
                v = 1 + c * x;
            }
            while (v <= 0);
            v = v * v * v;
            double u = 1 - random.NextDouble();
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v)) return d * v;
        }
    }

    /// <summary>Beta(a, b) = X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b).</summary>
    public static double Beta(Random random, double a, double b)
    {
        double x = Gamma(random, a), y = Gamma(random, b);
        return x / (x + y);
    }

    /// <summary>
    /// Binomial(n, p), exactly, in O(log n) beta draws (Devroye 1986, X.4: the i-th order statistic of n uniforms is
    /// Beta(i, n + 1 − i); whether it falls below p splits the trials into two smaller binomials), then direct trials.
    /// </summary>
    public static long Binomial(Random random, long n, double p)
    {
        long successes = 0;
        while (n > DirectBinomialTrials)
        {
            if (p <= 0) return successes;
            if (p >= 1) return successes + n;
            long i = (n + 1) / 2;
            double y = Beta(random, i, n + 1 - i);
            if (y <= p)
            {
                // The i smallest uniforms are below y ≤ p: all successes; the other n − i are uniform on (y, 1).
                successes += i;
                n -= i;
                p = (p - y) / (1 - y);
            }
            else
            {
                // The i-th smallest is above p: the larger n − i + 1 fail; the i − 1 smaller are uniform on (0, y).
                n = i - 1;
                p /= y;
            }
        }
        for (long k = 0; k < n; k++)
            if (random.NextDouble() < p) successes++;
        return successes;
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with a Multinomial(total, counts / Σcounts) draw, by conditional binomials:
    /// bin k gets Binomial(remaining, n_k / (n_k + n_{k+1} + …)), with the ratios taken from the integer counts.
    /// </summary>
    public static void Multinomial(Random random, long total, ReadOnlySpan<long> counts, Span<long> destination)
    {
        long remainingWeight = 0;
        foreach (long c in counts) remainingWeight += c;
        long remaining = total;
        for (int k = 0; k < counts.Length; k++)
        {
            long draw = remaining == 0 || counts[k] == 0 ? 0
                : counts[k] == remainingWeight ? remaining
                : Binomial(random, remaining, (double)counts[k] / remainingWeight);
            destination[k] = draw;
            remaining -= draw;
            remainingWeight -= counts[k];
        }
    }
}
