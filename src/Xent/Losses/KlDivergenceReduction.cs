namespace Xent.Losses;

/// <summary>The reductions of PyTorch's <c>kl_div</c>.</summary>
public enum KlDivergenceReduction
{
    /// <summary>Σ ℓ / N (rows): the mean KL divergence per distribution, the mathematically meaningful one. Default.</summary>
    BatchMean,

    /// <summary>Σ ℓ / (N·C): the mean over every element, as PyTorch's <c>reduction='mean'</c> (which warns that it is not KL).</summary>
    Mean,

    /// <summary>Σ ℓ.</summary>
    Sum,

    /// <summary>No reduction: element losses written to the destination; Σ ℓ returned.</summary>
    None,
}
