using Xent.Numerics;

namespace Xent.Measures;

public static partial class Joint
{
    /// <summary>
    /// Mutual information I(X;Y) = Σ_{x,y} p(x,y) log(p(x,y) / (p(x) p(y))) = H(X) + H(Y) − H(X,Y) of a rows × columns table
    /// (X indexes rows, Y columns), in the unit of <paramref name="logBase"/>: what knowing one variable tells about the other.
    /// </summary>
    /// <remarks>0 ≤ I ≤ min(H(X), H(Y)); 0 exactly when the table is an outer product (X and Y independent).</remarks>
    /// <exception cref="ArgumentOutOfRangeException">rows or columns is below 1.</exception>
    /// <exception cref="ArgumentException">table.Length ≠ rows·columns, an entry is NaN, infinite or negative, or the sum breaks the normalization policy.</exception>
    public static Information MutualInformation(ReadOnlySpan<double> table, int rows, int columns, LogBase logBase = default, MeasureOptions? options = null)
    {
        double n = Prepare(table, rows, columns, options);
        var (rowSums, columnSums) = Marginals(table, rows, columns);
        return Information.FromNats(MutualInformationNats(table, columns, rowSums, columnSums, n), logBase);
    }

    /// <summary>
    /// Information gain of a split, as decision trees (ID3, C4.5) score it: IG = H(Y) − H(Y|X) = H(Y) − Σ_x p(x) H(Y | X = x),
    /// where each row x is a branch of the split and each column y a class label, so table[x * columns + y] is the count of
    /// class y in branch x. In the unit of <paramref name="logBase"/>.
    /// </summary>
    /// <remarks>Information gain is the mutual information between the split and the label, and is computed as such
    /// (term by term, without cancellation). Counts need <see cref="Normalization.Renormalize"/>.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">rows or columns is below 1.</exception>
    /// <exception cref="ArgumentException">table.Length ≠ rows·columns, an entry is NaN, infinite or negative, or the sum breaks the normalization policy.</exception>
    public static Information InformationGain(ReadOnlySpan<double> table, int rows, int columns, LogBase logBase = default, MeasureOptions? options = null) =>
        MutualInformation(table, rows, columns, logBase, options);

    /// <summary>
    /// Normalized mutual information NMI = I(X;Y) / D in [0, 1], with D = (H(X) + H(Y))/2 by default (scikit-learn's
    /// <c>normalized_mutual_info_score</c>) or another denominator from <see cref="NmiNormalization"/>. Unitless: the same in every base.
    /// </summary>
    /// <remarks>Degenerate cases, as scikit-learn: when both H(X) and H(Y) are 0 (one row and one column in the support,
    /// two identical constant labelings) NMI is 1; otherwise when I = 0 or D = 0, NMI is 0. The result is clamped to [0, 1].</remarks>
    /// <exception cref="ArgumentOutOfRangeException">rows or columns is below 1.</exception>
    /// <exception cref="ArgumentException">table.Length ≠ rows·columns, an entry is NaN, infinite or negative, or the sum breaks the normalization policy.</exception>
    public static double NormalizedMutualInformation(ReadOnlySpan<double> table, int rows, int columns,
        NmiNormalization normalization = NmiNormalization.Arithmetic, MeasureOptions? options = null) =>
        Summarize(table, rows, columns, LogBase.Nats, options).Normalized(normalization);

    /// <summary>I / D for the chosen denominator, with the degenerate cases of <see cref="NormalizedMutualInformation"/>.</summary>
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
    /// nx × ny × nz table (cell (x, y, z) at <c>table[(x * ny + y) * nz + z]</c>), in the unit of <paramref name="logBase"/>:
    /// what X tells about Y once Z is known.
    /// </summary>
    /// <remarks>I(X;Y|Z) ≥ 0, = 0 exactly when X and Y are independent given every z; the chain rule
    /// I(X;Y,Z) = I(X;Z) + I(X;Y|Z) holds. nz = 1 gives I(X;Y).</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is below 1.</exception>
    /// <exception cref="ArgumentException">table.Length ≠ nx·ny·nz, an entry is NaN, infinite or negative, or the sum breaks the normalization policy.</exception>
    public static Information ConditionalMutualInformation(ReadOnlySpan<double> table, int nx, int ny, int nz, LogBase logBase = default, MeasureOptions? options = null)
    {
        CheckDimension(nx, nameof(nx));
        CheckDimension(ny, nameof(ny));
        CheckDimension(nz, nameof(nz));
        double n = Prepare(table, (long)nx * ny * nz, $"{nx} × {ny} × {nz}", options);

        var xz = new CompensatedSum[nx * nz];
        var yz = new CompensatedSum[ny * nz];
        var z = new CompensatedSum[nz];
        for (int x = 0; x < nx; x++)
            for (int y = 0; y < ny; y++)
                for (int k = 0; k < nz; k++)
                {
                    double c = table[(x * ny + y) * nz + k];
                    xz[x * nz + k].Add(c);
                    yz[y * nz + k].Add(c);
                    z[k].Add(c);
                }

        CompensatedSum sum = default;
        for (int x = 0; x < nx; x++)
            for (int y = 0; y < ny; y++)
                for (int k = 0; k < nz; k++)
                {
                    double c = table[(x * ny + y) * nz + k];
                    if (c > 0) sum.Add(c / n * Math.Log(c * z[k].Value / (xz[x * nz + k].Value * yz[y * nz + k].Value)));
                }
        return Information.FromNats(Math.Max(sum.Value, 0), logBase);
    }
}
