namespace Xent.Learning.Trees;

/// <summary>
/// Minimal cost-complexity pruning (Breiman et al. 1984, ch. 3; scikit-learn's <c>ccp_alpha</c>) with the entropy in bits as
/// the node risk: R(t) = (N_t/N)·H(t), R(T_t) = Σ over the leaves of t's subtree, and the weakest link is the internal node of
/// least α_eff(t) = (R(t) − R(T_t)) / (|leaves(T_t)| − 1). While that least α_eff is ≤ α, its subtree is collapsed into a leaf
/// (the first such node in pre-order on ties), and α_eff is recomputed. Each round is one pass over the tree.
/// </summary>
internal static class CostComplexityPruning
{
    public static void Prune(GrowingNode root, long total, double alphaBits)
    {
        double alphaNats = alphaBits * Math.Log(2);
        var sums = new Dictionary<GrowingNode, (double Risk, int Leaves)>(ReferenceEqualityComparer.Instance);
        while (root.Children is not null)
        {
            sums.Clear();
            Sums(root, total, sums);
            GrowingNode? weakest = null;
            double least = double.PositiveInfinity;
            var stack = new Stack<GrowingNode>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                if (node.Children is null) continue;
                var (risk, leaves) = sums[node];
                double alpha = Math.Max(0, Risk(node, total) - risk) / (leaves - 1);
                if (alpha < least) (least, weakest) = (alpha, node);
                for (int b = node.Children.Length - 1; b >= 0; b--) stack.Push(node.Children[b]);
            }
            // A relative tolerance of a few ulps, so that α equal to a node's α_eff (as a peer computes it) prunes that node.
            if (weakest is null || least > alphaNats * (1 + 1e-12)) return;
            weakest.Children = null;
            weakest.Feature = -1;
            weakest.ChildOfCode = null;
            weakest.GainNats = 0;
        }
    }

    private static double Risk(GrowingNode node, long total) => (double)node.Samples / total * node.EntropyNats;

    private static (double Risk, int Leaves) Sums(GrowingNode node, long total, Dictionary<GrowingNode, (double, int)> sums)
    {
        if (node.Children is null) return (Risk(node, total), 1);
        double risk = 0;
        int leaves = 0;
        foreach (var child in node.Children)
        {
            var (r, l) = Sums(child, total, sums);
            risk += r;
            leaves += l;
        }
        sums[node] = (risk, leaves);
        return (risk, leaves);
    }
}
