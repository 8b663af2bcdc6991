using System.Globalization;
using Xent.Learning.Trees;

namespace Xent.Reports;

/// <summary>
/// A decision tree as a renderer-neutral diagram (<see cref="PlotSpec"/>): leaves evenly spaced left to right in tree order,
/// each internal node centred over its children, one row per depth. A node's box says how rows reach it (the parent's test),
/// what it splits on, the entropy of its labels and the gain of its split in bits, and its class counts.
/// </summary>
public static class TreePlot
{
    /// <summary>The most leaves drawn: a wider tree is refused (limit its depth) because its boxes would overlap.</summary>
    public const int MaxLeaves = 64;

    /// <summary>The diagram of <paramref name="model"/>.</summary>
    /// <param name="model">The tree.</param>
    /// <param name="title">The diagram's title.</param>
    /// <exception cref="ArgumentException">The tree has more than <see cref="MaxLeaves"/> leaves.</exception>
    public static PlotSpec Build(DecisionTreeModel model, string title)
    {
        ArgumentNullException.ThrowIfNull(model);
        int leaves = model.LeafCount;
        if (leaves > MaxLeaves) ThrowHelper.ThrowArgument(nameof(model), $"the tree has {leaves} leaves; at most {MaxLeaves} can be drawn (limit its depth)");
        var segments = new List<PlotSegment>();
        var texts = new List<PlotText>();
        double next = 0;
        Place(model, model.Root, null, 0, ref next, segments, texts);
        int depth = model.Depth;
        return new PlotSpec(title, new PlotAxis("") { Min = -0.7, Max = leaves - 0.3 }, new PlotAxis("") { Min = -depth - 0.6, Max = 0.6 })
        {
            Segments = [.. segments], Texts = [.. texts], Frameless = true, Legend = LegendPosition.Hidden,
        };
    }

    private static double Place(DecisionTreeModel model, TreeNode node, string? test, int depth, ref double next, List<PlotSegment> segments, List<PlotText> texts)
    {
        double x;
        if (node.Children is { } children)
        {
            var xs = new double[children.Length];
            for (int b = 0; b < children.Length; b++) xs[b] = Place(model, children[b], Branch(node, b), depth + 1, ref next, segments, texts);
            x = (xs[0] + xs[^1]) / 2;
            foreach (double cx in xs) segments.Add(new PlotSegment(x, -depth, cx, -depth - 1));
        }
        else x = next++;
        var lines = new List<string>();
        if (test is not null) lines.Add(test);
        if (node.Feature is not null) lines.Add($"split: {node.Feature}");
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"H = {node.EntropyBits:0.###} bits") +
            (node.GainBits is double g ? string.Create(CultureInfo.InvariantCulture, $", gain {g:0.###}") : ""));
        lines.Add(string.Join(" ", node.Counts.Select((c, k) => $"{model.ClassNames[k]}:{c}")));
        texts.Add(new PlotText(x, -depth, string.Join("\n", lines)) { Highlight = node.IsLeaf });
        return x;
    }

    /// <summary>The test that sends a row from <paramref name="node"/> to child <paramref name="b"/>: "x ≤ 2.45", "outlook ∈ {sunny}".</summary>
    /// <param name="node">An internal node of a fitted tree (one with children).</param>
    /// <param name="b">The child's index, 0 ≤ b &lt; the node's number of children.</param>
    public static string Branch(TreeNode node, int b)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Threshold is double t)
            return string.Create(CultureInfo.InvariantCulture, $"{node.Feature} {(b == 0 ? "≤" : ">")} {t:G6}");
        var categories = node.Categories![b];
        return categories.Length == 1 ? $"{node.Feature} = {categories[0]}" : $"{node.Feature} ∈ {{{string.Join(", ", categories)}}}";
    }
}
