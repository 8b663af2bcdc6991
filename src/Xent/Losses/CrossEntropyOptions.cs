namespace Xent.Losses;

/// <summary>The options of <see cref="SoftmaxCrossEntropy"/>, with PyTorch's <c>F.cross_entropy</c> defaults.</summary>
public sealed record CrossEntropyOptions
{
    /// <summary>Mean reduction, ignore index −100, no label smoothing, one thread.</summary>
    public static CrossEntropyOptions Default { get; } = new();

    /// <summary>How per-row losses are reduced. Default <see cref="Losses.Reduction.Mean"/>.</summary>
    public Reduction Reduction { get; init; } = Reduction.Mean;

    /// <summary>
    /// A target equal to this value marks a row that contributes nothing: loss 0, gradient row 0, not counted by the mean.
    /// Default −100 (PyTorch's). Only class-index targets have it.
    /// </summary>
    public int IgnoreIndex { get; init; } = -100;

    /// <summary>
    /// Label smoothing ε ∈ [0, 1]: the target distribution becomes (1 − ε)·target + ε/C (PyTorch's definition). Default 0.
    /// </summary>
    public double LabelSmoothing { get; init; }

    /// <summary>
    /// Threads the batch may be split over (rows are independent). Default 1. Batches under 2^18 logits run on one
    /// thread whatever this says. The result does not depend on it: rows are summed in fixed blocks in a fixed order.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;
}
