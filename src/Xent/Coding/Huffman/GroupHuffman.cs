using System.Runtime.CompilerServices;

namespace Xent.Coding;

/// <summary>
/// Huffman over groups of equal weights: each leaf is a weight and a multiplicity (how many symbols share it), so
/// 3^30 sequences in a few hundred groups cost a few thousand steps, not 3^30 (Moffat and Turpin's run-length Huffman).
/// When multiplicities are small and weights distinct the work approaches plain Huffman over the members, so the
/// loop keeps its state in flat arrays: 16 bytes per merged group and 8 per piece. Only the front item of each queue can
/// be partly consumed, so the members left are two scalars, not an array.
/// </summary>
/// <remarks>
/// A step takes the lightest item X with r members left. If r ≥ 2, the ⌊r/2⌋ pairs of X become one merged group of weight
/// 2w; if r = 1, its last member merges with one member of the next lightest item. Merged groups are produced in
/// ascending weight, so two queues (sorted leaves, FIFO of merged groups) replace a heap. Members of one group can end at
/// different depths (a group is consumed in up to three pieces), so each piece is recorded as (child, parent, pair or
/// single) and depths are summed afterwards from the root down: for a pair piece every member of the parent has two
/// children one level deeper, so the children's depths sum to 2·(S_parent + N_parent); a single piece adds S_parent + 1.
/// </remarks>
internal sealed class GroupHuffman
{
    private readonly double[] _leafWeight;
    private readonly long[] _leafCount;
    private readonly int _g;
    private double[] _mergedWeight;
    private long[] _mergedCount;
    private int _merged;
    // A piece: the child node, and the parent node (bitwise complement for a pair piece).
    private int[] _pieceChild;
    private int[] _pieceParent;
    private int _pieces;
    // Members left in the front leaf group and in the front merged group.
    private long _leafFrontLeft;
    private long _mergedFrontLeft;
    private int _head;
    private readonly long _maxBytes;

    private GroupHuffman(ReadOnlySpan<double> weights, ReadOnlySpan<long> multiplicity, long maxBytes)
    {
        _maxBytes = maxBytes;
        _leafWeight = weights.ToArray();
        _leafCount = multiplicity.ToArray();
        _g = weights.Length;
        int capacity = Math.Max(16, 2 * _g);
        _mergedWeight = new double[capacity];
        _mergedCount = new long[capacity];
        _pieceChild = new int[2 * capacity];
        _pieceParent = new int[2 * capacity];
        _leafFrontLeft = _leafCount[0];
    }

    /// <summary>
    /// For leaves sorted by weight ascending (ties already ordered) with multiplicities ≥ 1, writes into
    /// <paramref name="lengthSums"/> the sum of the codeword lengths of each group's members.
    /// </summary>
    /// <exception cref="InsufficientMemoryException">The merged groups and pieces would take more than <paramref name="maxBytes"/>
    /// (checked as the arrays grow, so the work stops there rather than at the machine's limit).</exception>
    public static void LengthSums(ReadOnlySpan<double> weights, ReadOnlySpan<long> multiplicity, HuffmanTieBreak tieBreak, Span<double> lengthSums,
        long maxBytes = long.MaxValue)
    {
        lengthSums.Clear();
        long total = 0;
        foreach (long m in multiplicity) total += m;
        if (total == 1)
        {
            // One sequence: the one-bit code, as for a one-symbol alphabet (see Huffman).
            lengthSums[0] = 1;
            return;
        }
        var builder = new GroupHuffman(weights, multiplicity, maxBytes);
        builder.Merge(tieBreak == HuffmanTieBreak.LeafFirst);
        builder.SumDepths(lengthSums);
    }

    // Called once with a loop of up to ~10^7 steps: compile it optimized at once rather than through tier 0 and OSR.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Merge(bool leafFirst)
    {
        int leaf = 0;
        ref int head = ref _head;
        while (true)
        {
            int x = Front(leaf, head, leafFirst);
            ref long left = ref Left(x);
            if (left >= 2)
            {
                long pairs = left / 2;
                left -= 2 * pairs;
                AddPiece(x, NewMerged(2 * Weight(x), pairs), pair: true);
                if (left == 0) Pop(x, ref leaf, ref head);
                continue;
            }
            Pop(x, ref leaf, ref head);
            if (leaf == _g && head == _merged) return; // x was the root
            int y = Front(leaf, head, leafFirst);
            int parent = NewMerged(Weight(x) + Weight(y), 1);
            AddPiece(x, parent, pair: false);
            AddPiece(y, parent, pair: false);
            if (--Left(y) == 0) Pop(y, ref leaf, ref head);
        }
    }

    /// <summary>Depth sums from the root down: pieces were recorded parent-after-child, so walk them backwards.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SumDepths(Span<double> lengthSums)
    {
        var sums = new double[_g + _merged];
        for (int i = _pieces - 1; i >= 0; i--)
        {
            int parent = _pieceParent[i];
            if (parent < 0)
            {
                parent = ~parent;
                sums[_pieceChild[i]] += 2 * (sums[parent] + _mergedCount[parent - _g]);
            }
            else
            {
                sums[_pieceChild[i]] += sums[parent] + 1;
            }
        }
        sums.AsSpan(0, _g).CopyTo(lengthSums);
    }

    /// <summary>The node id of the lightest item left (leaves 0..g−1, merged groups g + index).</summary>
    private int Front(int leaf, int head, bool leafFirst)
    {
        bool hasLeaf = leaf < _g, hasMerged = head < _merged;
        bool takeLeaf = leafFirst
            ? hasLeaf && (!hasMerged || _leafWeight[leaf] <= _mergedWeight[head])
            : !hasMerged || (hasLeaf && _leafWeight[leaf] < _mergedWeight[head]);
        return takeLeaf ? leaf : _g + head;
    }

    /// <summary>Members left in <paramref name="node"/>, which is the front of its queue.</summary>
    private ref long Left(int node) => ref node < _g ? ref _leafFrontLeft : ref _mergedFrontLeft;

    private double Weight(int node) => node < _g ? _leafWeight[node] : _mergedWeight[node - _g];

    private void Pop(int node, ref int leaf, ref int head)
    {
        if (node < _g)
        {
            if (++leaf < _g) _leafFrontLeft = _leafCount[leaf];
        }
        else if (++head < _merged)
        {
            _mergedFrontLeft = _mergedCount[head];
        }
    }

    private int NewMerged(double weight, long count)
    {
        if (_merged == _mergedWeight.Length)
        {
            CheckGrowth();
            Array.Resize(ref _mergedWeight, 2 * _merged);
            Array.Resize(ref _mergedCount, 2 * _merged);
        }
        _mergedWeight[_merged] = weight;
        _mergedCount[_merged] = count;
        if (_merged == _head) _mergedFrontLeft = count; // the merged queue was empty: this group is its front
        return _g + _merged++;
    }

    /// <summary>Throws before doubling the arrays would pass the byte budget: 16 bytes per merged group, 8 per piece, twice over while copying.</summary>
    private void CheckGrowth()
    {
        long after = 2 * (16L * _mergedWeight.Length + 8L * _pieceChild.Length);
        if (after + Math.Max(16L * _mergedWeight.Length, 8L * _pieceChild.Length) > _maxBytes)
            throw new InsufficientMemoryException($"the group Huffman code needs more than {_maxBytes} bytes of working memory.");
    }

    private void AddPiece(int child, int parent, bool pair)
    {
        if (_pieces == _pieceChild.Length)
        {
            CheckGrowth();
            Array.Resize(ref _pieceChild, 2 * _pieces);
            Array.Resize(ref _pieceParent, 2 * _pieces);
        }
        _pieceChild[_pieces] = child;
        _pieceParent[_pieces++] = pair ? ~parent : parent;
    }
}
