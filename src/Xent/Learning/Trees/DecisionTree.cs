using Xent.Measures;
using Xent.Numerics;

namespace Xent.Learning.Trees;

/// <summary>
/// Grows a classification tree by information gain (ID3/C4.5/CART with the entropy criterion), then optionally prunes it by
/// minimal cost complexity.
/// </summary>
/// <remarks>
/// <para><b>Algorithm.</b> Each numeric feature is sorted once; every node keeps, per numeric feature, its rows in sorted order
/// (the presorted index lists of C4.5/SPRINT and scikit-learn's early splitter), carried down by a stable partition when the
/// node is split, so no node sorts again. A node's best threshold on a feature is found in one sweep over its sorted rows with
/// incremental class counts; candidate thresholds lie between consecutive distinct values, at their midpoint (x ≤ t goes
/// left). Categorical features are split one branch per category or into two category subsets
/// (<see cref="CategoricalSplit"/>). The entropies are <see cref="Discrete"/>'s over long counts. The per-feature search and
/// the partitions run on <see cref="DecisionTreeOptions.MaxDegreeOfParallelism"/> threads, one feature sequentially each, so
/// the tree is the same for any number of threads.</para>
/// <para><b>Stopping.</b> A node becomes a leaf when it is pure, at <see cref="DecisionTreeOptions.MaxDepth"/>, when it has
/// fewer than 2·<see cref="DecisionTreeOptions.MinSamplesLeaf"/> rows, when no feature can be split with every branch keeping
/// <see cref="DecisionTreeOptions.MinSamplesLeaf"/> rows (all constant, say), or when the best gain is below
/// <see cref="DecisionTreeOptions.MinGainBits"/>.</para>
/// <para><b>Tie-breaks</b> (exact equality of the computed scores): among thresholds of one feature the lowest wins; among
/// category subsets the first in the order described at <see cref="CategoricalSplit.Binary"/>; among features the first in
/// column order.</para>
/// </remarks>
public static class DecisionTree
{
    /// <summary>Fits a tree to n rows of <paramref name="features"/> with class labels <paramref name="labels"/>.</summary>
    /// <param name="features">d ≥ 1 columns of n ≥ 1 entries each, distinct names.</param>
    /// <param name="labels">n class indices in 0 … K−1.</param>
    /// <param name="classNames">The K ≥ 1 class names.</param>
    /// <param name="options">The settings (null: defaults).</param>
    /// <param name="target">The name of the label column, kept in the model.</param>
    /// <param name="cancellationToken">Checked at every node.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentException">Shapes do not match, a label is out of range, there are no rows or no features, or an option is out of range.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static DecisionTreeModel Fit(IReadOnlyList<FeatureColumn> features, ReadOnlySpan<int> labels, IReadOnlyList<string> classNames,
        DecisionTreeOptions? options = null, string? target = null, CancellationToken cancellationToken = default)
    {
        options ??= new DecisionTreeOptions();
        options.Validate();
        ArgumentNullException.ThrowIfNull(classNames);
        int n = labels.Length, k = classNames.Count;
        if (n == 0) ThrowHelper.ThrowEmpty(nameof(labels));
        if (k < 1) ThrowHelper.ThrowArgument(nameof(classNames), "there must be at least one class.");
        int d = FeatureColumn.CheckColumns(features, n, nameof(features));
        if (d == 0) ThrowHelper.ThrowArgument(nameof(features), "there must be at least one feature.");
        var y = labels.ToArray();
        for (int i = 0; i < n; i++)
            if ((uint)y[i] >= (uint)k) ThrowHelper.ThrowBadTarget(nameof(labels), i, y[i], k);

        var builder = new TreeBuilder(features, y, k, options, cancellationToken);
        var root = builder.Grow();
        if (options.CcpAlphaBits > 0) CostComplexityPruning.Prune(root, n, options.CcpAlphaBits);
        var model = new DecisionTreeModel
        {
            Target = target,
            ClassNames = [.. classNames],
            Features = [.. features.Select(f => new TreeFeature(f.Name, f.Categories?.ToArray()))],
            Criterion = options.Criterion,
            Smoothing = options.Smoothing,
            Root = builder.ToNode(root),
        };
        model.Bind(model.Root, 0, checkDepth: false);
        return model;
    }
}

/// <summary>A node while the tree grows: its counts and entropy, and its split once chosen.</summary>
internal sealed class GrowingNode
{
    public required long[] Counts;
    public required double EntropyNats;
    public long Samples;
    public int Feature = -1;
    public double Threshold;
    public int[]? ChildOfCode;
    public double GainNats;
    public GrowingNode[]? Children;
}

/// <summary>The state of one tree's growth: the presorted index lists, the partition scratch and the options.</summary>
internal sealed class TreeBuilder
{
    // A node with fewer row·feature cells than this is searched on one thread: starting threads would cost more.
    private const long ParallelCells = 1 << 16;

    private readonly IReadOnlyList<FeatureColumn> _features;
    private readonly int[] _y;
    private readonly int _k, _n;
    private readonly DecisionTreeOptions _options;
    private readonly CancellationToken _cancellation;
    // Per numeric feature j (others null): the node's rows sorted by value, and those values, segment [start, end) per node.
    private readonly int[]?[] _order;
    private readonly double[]?[] _sorted;
    private readonly int[] _numeric;
    // Every node's rows in their original order, segment [start, end) per node, and each row's branch during a partition.
    private readonly int[] _rows;
    private readonly int[] _branch;

    public TreeBuilder(IReadOnlyList<FeatureColumn> features, int[] y, int k, DecisionTreeOptions options, CancellationToken cancellation)
    {
        _features = features;
        _y = y;
        _k = k;
        _n = y.Length;
        _options = options;
        _cancellation = cancellation;
        int d = features.Count;
        _order = new int[]?[d];
        _sorted = new double[]?[d];
        _numeric = [.. Enumerable.Range(0, d).Where(j => !features[j].IsCategorical)];
        _rows = new int[_n];
        for (int i = 0; i < _n; i++) _rows[i] = i;
        _branch = new int[_n];
        ParallelChunks.Run<SortJob, int>(new SortJob(this), _numeric.Length, 1, Degree((long)_n * _numeric.Length));
    }

    private int Degree(long cells) => cells < ParallelCells ? 1 : _options.MaxDegreeOfParallelism;

    /// <summary>Sorts each numeric feature's rows by value (ties by row: the sort is stable through its row keys).</summary>
    private readonly struct SortJob(TreeBuilder builder) : IChunkJob<int>
    {
        public int Run(long start, long end)
        {
            for (long f = start; f < end; f++)
            {
                int j = builder._numeric[f];
                var values = builder._features[j].Values!;
                var order = new int[builder._n];
                for (int i = 0; i < order.Length; i++) order[i] = i;
                var keys = (double[])values.Clone();
                Array.Sort(keys, order);
                // Array.Sort is not stable: put equal values back in row order so the lists do not depend on the sort's internals.
                for (int i = 0; i < order.Length;)
                {
                    int e = i + 1;
                    while (e < order.Length && keys[e] == keys[i]) e++;
                    if (e - i > 1) Array.Sort(order, i, e - i);
                    i = e;
                }
                builder._order[j] = order;
                builder._sorted[j] = keys;
            }
            return 0;
        }

        public static void Combine(ref int total, in int next) { }
    }

    public GrowingNode Grow()
    {
        var root = NewNode(0, _n);
        var stack = new Stack<(GrowingNode Node, int Start, int End, int Depth)>();
        stack.Push((root, 0, _n, 0));
        while (stack.Count > 0)
        {
            _cancellation.ThrowIfCancellationRequested();
            var (node, start, end, depth) = stack.Pop();
            if (!TrySplit(node, start, end, depth)) continue;
            // Push children in reverse so they are grown (and numbered) in order.
            var bounds = Partition(node, start, end);
            for (int b = node.Children!.Length - 1; b >= 0; b--)
                stack.Push((node.Children[b], bounds[b], bounds[b + 1], depth + 1));
        }
        return root;
    }

    private GrowingNode NewNode(int start, int end)
    {
        var counts = new long[_k];
        for (int i = start; i < end; i++) counts[_y[_rows[i]]]++;
        return new GrowingNode { Counts = counts, EntropyNats = Discrete.Entropy(counts, LogBase.Nats).Value, Samples = end - start };
    }

    private bool TrySplit(GrowingNode node, int start, int end, int depth)
    {
        int m = end - start;
        if (node.EntropyNats <= 0 || (_options.MaxDepth is int max && depth >= max) || m < 2 * _options.MinSamplesLeaf) return false;
        var job = new SearchJob(this, node, start, end);
        var best = ParallelChunks.Run<SearchJob, Candidate>(job, _features.Count, 1, Degree((long)m * _features.Count));
        if (best.Feature < 0 || best.GainNats < _options.MinGainBits * Math.Log(2)) return false;
        node.Feature = best.Feature;
        node.Threshold = best.Threshold;
        node.ChildOfCode = best.ChildOfCode;
        node.GainNats = best.GainNats;
        return true;
    }

    /// <summary>The best split found on some features: the highest score, the first feature on ties.</summary>
    private struct Candidate
    {
        public int Feature;
        public double Score, GainNats, Threshold;
        public int[]? ChildOfCode;

        public static Candidate None => new() { Feature = -1, Score = double.NegativeInfinity };
    }

    private readonly struct SearchJob(TreeBuilder builder, GrowingNode node, int start, int end) : IChunkJob<Candidate>
    {
        public Candidate Run(long first, long last)
        {
            var best = Candidate.None;
            var scratch = new Scratch(builder._k);
            for (int j = (int)first; j < (int)last; j++)
            {
                var candidate = builder._features[j].IsCategorical
                    ? builder.SearchCategorical(j, node, start, end, scratch)
                    : builder.SearchNumeric(j, node, start, end, scratch);
                if (candidate.Feature >= 0 && candidate.Score > best.Score) best = candidate;
            }
            return best;
        }

        public static void Combine(ref Candidate total, in Candidate next)
        {
            if (next.Feature >= 0 && next.Score > total.Score) total = next;
        }
    }

    private sealed class Scratch(int k)
    {
        public readonly long[] Left = new long[k];
        public readonly long[] Right = new long[k];
    }

    private double Score(double gain, double splitInfoNats) =>
        _options.Criterion == SplitCriterion.GainRatio ? gain / splitInfoNats : gain;

    private Candidate SearchNumeric(int j, GrowingNode node, int start, int end, Scratch scratch)
    {
        var order = _order[j]!;
        var values = _sorted[j]!;
        var left = scratch.Left;
        var right = scratch.Right;
        Array.Clear(left);
        node.Counts.CopyTo(right, 0);
        int m = end - start, minLeaf = _options.MinSamplesLeaf;
        double bestChild = double.PositiveInfinity;
        int bestAt = -1;
        var y = _y;
        for (int i = start; i < end - 1; i++)
        {
            int c = y[order[i]];
            left[c]++;
            right[c]--;
            int nl = i - start + 1, nr = m - nl;
            if (nr < minLeaf) break;
            if (nl < minLeaf || values[i + 1] <= values[i]) continue;
            double child = Discrete.ScaledEntropyNats(left, nl) + Discrete.ScaledEntropyNats(right, nr);
            if (child < bestChild)
            {
                bestChild = child;
                bestAt = i;
            }
        }
        if (bestAt < 0) return Candidate.None;
        double lo = values[bestAt], hi = values[bestAt + 1];
        double threshold = lo / 2 + hi / 2;
        if (!(threshold >= lo && threshold < hi)) threshold = lo;
        double gain = Math.Max(0, node.EntropyNats - bestChild / m);
        int leftRows = bestAt - start + 1;
        double splitInfo = SplitInfoNats([leftRows, m - leftRows], m);
        return new Candidate { Feature = j, Score = Score(gain, splitInfo), GainNats = gain, Threshold = threshold };
    }

    /// <summary>n_l·H(left) + n_r·H(right) in nats for a two-way split of a node's class counts, the right side filled in
    /// from <paramref name="node"/> − <paramref name="left"/>; +∞ when either side has fewer than <paramref name="minLeaf"/> rows.</summary>
    private static double TwoWayChildren(long[] left, long[] right, long[] node, long nl, long m, int minLeaf)
    {
        long nr = m - nl;
        if (nl < minLeaf || nr < minLeaf) return double.PositiveInfinity;
        for (int c = 0; c < node.Length; c++) right[c] = node[c] - left[c];
        return Discrete.ScaledEntropyNats(left, nl) + Discrete.ScaledEntropyNats(right, nr);
    }

    private static double SplitInfoNats(ReadOnlySpan<long> sizes, long total) => Discrete.ScaledEntropyNats(sizes, total) / total;

    private Candidate SearchCategorical(int j, GrowingNode node, int start, int end, Scratch scratch)
    {
        var column = _features[j];
        var codes = column.Codes!;
        int categories = column.Categories!.Count, k = _k, m = end - start, minLeaf = _options.MinSamplesLeaf;
        var table = new long[categories * k];
        var sizes = new long[categories];
        for (int i = start; i < end; i++)
        {
            int row = _rows[i], code = codes[row];
            table[code * k + _y[row]]++;
            sizes[code]++;
        }
        var present = new List<int>();
        for (int v = 0; v < categories; v++) if (sizes[v] > 0) present.Add(v);
        if (present.Count < 2) return Candidate.None;

        if (_options.CategoricalSplit == CategoricalSplit.MultiWay)
        {
            double child = 0;
            var branchSizes = new long[present.Count];
            var map = new int[categories];
            Array.Fill(map, -1);
            for (int b = 0; b < present.Count; b++)
            {
                int v = present[b];
                if (sizes[v] < minLeaf) return Candidate.None;
                child += Discrete.ScaledEntropyNats(table.AsSpan(v * k, k), sizes[v]);
                branchSizes[b] = sizes[v];
                map[v] = b;
            }
            double gain = Math.Max(0, node.EntropyNats - child / m);
            return new Candidate { Feature = j, Score = Score(gain, SplitInfoNats(branchSizes, m)), GainNats = gain, ChildOfCode = map };
        }

        var left = scratch.Left;
        var right = scratch.Right;
        double bestChild = double.PositiveInfinity;
        int[]? bestLeft = null;
        if (k > 2 && present.Count <= _options.MaxExhaustiveCategories)
        {
            // Every partition {A, rest} with present[0] ∈ A: bit i of the mask puts present[i + 1] in A; all bits set leaves rest empty.
            int others = present.Count - 1;
            for (int mask = 0; mask < (1 << others) - 1; mask++)
            {
                Array.Clear(left);
                long nl = 0;
                for (int b = 0; b <= others; b++)
                {
                    if (b > 0 && (mask & (1 << (b - 1))) == 0) continue;
                    int v = present[b];
                    for (int c = 0; c < k; c++) left[c] += table[v * k + c];
                    nl += sizes[v];
                }
                double child = TwoWayChildren(left, right, node.Counts, nl, m, minLeaf);
                if (child < bestChild)
                {
                    bestChild = child;
                    bestLeft = [present[0], .. Enumerable.Range(0, others).Where(b => (mask & (1 << b)) != 0).Select(b => present[b + 1])];
                }
            }
        }
        else
        {
            // Two classes: by proportion of class 1 (exact); more: by proportion of the node's most frequent class (heuristic).
            int by = k == 2 ? 1 : Array.IndexOf(node.Counts, node.Counts.Max());
            var ordered = present.OrderBy(v => (double)table[v * k + by] / sizes[v]).ThenBy(v => v).ToArray();
            Array.Clear(left);
            long nl = 0;
            int bestEnd = -1;
            for (int b = 0; b < ordered.Length - 1; b++)
            {
                int v = ordered[b];
                for (int c = 0; c < k; c++) left[c] += table[v * k + c];
                nl += sizes[v];
                double child = TwoWayChildren(left, right, node.Counts, nl, m, minLeaf);
                if (child < bestChild)
                {
                    bestChild = child;
                    bestEnd = b;
                }
            }
            if (bestEnd >= 0) bestLeft = ordered[..(bestEnd + 1)];
        }
        if (bestLeft is null) return Candidate.None;
        var childOf = new int[categories];
        Array.Fill(childOf, -1);
        long leftRows = 0;
        foreach (int v in present) childOf[v] = 1;
        foreach (int v in bestLeft)
        {
            childOf[v] = 0;
            leftRows += sizes[v];
        }
        double g = Math.Max(0, node.EntropyNats - bestChild / m);
        return new Candidate { Feature = j, Score = Score(g, SplitInfoNats([leftRows, m - leftRows], m)), GainNats = g, ChildOfCode = childOf };
    }

    /// <summary>
    /// Sends each of the node's rows to its branch and reorders every index list's segment stably by branch, so each child's
    /// rows are contiguous and still sorted; creates the children and returns the branch boundaries.
    /// </summary>
    private int[] Partition(GrowingNode node, int start, int end)
    {
        var column = _features[node.Feature];
        int branches = node.ChildOfCode is null ? 2 : node.ChildOfCode.Max() + 1;
        var sizes = new int[branches];
        if (node.ChildOfCode is { } map)
        {
            var codes = column.Codes!;
            for (int i = start; i < end; i++)
            {
                int row = _rows[i], b = map[codes[row]];
                _branch[row] = b;
                sizes[b]++;
            }
        }
        else
        {
            var values = column.Values!;
            double t = node.Threshold;
            for (int i = start; i < end; i++)
            {
                int row = _rows[i], b = values[row] <= t ? 0 : 1;
                _branch[row] = b;
                sizes[b]++;
            }
        }
        var bounds = new int[branches + 1];
        bounds[0] = start;
        for (int b = 0; b < branches; b++) bounds[b + 1] = bounds[b] + sizes[b];
        // List 0 is _rows; list f + 1 is numeric feature f's order and values.
        ParallelChunks.Run<PartitionJob, int>(new PartitionJob(this, start, end, bounds), _numeric.Length + 1, 1,
            Degree((long)(end - start) * (_numeric.Length + 1)));
        node.Children = new GrowingNode[branches];
        for (int b = 0; b < branches; b++) node.Children[b] = NewNode(bounds[b], bounds[b + 1]);
        return bounds;
    }

    [ThreadStatic] private static int[]? t_indices;
    [ThreadStatic] private static double[]? t_values;

    private readonly struct PartitionJob(TreeBuilder builder, int start, int end, int[] bounds) : IChunkJob<int>
    {
        public int Run(long first, long last)
        {
            int length = end - start;
            if (t_indices is null || t_indices.Length < length) t_indices = new int[Math.Max(length, 1024)];
            if (t_values is null || t_values.Length < length) t_values = new double[Math.Max(length, 1024)];
            Span<int> next = bounds.Length <= 65 ? stackalloc int[bounds.Length - 1] : new int[bounds.Length - 1];
            for (long list = first; list < last; list++)
            {
                int[] indices = list == 0 ? builder._rows : builder._order[builder._numeric[list - 1]]!;
                double[]? values = list == 0 ? null : builder._sorted[builder._numeric[list - 1]];
                for (int b = 0; b < next.Length; b++) next[b] = bounds[b] - start;
                for (int i = start; i < end; i++)
                {
                    int row = indices[i];
                    int at = next[builder._branch[row]]++;
                    t_indices[at] = row;
                    if (values is not null) t_values[at] = values[i];
                }
                t_indices.AsSpan(0, length).CopyTo(indices.AsSpan(start, length));
                if (values is not null) t_values.AsSpan(0, length).CopyTo(values.AsSpan(start, length));
            }
            return 0;
        }

        public static void Combine(ref int total, in int next) { }
    }

    /// <summary>The public node of a grown node, with feature names, thresholds and category lists.</summary>
    public TreeNode ToNode(GrowingNode node)
    {
        if (node.Children is null || node.Feature < 0)
            return new TreeNode { EntropyBits = node.EntropyNats / Math.Log(2), Counts = node.Counts };
        var column = _features[node.Feature];
        string[][]? categories = null;
        if (node.ChildOfCode is { } map)
        {
            categories = new string[node.Children.Length][];
            for (int b = 0; b < categories.Length; b++)
                categories[b] = [.. Enumerable.Range(0, map.Length).Where(v => map[v] == b).Select(v => column.Categories![v])];
        }
        return new TreeNode
        {
            Feature = column.Name,
            Threshold = node.ChildOfCode is null ? node.Threshold : null,
            Categories = categories,
            EntropyBits = node.EntropyNats / Math.Log(2),
            GainBits = node.GainNats / Math.Log(2),
            Counts = node.Counts,
            Children = [.. node.Children.Select(ToNode)],
        };
    }
}
