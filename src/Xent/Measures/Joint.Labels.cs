using Xent.Estimation;
using Xent.Numerics;

namespace Xent.Measures;

public static partial class Joint
{
    /// <summary>
    /// Mutual information I(X;Y) of two labelings of the same items, as scikit-learn's <c>mutual_info_score(labels_true, labels_pred)</c>
    /// (which is in nats; here in the unit of <paramref name="logBase"/>, bits by default). The pairs (x_i, y_i) are counted into a
    /// contingency table by <see cref="ContingencyCounter{T}"/>, then measured as the count overload
    /// <see cref="MutualInformation(ReadOnlySpan{long}, int, int, LogBase)"/> does.
    /// </summary>
    /// <typeparam name="TLabel">Any label type (strings, integers, enums, records); labels are compared with <paramref name="comparer"/>.</typeparam>
    /// <param name="labelsX">The first labeling (scikit-learn's <c>labels_true</c>): one label per item.</param>
    /// <param name="labelsY">The second labeling (<c>labels_pred</c>), as long as <paramref name="labelsX"/>.</param>
    /// <param name="logBase">The unit of the result; bits by default (pass <see cref="LogBase.Nats"/> for scikit-learn's figures).</param>
    /// <param name="comparer">How labels are compared; null means the default comparer (ordinal for strings).</param>
    /// <returns>I(X;Y) ≥ 0 (symmetric in X and Y; 0 for empty labelings).</returns>
    /// <exception cref="ArgumentException">The labelings differ in length, or their category counts K_X·K_Y pass
    /// <see cref="ContingencyTable.DefaultMaxCells"/> cells.</exception>
    public static Information MutualInformation<TLabel>(ReadOnlySpan<TLabel> labelsX, ReadOnlySpan<TLabel> labelsY,
        LogBase logBase = default, IEqualityComparer<TLabel>? comparer = null) where TLabel : notnull
    {
        var (counts, rows, columns) = CountLabels(labelsX, labelsY, comparer);
        return rows == 0 ? new Information(0, logBase) : MutualInformation(counts, rows, columns, logBase);
    }

    /// <summary>
    /// Normalized mutual information of two labelings, as scikit-learn's <c>normalized_mutual_info_score(labels_true, labels_pred,
    /// average_method=…)</c>: I(X;Y) / D with D chosen by <paramref name="normalization"/> (arithmetic mean of the entropies by
    /// default). Unitless, in [0, 1].
    /// </summary>
    /// <typeparam name="TLabel">Any label type; labels are compared with <paramref name="comparer"/>.</typeparam>
    /// <param name="labelsX">The first labeling (<c>labels_true</c>).</param>
    /// <param name="labelsY">The second labeling (<c>labels_pred</c>), as long as <paramref name="labelsX"/>.</param>
    /// <param name="normalization">The denominator D; <see cref="NmiNormalization.Arithmetic"/> is scikit-learn's default.</param>
    /// <param name="comparer">How labels are compared; null means the default comparer (ordinal for strings).</param>
    /// <returns>NMI in [0, 1]: 1 when both labelings are constant (or empty), as scikit-learn; 0 when I = 0 otherwise.</returns>
    /// <exception cref="ArgumentException">The labelings differ in length, or K_X·K_Y passes <see cref="ContingencyTable.DefaultMaxCells"/> cells.</exception>
    public static double NormalizedMutualInformation<TLabel>(ReadOnlySpan<TLabel> labelsX, ReadOnlySpan<TLabel> labelsY,
        NmiNormalization normalization = NmiNormalization.Arithmetic, IEqualityComparer<TLabel>? comparer = null) where TLabel : notnull
    {
        var (counts, rows, columns) = CountLabels(labelsX, labelsY, comparer);
        return rows == 0 ? 1 : NormalizedMutualInformation(counts, rows, columns, normalization);
    }

    /// <summary>
    /// Adjusted mutual information of two labelings, as scikit-learn's <c>adjusted_mutual_info_score(labels_true, labels_pred,
    /// average_method=…)</c>: AMI = (I − E[I]) / (D − E[I]), where E[I] is the mutual information expected when the items are
    /// permuted at random with both marginals fixed (the hypergeometric model of Vinh, Epps and Bailey 2010) and D is the
    /// average of the two entropies chosen by <paramref name="normalization"/>. Unitless.
    /// </summary>
    /// <typeparam name="TLabel">Any label type; labels are compared with <paramref name="comparer"/>.</typeparam>
    /// <param name="labelsX">The first labeling (<c>labels_true</c>).</param>
    /// <param name="labelsY">The second labeling (<c>labels_pred</c>), as long as <paramref name="labelsX"/>.</param>
    /// <param name="normalization">How the entropies are averaged into D: arithmetic (scikit-learn's default), geometric, min or
    /// max. <see cref="NmiNormalization.Joint"/> is refused (E[H(X,Y)] is not fixed by the marginals).</param>
    /// <param name="comparer">How labels are compared; null means the default comparer (ordinal for strings).</param>
    /// <returns>About 0 for independent labelings (it can be negative), 1 for identical partitions, and 1 when both labelings are
    /// constant or empty, as scikit-learn.</returns>
    /// <exception cref="ArgumentException">The labelings differ in length, or K_X·K_Y passes <see cref="ContingencyTable.DefaultMaxCells"/> cells.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="normalization"/> is <see cref="NmiNormalization.Joint"/> or unknown.</exception>
    public static double AdjustedMutualInformation<TLabel>(ReadOnlySpan<TLabel> labelsX, ReadOnlySpan<TLabel> labelsY,
        NmiNormalization normalization = NmiNormalization.Arithmetic, IEqualityComparer<TLabel>? comparer = null) where TLabel : notnull
    {
        CheckAdjustedNormalization(normalization);
        var (counts, rows, columns) = CountLabels(labelsX, labelsY, comparer);
        return rows == 0 ? 1 : AdjustedMutualInformation(counts, rows, columns, normalization);
    }

    /// <summary>
    /// Adjusted mutual information AMI = (I − E[I]) / (D − E[I]) of a rows × columns count table (scikit-learn's
    /// <c>adjusted_mutual_info_score</c> given the contingency matrix): E[I] is the expected mutual information under the
    /// hypergeometric model with the table's row and column sums fixed, D the average of H(X) and H(Y) chosen by
    /// <paramref name="normalization"/>. Rows and columns whose sum is 0 are ignored. Unitless.
    /// </summary>
    /// <param name="table">Counts, row-major: table[x * columns + y] is the number of items labelled x by one labeling and y by the other.</param>
    /// <param name="rows">The number of categories of X (≥ 1).</param>
    /// <param name="columns">The number of categories of Y (≥ 1).</param>
    /// <param name="normalization">Arithmetic (default), geometric, min or max mean of the entropies; not <see cref="NmiNormalization.Joint"/>.</param>
    /// <returns>1 when both marginals have a single category (or nothing was counted); otherwise (I − E[I]) / (D − E[I]), with the
    /// denominator kept at least machine epsilon away from 0 as scikit-learn does. May be negative.</returns>
    /// <remarks>E[I] = Σ_ij Σ_n (n/N) ln(N n / (a_i b_j)) · P(n | a_i, b_j, N), P hypergeometric, summed in log space with
    /// ln Γ; the work is Σ_ij min(a_i, b_j) terms.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">rows or columns is below 1, or normalization is <see cref="NmiNormalization.Joint"/> or unknown.</exception>
    /// <exception cref="ArgumentException">table.Length ≠ rows·columns, a count is negative, or the counts sum past <see cref="long.MaxValue"/>.</exception>
    public static double AdjustedMutualInformation(ReadOnlySpan<long> table, int rows, int columns,
        NmiNormalization normalization = NmiNormalization.Arithmetic)
    {
        CheckAdjustedNormalization(normalization);
        double n = PrepareCounts(table, rows, columns);
        var (rowSums, columnSums) = CountMarginals(table, rows, columns);
        long[] a = [.. rowSums.Where(s => s > 0)];
        long[] b = [.. columnSums.Where(s => s > 0)];
        // scikit-learn's limit case: no split on either side is a perfect match.
        if (a.Length <= 1 && b.Length <= 1) return 1;

        double mi = Math.Max(MutualInformationNats(table, rows, columns, n), 0);
        double emi = ExpectedMutualInformationNats(a, b, (long)n);
        double hx = Discrete.EntropyNats(a, (long)n, LargestIndex(a));
        double hy = Discrete.EntropyNats(b, (long)n, LargestIndex(b));
        double mean = normalization switch
        {
            NmiNormalization.Arithmetic => 0.5 * (hx + hy),
            NmiNormalization.Geometric => Math.Sqrt(hx * hy),
            NmiNormalization.Min => Math.Min(hx, hy),
            _ => Math.Max(hx, hy),
        };
        double denominator = mean - emi;
        denominator = denominator < 0 ? Math.Min(denominator, -Eps) : Math.Max(denominator, Eps);
        return (mi - emi) / denominator;
    }

    /// <summary>numpy's <c>finfo(float64).eps</c>, the floor scikit-learn puts under |D − E[I]|.</summary>
    private const double Eps = 2.220446049250313e-16;

    /// <summary>
    /// E[I(X;Y)] in nats for N items with row sums <paramref name="a"/> and column sums <paramref name="b"/> (all positive):
    /// Σ_ij Σ_{n = max(1, a_i + b_j − N)}^{min(a_i, b_j)} (n/N) ln(N n / (a_i b_j)) · a_i! b_j! (N−a_i)! (N−b_j)! /
    /// (N! n! (a_i−n)! (b_j−n)! (N−a_i−b_j+n)!). 0 when either side has a single category.
    /// </summary>
    internal static double ExpectedMutualInformationNats(ReadOnlySpan<long> a, ReadOnlySpan<long> b, long total)
    {
        if (a.Length == 1 || b.Length == 1) return 0;
        double n = total, logN = Math.Log(n), logFactN = LogFactorial.Of(total);
        CompensatedSum emi = default;
        foreach (long ai in a)
        {
            double logA = Math.Log(ai), fixedA = LogFactorial.Of(ai) + LogFactorial.Of(total - ai);
            foreach (long bj in b)
            {
                double logB = Math.Log(bj), fixedAb = fixedA + LogFactorial.Of(bj) + LogFactorial.Of(total - bj) - logFactN;
                long start = Math.Max(1, ai + bj - total), end = Math.Min(ai, bj);
                for (long k = start; k <= end; k++)
                {
                    double logProbability = fixedAb - LogFactorial.Of(k) - LogFactorial.Of(ai - k) - LogFactorial.Of(bj - k)
                                            - LogFactorial.Of(total - ai - bj + k);
                    emi.Add(k / n * (logN + Math.Log(k) - logA - logB) * Math.Exp(logProbability));
                }
            }
        }
        return emi.Value;
    }

    private static int LargestIndex(ReadOnlySpan<long> counts)
    {
        int largest = 0;
        for (int i = 1; i < counts.Length; i++)
            if (counts[i] > counts[largest]) largest = i;
        return largest;
    }

    private static void CheckAdjustedNormalization(NmiNormalization normalization)
    {
        if (normalization is not (NmiNormalization.Arithmetic or NmiNormalization.Geometric or NmiNormalization.Min or NmiNormalization.Max))
            ThrowHelper.ThrowArgumentOutOfRange(nameof(normalization), (double)normalization,
                "adjusted mutual information averages the entropies arithmetically, geometrically, by min or by max (the joint normalization has no fixed expectation)");
    }

    /// <summary>Counts the pairs (x_i, y_i) with the one categorical counter; returns the K_X × K_Y table (0 × 0 when empty).</summary>
    private static (long[] Counts, int Rows, int Columns) CountLabels<TLabel>(ReadOnlySpan<TLabel> labelsX, ReadOnlySpan<TLabel> labelsY,
        IEqualityComparer<TLabel>? comparer) where TLabel : notnull
    {
        if (labelsX.Length != labelsY.Length) ThrowHelper.ThrowLengthMismatch(nameof(labelsX), labelsX.Length, nameof(labelsY), labelsY.Length);
        if (labelsX.IsEmpty) return ([], 0, 0);
        var counter = new ContingencyCounter<TLabel>(2, comparer);
        var pair = new TLabel[2];
        for (int i = 0; i < labelsX.Length; i++)
        {
            pair[0] = labelsX[i];
            pair[1] = labelsY[i];
            counter.Add(pair);
        }
        var table = counter.Table;
        return (table.Counts.ToArray(), table.Shape[0], table.Shape[1]);
    }
}
