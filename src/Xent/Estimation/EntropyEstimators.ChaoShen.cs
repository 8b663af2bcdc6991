using Xent.Numerics;

namespace Xent.Estimation;

public static partial class EntropyEstimators
{
    /// <summary>
    /// Chao–Shen estimate (Chao and Shen 2003, Environ. Ecol. Stat. 10:429): the Horvitz–Thompson sum
    /// Ĥ = −Σ p̃_i log p̃_i / (1 − (1 − p̃_i)^N) over the observed symbols, with the coverage-adjusted frequencies p̃_i = Ĉ·n_i/N
    /// and Good–Turing sample coverage Ĉ = 1 − f₁/N (f₁ the number of singletons), in the unit of <paramref name="logBase"/>.
    /// </summary>
    /// <remarks>If every observation is a singleton (f₁ = N), f₁ is taken as N − 1 so that Ĉ &gt; 0 (as R's <c>entropy.ChaoShen</c>).
    /// The inclusion probability 1 − (1 − p̃)^N is computed as −expm1(N·log1p(−p̃)), exact for tiny p̃.
    /// <paramref name="alphabetSize"/> is validated but not used: the coverage estimate stands in for the unseen symbols.</remarks>
    /// <exception cref="ArgumentException">A count is negative, nothing was observed, or K is below the number of observed symbols.</exception>
    /// <param name="counts">The observed counts n_i (each ≥ 0, at least one &gt; 0; zeros are symbols declared but not seen).</param>
    /// <param name="alphabetSize">The alphabet size K, when symbols may exist that were not seen (≥ the number of non-zero counts); null means counts.Length. Validated but not used.</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information ChaoShen(ReadOnlySpan<long> counts, int? alphabetSize = null, LogBase logBase = default) =>
        Estimate(EntropyEstimator.ChaoShen, counts, alphabetSize, logBase);

    private static double ChaoShenNats(ReadOnlySpan<long> counts, in Sample sample)
    {
        double n = sample.Total;
        long singletons = 0;
        foreach (long c in counts) if (c == 1) singletons++;
        if (singletons == sample.Total) singletons = sample.Total - 1;
        double coverage = 1 - singletons / n;

        CompensatedSum sum = default;
        foreach (long c in counts)
        {
            if (c == 0) continue;
            double p = coverage * c / n;
            double inclusion = -Exponential.ExpM1(n * Exponential.Log1P(-p));
            sum.Add(-p * Math.Log(p) / inclusion);
        }
        return sum.Value;
    }
}
