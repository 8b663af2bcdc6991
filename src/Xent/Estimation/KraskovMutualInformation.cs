using Xent.Numerics;

namespace Xent.Estimation;

/// <summary>
/// k-nearest-neighbour estimators of the mutual information of continuous variables: Kraskov, Stögbauer and Grassberger's
/// algorithm 1 for two continuous variables (Phys. Rev. E 69, 066138, 2004), and Ross's variant for a continuous variable and
/// a discrete one (PLoS ONE 9(2), e87357, 2014), the estimator of scikit-learn's <c>mutual_info_classif</c>. Both are
/// one-dimensional in each variable; neighbours are found by sorting, never by comparing all pairs.
/// </summary>
/// <remarks>
/// Both are consistent but biased for finite n (the bias shrinks as n grows and is smallest for small k; KSG's paper reports
/// a few hundredths of a nat at n = 1000 and k = 3 for correlated Gaussians, negative for ρ near 0). Exact ties (repeated
/// values) make neighbour distances 0 and the counts degenerate; callers with discrete-looking data add a tiny noise first,
/// as scikit-learn does (1e-10 times the scale). Estimates can come out below 0 and are returned as computed.
/// </remarks>
public static class KraskovMutualInformation
{
    /// <summary>
    /// KSG algorithm 1: Î(X;Y) = ψ(k) + ψ(n) − ⟨ψ(n_x + 1) + ψ(n_y + 1)⟩, where εᵢ is the max-norm distance from point i to
    /// its k-th nearest neighbour in the plane and n_x(i), n_y(i) count the other points strictly within εᵢ of it in x and in
    /// y alone. In the unit of <paramref name="logBase"/> (bits by default).
    /// </summary>
    /// <remarks>The k-th neighbour is found by a sweep outwards from the point in x order that stops once the x gap alone
    /// exceeds the k-th best max-norm distance so far (O(n log n) for well-spread data, O(n²) only when y spreads far more
    /// than x: scale both to unit variance first); the counts by binary search in the sorted marginals.</remarks>
    /// <param name="x">n finite values of X.</param>
    /// <param name="y">n finite values of Y.</param>
    /// <param name="k">Neighbours, 1 ≤ k &lt; n (3 is customary).</param>
    /// <param name="logBase">The unit of the result.</param>
    /// <exception cref="ArgumentException">Lengths differ, a value is not finite, or k is out of range.</exception>
    public static Information ContinuousContinuous(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int k = 3, LogBase logBase = default)
    {
        if (x.Length != y.Length) ThrowHelper.ThrowLengthMismatch(nameof(x), x.Length, nameof(y), y.Length);
        int n = x.Length;
        CheckFinite(x, nameof(x));
        CheckFinite(y, nameof(y));
        if (k < 1 || k >= n) ThrowHelper.ThrowArgumentOutOfRange(nameof(k), k, $"k must be in 1 … n − 1 = {n - 1}");
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        var xs = x.ToArray();
        Array.Sort(xs, order);
        var ys = new double[n];
        for (int i = 0; i < n; i++) ys[i] = y[order[i]];
        var ySorted = (double[])ys.Clone();
        Array.Sort(ySorted);
        Span<double> best = stackalloc double[Math.Min(k, 64)];
        if (k > 64) best = new double[k];
        double sum = 0;
        for (int p = 0; p < n; p++)
        {
            double eps = KthMaxNormDistance(xs, ys, p, k, best);
            int nx = CountWithin(xs, xs[p], eps) - 1, ny = CountWithin(ySorted, ys[p], eps) - 1;
            sum += Digamma.Of(nx + 1) + Digamma.Of(ny + 1);
        }
        double nats = Digamma.Of(k) + Digamma.Of(n) - sum / n;
        return Information.FromNats(nats, logBase);
    }

    /// <summary>
    /// Ross's estimator of I(X;Y) for continuous X and discrete labels: Î = ψ(n) + ⟨ψ(kᵢ)⟩ − ⟨ψ(n_{yᵢ})⟩ − ⟨ψ(mᵢ)⟩, where dᵢ is the
    /// distance from xᵢ to its kᵢ-th nearest neighbour among the points of its own label (kᵢ = min(k, n_{yᵢ} − 1)), mᵢ counts
    /// all points (itself included) strictly closer than dᵢ, and points whose label occurs once are left out (n counts the
    /// rest), as scikit-learn's <c>_compute_mi_cd</c> does. In the unit of <paramref name="logBase"/>; 0 when fewer than two
    /// points remain.
    /// </summary>
    /// <param name="x">n finite values of X.</param>
    /// <param name="labels">n labels, each ≥ 0.</param>
    /// <param name="k">Neighbours, ≥ 1 (3 is scikit-learn's default).</param>
    /// <param name="logBase">The unit of the result.</param>
    /// <exception cref="ArgumentException">Lengths differ, a value is not finite, a label is negative, or k &lt; 1.</exception>
    public static Information ContinuousDiscrete(ReadOnlySpan<double> x, ReadOnlySpan<int> labels, int k = 3, LogBase logBase = default)
    {
        if (x.Length != labels.Length) ThrowHelper.ThrowLengthMismatch(nameof(x), x.Length, nameof(labels), labels.Length);
        CheckFinite(x, nameof(x));
        if (k < 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(k), k, "k must be ≥ 1");
        int classes = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0) ThrowHelper.ThrowBadValue(nameof(labels), i, labels[i], "a label must be ≥ 0");
            classes = Math.Max(classes, labels[i] + 1);
        }
        var counts = new int[classes];
        foreach (int label in labels) counts[label]++;
        // The kept points (label seen at least twice), sorted by x, and per label its kept values sorted.
        var kept = new List<(double X, int Label)>(x.Length);
        for (int i = 0; i < x.Length; i++) if (counts[labels[i]] > 1) kept.Add((x[i], labels[i]));
        int n = kept.Count;
        if (n < 2) return Information.FromNats(0, logBase);
        var all = kept.Select(p => p.X).ToArray();
        Array.Sort(all);
        var byLabel = new double[classes][];
        for (int c = 0; c < classes; c++) byLabel[c] = counts[c] > 1 ? new double[counts[c]] : [];
        var fill = new int[classes];
        foreach (var (value, label) in kept) byLabel[label][fill[label]++] = value;
        double sumK = 0, sumLabel = 0, sumM = 0;
        for (int c = 0; c < classes; c++)
        {
            var values = byLabel[c];
            if (values.Length == 0) continue;
            Array.Sort(values);
            int kc = Math.Min(k, values.Length - 1);
            double psiK = Digamma.Of(kc), psiLabel = Digamma.Of(values.Length);
            for (int p = 0; p < values.Length; p++)
            {
                double d = KthDistance1D(values, p, kc);
                // Strictly closer than d: scikit-learn's radius nextafter(d, 0) with a closed ball.
                double radius = Math.BitDecrement(d);
                int m = d > 0 ? CountClosed(all, values[p], radius) : CountClosed(all, values[p], 0);
                sumK += psiK;
                sumLabel += psiLabel;
                sumM += Digamma.Of(m);
            }
        }
        double nats = Digamma.Of(n) + (sumK - sumLabel - sumM) / n;
        return Information.FromNats(nats, logBase);
    }

    private static void CheckFinite(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i])) ThrowHelper.ThrowNotFinite(name, i, values[i]);
    }

    /// <summary>The distance from sorted[p] to its k-th nearest other value: k steps outwards, each to the nearer side.</summary>
    private static double KthDistance1D(double[] sorted, int p, int k)
    {
        int lo = p - 1, hi = p + 1;
        double v = sorted[p], d = 0;
        for (int step = 0; step < k; step++)
        {
            double left = lo >= 0 ? v - sorted[lo] : double.PositiveInfinity;
            double right = hi < sorted.Length ? sorted[hi] - v : double.PositiveInfinity;
            if (left <= right) { d = left; lo--; }
            else { d = right; hi++; }
        }
        return d;
    }

    /// <summary>The max-norm distance from point p to its k-th nearest neighbour, by a sweep outwards in x order.</summary>
    private static double KthMaxNormDistance(double[] xs, double[] ys, int p, int k, Span<double> best)
    {
        // best holds the k smallest distances so far, sorted ascending; filled counts them.
        int filled = 0, lo = p - 1, hi = p + 1, n = xs.Length;
        double x = xs[p], y = ys[p];
        while (lo >= 0 || hi < n)
        {
            double dl = lo >= 0 ? x - xs[lo] : double.PositiveInfinity;
            double dr = hi < n ? xs[hi] - x : double.PositiveInfinity;
            int j;
            double dx;
            if (dl <= dr) { j = lo--; dx = dl; }
            else { j = hi++; dx = dr; }
            if (filled == best.Length && dx >= best[^1]) break;
            double dist = Math.Max(dx, Math.Abs(ys[j] - y));
            if (filled < best.Length) best[filled++] = dist;
            else if (dist < best[^1]) best[^1] = dist;
            else continue;
            for (int i = filled - 1; i > 0 && best[i] < best[i - 1]; i--) (best[i], best[i - 1]) = (best[i - 1], best[i]);
        }
        return best[filled - 1];
    }

    /// <summary>How many sorted values lie strictly within <paramref name="eps"/> of <paramref name="v"/> (|u − v| &lt; ε, as computed).</summary>
    private static int CountWithin(double[] sorted, double v, double eps)
    {
        if (eps <= 0) return 1;
        // v ± ε rounds, and the k-th neighbour itself sits at distance exactly ε: bound by the search, then decide by |u − v|.
        int lo = UpperBound(sorted, v - eps), hi = LowerBound(sorted, v + eps);
        while (lo > 0 && v - sorted[lo - 1] < eps) lo--;
        while (lo < hi && !(v - sorted[lo] < eps)) lo++;
        while (hi < sorted.Length && sorted[hi] - v < eps) hi++;
        while (hi > lo && !(sorted[hi - 1] - v < eps)) hi--;
        return hi - lo;
    }

    /// <summary>How many sorted values lie within <paramref name="radius"/> of <paramref name="v"/>, ends included (|u − v| ≤ r, as computed).</summary>
    private static int CountClosed(double[] sorted, double v, double radius)
    {
        int lo = LowerBound(sorted, v - radius), hi = UpperBound(sorted, v + radius);
        while (lo > 0 && v - sorted[lo - 1] <= radius) lo--;
        while (lo < hi && !(v - sorted[lo] <= radius)) lo++;
        while (hi < sorted.Length && sorted[hi] - v <= radius) hi++;
        while (hi > lo && !(sorted[hi - 1] - v <= radius)) hi--;
        return hi - lo;
    }

    // The first index whose value is ≥ v.
    private static int LowerBound(double[] sorted, double v)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    // The first index whose value is > v.
    private static int UpperBound(double[] sorted, double v)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
