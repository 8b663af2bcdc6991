using Xent.Estimation;
using Xent.Measures;
using Xent.Numerics;

namespace Xent.Learning;

/// <summary>How <see cref="FeatureRanking"/> estimates the mutual information of a feature and the target.</summary>
public enum MiMethod
{
    /// <summary>Plug-in: I = H(X) + H(Y) − H(X,Y) of the counts (numeric columns in quantile bins).</summary>
    PlugIn,

    /// <summary>Each of the three entropies Miller–Madow corrected (numeric columns in quantile bins).</summary>
    MillerMadow,

    /// <summary>
    /// k-nearest neighbours (<see cref="KraskovMutualInformation"/>): KSG algorithm 1 for a numeric feature and a numeric
    /// target, Ross's estimator when one of them is categorical (scikit-learn's <c>mutual_info_classif</c>), plug-in counts
    /// when both are categorical. Numeric columns are divided by their standard deviation and get a seeded noise of
    /// 10⁻¹⁰·max(1, mean |x|) to break ties, as scikit-learn does.
    /// </summary>
    Ksg,
}

/// <summary>How <see cref="FeatureRanking"/> orders (and selects) features.</summary>
public enum SelectionStrategy
{
    /// <summary>By each feature's own mutual information with the target, highest first (ties by column order).</summary>
    Mi,

    /// <summary>
    /// Greedy minimum-redundancy maximum-relevance (Peng, Long and Ding 2005): next is the feature maximizing
    /// I(f;Y) − (1/|S|)·Σ_{s∈S} I(f;s).
    /// </summary>
    Mrmr,

    /// <summary>
    /// Greedy joint mutual information (Yang and Moody 1999; Brown et al. 2012): next is the feature maximizing
    /// Σ_{s∈S} I(f,s;Y) = Σ_{s∈S} [I(s;Y) + I(f;Y|s)].
    /// </summary>
    Jmi,
}

/// <summary>Settings of <see cref="FeatureRanking.Rank"/>.</summary>
public sealed record FeatureRankingOptions
{
    /// <summary>The estimator of each feature's mutual information with the target.</summary>
    public MiMethod Method { get; init; } = MiMethod.PlugIn;

    /// <summary>Quantile bins for numeric columns in the discrete estimators and in mRMR/JMI (<see cref="QuantileBins"/>; default 10).</summary>
    public int Bins { get; init; } = 10;

    /// <summary>k of the nearest-neighbour estimators (default 3, scikit-learn's).</summary>
    public int Neighbors { get; init; } = 3;

    /// <summary>Permutations of the target for each p-value (0: no p-value).</summary>
    public int Permutations { get; init; } = 100;

    /// <summary>Bootstrap resamples of the rows for each confidence interval (0: no interval; else ≥ 2).</summary>
    public int BootstrapResamples { get; init; } = 100;

    /// <summary>The confidence level of the interval.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>The seed of permutations, resamples and tie-breaking noise: the same seed gives the same figures.</summary>
    public int Seed { get; init; }

    /// <summary>How many features to return (null: all).</summary>
    public int? Select { get; init; }

    /// <summary>The ordering: by own MI, or greedy mRMR or JMI.</summary>
    public SelectionStrategy Strategy { get; init; } = SelectionStrategy.Mi;

    /// <summary>
    /// The most threads this may use: 1 (the default) runs on the calling thread, −1 means every core
    /// (<see cref="System.Environment.ProcessorCount"/>), and 0 or a value below −1 is rejected with
    /// <see cref="System.ArgumentOutOfRangeException"/>. The work is cut into equal contiguous chunks whose partial results are
    /// combined in chunk order, so the result is bit-identical from run to run for a given input and thread count.
    /// Here the chunks are features, each scored alone, so the figures are the same for any value.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    internal void Validate(int features)
    {
        if (Bins < 2) ThrowHelper.ThrowArgumentOutOfRange(nameof(Bins), Bins, "at least 2 bins");
        if (Neighbors < 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(Neighbors), Neighbors, "k ≥ 1");
        if (Permutations < 0) ThrowHelper.ThrowArgumentOutOfRange(nameof(Permutations), Permutations, "permutations ≥ 0");
        if (BootstrapResamples is < 0 or 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(BootstrapResamples), BootstrapResamples, "0, or at least 2 resamples");
        if (!(Confidence > 0 && Confidence < 1)) ThrowHelper.ThrowArgumentOutOfRange(nameof(Confidence), Confidence, "a confidence level must be in (0, 1)");
        if (Select is int k && (k < 1 || k > features)) ThrowHelper.ThrowArgumentOutOfRange(nameof(Select), k, $"select 1 … {features} features");
        ParallelChunks.CheckDegree(MaxDegreeOfParallelism, nameof(MaxDegreeOfParallelism));
    }
}

/// <summary>One feature's mutual information with the target, in bits, with its interval and p-value.</summary>
/// <param name="Name">The feature's name.</param>
/// <param name="MiBits">The estimate (never below 0: an estimate below 0 is reported as 0, as scikit-learn does).</param>
/// <param name="CiLowBits">The lower end of the percentile bootstrap interval, or null without resamples.</param>
/// <param name="CiHighBits">The upper end, or null.</param>
/// <param name="PValue">(1 + #{permuted estimates ≥ estimate}) / (1 + permutations), or null without permutations.</param>
/// <param name="SelectionScoreBits">For mRMR and JMI, the greedy score with which the feature was chosen.</param>
public sealed record FeatureScore(string Name, double MiBits, double? CiLowBits, double? CiHighBits, double? PValue, double? SelectionScoreBits = null);

/// <summary>
/// Ranks features by their mutual information with a target: each feature's estimate (<see cref="MiMethod"/>), a permutation
/// p-value (the target shuffled, the same estimator), a percentile bootstrap interval, and greedy redundancy-aware selection
/// (<see cref="SelectionStrategy"/>). Seeded: the same data and options give the same figures, for any number of threads.
/// </summary>
/// <remarks>
/// The bootstrap resamples rows with replacement; for the nearest-neighbour estimators, which break on repeated points, each
/// resample keeps its distinct rows (on average 63% of n). mRMR and JMI work on the discretized columns (numeric ones in
/// quantile bins) with plug-in (or, for Miller–Madow, corrected) estimates.
/// </remarks>
public static class FeatureRanking
{
    /// <summary>Ranks <paramref name="features"/> against <paramref name="target"/>.</summary>
    /// <param name="features">d ≥ 1 columns of n ≥ 2 rows.</param>
    /// <param name="target">The target column: categorical (class labels) or numeric.</param>
    /// <param name="options">Settings (null: defaults).</param>
    /// <param name="cancellationToken">Checked between estimates.</param>
    /// <returns>The features in rank (or selection) order, at most <see cref="FeatureRankingOptions.Select"/> of them.</returns>
    /// <exception cref="ArgumentException">Shapes differ, fewer than 2 rows, or an option is out of range.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static FeatureScore[] Rank(IReadOnlyList<FeatureColumn> features, FeatureColumn target, FeatureRankingOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        options ??= new FeatureRankingOptions();
        int n = target.Length;
        int d = FeatureColumn.CheckColumns(features, n, nameof(features));
        if (n < 2) ThrowHelper.ThrowArgument(nameof(target), "at least 2 rows are needed.");
        if (d == 0) ThrowHelper.ThrowArgument(nameof(features), "there must be at least one feature.");
        options.Validate(d);
        var prepared = new Prepared(features, target, options);
        var scores = new FeatureScore[d];
        ParallelChunks.Run<ScoreJob, int>(new ScoreJob(prepared, scores, cancellationToken), d, 1, options.MaxDegreeOfParallelism);
        int take = options.Select ?? d;
        if (options.Strategy == SelectionStrategy.Mi)
            return [.. Enumerable.Range(0, d).OrderByDescending(j => scores[j].MiBits).ThenBy(j => j).Take(take).Select(j => scores[j])];
        return Greedy(prepared, scores, take, options.Strategy, cancellationToken);
    }

    /// <summary>The estimate of one feature's mutual information with the target, in bits (below 0 reported as 0).</summary>
    /// <param name="feature">The feature.</param>
    /// <param name="target">The target.</param>
    /// <param name="options">Settings (null: defaults); only the method, bins, neighbours and seed matter.</param>
    public static double MutualInformationBits(FeatureColumn feature, FeatureColumn target, FeatureRankingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(target);
        options ??= new FeatureRankingOptions();
        FeatureColumn.CheckColumns([feature], target.Length, nameof(feature));
        var prepared = new Prepared([feature], target, options);
        return prepared.Estimate(0, null, null, new Random(options.Seed));
    }

    private readonly struct ScoreJob(Prepared prepared, FeatureScore[] scores, CancellationToken cancellation) : IChunkJob<int>
    {
        public int Run(long start, long end)
        {
            for (int j = (int)start; j < end; j++) scores[j] = prepared.Score(j, cancellation);
            return 0;
        }

        public static void Combine(ref int total, in int next) { }
    }

    /// <summary>The columns as the estimators need them: codes for discrete use, scaled values for the k-NN estimators.</summary>
    private sealed class Prepared
    {
        private readonly IReadOnlyList<FeatureColumn> _features;
        private readonly FeatureRankingOptions _options;
        private readonly int _n;
        // Discrete views: every column as codes (numeric ones binned) and its number of categories.
        public readonly int[][] Codes;
        public readonly int[] Levels;
        public readonly int[] TargetCodes;
        public readonly int TargetLevels;
        private readonly double[]? _targetValues;

        public Prepared(IReadOnlyList<FeatureColumn> features, FeatureColumn target, FeatureRankingOptions options)
        {
            _features = features;
            _options = options;
            _n = target.Length;
            Codes = new int[features.Count][];
            Levels = new int[features.Count];
            for (int j = 0; j < features.Count; j++) (Codes[j], Levels[j]) = Discrete(features[j]);
            (TargetCodes, TargetLevels) = Discrete(target);
            _targetValues = target.IsCategorical ? null : Scaled(target.Values!);
        }

        private (int[], int) Discrete(FeatureColumn column) => column.IsCategorical
            ? (column.Codes!, Math.Max(1, column.Categories!.Count))
            : QuantileBins.Discretize(column.Values!, _options.Bins);

        private static double[] Scaled(double[] values)
        {
            double mean = values.Average(), variance = values.Sum(v => (v - mean) * (v - mean)) / values.Length;
            double sd = variance > 0 ? Math.Sqrt(variance) : 1;
            return [.. values.Select(v => v / sd)];
        }

        public bool MillerMadow => _options.Method == MiMethod.MillerMadow;

        private bool UsesNeighbors(int j) => _options.Method == MiMethod.Ksg && (!_features[j].IsCategorical || _targetValues is not null);

        public FeatureScore Score(int j, CancellationToken cancellation)
        {
            var random = new Random(unchecked(_options.Seed * 1_000_003 + j));
            double estimate = Estimate(j, null, null, random);
            double? p = null, low = null, high = null;
            if (_options.Permutations > 0)
            {
                var permutation = Enumerable.Range(0, _n).ToArray();
                int atLeast = 0;
                for (int b = 0; b < _options.Permutations; b++)
                {
                    cancellation.ThrowIfCancellationRequested();
                    random.Shuffle(permutation);
                    // A permuted estimate equal to the observed one up to rounding counts as reaching it.
                    if (Estimate(j, null, permutation, random) >= estimate - 1e-12) atLeast++;
                }
                p = (1.0 + atLeast) / (1.0 + _options.Permutations);
            }
            if (_options.BootstrapResamples > 0)
            {
                var estimates = new double[_options.BootstrapResamples];
                var rows = new int[_n];
                bool distinct = UsesNeighbors(j);
                for (int b = 0; b < estimates.Length; b++)
                {
                    cancellation.ThrowIfCancellationRequested();
                    for (int i = 0; i < _n; i++) rows[i] = random.Next(_n);
                    var sample = distinct ? rows.Distinct().Order().ToArray() : rows;
                    estimates[b] = sample.Length < 2 ? 0 : Estimate(j, sample, null, random);
                }
                Array.Sort(estimates);
                low = Quantile(estimates, (1 - _options.Confidence) / 2);
                high = Quantile(estimates, (1 + _options.Confidence) / 2);
            }
            return new FeatureScore(_features[j].Name, estimate, low, high, p);
        }

        /// <summary>The estimate in bits on the rows <paramref name="rows"/> (null: all), the target permuted by <paramref name="permutation"/> (null: not).</summary>
        public double Estimate(int j, int[]? rows, int[]? permutation, Random random)
        {
            int m = rows?.Length ?? _n;
            int Row(int i) => rows is null ? i : rows[i];
            int TargetRow(int i) => permutation is null ? Row(i) : permutation[Row(i)];
            var feature = _features[j];
            if (!UsesNeighbors(j))
            {
                var x = Codes[j];
                var table = new long[Levels[j] * TargetLevels];
                for (int i = 0; i < m; i++) table[x[Row(i)] * TargetLevels + TargetCodes[TargetRow(i)]]++;
                return DiscreteBits(table, Levels[j], TargetLevels, _options.Method == MiMethod.MillerMadow);
            }
            if (!feature.IsCategorical && _targetValues is not null)
            {
                var xs = Jittered(Scaled(feature.Values!), rows, null, random);
                var ys = Jittered(_targetValues, rows, permutation, random);
                return Math.Max(0, KraskovMutualInformation.ContinuousContinuous(xs, ys, Math.Min(_options.Neighbors, m - 1)).Bits);
            }
            if (!feature.IsCategorical)
            {
                var xs = Jittered(Scaled(feature.Values!), rows, null, random);
                var labels = new int[m];
                for (int i = 0; i < m; i++) labels[i] = TargetCodes[TargetRow(i)];
                return Math.Max(0, KraskovMutualInformation.ContinuousDiscrete(xs, labels, _options.Neighbors).Bits);
            }
            // A categorical feature and a numeric target: Ross's estimator with the roles exchanged.
            var values = Jittered(_targetValues!, rows, permutation, random);
            var codes = new int[m];
            for (int i = 0; i < m; i++) codes[i] = feature.Codes![Row(i)];
            return Math.Max(0, KraskovMutualInformation.ContinuousDiscrete(values, codes, _options.Neighbors).Bits);
        }

        private static double[] Jittered(double[] scaled, int[]? rows, int[]? permutation, Random random)
        {
            int m = rows?.Length ?? scaled.Length;
            var result = new double[m];
            double scale = 0;
            foreach (double v in scaled) scale += Math.Abs(v);
            scale = 1e-10 * Math.Max(1, scale / scaled.Length);
            for (int i = 0; i < m; i++)
            {
                int row = rows is null ? i : rows[i];
                result[i] = scaled[permutation is null ? row : permutation[row]] + scale * RandomVariates.Normal(random);
            }
            return result;
        }
    }

    /// <summary>I(X;Y) in bits of an nx × ny count table: plug-in (Joint's), or H_MM(X) + H_MM(Y) − H_MM(X,Y).</summary>
    internal static double DiscreteBits(long[] table, int nx, int ny, bool millerMadow)
    {
        if (!millerMadow) return Joint.MutualInformation(table, nx, ny).Bits;
        var rowSums = new long[nx];
        var columnSums = new long[ny];
        for (int x = 0; x < nx; x++)
            for (int y = 0; y < ny; y++)
            {
                rowSums[x] += table[x * ny + y];
                columnSums[y] += table[x * ny + y];
            }
        double mi = EntropyEstimators.MillerMadow(rowSums).Bits + EntropyEstimators.MillerMadow(columnSums).Bits - EntropyEstimators.MillerMadow(table).Bits;
        return Math.Max(0, mi);
    }

    private static double Quantile(double[] sorted, double q)
    {
        double h = (sorted.Length - 1) * q;
        int lo = (int)Math.Floor(h), hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static FeatureScore[] Greedy(Prepared prepared, FeatureScore[] scores, int take, SelectionStrategy strategy, CancellationToken cancellation)
    {
        int d = scores.Length, ny = prepared.TargetLevels;
        bool mm = prepared.MillerMadow;
        var relevance = new double[d];
        for (int j = 0; j < d; j++) relevance[j] = PairBits(prepared.Codes[j], prepared.Levels[j], prepared.TargetCodes, ny, mm);
        var selected = new List<int>();
        var result = new List<FeatureScore>();
        // Running sums over the selected set: Σ I(f;s) for mRMR, Σ [I(s;Y) + I(f;Y|s)] for JMI.
        var accumulated = new double[d];
        while (selected.Count < take)
        {
            cancellation.ThrowIfCancellationRequested();
            int best = -1;
            double bestScore = double.NegativeInfinity;
            for (int j = 0; j < d; j++)
            {
                if (selected.Contains(j)) continue;
                double score = selected.Count == 0 ? relevance[j]
                    : strategy == SelectionStrategy.Mrmr ? relevance[j] - accumulated[j] / selected.Count
                    : accumulated[j];
                if (score > bestScore) (bestScore, best) = (score, j);
            }
            selected.Add(best);
            result.Add(scores[best] with { SelectionScoreBits = bestScore });
            for (int j = 0; j < d; j++)
            {
                if (selected.Contains(j)) continue;
                accumulated[j] += strategy == SelectionStrategy.Mrmr
                    ? PairBits(prepared.Codes[j], prepared.Levels[j], prepared.Codes[best], prepared.Levels[best], mm)
                    : relevance[best] + ConditionalBits(prepared.Codes[j], prepared.Levels[j], prepared.TargetCodes, ny, prepared.Codes[best], prepared.Levels[best]);
            }
        }
        return [.. result];
    }

    private static double PairBits(int[] x, int nx, int[] y, int ny, bool millerMadow)
    {
        var table = new long[nx * ny];
        for (int i = 0; i < x.Length; i++) table[x[i] * ny + y[i]]++;
        return DiscreteBits(table, nx, ny, millerMadow);
    }

    private static double ConditionalBits(int[] x, int nx, int[] y, int ny, int[] z, int nz)
    {
        var table = new long[(long)nx * ny * nz];
        for (int i = 0; i < x.Length; i++) table[((long)x[i] * ny + y[i]) * nz + z[i]]++;
        return Joint.ConditionalMutualInformation(table, nx, ny, nz).Bits;
    }
}
