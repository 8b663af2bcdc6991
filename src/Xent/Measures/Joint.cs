using System.Numerics;
using Xent.Numerics;

namespace Xent.Measures;

/// <summary>
/// Information measures of a joint distribution given as a table of counts or probabilities: joint and conditional entropy,
/// mutual information (plain, normalized, as information gain) and conditional mutual information.
/// </summary>
/// <remarks>
/// <para>Layout. A 2-way table of X (rows) and Y (columns) is row-major: cell (x, y) is <c>table[x * columns + y]</c>.
/// A 3-way table of X, Y, Z is row-major too: cell (x, y, z) is <c>table[(x * ny + y) * nz + z]</c>.</para>
/// <para>Counts. A <c>ReadOnlySpan&lt;long&gt;</c> table holds counts (each ≥ 0, total ≤ <see cref="long.MaxValue"/>): it is
/// divided by its total exactly, with no options. An empty table (every cell 0: nothing was counted) gives 0 for every
/// measure (and NMI 1, scikit-learn's value for two constant labelings).</para>
/// <para>Probabilities. A table of <c>double</c>, <c>float</c> (or another IEEE type) holds entries finite and ≥ 0, else
/// <see cref="ArgumentException"/> naming the index and value. The sum follows <see cref="MeasureOptions.Normalization"/> as in
/// <see cref="Discrete"/>: probabilities must sum to 1 under the default <see cref="Normalization.Require"/>;
/// <see cref="Normalization.Renormalize"/> divides nonnegative weights by their total; <see cref="Normalization.AsIs"/> uses
/// the entries as probabilities whatever they sum to. Clip and smoothing do not apply.</para>
/// <para>Units. Every <see cref="Information"/> is in the unit of the <see cref="LogBase"/> given, bits by default.</para>
/// <para>Numerics. Conditional entropy and (conditional) mutual information are summed term by term in their own form,
/// Σ p(x,y) log(p(x) / p(x,y)) and Σ p(x,y) log(p(x,y) / (p(x) p(y))), not as differences of entropies, so a mutual information
/// near 0 keeps its digits; results that round below 0 are returned as 0. 0·log 0 = 0; sums are compensated.</para>
/// </remarks>
public static partial class Joint
{
    /// <summary>Validates the shape, the entries and the sum; returns the divisor n that turns entries into probabilities (Σ under Renormalize, else 1).</summary>
    private static double Prepare<T>(ReadOnlySpan<T> table, long cells, string shape, MeasureOptions? options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (table.Length != cells) ThrowHelper.ThrowShapeMismatch(nameof(table), table.Length, shape, cells);
        options ??= MeasureOptions.Default;
        CompensatedSum sum = default;
        bool invalid = false;
        foreach (T entry in table)
        {
            double c = double.CreateTruncating(entry);
            invalid |= !(c >= 0) || double.IsPositiveInfinity(c);
            sum.Add(c);
        }
        if (invalid) Discrete.ThrowFirstInvalid(table, nameof(table));
        Discrete.LogNormalizer(sum.Value, options, nameof(table));
        return options.Normalization == Normalization.Renormalize ? sum.Value : 1;
    }

    /// <summary>Validates the shape and the counts; returns their total N (the divisor), 0 when nothing was counted.</summary>
    private static double PrepareCounts(ReadOnlySpan<long> table, long cells, string shape)
    {
        if (table.Length != cells) ThrowHelper.ThrowShapeMismatch(nameof(table), table.Length, shape, cells);
        return Discrete.CheckCounts(table, nameof(table)).Total;
    }

    private static void CheckDimension(int size, string name)
    {
        if (size < 1) ThrowHelper.ThrowArgumentOutOfRange(name, size, "a table dimension must be at least 1");
    }

    private static (long Cells, string Shape) Shape(int rows, int columns)
    {
        CheckDimension(rows, nameof(rows));
        CheckDimension(columns, nameof(columns));
        return ((long)rows * columns, $"{rows} × {columns}");
    }

    private static (long Cells, string Shape) Shape(int nx, int ny, int nz)
    {
        CheckDimension(nx, nameof(nx));
        CheckDimension(ny, nameof(ny));
        CheckDimension(nz, nameof(nz));
        return ((long)nx * ny * nz, $"{nx} × {ny} × {nz}");
    }

    /// <summary><see cref="Prepare{T}(ReadOnlySpan{T}, long, string, MeasureOptions?)"/> for a rows × columns table, dimensions checked first.</summary>
    private static double Prepare<T>(ReadOnlySpan<T> table, int rows, int columns, MeasureOptions? options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (cells, shape) = Shape(rows, columns);
        return Prepare(table, cells, shape, options);
    }

    /// <summary><see cref="PrepareCounts(ReadOnlySpan{long}, long, string)"/> for a rows × columns table, dimensions checked first.</summary>
    private static double PrepareCounts(ReadOnlySpan<long> table, int rows, int columns)
    {
        var (cells, shape) = Shape(rows, columns);
        return PrepareCounts(table, cells, shape);
    }

    /// <summary>Row sums r_x = Σ_y c(x,y) and column sums k_y = Σ_x c(x,y), compensated (exact for counts below 2^53).</summary>
    private static (double[] Rows, double[] Columns) Marginals<T>(ReadOnlySpan<T> table, int rows, int columns) where T : unmanaged, INumberBase<T>
    {
        var rowSums = new double[rows];
        var columnSums = new CompensatedSum[columns];
        for (int x = 0; x < rows; x++)
        {
            CompensatedSum r = default;
            var row = table.Slice(x * columns, columns);
            for (int y = 0; y < columns; y++)
            {
                double c = double.CreateTruncating(row[y]);
                r.Add(c);
                columnSums[y].Add(c);
            }
            rowSums[x] = r.Value;
        }
        var columnTotals = new double[columns];
        for (int y = 0; y < columns; y++) columnTotals[y] = columnSums[y].Value;
        return (rowSums, columnTotals);
    }

    /// <summary>Row and column sums of a validated count table, exact.</summary>
    private static (long[] Rows, long[] Columns) CountMarginals(ReadOnlySpan<long> table, int rows, int columns)
    {
        var rowSums = new long[rows];
        var columnSums = new long[columns];
        for (int x = 0; x < rows; x++)
            for (int y = 0; y < columns; y++)
            {
                long c = table[x * columns + y];
                rowSums[x] += c;
                columnSums[y] += c;
            }
        return (rowSums, columnSums);
    }

    /// <summary>
    /// Σ (c/n) ln(m / c) with m the marginal of the conditioning variable: H(Y|X) in nats when <paramref name="givenRows"/>
    /// (m = r_x), H(X|Y) otherwise (m = k_y). The divisor n cancels inside the logarithm. Every term is ≥ 0.
    /// </summary>
    private static double ConditionalEntropyNats<T>(ReadOnlySpan<T> table, int columns, ReadOnlySpan<double> given, bool givenRows, double divisor)
        where T : unmanaged, INumberBase<T>
    {
        CompensatedSum sum = default;
        for (int i = 0; i < table.Length; i++)
        {
            double c = double.CreateTruncating(table[i]);
            if (c > 0) sum.Add(c / divisor * Math.Log(given[givenRows ? i / columns : i % columns] / c));
        }
        return sum.Value;
    }

    /// <summary>Σ (c/n) ln(c·n / (r_x k_y)): I(X;Y) in nats, before any clamp (terms of both signs; tests check I ≥ 0 on it).</summary>
    internal static double MutualInformationNats<T>(ReadOnlySpan<T> table, int columns, ReadOnlySpan<double> rowSums, ReadOnlySpan<double> columnSums, double divisor)
        where T : unmanaged, INumberBase<T>
    {
        CompensatedSum sum = default;
        for (int i = 0; i < table.Length; i++)
        {
            double c = double.CreateTruncating(table[i]);
            if (c > 0) sum.Add(c / divisor * Math.Log(c * divisor / (rowSums[i / columns] * columnSums[i % columns])));
        }
        return sum.Value;
    }

    /// <summary>I(X;Y) in nats of a rows × columns table with divisor n, unclamped (for the property tests).</summary>
    internal static double MutualInformationNats<T>(ReadOnlySpan<T> table, int rows, int columns, double divisor) where T : unmanaged, INumberBase<T>
    {
        var (rowSums, columnSums) = Marginals(table, rows, columns);
        return MutualInformationNats(table, columns, rowSums, columnSums, divisor);
    }

    /// <summary>Σ (c/n) ln(c·z / (xz·yz)): I(X;Y|Z) in nats of an nx × ny × nz table with divisor n, before any clamp.</summary>
    internal static double ConditionalMutualInformationNats<T>(ReadOnlySpan<T> table, int nx, int ny, int nz, double divisor)
        where T : unmanaged, INumberBase<T>
    {
        var xz = new CompensatedSum[nx * nz];
        var yz = new CompensatedSum[ny * nz];
        var z = new CompensatedSum[nz];
        for (int x = 0; x < nx; x++)
            for (int y = 0; y < ny; y++)
                for (int k = 0; k < nz; k++)
                {
                    double c = double.CreateTruncating(table[(x * ny + y) * nz + k]);
                    xz[x * nz + k].Add(c);
                    yz[y * nz + k].Add(c);
                    z[k].Add(c);
                }

        CompensatedSum sum = default;
        for (int x = 0; x < nx; x++)
            for (int y = 0; y < ny; y++)
                for (int k = 0; k < nz; k++)
                {
                    double c = double.CreateTruncating(table[(x * ny + y) * nz + k]);
                    if (c > 0) sum.Add(c / divisor * Math.Log(c * z[k].Value / (xz[x * nz + k].Value * yz[y * nz + k].Value)));
                }
        return sum.Value;
    }
}
