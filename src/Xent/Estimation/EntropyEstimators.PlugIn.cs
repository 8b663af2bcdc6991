namespace Xent.Estimation;

public static partial class EntropyEstimators
{
    /// <summary>
    /// Plug-in (maximum-likelihood) estimate Ĥ_ML = −Σ (n_i/N) log(n_i/N): the entropy of the empirical distribution,
    /// in the unit of <paramref name="logBase"/> (bits by default). The same figure as
    /// <see cref="Measures.Discrete.Entropy(ReadOnlySpan{long}, LogBase)"/>, which it calls; unlike that measure, it refuses counts that sum to 0. Biased low (by ≈ (m − 1)/(2N) nats); ignores <paramref name="alphabetSize"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A count is negative, nothing was observed, or K is below the number of observed symbols.</exception>
    /// <param name="counts">The observed counts n_i (each ≥ 0, at least one &gt; 0; zeros are symbols declared but not seen).</param>
    /// <param name="alphabetSize">The alphabet size K, when symbols may exist that were not seen (≥ the number of non-zero counts); null means counts.Length. Validated but not used.</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information PlugIn(ReadOnlySpan<long> counts, int? alphabetSize = null, LogBase logBase = default) =>
        Estimate(EntropyEstimator.PlugIn, counts, alphabetSize, logBase);

    /// <summary>
    /// Miller–Madow estimate Ĥ_MM = Ĥ_ML + (m − 1)/(2N) nats, m the number of non-zero counts (Miller 1955): the plug-in estimate
    /// with its first-order bias added back. As R's <c>entropy.MillerMadow</c>, m counts observed symbols, so
    /// <paramref name="alphabetSize"/> is validated but not used. Always ≥ the plug-in estimate.
    /// </summary>
    /// <exception cref="ArgumentException">A count is negative, nothing was observed, or K is below the number of observed symbols.</exception>
    /// <param name="counts">The observed counts n_i (each ≥ 0, at least one &gt; 0; zeros are symbols declared but not seen).</param>
    /// <param name="alphabetSize">The alphabet size K, when symbols may exist that were not seen (≥ the number of non-zero counts); null means counts.Length. Validated but not used (the correction counts the observed symbols m).</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information MillerMadow(ReadOnlySpan<long> counts, int? alphabetSize = null, LogBase logBase = default) =>
        Estimate(EntropyEstimator.MillerMadow, counts, alphabetSize, logBase);

    /// <summary>The entropy of the empirical distribution: <see cref="Measures.Discrete.Entropy(ReadOnlySpan{long}, LogBase)"/>, in nats.</summary>
    private static double PlugInNats(ReadOnlySpan<long> counts, in Sample sample) =>
        Measures.Discrete.Entropy(counts, LogBase.Nats).Value;

    private static double MillerMadowNats(ReadOnlySpan<long> counts, in Sample sample) =>
        PlugInNats(counts, sample) + (sample.Observed - 1) / (2.0 * sample.Total);
}
