using Xent.Numerics;

namespace Xent.Estimation;

public static partial class EntropyEstimators
{
    /// <summary>
    /// Grassberger's estimate (P. Grassberger 2003, "Entropy estimates from insufficient samplings", arXiv:physics/0307138):
    /// Ĥ = ln N − (1/N) Σ n_i G(n_i) nats with G(n) = ψ(n) + ½(−1)^n (ψ((n+1)/2) − ψ(n/2)), ψ the digamma function,
    /// in the unit of <paramref name="logBase"/>. G(n) → ln n for large n, so well-sampled symbols contribute as in the plug-in estimate.
    /// </summary>
    /// <remarks>Summed as Σ (n_i/N)(ln N − G(n_i)). A tiny sample can give a value below 0 (one symbol seen twice: ln 2 − G(2) ≈ −0.037),
    /// returned as 0. <paramref name="alphabetSize"/> is validated but not used, so on a small alphabet the estimate can exceed log K
    /// (counts (9, 5): 1.157 bits for a two-symbol variable); the estimator is meant for undersampled large alphabets.</remarks>
    /// <exception cref="ArgumentException">A count is negative, nothing was observed, or K is below the number of observed symbols.</exception>
    /// <param name="counts">The observed counts n_i (each ≥ 0, at least one &gt; 0; zeros are symbols declared but not seen).</param>
    /// <param name="alphabetSize">The alphabet size K, when symbols may exist that were not seen (≥ the number of non-zero counts); null means counts.Length. Validated but not used.</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information Grassberger(ReadOnlySpan<long> counts, int? alphabetSize = null, LogBase logBase = default) =>
        Estimate(EntropyEstimator.Grassberger, counts, alphabetSize, logBase);

    /// <summary>G(n) = ψ(n) + ½(−1)^n (ψ((n+1)/2) − ψ(n/2)) of <see cref="Grassberger"/>.</summary>
    internal static double GrassbergerG(long n)
    {
        double half = 0.5 * (Digamma.Of((n + 1) / 2.0) - Digamma.Of(n / 2.0));
        return Digamma.Of(n) + (n % 2 == 0 ? half : -half);
    }

    private static double GrassbergerNats(ReadOnlySpan<long> counts, in Sample sample)
    {
        double n = sample.Total, logN = Math.Log(n);
        CompensatedSum sum = default;
        foreach (long c in counts)
            if (c > 0) sum.Add(c / n * (logN - GrassbergerG(c)));
        return sum.Value;
    }
}
