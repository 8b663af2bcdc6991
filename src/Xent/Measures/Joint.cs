using Xent.Numerics;

namespace Xent.Measures;

/// <summary>
/// Information measures of a joint distribution given as a table of counts or probabilities: joint and conditional entropy,
/// mutual information (plain, normalized, as information gain) and conditional mutual information.
/// </summary>
/// <remarks>
/// <para>Layout. A 2-way table of X (rows) and Y (columns) is row-major: cell (x, y) is <c>table[x * columns + y]</c>.
/// A 3-way table of X, Y, Z is row-major too: cell (x, y, z) is <c>table[(x * ny + y) * nz + z]</c>.</para>
/// <para>Entries. Finite and ≥ 0, else <see cref="ArgumentException"/> naming the index and value. The sum follows
/// <see cref="MeasureOptions.Normalization"/> as in <see cref="Discrete"/>: probabilities must sum to 1 under the default
/// <see cref="Normalization.Require"/>; counts need <see cref="Normalization.Renormalize"/> (the table is divided by its total);
/// <see cref="Normalization.AsIs"/> uses the entries as probabilities whatever they sum to. Clip and smoothing do not apply.</para>
/// <para>Numerics. Conditional entropy and (conditional) mutual information are summed term by term in their own form,
/// Σ p(x,y) log(p(x) / p(x,y)) and Σ p(x,y) log(p(x,y) / (p(x) p(y))), not as differences of entropies, so a mutual information
/// near 0 keeps its digits; results that round below 0 are returned as 0. 0·log 0 = 0; sums are compensated.</para>
/// </remarks>
public static partial class Joint
{
    /// <summary>Validates the shape, the entries and the sum; returns the divisor n that turns entries into probabilities (Σ under Renormalize, else 1).</summary>
    private static double Prepare(ReadOnlySpan<double> table, long cells, string shape, MeasureOptions? options)
    {
        if (table.Length != cells) ThrowHelper.ThrowShapeMismatch(nameof(table), table.Length, shape, cells);
        options ??= MeasureOptions.Default;
        CompensatedSum sum = default;
        bool invalid = false;
        foreach (double c in table)
        {
            invalid |= !(c >= 0) || double.IsPositiveInfinity(c);
            sum.Add(c);
        }
        if (invalid) Discrete.ThrowFirstInvalid(table, nameof(table));
        Discrete.LogNormalizer(sum.Value, options, nameof(table));
        return options.Normalization == Normalization.Renormalize ? sum.Value : 1;
    }

    private static void CheckDimension(int size, string name)
    {
        if (size < 1) ThrowHelper.ThrowArgumentOutOfRange(name, size, "a table dimension must be at least 1");
    }

    /// <summary><see cref="Prepare(ReadOnlySpan{double}, long, string, MeasureOptions?)"/> for a rows × columns table, dimensions checked first.</summary>
    private static double Prepare(ReadOnlySpan<double> table, int rows, int columns, MeasureOptions? options)
    {
        CheckDimension(rows, nameof(rows));
        CheckDimension(columns, nameof(columns));
        return Prepare(table, (long)rows * columns, $"{rows} × {columns}", options);
    }

    /// <summary>Row sums r_x = Σ_y c(x,y) and column sums k_y = Σ_x c(x,y), compensated.</summary>
    private static (double[] Rows, double[] Columns) Marginals(ReadOnlySpan<double> table, int rows, int columns)
    {
        var rowSums = new double[rows];
        var columnSums = new CompensatedSum[columns];
        for (int x = 0; x < rows; x++)
        {
            CompensatedSum r = default;
            var row = table.Slice(x * columns, columns);
            for (int y = 0; y < columns; y++)
            {
                r.Add(row[y]);
                columnSums[y].Add(row[y]);
            }
            rowSums[x] = r.Value;
        }
        var columnTotals = new double[columns];
        for (int y = 0; y < columns; y++) columnTotals[y] = columnSums[y].Value;
        return (rowSums, columnTotals);
    }

    /// <summary>
    /// Σ (c/n) ln(m / c) with m the marginal of the conditioning variable: H(Y|X) in nats when <paramref name="givenRows"/>
    /// (m = r_x), H(X|Y) otherwise (m = k_y). The divisor n cancels inside the logarithm.
    /// </summary>
    private static double ConditionalEntropyNats(ReadOnlySpan<double> table, int columns, ReadOnlySpan<double> given, bool givenRows, double divisor)
    {
        CompensatedSum sum = default;
        for (int i = 0; i < table.Length; i++)
        {
            double c = table[i];
            if (c > 0) sum.Add(c / divisor * Math.Log(given[givenRows ? i / columns : i % columns] / c));
        }
        return Math.Max(sum.Value, 0);
    }

    /// <summary>Σ (c/n) ln(c·n / (r_x k_y)): I(X;Y) in nats.</summary>
    private static double MutualInformationNats(ReadOnlySpan<double> table, int columns, ReadOnlySpan<double> rowSums, ReadOnlySpan<double> columnSums, double divisor)
    {
        CompensatedSum sum = default;
        for (int i = 0; i < table.Length; i++)
        {
            double c = table[i];
            if (c > 0) sum.Add(c / divisor * Math.Log(c * divisor / (rowSums[i / columns] * columnSums[i % columns])));
        }
        return Math.Max(sum.Value, 0);
    }
}
