namespace Xent;

/// <summary>
/// What a measure does with a probability vector whose entries do not sum to exactly 1.
/// Never silent: the caller chooses. (scipy always renormalizes, older scikit-learn clipped and
/// renormalized, PyTorch never checks; each has surprised its users.)
/// </summary>
public enum Normalization
{
    /// <summary>
    /// The default: |Σp − 1| must be at most <see cref="DistributionCheck.DefaultTolerance"/>
    /// (or the tolerance given), else <see cref="ArgumentException"/>.
    /// </summary>
    Require = 0,

    /// <summary>Divide by Σp first (counts or unnormalized weights are accepted; Σp must be positive, and neither Σp nor 1/Σp may overflow).</summary>
    Renormalize,

    /// <summary>Use the entries as they are, whatever they sum to (entries must still be finite and ≥ 0).</summary>
    AsIs,
}
