namespace Xent.Learning;

/// <summary>Settings of <see cref="LogisticRegression.Fit"/>, with scikit-learn's meaning of <see cref="C"/>.</summary>
public sealed record LogisticRegressionOptions
{
    /// <summary>Defaults: C = 1, intercepts fitted, no standardization, ‖∇‖∞ ≤ 1e-9, at most 10,000 iterations.</summary>
    public static LogisticRegressionOptions Default { get; } = new();

    /// <summary>
    /// Inverse regularization strength: the fit minimizes C·Σᵢ CEᵢ + ½‖W‖² (intercepts not penalized), as scikit-learn's
    /// <c>LogisticRegression(C=…)</c> with the L2 penalty. Must be &gt; 0; +∞ means no penalty (maximum likelihood, which
    /// diverges on separable data). Default 1.
    /// </summary>
    public double C { get; init; } = 1;

    /// <summary>Fit an unpenalized intercept per weight vector. Default true.</summary>
    public bool FitIntercept { get; init; } = true;

    /// <summary>
    /// Center each feature and divide by its (population) standard deviation before fitting; the model keeps the means and
    /// scales and applies them when predicting. Off by default, so that C means exactly what scikit-learn's C means on the same columns.
    /// </summary>
    public bool Standardize { get; init; }

    /// <summary>
    /// Stop when the objective's gradient has ‖·‖∞ ≤ this (the objective as written, C·Σ sᵢ CEᵢ + ½‖W‖²). Default 1e-9.
    /// Ignored when <see cref="Tolerance"/> is set.
    /// </summary>
    public double GradientTolerance { get; init; } = 1e-9;

    /// <summary>
    /// scikit-learn's <c>tol</c> for <c>LogisticRegression(solver="lbfgs")</c> (scikit-learn ≥ 1.5), so that a fit stops where
    /// scikit-learn's does. When set (&gt; 0), L-BFGS minimizes the objective divided by C·Σ sample weights (n without them;
    /// class weights not included) — the mean weighted cross-entropy plus ½‖W‖²/(C·Σw) — and stops when that objective's
    /// gradient has ‖·‖∞ ≤ Tolerance, or when an iteration decreases it by at most 64·ε·max(|f_k|, |f_{k+1}|, 1) (ε the double
    /// machine epsilon), SciPy L-BFGS-B's <c>gtol</c> and <c>ftol</c> tests as scikit-learn sets them. The reported
    /// <see cref="MinimizationResult"/> is still of the unscaled objective. scikit-learn's default is 1e-4. Null (default):
    /// <see cref="GradientTolerance"/> decides instead.
    /// </summary>
    public double? Tolerance { get; init; }

    /// <summary>
    /// Per-class weights keyed by class name (scikit-learn's <c>class_weight={…}</c>): every sample of class k counts
    /// ClassWeights[k] times (times its sample weight); classes not named weigh 1. Each weight finite and ≥ 0. Null (default): none.
    /// </summary>
    public IReadOnlyDictionary<string, double>? ClassWeights { get; init; }

    /// <summary>
    /// Weigh class k by n / (K · n_k), n_k its number of samples (scikit-learn's <c>class_weight='balanced'</c>; sample weights do
    /// not enter n_k). Not together with <see cref="ClassWeights"/>. Default false.
    /// </summary>
    public bool BalanceClassWeights { get; init; }

    /// <summary>L-BFGS iteration limit. Default 10,000.</summary>
    public int MaxIterations { get; init; } = 10_000;
}
