using System.Text.Json.Serialization;

namespace Xent.Learning.Trees;

/// <summary>
/// A node of a fitted decision tree: the class counts of the training rows that reach it, their entropy, and — unless it is
/// a leaf — the split and its information gain. A numeric split sends x ≤ <see cref="Threshold"/> to <c>children[0]</c> and
/// the rest to <c>children[1]</c>; a categorical split sends a row whose category is in <c>categories[b]</c> to
/// <c>children[b]</c>, and a row whose category was not seen at this node in training stops here (its prediction is this
/// node's class probabilities).
/// </summary>
public sealed class TreeNode
{
    /// <summary>The feature split on, or null at a leaf.</summary>
    [JsonPropertyName("feature")] public string? Feature { get; init; }

    /// <summary>A numeric split's threshold: x ≤ threshold goes to the first child.</summary>
    [JsonPropertyName("threshold")] public double? Threshold { get; init; }

    /// <summary>A categorical split's categories, one list per child, in child order.</summary>
    [JsonPropertyName("categories")] public string[][]? Categories { get; init; }

    /// <summary>The entropy of the class labels of the node's training rows, in bits.</summary>
    [JsonPropertyName("entropy_bits")] public double EntropyBits { get; init; }

    /// <summary>The split's information gain H(node) − Σ_b (n_b/n)·H(child b), in bits; null at a leaf.</summary>
    [JsonPropertyName("gain_bits")] public double? GainBits { get; init; }

    /// <summary>The training rows of each class reaching the node, in the model's class order.</summary>
    [JsonPropertyName("counts")] public required long[] Counts { get; init; }

    /// <summary>The children, or null at a leaf.</summary>
    [JsonPropertyName("children")] public TreeNode[]? Children { get; init; }

    /// <summary>Whether the node is a leaf.</summary>
    [JsonIgnore] public bool IsLeaf => Children is null;

    /// <summary>The number of training rows reaching the node.</summary>
    [JsonIgnore] public long Samples => Counts.Sum();

    /// <summary>The index of <see cref="Feature"/> in the model's features (set when the model is built or read).</summary>
    [JsonIgnore] internal int FeatureIndex { get; set; } = -1;

    /// <summary>A categorical split's child for each category code of the feature, −1 for a category that stops here.</summary>
    [JsonIgnore] internal int[]? ChildOfCode { get; set; }

    /// <summary>This node with its split removed (cost-complexity pruning).</summary>
    internal TreeNode AsLeaf() => new() { EntropyBits = EntropyBits, Counts = Counts };

    /// <summary>The number of nodes in the subtree.</summary>
    internal int CountNodes()
    {
        int count = 1;
        if (Children is not null) foreach (var child in Children) count += child.CountNodes();
        return count;
    }

    /// <summary>The depth of the subtree (a leaf has depth 0).</summary>
    internal int Depth()
    {
        int depth = 0;
        if (Children is not null) foreach (var child in Children) depth = Math.Max(depth, child.Depth() + 1);
        return depth;
    }

    /// <summary>The number of leaves in the subtree.</summary>
    internal int CountLeaves()
    {
        if (Children is null) return 1;
        int count = 0;
        foreach (var child in Children) count += child.CountLeaves();
        return count;
    }
}
