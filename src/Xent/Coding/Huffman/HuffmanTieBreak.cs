namespace Xent.Coding;

/// <summary>
/// Which item a Huffman merge takes first when a leaf (a symbol, or a group of equally likely sequences) and a merged
/// node weigh exactly the same. Every choice gives an optimal code for the weights it was built for, but different codes:
/// used on another distribution (a mismatched code), their expected lengths differ.
/// </summary>
public enum HuffmanTieBreak
{
    /// <summary>The leaf first (Schwartz's rule, the library's default): the smallest maximum length and length variance.</summary>
    LeafFirst,

    /// <summary>The merged node first: pushes the tied leaves deeper and the merged subtrees up.</summary>
    MergedFirst,
}
