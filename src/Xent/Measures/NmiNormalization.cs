namespace Xent.Measures;

/// <summary>
/// The denominator that turns a mutual information I(X;Y) into a normalized mutual information NMI = I / D in [0, 1].
/// Names and the default follow scikit-learn's <c>normalized_mutual_info_score(average_method=…)</c>.
/// </summary>
public enum NmiNormalization
{
    /// <summary>D = (H(X) + H(Y)) / 2: scikit-learn's default ("arithmetic"); equals the V-measure.</summary>
    Arithmetic = 0,

    /// <summary>D = √(H(X)·H(Y)) (Strehl and Ghosh 2002, "geometric").</summary>
    Geometric,

    /// <summary>D = min(H(X), H(Y)).</summary>
    Min,

    /// <summary>D = max(H(X), H(Y)).</summary>
    Max,

    /// <summary>D = H(X,Y) (the "joint" normalization; 1 − I/H(X,Y) is a metric, Kraskov et al. 2005).</summary>
    Joint,
}
