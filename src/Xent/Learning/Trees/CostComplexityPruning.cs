namespace Xent.Learning.Trees;

/// <summary>
/// Minimal cost-complexity pruning (Breiman et al. 1984, ch. 3; scikit-learn's <c>ccp_alpha</c>) with the entropy in bits as
/// the node risk: R(t) = (N_t/N)·H(t), R(T_t) = Σ over the leaves of t's subtree, and the weakest link is the internal node of
/// least α_eff(t) = (R(t) − R(T_t)) / (|leaves(T_t)| − 1). While that least α_eff is ≤ α, its subtree is collapsed into a leaf
/// (the first such node in pre-order on ties), and α_eff is recomputed.
/// </summary>
/// <remarks>
/// Incremental weakest-link pruning: the nodes are numbered in pre-order, and each internal node keeps R(T_t), its leaf count,
/// α_eff(t) and the weakest link of its subtree (least (α_eff, pre-order number)). A collapse changes only the collapsed
/// node's ancestors, so each is recomputed from its children on the way up: O(depth × branching) per collapse instead of a
/// pass over the tree. R(T_t) is summed over the children in order, as a full pass sums it, so every α_eff (and so the
/// pruning path) is bit for bit the one a pass over the whole tree computes (a test checks it against that).
/// </remarks>
internal static class CostComplexityPruning
{
    public static void Prune(GrowingNode root, long total, double alphaBits) =>
        // A relative tolerance of a few ulps, so that α equal to a node's α_eff (as a peer computes it) prunes that node.
        Path(root, total, alphaBits * Math.Log(2) * (1 + 1e-12));

    /// <summary>
    /// Collapses weakest links while the least α_eff is ≤ <paramref name="limitNats"/> (+∞: down to the root), and returns
    /// each collapsed node with its α_eff in nats, in order: the pruning path.
    /// </summary>
    public static List<(GrowingNode Node, double AlphaNats)> Path(GrowingNode root, long total, double limitNats)
    {
        // Pre-order numbering: node i, its parent and its children.
        var nodes = new List<GrowingNode>();
        var parent = new List<int>();
        var stack = new Stack<(GrowingNode Node, int Parent)>();
        stack.Push((root, -1));
        while (stack.Count > 0)
        {
            var (node, up) = stack.Pop();
            nodes.Add(node);
            parent.Add(up);
            int self = nodes.Count - 1;
            if (node.Children is { } kids)
                for (int b = kids.Length - 1; b >= 0; b--) stack.Push((kids[b], self));
        }
        int m = nodes.Count;
        var children = new List<int>[m];
        for (int i = 1; i < m; i++) (children[parent[i]] ??= []).Add(i);
        var subtreeRisk = new double[m];
        var leaves = new int[m];
        var alpha = new double[m];
        var weakest = new int[m];
        var weakestAlpha = new double[m];
        var isLeaf = new bool[m];
        for (int i = m - 1; i >= 0; i--)
        {
            isLeaf[i] = children[i] is null;
            Update(i);
        }

        var path = new List<(GrowingNode, double)>();
        while (!isLeaf[0] && weakestAlpha[0] <= limitNats)
        {
            int w = weakest[0];
            path.Add((nodes[w], alpha[w]));
            var node = nodes[w];
            node.Children = null;
            node.Feature = -1;
            node.ChildOfCode = null;
            node.GainNats = 0;
            isLeaf[w] = true;
            for (int a = w; a >= 0; a = parent[a]) Update(a);
        }
        return path;

        // Node i's subtree risk, leaves, α_eff and weakest link, from its children's.
        void Update(int i)
        {
            if (isLeaf[i])
            {
                subtreeRisk[i] = Risk(nodes[i], total);
                leaves[i] = 1;
                weakest[i] = -1;
                weakestAlpha[i] = double.PositiveInfinity;
                return;
            }
            double risk = 0;
            int count = 0;
            foreach (int c in children[i])
            {
                risk += subtreeRisk[c];
                count += leaves[c];
            }
            subtreeRisk[i] = risk;
            leaves[i] = count;
            alpha[i] = Math.Max(0, Risk(nodes[i], total) - risk) / (count - 1);
            // Least (α_eff, pre-order number): the node itself comes before its subtree, children's subtrees in order.
            (weakest[i], weakestAlpha[i]) = (i, alpha[i]);
            foreach (int c in children[i])
                if (weakestAlpha[c] < weakestAlpha[i]) (weakest[i], weakestAlpha[i]) = (weakest[c], weakestAlpha[c]);
        }
    }

    private static double Risk(GrowingNode node, long total) => (double)node.Samples / total * node.EntropyNats;
}
