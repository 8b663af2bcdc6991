namespace Xent.Learning.Trees;

/// <summary>How a decision tree scores a candidate split.</summary>
public enum SplitCriterion
{
    /// <summary>Information gain IG = H(Y) − Σ_b (n_b/n)·H(Y | branch b), in bits (ID3; scikit-learn's <c>criterion="entropy"</c>).</summary>
    InformationGain,

    /// <summary>
    /// Gain ratio IG / H(branch sizes) (C4.5): penalizes splits into many small branches. A numeric feature's threshold is still
    /// chosen by gain (as C4.5 does); features are compared by ratio. A split whose branch-size entropy is 0 cannot occur.
    /// </summary>
    GainRatio,
}

/// <summary>How a categorical feature is split.</summary>
public enum CategoricalSplit
{
    /// <summary>One branch per category present at the node (ID3, C4.5).</summary>
    MultiWay,

    /// <summary>
    /// Two branches, a subset of the categories present against the rest (CART). The subset is found as follows: with two
    /// classes, categories are ordered by their proportion of class 1 (ties by code) and the order swept like a numeric
    /// feature, which finds the best subset exactly (Breiman et al. 1984, §9.4); with more classes and at most
    /// <see cref="DecisionTreeOptions.MaxExhaustiveCategories"/> categories present, every one of the 2^(m−1) − 1 subsets is
    /// scored; beyond that, categories are ordered by their proportion of the node's most frequent class and swept (a heuristic).
    /// </summary>
    Binary,
}

/// <summary>
/// Settings of <see cref="DecisionTree.Fit"/>: the split criterion, stopping rules, pruning and leaf smoothing.
/// </summary>
public sealed record DecisionTreeOptions
{
    /// <summary>The split criterion (default information gain).</summary>
    public SplitCriterion Criterion { get; init; } = SplitCriterion.InformationGain;

    /// <summary>How categorical features are split (default one branch per value).</summary>
    public CategoricalSplit CategoricalSplit { get; init; } = CategoricalSplit.MultiWay;

    /// <summary>The deepest a leaf may be (the root has depth 0), or null for no limit.</summary>
    public int? MaxDepth { get; init; }

    /// <summary>Every branch of a split keeps at least this many training rows (≥ 1; scikit-learn's <c>min_samples_leaf</c>).</summary>
    public int MinSamplesLeaf { get; init; } = 1;

    /// <summary>
    /// A node is split only if the best split's information gain at that node is at least this many bits (≥ 0). With 0, an
    /// impure node is split whenever some split is allowed, even one of gain 0 (as scikit-learn does), so that a tree without
    /// limits separates any consistent training data (XOR included).
    /// </summary>
    public double MinGainBits { get; init; }

    /// <summary>
    /// Minimal cost-complexity pruning parameter α in bits (scikit-learn's <c>ccp_alpha</c> with its entropy in bits):
    /// the subtree with the smallest (R(t) − R(T_t)) / (|leaves(T_t)| − 1) is collapsed while that value is ≤ α, where R is the
    /// entropy of a node (or the sum over a subtree's leaves) weighted by its share of the training rows. 0: no pruning.
    /// </summary>
    public double CcpAlphaBits { get; init; }

    /// <summary>
    /// The pseudo-count α added to every class count of a node for its probabilities, p_k = (c_k + α)/(N + Kα): 0 gives the
    /// leaf's frequencies (scikit-learn's <c>predict_proba</c>; a class unseen at a leaf gets probability 0 and an infinite log
    /// loss if it occurs), 1 is Laplace's rule.
    /// </summary>
    public double Smoothing { get; init; }

    /// <summary>With <see cref="CategoricalSplit.Binary"/> and more than two classes: the most categories for which every subset is tried (default 10).</summary>
    public int MaxExhaustiveCategories { get; init; } = 10;

    /// <summary>
    /// The most threads this may use: 1 (the default) runs on the calling thread, −1 means every core
    /// (<see cref="System.Environment.ProcessorCount"/>), and 0 or a value below −1 is rejected with
    /// <see cref="System.ArgumentOutOfRangeException"/>. The work is cut into equal contiguous chunks whose partial results are
    /// combined in chunk order, so the result is bit-identical from run to run for a given input and thread count.
    /// Here the chunks are features (split search and partitioning, one feature per thread at a time), so the tree is identical for any value.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    internal void Validate()
    {
        if (MaxDepth is < 0) ThrowHelper.ThrowArgumentOutOfRange(nameof(MaxDepth), MaxDepth.Value, "the maximum depth must be ≥ 0");
        if (MinSamplesLeaf < 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(MinSamplesLeaf), MinSamplesLeaf, "a leaf keeps at least 1 row");
        if (!(MinGainBits >= 0) || double.IsInfinity(MinGainBits)) ThrowHelper.ThrowArgumentOutOfRange(nameof(MinGainBits), MinGainBits, "the minimum gain must be a finite number ≥ 0");
        if (!(CcpAlphaBits >= 0) || double.IsInfinity(CcpAlphaBits)) ThrowHelper.ThrowArgumentOutOfRange(nameof(CcpAlphaBits), CcpAlphaBits, "ccp_alpha must be a finite number ≥ 0");
        if (!(Smoothing >= 0) || double.IsInfinity(Smoothing)) ThrowHelper.ThrowArgumentOutOfRange(nameof(Smoothing), Smoothing, "the smoothing pseudo-count must be a finite number ≥ 0");
        if (MaxExhaustiveCategories is < 2 or > 20) ThrowHelper.ThrowArgumentOutOfRange(nameof(MaxExhaustiveCategories), MaxExhaustiveCategories, "must be in 2 … 20");
        Numerics.ParallelChunks.CheckDegree(MaxDegreeOfParallelism, nameof(MaxDegreeOfParallelism));
    }
}
