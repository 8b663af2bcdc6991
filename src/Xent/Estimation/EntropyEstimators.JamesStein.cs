using Xent.Numerics;

namespace Xent.Estimation;

public static partial class EntropyEstimators
{
    /// <summary>
    /// James–Stein shrinkage estimate (Hausser and Strimmer 2009, J. Mach. Learn. Res. 10:1469): the entropy of
    /// θ_i = λ·t + (1 − λ)·θ̂_i, which shrinks the empirical frequencies θ̂_i = n_i/N towards the uniform target t = 1/K,
    /// with the intensity λ* = (1 − Σ θ̂_i²) / ((N − 1) Σ (t − θ̂_i)²) clamped to [0, 1], in the unit of <paramref name="logBase"/>.
    /// </summary>
    /// <remarks>K = <paramref name="alphabetSize"/> when given, else counts.Length; the sums run over all K symbols, so each of the
    /// K − m unseen symbols adds t² to the denominator and receives λ/K. N = 1, or θ̂ already uniform, gives λ = 1 (as R's <c>entropy.shrink</c>).</remarks>
    /// <exception cref="ArgumentException">A count is negative, nothing was observed, or K is below the number of observed symbols.</exception>
    /// <param name="counts">The observed counts n_i (each ≥ 0, at least one &gt; 0; zeros are symbols declared but not seen).</param>
    /// <param name="alphabetSize">The alphabet size K, when symbols may exist that were not seen (≥ the number of non-zero counts); null means counts.Length. The shrinkage target is uniform over K symbols.</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information JamesStein(ReadOnlySpan<long> counts, int? alphabetSize = null, LogBase logBase = default) =>
        Estimate(EntropyEstimator.JamesStein, counts, alphabetSize, logBase);

    /// <summary>The shrinkage intensity λ* of <see cref="JamesStein"/>, in [0, 1].</summary>
    internal static double ShrinkageIntensity(ReadOnlySpan<long> counts, in Sample sample)
    {
        double n = sample.Total, target = 1.0 / sample.AlphabetSize;
        CompensatedSum squares = default, distance = default;
        foreach (long c in counts)
        {
            if (c == 0) continue;
            double theta = c / n;
            squares.Add(theta * theta);
            distance.Add((target - theta) * (target - theta));
        }
        distance.Add((sample.AlphabetSize - sample.Observed) * target * target);
        if (sample.Total <= 1 || distance.Value <= 0) return 1;
        return Math.Clamp((1 - squares.Value) / ((n - 1) * distance.Value), 0, 1);
    }

    private static double JamesSteinNats(ReadOnlySpan<long> counts, in Sample sample)
    {
        double lambda = ShrinkageIntensity(counts, sample);
        double n = sample.Total, shrunkUnseen = lambda / sample.AlphabetSize;
        CompensatedSum sum = default;
        foreach (long c in counts)
        {
            if (c == 0) continue;
            double theta = shrunkUnseen + (1 - lambda) * (c / n);
            sum.Add(-theta * Math.Log(theta));
        }
        if (shrunkUnseen > 0) sum.Add(-(sample.AlphabetSize - sample.Observed) * shrunkUnseen * Math.Log(shrunkUnseen));
        return sum.Value;
    }
}
