using Xent.Learning.Trees;

namespace Xent.Tests.Learning.Trees;

/// <summary>
/// The incremental weakest-link pruning path equals the one a full pass per collapse finds (the definition: recompute every
/// internal node's α_eff = (R(t) − R(T_t)) / (|leaves(T_t)| − 1) from scratch, collapse the least, first in pre-order on
/// ties), node for node and α for α, on many small random trees, ties included.
/// </summary>
public class CostComplexityPruningTests
{
    private static double EntropyNats(long[] counts)
    {
        long n = counts.Sum();
        double h = 0;
        foreach (long c in counts)
            if (c > 0) h -= (double)c / n * Math.Log((double)c / n);
        return h;
    }

    /// <summary>A random tree over k classes: leaves with small random counts (so that equal α_eff are common), each internal
    /// node's counts the sum of its children's.</summary>
    private static GrowingNode RandomTree(Random random, int depth, int k)
    {
        if (depth == 0 || random.NextDouble() < 0.25)
        {
            var counts = new long[k];
            // Half the leaves pure: pure subtrees under a pure node give many α_eff = 0 ties.
            if (random.NextDouble() < 0.5) counts[random.Next(2)] = random.Next(1, 4);
            else for (int c = 0; c < k; c++) counts[c] = random.Next(0, 4) + (c == 0 ? 1 : 0);
            return new GrowingNode { Counts = counts, EntropyNats = EntropyNats(counts), Samples = counts.Sum() };
        }
        var children = new GrowingNode[random.Next(2, 4)];
        for (int b = 0; b < children.Length; b++) children[b] = RandomTree(random, depth - 1, k);
        var sum = new long[k];
        foreach (var child in children)
            for (int c = 0; c < k; c++) sum[c] += child.Counts[c];
        return new GrowingNode { Counts = sum, EntropyNats = EntropyNats(sum), Samples = sum.Sum(), Children = children, Feature = 0, GainNats = 1 };
    }

    private static List<GrowingNode> PreOrder(GrowingNode root)
    {
        var list = new List<GrowingNode>();
        void Walk(GrowingNode node)
        {
            list.Add(node);
            foreach (var child in node.Children ?? []) Walk(child);
        }
        Walk(root);
        return list;
    }

    private static (double Risk, int Leaves) Sums(GrowingNode node, long total)
    {
        if (node.Children is null) return ((double)node.Samples / total * node.EntropyNats, 1);
        double risk = 0;
        int leaves = 0;
        foreach (var child in node.Children)
        {
            var (r, l) = Sums(child, total);
            risk += r;
            leaves += l;
        }
        return (risk, leaves);
    }

    /// <summary>The definition, one full pass per collapse.</summary>
    private static List<(GrowingNode, double)> BruteForcePath(GrowingNode root, long total)
    {
        var path = new List<(GrowingNode, double)>();
        while (root.Children is not null)
        {
            GrowingNode? weakest = null;
            double least = double.PositiveInfinity;
            foreach (var node in PreOrder(root))
            {
                if (node.Children is null) continue;
                var (risk, leaves) = Sums(node, total);
                double alpha = Math.Max(0, (double)node.Samples / total * node.EntropyNats - risk) / (leaves - 1);
                if (alpha < least) (least, weakest) = (alpha, node);
            }
            path.Add((weakest!, least));
            weakest!.Children = null;
        }
        return path;
    }

    private static GrowingNode Copy(GrowingNode node) => new()
    {
        Counts = node.Counts, EntropyNats = node.EntropyNats, Samples = node.Samples, Feature = node.Feature, GainNats = node.GainNats,
        Children = node.Children?.Select(Copy).ToArray(),
    };

    [Fact]
    public void TheIncrementalPathIsTheBruteForceOne()
    {
        var random = new Random(11);
        int ties = 0, checkedTrees = 0;
        for (int t = 0; t < 400; t++)
        {
            var tree = RandomTree(random, random.Next(1, 6), random.Next(2, 4));
            if (tree.Children is null) continue;
            var twin = Copy(tree);
            long total = tree.Samples;
            var order = PreOrder(tree);
            var twinOrder = PreOrder(twin);
            var incremental = CostComplexityPruning.Path(tree, total, double.PositiveInfinity);
            var brute = BruteForcePath(twin, total);
            Assert.Equal(brute.Count, incremental.Count);
            for (int i = 0; i < brute.Count; i++)
            {
                Assert.Equal(twinOrder.IndexOf(brute[i].Item1), order.IndexOf(incremental[i].Node));
                Assert.Equal(brute[i].Item2, incremental[i].AlphaNats);
            }
            Assert.Null(tree.Children);
            ties += brute.Zip(brute.Skip(1)).Count(p => p.First.Item2 == p.Second.Item2);
            checkedTrees++;
        }
        Assert.True(checkedTrees > 200);
        Assert.True(ties > 20, $"only {ties} equal consecutive α_eff: the ties are not exercised");
    }

    [Fact]
    public void PruningStopsAtAlpha()
    {
        var random = new Random(5);
        for (int t = 0; t < 100; t++)
        {
            var tree = RandomTree(random, 4, 2);
            if (tree.Children is null) continue;
            var full = CostComplexityPruning.Path(Copy(tree), tree.Samples, double.PositiveInfinity);
            // Pruning at the median α of the path collapses exactly the path's prefix with α_eff ≤ that α.
            double alpha = full[full.Count / 2].AlphaNats;
            var prefix = CostComplexityPruning.Path(tree, tree.Samples, alpha);
            Assert.Equal(full.TakeWhile(p => p.AlphaNats <= alpha).Count(), prefix.Count);
        }
    }
}
