using Xent.Numerics;

namespace Xent.Estimation;

public static partial class EntropyEstimators
{
    /// <summary>
    /// Additive-smoothing (Dirichlet-prior, Lidstone) estimate: the entropy of θ_i = (n_i + a) / (N + K·a) over all K symbols of the
    /// alphabet, seen or not, for a pseudocount a ≥ 0, in the unit of <paramref name="logBase"/>. a = 1 is Laplace's rule,
    /// a = ½ Jeffreys' (Krichevsky–Trofimov), a = 1/K Perks'; a = 0 is the plug-in estimate.
    /// </summary>
    /// <remarks>K = <paramref name="alphabetSize"/> when given, else counts.Length. The K − m unseen symbols each get a / (N + K·a).
    /// Large a pulls the estimate towards log K.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">pseudocount is negative, NaN or infinite.</exception>
    /// <exception cref="ArgumentException">A count is negative, nothing was observed, or K is below the number of observed symbols.</exception>
    /// <param name="counts">The observed counts n_i (each ≥ 0, at least one &gt; 0; zeros are symbols declared but not seen).</param>
    /// <param name="pseudocount">The pseudocount a added to every one of the K symbols (finite, ≥ 0; 0 gives the plug-in estimate).</param>
    /// <param name="alphabetSize">The alphabet size K, when symbols may exist that were not seen (≥ the number of non-zero counts); null means counts.Length.</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information Additive(ReadOnlySpan<long> counts, double pseudocount, int? alphabetSize = null, LogBase logBase = default)
    {
        if (!(pseudocount >= 0) || double.IsPositiveInfinity(pseudocount))
            ThrowHelper.ThrowArgumentOutOfRange(nameof(pseudocount), pseudocount, "a pseudocount must be finite and ≥ 0");
        var sample = Sample.Of(counts, alphabetSize);
        return Information.FromNats(Math.Max(AdditiveNats(counts, sample, pseudocount), 0), logBase);
    }

    /// <summary>Laplace estimate: <see cref="Additive"/> with pseudocount 1, θ_i = (n_i + 1)/(N + K).</summary>
    /// <exception cref="ArgumentException">A count is negative, nothing was observed, or K is below the number of observed symbols.</exception>
    /// <param name="counts">The observed counts n_i (each ≥ 0, at least one &gt; 0; zeros are symbols declared but not seen).</param>
    /// <param name="alphabetSize">The alphabet size K, when symbols may exist that were not seen (≥ the number of non-zero counts); null means counts.Length.</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information Laplace(ReadOnlySpan<long> counts, int? alphabetSize = null, LogBase logBase = default) =>
        Estimate(EntropyEstimator.Laplace, counts, alphabetSize, logBase);

    /// <summary>Jeffreys (Krichevsky–Trofimov) estimate: <see cref="Additive"/> with pseudocount ½, θ_i = (n_i + ½)/(N + K/2).</summary>
    /// <exception cref="ArgumentException">A count is negative, nothing was observed, or K is below the number of observed symbols.</exception>
    /// <param name="counts">The observed counts n_i (each ≥ 0, at least one &gt; 0; zeros are symbols declared but not seen).</param>
    /// <param name="alphabetSize">The alphabet size K, when symbols may exist that were not seen (≥ the number of non-zero counts); null means counts.Length.</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information Jeffreys(ReadOnlySpan<long> counts, int? alphabetSize = null, LogBase logBase = default) =>
        Estimate(EntropyEstimator.Jeffreys, counts, alphabetSize, logBase);

    private static double AdditiveNats(ReadOnlySpan<long> counts, in Sample sample, double pseudocount)
    {
        double denominator = sample.Total + sample.AlphabetSize * pseudocount;
        CompensatedSum sum = default;
        foreach (long c in counts)
        {
            if (c == 0) continue;
            double theta = (c + pseudocount) / denominator;
            sum.Add(-theta * Math.Log(theta));
        }
        double unseen = pseudocount / denominator;
        if (unseen > 0) sum.Add(-(sample.AlphabetSize - sample.Observed) * unseen * Math.Log(unseen));
        return sum.Value;
    }
}
