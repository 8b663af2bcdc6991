using System.Runtime.InteropServices;

namespace Xent.Coding;

/// <summary>
/// Huffman over groups of equal weights: each leaf is a weight and a multiplicity (how many symbols share it), so
/// 3^30 sequences in a few thousand groups cost a few thousand steps, not 3^30 (Moffat and Turpin's run-length Huffman).
/// </summary>
/// <remarks>
/// A step takes the lightest item X with r members left. If r ≥ 2, the ⌊r/2⌋ pairs of X become one merged group of weight
/// 2w; if r = 1, its last member merges with one member of the next lightest item. Merged groups are produced in
/// ascending weight, so two queues (sorted leaves, FIFO of merged groups) replace a heap. Members of one group can end at
/// different depths (a group is consumed in up to three pieces), so each piece is recorded as (child, parent, pair or
/// single) and depths are summed afterwards from the root down: for a pair piece every member of the parent has two
/// children one level deeper, so the children's depths sum to 2·(S_parent + N_parent); a single piece adds S_parent + 1.
/// </remarks>
internal static class GroupHuffman
{
    /// <summary>
    /// For leaves sorted by weight ascending (ties already ordered) with multiplicities ≥ 1, writes into
    /// <paramref name="lengthSums"/> the sum of the codeword lengths of each group's members.
    /// </summary>
    public static void LengthSums(ReadOnlySpan<double> weights, ReadOnlySpan<long> multiplicity, HuffmanTieBreak tieBreak, Span<double> lengthSums)
    {
        double[] leafWeight = weights.ToArray();
        int g = leafWeight.Length;
        lengthSums.Clear();
        long[] leafLeft = multiplicity.ToArray();
        var mergedWeight = new List<double>();
        var mergedCount = new List<long>();
        var mergedLeft = new List<long>();
        var pieceChild = new List<int>();
        var pieceParent = new List<int>();
        var pieceIsPair = new List<bool>();
        int leaf = 0, head = 0;

        long total = 0;
        foreach (long m in multiplicity) total += m;
        if (total == 1)
        {
            // One sequence: the one-bit code, as for a one-symbol alphabet (see Huffman).
            lengthSums[0] = 1;
            return;
        }

        while (true)
        {
            int x = Front(leafWeight, leaf, CollectionsMarshal.AsSpan(mergedWeight), head, tieBreak);
            ref long left = ref Left(x);
            if (left >= 2)
            {
                long pairs = left / 2;
                left -= 2 * pairs;
                AddPiece(x, NewMerged(2 * Weight(x), pairs), pair: true);
                if (left == 0) Pop(x);
                continue;
            }
            Pop(x);
            if (leaf == g && head == mergedWeight.Count) break; // x was the root
            int y = Front(leafWeight, leaf, CollectionsMarshal.AsSpan(mergedWeight), head, tieBreak);
            int parent = NewMerged(Weight(x) + Weight(y), 1);
            AddPiece(x, parent, pair: false);
            AddPiece(y, parent, pair: false);
            if (--Left(y) == 0) Pop(y);
        }

        // Depth sums from the root down: pieces were recorded parent-after-child, so walk them backwards.
        var sums = new double[g + mergedWeight.Count];
        for (int i = pieceChild.Count - 1; i >= 0; i--)
        {
            int parent = pieceParent[i];
            double parentSum = sums[parent];
            sums[pieceChild[i]] += pieceIsPair[i] ? 2 * (parentSum + mergedCount[parent - g]) : parentSum + 1;
        }
        sums.AsSpan(0, g).CopyTo(lengthSums);

        ref long Left(int node) => ref node < g ? ref leafLeft[node] : ref CollectionsMarshal.AsSpan(mergedLeft)[node - g];
        double Weight(int node) => node < g ? leafWeight[node] : mergedWeight[node - g];
        void Pop(int node)
        {
            if (node < g) leaf++;
            else head++;
        }
        int NewMerged(double weight, long count)
        {
            mergedWeight.Add(weight);
            mergedCount.Add(count);
            mergedLeft.Add(count);
            return g + mergedWeight.Count - 1;
        }
        void AddPiece(int child, int parent, bool pair)
        {
            pieceChild.Add(child);
            pieceParent.Add(parent);
            pieceIsPair.Add(pair);
        }
    }

    /// <summary>The node id of the lightest item left (leaves 0..g−1, merged groups g + index).</summary>
    private static int Front(ReadOnlySpan<double> leaves, int leaf, ReadOnlySpan<double> merged, int head, HuffmanTieBreak tieBreak)
    {
        bool hasLeaf = leaf < leaves.Length, hasMerged = head < merged.Length;
        bool takeLeaf = tieBreak == HuffmanTieBreak.LeafFirst
            ? hasLeaf && (!hasMerged || leaves[leaf] <= merged[head])
            : !hasMerged || (hasLeaf && leaves[leaf] < merged[head]);
        return takeLeaf ? leaf : leaves.Length + head;
    }
}
