using System.Numerics;

namespace Xent.Measures;

public static partial class Joint
{
    /// <summary>
    /// Mutual information I(X;Y) = Σ_{x,y} p(x,y) log(p(x,y) / (p(x) p(y))) = H(X) + H(Y) − H(X,Y) of a rows × columns
    /// probability table (X indexes rows, Y columns), in the unit of <paramref name="logBase"/> (bits by default): what
    /// knowing one variable tells about the other.
    /// </summary>
    /// <remarks>0 ≤ I ≤ min(H(X), H(Y)); 0 exactly when the table is an outer product (X and Y independent). A result that
    /// rounds below 0 is returned as 0.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">rows or columns is below 1.</exception>
    /// <exception cref="ArgumentException">table.Length ≠ rows·columns, an entry is NaN, infinite or negative, or the sum breaks the normalization policy.</exception>
    /// <param name="table">The rows × columns table, row-major: cell (x, y) at table[x * columns + y].</param>
    /// <param name="rows">The number of categories of X (≥ 1).</param>
    /// <param name="columns">The number of categories of Y (≥ 1).</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    /// <param name="options">Normalization policy, tolerance, clipping, smoothing and threads; <see cref="MeasureOptions.Default"/> when null.</param>
    public static Information MutualInformation<T>(ReadOnlySpan<T> table, int rows, int columns, LogBase logBase = default, MeasureOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Information.FromNats(Math.Max(MutualInformationNats(table, rows, columns, Prepare(table, rows, columns, options)), 0), logBase);

    /// <summary>
    /// Mutual information I(X;Y) of a rows × columns count table, in the unit of <paramref name="logBase"/> (bits by default);
    /// 0 when nothing was counted. Same form and clamp as the probability overload.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">rows or columns is below 1.</exception>
    /// <exception cref="ArgumentException">table.Length ≠ rows·columns, a count is negative, or the counts sum past <see cref="long.MaxValue"/>.</exception>
    /// <param name="table">Counts, row-major: table[x * columns + y] (each ≥ 0).</param>
    /// <param name="rows">The number of categories of X (≥ 1).</param>
    /// <param name="columns">The number of categories of Y (≥ 1).</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information MutualInformation(ReadOnlySpan<long> table, int rows, int columns, LogBase logBase = default) =>
        Information.FromNats(Math.Max(MutualInformationNats(table, rows, columns, PrepareCounts(table, rows, columns)), 0), logBase);

    /// <summary>
    /// Information gain of a split, as decision trees (ID3, C4.5) score it: IG = H(Y) − H(Y|X) = H(Y) − Σ_x p(x) H(Y | X = x),
    /// where each row x is a branch of the split and each column y a class label, so table[x * columns + y] is the
    /// probability (or, with <see cref="Normalization.Renormalize"/>, the weight) of class y in branch x. In the unit of
    /// <paramref name="logBase"/> (bits by default). For counts, use the <c>long</c> overload.
    /// </summary>
    /// <remarks>Information gain is the mutual information between the split and the label, and is computed as such
    /// (term by term, without cancellation).</remarks>
    /// <exception cref="ArgumentOutOfRangeException">rows or columns is below 1.</exception>
    /// <exception cref="ArgumentException">table.Length ≠ rows·columns, an entry is NaN, infinite or negative, or the sum breaks the normalization policy.</exception>
    /// <param name="table">Branch × class probabilities (or weights), row-major.</param>
    /// <param name="rows">The number of branches of the split (≥ 1).</param>
    /// <param name="columns">The number of classes (≥ 1).</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    /// <param name="options">Normalization policy, tolerance, clipping, smoothing and threads; <see cref="MeasureOptions.Default"/> when null.</param>
    public static Information InformationGain<T>(ReadOnlySpan<T> table, int rows, int columns, LogBase logBase = default, MeasureOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        MutualInformation(table, rows, columns, logBase, options);

    /// <summary>
    /// Information gain of a split from counts: table[x * columns + y] is the number of class-y items in branch x. In the unit
    /// of <paramref name="logBase"/> (bits by default); 0 when nothing was counted.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">rows or columns is below 1.</exception>
    /// <exception cref="ArgumentException">table.Length ≠ rows·columns, a count is negative, or the counts sum past <see cref="long.MaxValue"/>.</exception>
    /// <param name="table">Branch × class counts, row-major (each ≥ 0).</param>
    /// <param name="rows">The number of branches of the split (≥ 1).</param>
    /// <param name="columns">The number of classes (≥ 1).</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information InformationGain(ReadOnlySpan<long> table, int rows, int columns, LogBase logBase = default) =>
        MutualInformation(table, rows, columns, logBase);

    /// <summary>
    /// Normalized mutual information NMI = I(X;Y) / D in [0, 1] of a probability table, with D = (H(X) + H(Y))/2 by default
    /// (scikit-learn's <c>normalized_mutual_info_score</c>) or another denominator from <see cref="NmiNormalization"/>.
    /// Unitless: the same in every base.
    /// </summary>
    /// <remarks>Degenerate cases, as scikit-learn: when both H(X) and H(Y) are 0 (one row and one column in the support,
    /// two identical constant labelings) NMI is 1; otherwise when I = 0 or D = 0, NMI is 0. The result is clamped to [0, 1].</remarks>
    /// <exception cref="ArgumentOutOfRangeException">rows or columns is below 1.</exception>
    /// <exception cref="ArgumentException">table.Length ≠ rows·columns, an entry is NaN, infinite or negative, or the sum breaks the normalization policy.</exception>
    /// <param name="table">The rows × columns table, row-major: cell (x, y) at table[x * columns + y].</param>
    /// <param name="rows">The number of categories of X (≥ 1).</param>
    /// <param name="columns">The number of categories of Y (≥ 1).</param>
    /// <param name="normalization">The denominator D; <see cref="NmiNormalization.Arithmetic"/> (scikit-learn's default) when omitted.</param>
    /// <param name="options">Normalization policy, tolerance, clipping, smoothing and threads; <see cref="MeasureOptions.Default"/> when null.</param>
    public static double NormalizedMutualInformation<T>(ReadOnlySpan<T> table, int rows, int columns,
        NmiNormalization normalization = NmiNormalization.Arithmetic, MeasureOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Summarize(table, rows, columns, LogBase.Nats, options).Normalized(normalization);

    /// <summary>Normalized mutual information of a count table (unitless, degenerate cases as the probability overload; 1 when nothing was counted).</summary>
    /// <exception cref="ArgumentOutOfRangeException">rows or columns is below 1.</exception>
    /// <exception cref="ArgumentException">table.Length ≠ rows·columns, a count is negative, or the counts sum past <see cref="long.MaxValue"/>.</exception>
    /// <param name="table">Counts, row-major (each ≥ 0).</param>
    /// <param name="rows">The number of categories of X (≥ 1).</param>
    /// <param name="columns">The number of categories of Y (≥ 1).</param>
    /// <param name="normalization">The denominator D; <see cref="NmiNormalization.Arithmetic"/> (scikit-learn's default) when omitted.</param>
    public static double NormalizedMutualInformation(ReadOnlySpan<long> table, int rows, int columns,
        NmiNormalization normalization = NmiNormalization.Arithmetic) =>
        Summarize(table, rows, columns, LogBase.Nats).Normalized(normalization);

    /// <summary>I / D for the chosen denominator, with the degenerate cases of <see cref="NormalizedMutualInformation{T}(ReadOnlySpan{T}, int, int, NmiNormalization, MeasureOptions?)"/>.</summary>
    internal static double Normalize(double mi, double hx, double hy, double hxy, NmiNormalization normalization)
    {
        if (hx == 0 && hy == 0) return 1;
        double denominator = normalization switch
        {
            NmiNormalization.Arithmetic => 0.5 * (hx + hy),
            NmiNormalization.Geometric => Math.Sqrt(hx * hy),
            NmiNormalization.Min => Math.Min(hx, hy),
            NmiNormalization.Max => Math.Max(hx, hy),
            NmiNormalization.Joint => hxy,
            _ => throw new ArgumentOutOfRangeException(nameof(normalization), normalization, "unknown NMI normalization"),
        };
        if (mi == 0 || denominator == 0) return 0;
        return Math.Clamp(mi / denominator, 0, 1);
    }

    /// <summary>
    /// Conditional mutual information I(X;Y|Z) = Σ_{x,y,z} p(x,y,z) log(p(z) p(x,y,z) / (p(x,z) p(y,z))) of an
    /// nx × ny × nz probability table (cell (x, y, z) at <c>table[(x * ny + y) * nz + z]</c>), in the unit of
    /// <paramref name="logBase"/> (bits by default): what X tells about Y once Z is known.
    /// </summary>
    /// <remarks>I(X;Y|Z) ≥ 0, = 0 exactly when X and Y are independent given every z; the chain rule
    /// I(X;Y,Z) = I(X;Z) + I(X;Y|Z) holds. nz = 1 gives I(X;Y). A result that rounds below 0 is returned as 0.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is below 1.</exception>
    /// <exception cref="ArgumentException">table.Length ≠ nx·ny·nz, an entry is NaN, infinite or negative, or the sum breaks the normalization policy.</exception>
    /// <param name="table">The nx × ny × nz table, cell (x, y, z) at table[(x * ny + y) * nz + z].</param>
    /// <param name="nx">Categories of X (≥ 1).</param>
    /// <param name="ny">Categories of Y (≥ 1).</param>
    /// <param name="nz">Categories of Z, the conditioning variable (≥ 1).</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    /// <param name="options">Normalization policy, tolerance, clipping, smoothing and threads; <see cref="MeasureOptions.Default"/> when null.</param>
    public static Information ConditionalMutualInformation<T>(ReadOnlySpan<T> table, int nx, int ny, int nz, LogBase logBase = default, MeasureOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (cells, shape) = Shape(nx, ny, nz);
        double n = Prepare(table, cells, shape, options);
        return Information.FromNats(Math.Max(ConditionalMutualInformationNats(table, nx, ny, nz, n), 0), logBase);
    }

    /// <summary>Conditional mutual information I(X;Y|Z) of an nx × ny × nz count table, in the unit of <paramref name="logBase"/> (bits by default); 0 when nothing was counted.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is below 1.</exception>
    /// <exception cref="ArgumentException">table.Length ≠ nx·ny·nz, a count is negative, or the counts sum past <see cref="long.MaxValue"/>.</exception>
    /// <param name="table">Counts of the nx × ny × nz table, row-major (each ≥ 0).</param>
    /// <param name="nx">Categories of X (≥ 1).</param>
    /// <param name="ny">Categories of Y (≥ 1).</param>
    /// <param name="nz">Categories of Z (≥ 1).</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information ConditionalMutualInformation(ReadOnlySpan<long> table, int nx, int ny, int nz, LogBase logBase = default)
    {
        var (cells, shape) = Shape(nx, ny, nz);
        double n = PrepareCounts(table, cells, shape);
        return Information.FromNats(Math.Max(ConditionalMutualInformationNats(table, nx, ny, nz, n), 0), logBase);
    }
}
