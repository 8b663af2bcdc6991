namespace Xent.Estimation;

/// <summary>
/// The entropy estimators of <see cref="EntropyEstimators"/>, for choosing one by name (<see cref="EntropyEstimators.Estimate"/>,
/// the bootstrap, the CLI's <c>--estimator</c>). Each member names its formula's method.
/// </summary>
public enum EntropyEstimator
{
    /// <summary>Plug-in (maximum likelihood): <see cref="EntropyEstimators.PlugIn"/>.</summary>
    PlugIn = 0,

    /// <summary>Miller–Madow bias correction: <see cref="EntropyEstimators.MillerMadow"/>.</summary>
    MillerMadow,

    /// <summary>Additive smoothing with pseudocount 1 (Laplace): <see cref="EntropyEstimators.Laplace"/>.</summary>
    Laplace,

    /// <summary>Additive smoothing with pseudocount ½ (Jeffreys, Krichevsky–Trofimov): <see cref="EntropyEstimators.Jeffreys"/>.</summary>
    Jeffreys,

    /// <summary>James–Stein shrinkage towards the uniform distribution (Hausser and Strimmer 2009): <see cref="EntropyEstimators.JamesStein"/>.</summary>
    JamesStein,

    /// <summary>Coverage-adjusted Horvitz–Thompson estimator (Chao and Shen 2003): <see cref="EntropyEstimators.ChaoShen"/>.</summary>
    ChaoShen,

    /// <summary>Grassberger's (2003) digamma-based estimator: <see cref="EntropyEstimators.Grassberger"/>.</summary>
    Grassberger,
}
