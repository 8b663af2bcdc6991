namespace Xent.Estimation;

/// <summary>
/// A bootstrap percentile confidence interval around an entropy estimate, as <see cref="EntropyEstimators.Bootstrap"/> returns it.
/// </summary>
/// <param name="Estimate">The estimator applied to the observed counts.</param>
/// <param name="Lower">The (1 − Confidence)/2 quantile of the resampled estimates.</param>
/// <param name="Upper">The (1 + Confidence)/2 quantile of the resampled estimates.</param>
/// <param name="Confidence">The nominal coverage, e.g. 0.95.</param>
/// <param name="Resamples">The number B of bootstrap resamples.</param>
/// <param name="Estimator">The estimator used.</param>
public readonly record struct BootstrapInterval(
    Information Estimate, Information Lower, Information Upper, double Confidence, int Resamples, EntropyEstimator Estimator);
