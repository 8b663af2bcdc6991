namespace Xent.Estimation;

/// <summary>
/// Estimators of the Shannon entropy of a discrete distribution from observed counts n_1 … n_k (N = Σ n_i observations),
/// with an optional declared alphabet size K for symbols that may exist but were not seen, and a bootstrap confidence interval.
/// </summary>
/// <remarks>
/// <para>The plug-in estimate −Σ (n_i/N) log(n_i/N) is biased low: it never sees unseen symbols and underweights rare ones,
/// by about (K − 1)/(2N) nats. The other estimators correct this in different ways; see each member for its formula and reference.</para>
/// <para>Counts. A span of non-negative integers; zeros are allowed (a symbol declared but not seen). m denotes the number of
/// non-zero counts. The alphabet size K is <c>alphabetSize</c> when given, else <c>counts.Length</c>; it must be ≥ m. Only the
/// estimators that put mass on unseen symbols (additive smoothing, James–Stein) depend on K; the others validate it and ignore it.</para>
/// <para>Edge cases. N = 0 (nothing observed) throws <see cref="ArgumentException"/>. A negative count throws, naming its index and value.
/// Results are in the unit of <c>logBase</c> (bits by default); an estimate that comes out below 0 (Grassberger can, for tiny samples)
/// is returned as 0, the least possible entropy.</para>
/// </remarks>
public static partial class EntropyEstimators
{
    /// <summary>Estimates the entropy with the estimator named by <paramref name="estimator"/>; see the member of the same name.</summary>
    /// <exception cref="ArgumentException">A count is negative, nothing was observed, or K is below the number of observed symbols.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="estimator"/> is not a defined value.</exception>
    /// <param name="estimator">Which estimator to use (a defined value of the enum).</param>
    /// <param name="counts">The observed counts n_i (each ≥ 0, at least one &gt; 0; zeros are symbols declared but not seen).</param>
    /// <param name="alphabetSize">The alphabet size K, when symbols may exist that were not seen (≥ the number of non-zero counts); null means counts.Length. Only the estimators that put mass on unseen symbols use it.</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information Estimate(EntropyEstimator estimator, ReadOnlySpan<long> counts, int? alphabetSize = null, LogBase logBase = default)
    {
        var sample = Sample.Of(counts, alphabetSize);
        return Information.FromNats(Math.Max(EstimateNats(estimator, counts, sample), 0), logBase);
    }

    internal static double EstimateNats(EntropyEstimator estimator, ReadOnlySpan<long> counts, in Sample sample) => estimator switch
    {
        EntropyEstimator.PlugIn => PlugInNats(counts, sample),
        EntropyEstimator.MillerMadow => MillerMadowNats(counts, sample),
        EntropyEstimator.Laplace => AdditiveNats(counts, sample, 1),
        EntropyEstimator.Jeffreys => AdditiveNats(counts, sample, 0.5),
        EntropyEstimator.JamesStein => JamesSteinNats(counts, sample),
        EntropyEstimator.ChaoShen => ChaoShenNats(counts, sample),
        EntropyEstimator.Grassberger => GrassbergerNats(counts, sample),
        _ => throw new ArgumentOutOfRangeException(nameof(estimator), estimator, "unknown entropy estimator"),
    };

    /// <summary>What every estimator needs to know about the counts: N, m (non-zero counts) and the alphabet size K.</summary>
    internal readonly record struct Sample(long Total, int Observed, long AlphabetSize)
    {
        /// <summary>Validates the counts and the declared alphabet size.</summary>
        public static Sample Of(ReadOnlySpan<long> counts, int? alphabetSize)
        {
            long total = 0;
            int observed = 0;
            for (int i = 0; i < counts.Length; i++)
            {
                if (counts[i] < 0) ThrowHelper.ThrowBadCount(nameof(counts), i, counts[i]);
                total = checked(total + counts[i]);
                if (counts[i] > 0) observed++;
            }
            if (total == 0) ThrowHelper.ThrowArgument(nameof(counts), "counts sum to 0: nothing was observed, so there is no entropy to estimate.");
            long k = alphabetSize ?? counts.Length;
            if (k < observed)
                ThrowHelper.ThrowArgument(nameof(alphabetSize), $"alphabetSize = {k} is smaller than the {observed} distinct symbols observed.");
            return new Sample(total, observed, k);
        }
    }
}
