namespace Xent.Estimation;

/// <summary>
/// Discretizes a numeric sample into at most B bins of about equal counts (or, with <see cref="UniformCutPoints(ReadOnlySpan{double}, int)"/>, of equal width), for discrete measures of continuous data (the
/// plug-in mutual information of a numeric feature, redundancy in mRMR/JMI). The cut points are the sample's
/// ⌊i·n/B⌋-th order statistics (i = 1 … B − 1, 0-based), repeated ones dropped; a value goes to the number of cut points
/// below it, so x ≤ the first cut point is bin 0. Ties are never split between bins, so heavily tied data give fewer bins.
/// </summary>
public static class QuantileBins
{
    /// <summary>The sorted distinct cut points of <paramref name="values"/> for <paramref name="bins"/> bins.</summary>
    /// <param name="values">n ≥ 1 finite values.</param>
    /// <param name="bins">B ≥ 1.</param>
    /// <exception cref="ArgumentException">No values, a value is not finite, or B &lt; 1.</exception>
    public static double[] CutPoints(ReadOnlySpan<double> values, int bins)
    {
        if (values.IsEmpty) ThrowHelper.ThrowEmpty(nameof(values));
        if (bins < 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(bins), bins, "there must be at least one bin");
        var sorted = values.ToArray();
        for (int i = 0; i < sorted.Length; i++)
            if (!double.IsFinite(sorted[i])) ThrowHelper.ThrowNotFinite(nameof(values), i, sorted[i]);
        Array.Sort(sorted);
        var ranks = OrderStatisticRanks(sorted.Length, bins);
        var atRanks = new double[ranks.Length];
        for (int i = 0; i < ranks.Length; i++) atRanks[i] = sorted[ranks[i]];
        return CutPointsAtRanks(atRanks, sorted[^1]);
    }

    /// <summary>
    /// The 0-based ranks ⌊i·n/B⌋ (i = 1 … B − 1) of the order statistics that <see cref="CutPoints"/> takes as cut points, in
    /// increasing order (perhaps repeated): what a database is asked for when binning is pushed into it.
    /// </summary>
    /// <param name="n">The number of values, n ≥ 1.</param>
    /// <param name="bins">B ≥ 1.</param>
    public static long[] OrderStatisticRanks(long n, int bins)
    {
        if (n < 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(n), n, "there must be at least one value");
        if (bins < 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(bins), bins, "there must be at least one bin");
        var ranks = new long[bins - 1];
        // i·n fits in a 128-bit product; n < 2^63 and B < 2^31.
        for (int i = 1; i < bins; i++) ranks[i - 1] = (long)((Int128)i * n / bins);
        return ranks;
    }

    /// <summary>
    /// The cut points from the order statistics at <see cref="OrderStatisticRanks"/> and the maximum: each in turn, dropped
    /// when it repeats the one before or equals the maximum (a cut there would leave an empty last bin).
    /// </summary>
    /// <param name="atRanks">The values at the ranks, in rank order (non-decreasing).</param>
    /// <param name="max">The largest value.</param>
    public static double[] CutPointsAtRanks(ReadOnlySpan<double> atRanks, double max)
    {
        var cuts = new List<double>(atRanks.Length);
        foreach (double cut in atRanks)
            if (cut < max && (cuts.Count == 0 || cut > cuts[^1])) cuts.Add(cut);
        return [.. cuts];
    }

    /// <summary>
    /// The cut points of <paramref name="bins"/> bins of equal width over [min, max] of <paramref name="values"/>:
    /// min + i·(max − min)/B for i = 1 … B − 1 (all B bins, some perhaps empty). A value on a cut point goes to the bin below
    /// it, as in <see cref="Assign"/>; all values equal give one bin.
    /// </summary>
    /// <param name="values">n ≥ 1 finite values.</param>
    /// <param name="bins">B ≥ 1.</param>
    /// <exception cref="ArgumentException">No values, a value is not finite, or B &lt; 1.</exception>
    public static double[] UniformCutPoints(ReadOnlySpan<double> values, int bins)
    {
        if (values.IsEmpty) ThrowHelper.ThrowEmpty(nameof(values));
        if (bins < 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(bins), bins, "there must be at least one bin");
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i])) ThrowHelper.ThrowNotFinite(nameof(values), i, values[i]);
            min = Math.Min(min, values[i]);
            max = Math.Max(max, values[i]);
        }
        return UniformCutPoints(min, max, bins);
    }

    /// <summary>The cut points of <paramref name="bins"/> bins of equal width over [<paramref name="min"/>, <paramref name="max"/>]
    /// (see <see cref="UniformCutPoints(ReadOnlySpan{double}, int)"/>): what a database's MIN and MAX are turned into.</summary>
    /// <param name="min">The smallest value (finite).</param>
    /// <param name="max">The largest value (finite, ≥ min).</param>
    /// <param name="bins">B ≥ 1.</param>
    public static double[] UniformCutPoints(double min, double max, int bins)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || max < min) ThrowHelper.ThrowArgument(nameof(max), $"[{min}, {max}] is not a finite interval.");
        if (bins < 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(bins), bins, "there must be at least one bin");
        if (min == max) return [];
        var cuts = new double[bins - 1];
        // min + i·(max − min)/B, written as an interpolation so that max − min cannot overflow.
        for (int i = 1; i < bins; i++) cuts[i - 1] = min * ((double)(bins - i) / bins) + max * ((double)i / bins);
        return cuts;
    }

    /// <summary>The bin of each value: how many cut points are below it (0 … cutPoints.Length).</summary>
    /// <param name="values">The values to bin.</param>
    /// <param name="cutPoints">Sorted cut points (from <see cref="CutPoints"/>).</param>
    /// <param name="destination">One bin per value.</param>
    /// <exception cref="ArgumentException">The destination's length differs from the values'.</exception>
    public static void Assign(ReadOnlySpan<double> values, ReadOnlySpan<double> cutPoints, Span<int> destination)
    {
        if (values.Length != destination.Length) ThrowHelper.ThrowLengthMismatch(nameof(values), values.Length, nameof(destination), destination.Length);
        for (int i = 0; i < values.Length; i++)
        {
            int lo = 0, hi = cutPoints.Length;
            double v = values[i];
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (cutPoints[mid] < v) lo = mid + 1; else hi = mid;
            }
            destination[i] = lo;
        }
    }

    /// <summary>Bins <paramref name="values"/> into at most <paramref name="bins"/> quantile bins; returns the codes and the number of bins.</summary>
    /// <param name="values">n ≥ 1 finite values.</param>
    /// <param name="bins">B ≥ 1.</param>
    public static (int[] Codes, int Bins) Discretize(ReadOnlySpan<double> values, int bins) => Discretize(values, bins, uniform: false);

    /// <summary>Bins <paramref name="values"/> into at most <paramref name="bins"/> quantile or equal-width bins; returns the codes and the number of bins.</summary>
    /// <param name="values">n ≥ 1 finite values.</param>
    /// <param name="bins">B ≥ 1.</param>
    /// <param name="uniform">Equal-width bins (<see cref="UniformCutPoints(ReadOnlySpan{double}, int)"/>) rather than equal-count ones (<see cref="CutPoints"/>).</param>
    public static (int[] Codes, int Bins) Discretize(ReadOnlySpan<double> values, int bins, bool uniform)
    {
        var cuts = uniform ? UniformCutPoints(values, bins) : CutPoints(values, bins);
        var codes = new int[values.Length];
        Assign(values, cuts, codes);
        return (codes, cuts.Length + 1);
    }
}
