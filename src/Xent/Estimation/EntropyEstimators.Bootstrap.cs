using Xent.Numerics;

namespace Xent.Estimation;

public static partial class EntropyEstimators
{
    /// <summary>
    /// A percentile bootstrap confidence interval for any estimator: B resamples of N observations are drawn from the empirical
    /// distribution n_i/N (a multinomial draw), the estimator is applied to each, and the interval is the (1 − c)/2 and (1 + c)/2
    /// quantiles (linear interpolation between order statistics) of the B estimates. In the unit of <paramref name="logBase"/>.
    /// </summary>
    /// <remarks>
    /// Each resample is an exact multinomial draw by conditional binomials, O(K log N) whatever N, so large files are cheap;
    /// total cost O(B·K log N). The same <paramref name="seed"/> gives the same interval (System.Random's seeded generator);
    /// null seeds from the clock. Symbols never observed are never resampled (the empirical distribution gives them 0), so for
    /// small samples the interval reflects sampling variability of the estimator, not the bias from unseen symbols.
    /// </remarks>
    /// <param name="counts">n_i, the observed count of each symbol.</param>
    /// <param name="estimator">The estimator applied to the sample and to each resample.</param>
    /// <param name="confidence">The interval's level c in (0, 1), e.g. 0.95.</param>
    /// <param name="resamples">B ≥ 2.</param>
    /// <param name="seed">Seed of the resampling, or null for the clock.</param>
    /// <param name="alphabetSize">The declared alphabet size K, or null for the length of <paramref name="counts"/>.</param>
    /// <param name="logBase">The unit of the result.</param>
    /// <param name="cancellationToken">Checked before each resample: a cancelled bootstrap throws <see cref="OperationCanceledException"/>.</param>
    /// <param name="progress">Called after each resample with the number done so far (1..<paramref name="resamples"/>), on the
    /// calling thread; null (default) for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">confidence is not in (0, 1), or resamples is below 2.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ArgumentException">A count is negative, nothing was observed, or K is below the number of observed symbols.</exception>
    public static BootstrapInterval Bootstrap(ReadOnlySpan<long> counts, EntropyEstimator estimator = EntropyEstimator.PlugIn,
        double confidence = 0.95, int resamples = 1000, int? seed = null, int? alphabetSize = null, LogBase logBase = default,
        CancellationToken cancellationToken = default, Action<int>? progress = null)
    {
        if (!(confidence > 0 && confidence < 1)) ThrowHelper.ThrowArgumentOutOfRange(nameof(confidence), confidence, "a confidence level must be in (0, 1)");
        if (resamples < 2) ThrowHelper.ThrowArgumentOutOfRange(nameof(resamples), resamples, "a bootstrap needs at least 2 resamples");
        var sample = Sample.Of(counts, alphabetSize);
        double estimate = Math.Max(EstimateNats(estimator, counts, sample), 0);

        var random = seed is int s ? new Random(s) : new Random();
        var resampled = new long[counts.Length];
        var estimates = new double[resamples];
        for (int b = 0; b < resamples; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            RandomVariates.Multinomial(random, sample.Total, counts, resampled);
            var resample = Sample.Of(resampled, (int)sample.AlphabetSize);
            estimates[b] = Math.Max(EstimateNats(estimator, resampled, resample), 0);
            progress?.Invoke(b + 1);
        }
        Array.Sort(estimates);
        return new BootstrapInterval(
            Information.FromNats(estimate, logBase),
            Information.FromNats(Quantile(estimates, (1 - confidence) / 2), logBase),
            Information.FromNats(Quantile(estimates, (1 + confidence) / 2), logBase),
            confidence, resamples, estimator);
    }

    /// <summary>The q-quantile of sorted values, interpolating linearly between order statistics (Hyndman–Fan type 7, numpy's default).</summary>
    private static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        double h = (sorted.Length - 1) * q;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
