namespace Xent.Losses;

/// <summary>How per-row losses ℓ_i become the returned figure, as PyTorch's <c>reduction</c> argument.</summary>
public enum Reduction
{
    /// <summary>
    /// The weighted mean. Class-index targets: Σ ℓ_i / Σ w_{y_i} over rows whose target is not ignored (PyTorch's definition);
    /// probability targets and losses without class weights: Σ ℓ_i / N. When the denominator is 0 (every row ignored,
    /// or an empty batch) the mean is defined as 0 and the gradient is 0 — PyTorch returns NaN there; Xent never does.
    /// </summary>
    Mean,

    /// <summary>Σ ℓ_i.</summary>
    Sum,

    /// <summary>
    /// No reduction: the per-row losses ℓ_i are written to the <c>rowLosses</c> destination (required), the gradient of row i
    /// is ∂ℓ_i/∂z_i, and the returned figure is Σ ℓ_i.
    /// </summary>
    None,
}
