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
    /// The most threads this may use: 1 (the default) runs on the calling thread, −1 means every core
    /// (<see cref="Environment.ProcessorCount"/>), and 0 or a value below −1 is rejected with <see cref="ArgumentOutOfRangeException"/>.
    /// The work is cut into equal contiguous chunks whose partial results are combined in chunk order, so the result is
    /// bit-identical from run to run for a given input and thread count.
    /// Here the chunks are of whole rows, at least 2^17 logits each (a smaller batch runs on one thread); rows are summed in
    /// fixed blocks of 16 in index order, so the result is also the same for every thread count.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;
}
