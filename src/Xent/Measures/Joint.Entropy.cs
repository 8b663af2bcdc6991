using System.Numerics;

namespace Xent.Measures;

public static partial class Joint
{
    /// <summary>
    /// Joint entropy H(X,Y) = −Σ_{x,y} p(x,y) log p(x,y) of a rows × columns probability table (X indexes rows, Y columns),
    /// in the unit of <paramref name="logBase"/> (bits by default).
    /// </summary>
    /// <remarks>The same as <see cref="Discrete.Entropy{T}(ReadOnlySpan{T}, LogBase, MeasureOptions?)"/> of the flattened table. 0·log 0 = 0.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">rows or columns is below 1.</exception>
    /// <exception cref="ArgumentException">table.Length ≠ rows·columns, an entry is NaN, infinite or negative, or the sum breaks the normalization policy.</exception>
    /// <param name="table">The joint probabilities p(x, y), row-major: cell (x, y) at table[x * columns + y] (finite, ≥ 0).</param>
    /// <param name="rows">The number of categories of X (≥ 1).</param>
    /// <param name="columns">The number of categories of Y (≥ 1).</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    /// <param name="options">Normalization policy, tolerance, clipping, smoothing and threads; <see cref="MeasureOptions.Default"/> when null.</param>
    public static Information Entropy<T>(ReadOnlySpan<T> table, int rows, int columns, LogBase logBase = default, MeasureOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Prepare(table, rows, columns, options);
        return Discrete.Entropy(table, logBase, options);
    }

    /// <summary>
    /// Joint entropy H(X,Y) of a rows × columns count table, in the unit of <paramref name="logBase"/> (bits by default):
    /// <see cref="Discrete.Entropy(ReadOnlySpan{long}, LogBase)"/> of the flattened table; 0 when nothing was counted.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">rows or columns is below 1.</exception>
    /// <exception cref="ArgumentException">table.Length ≠ rows·columns, a count is negative, or the counts sum past <see cref="long.MaxValue"/>.</exception>
    /// <param name="table">Joint counts n(x, y), row-major: cell (x, y) at table[x * columns + y] (each ≥ 0).</param>
    /// <param name="rows">The number of categories of X (≥ 1).</param>
    /// <param name="columns">The number of categories of Y (≥ 1).</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information Entropy(ReadOnlySpan<long> table, int rows, int columns, LogBase logBase = default)
    {
        PrepareCounts(table, rows, columns);
        return Discrete.Entropy(table, logBase);
    }

    /// <summary>
    /// Conditional entropy H(Y|X) = −Σ_{x,y} p(x,y) log p(y|x) = H(X,Y) − H(X) of a probability table: what remains unknown
    /// about the column variable Y once the row variable X is known, in the unit of <paramref name="logBase"/> (bits by default).
    /// For H(X|Y), pass the transposed table.
    /// </summary>
    /// <remarks>Computed as Σ p(x,y) log(p(x)/p(x,y)), each term ≥ 0. 0 ≤ H(Y|X) ≤ H(Y).</remarks>
    /// <exception cref="ArgumentOutOfRangeException">rows or columns is below 1.</exception>
    /// <exception cref="ArgumentException">table.Length ≠ rows·columns, an entry is NaN, infinite or negative, or the sum breaks the normalization policy.</exception>
    /// <param name="table">The joint probabilities p(x, y), row-major: cell (x, y) at table[x * columns + y] (finite, ≥ 0).</param>
    /// <param name="rows">The number of categories of X (≥ 1).</param>
    /// <param name="columns">The number of categories of Y (≥ 1).</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    /// <param name="options">Normalization policy, tolerance, clipping, smoothing and threads; <see cref="MeasureOptions.Default"/> when null.</param>
    public static Information ConditionalEntropy<T>(ReadOnlySpan<T> table, int rows, int columns, LogBase logBase = default, MeasureOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        ConditionalEntropyCore(table, rows, columns, Prepare(table, rows, columns, options), logBase);

    /// <summary>Conditional entropy H(Y|X) of a rows × columns count table, in the unit of <paramref name="logBase"/> (bits by default); 0 when nothing was counted.</summary>
    /// <exception cref="ArgumentOutOfRangeException">rows or columns is below 1.</exception>
    /// <exception cref="ArgumentException">table.Length ≠ rows·columns, a count is negative, or the counts sum past <see cref="long.MaxValue"/>.</exception>
    /// <param name="table">Joint counts n(x, y), row-major: cell (x, y) at table[x * columns + y] (each ≥ 0).</param>
    /// <param name="rows">The number of categories of X (≥ 1).</param>
    /// <param name="columns">The number of categories of Y (≥ 1).</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information ConditionalEntropy(ReadOnlySpan<long> table, int rows, int columns, LogBase logBase = default) =>
        ConditionalEntropyCore(table, rows, columns, PrepareCounts(table, rows, columns), logBase);

    private static Information ConditionalEntropyCore<T>(ReadOnlySpan<T> table, int rows, int columns, double divisor, LogBase logBase)
        where T : unmanaged, INumberBase<T>
    {
        var (rowSums, _) = Marginals(table, rows, columns);
        return Information.FromNats(Math.Max(ConditionalEntropyNats(table, columns, rowSums, givenRows: true, divisor), 0), logBase);
    }

    /// <summary>
    /// Every entropy of a rows × columns probability table at once, in the unit of <paramref name="logBase"/> (bits by default):
    /// H(X), H(Y), H(X,Y), H(Y|X), H(X|Y) and I(X;Y), each computed in its own form (see <see cref="Joint"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">rows or columns is below 1.</exception>
    /// <exception cref="ArgumentException">table.Length ≠ rows·columns, an entry is NaN, infinite or negative, or the sum breaks the normalization policy.</exception>
    /// <param name="table">The joint probabilities p(x, y), row-major: cell (x, y) at table[x * columns + y] (finite, ≥ 0).</param>
    /// <param name="rows">The number of categories of X (≥ 1).</param>
    /// <param name="columns">The number of categories of Y (≥ 1).</param>
    /// <param name="logBase">The unit of every figure: bits (the default), nats, hartleys or any base &gt; 1.</param>
    /// <param name="options">Normalization policy, tolerance, clipping, smoothing and threads; <see cref="MeasureOptions.Default"/> when null.</param>
    public static JointEntropies Summarize<T>(ReadOnlySpan<T> table, int rows, int columns, LogBase logBase = default, MeasureOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double n = Prepare(table, rows, columns, options);
        var (rowSums, columnSums) = Marginals(table, rows, columns);
        return Summary(table, columns, rowSums, columnSums, n, logBase,
            Discrete.Entropy(rowSums, logBase, options), Discrete.Entropy(columnSums, logBase, options), Discrete.Entropy(table, logBase, options));
    }

    /// <summary>
    /// Every entropy of a rows × columns count table at once, in the unit of <paramref name="logBase"/> (bits by default);
    /// the marginal and joint entropies are those of the (exact) marginal and cell counts. All 0 when nothing was counted.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">rows or columns is below 1.</exception>
    /// <exception cref="ArgumentException">table.Length ≠ rows·columns, a count is negative, or the counts sum past <see cref="long.MaxValue"/>.</exception>
    /// <param name="logBase">The unit of every figure: bits (the default), nats, hartleys or any base &gt; 1.</param>
    /// <param name="table">Joint counts n(x, y), row-major: cell (x, y) at table[x * columns + y] (each ≥ 0).</param>
    /// <param name="rows">The number of categories of X (≥ 1).</param>
    /// <param name="columns">The number of categories of Y (≥ 1).</param>
    public static JointEntropies Summarize(ReadOnlySpan<long> table, int rows, int columns, LogBase logBase = default)
    {
        double n = PrepareCounts(table, rows, columns);
        var (rowCounts, columnCounts) = CountMarginals(table, rows, columns);
        var (rowSums, columnSums) = Marginals(table, rows, columns);
        return Summary(table, columns, rowSums, columnSums, n, logBase,
            Discrete.Entropy(rowCounts, logBase), Discrete.Entropy(columnCounts, logBase), Discrete.Entropy(table, logBase));
    }

    private static JointEntropies Summary<T>(ReadOnlySpan<T> table, int columns, double[] rowSums, double[] columnSums, double n, LogBase logBase,
        Information rowEntropy, Information columnEntropy, Information jointEntropy) where T : unmanaged, INumberBase<T> =>
        new(rowEntropy, columnEntropy, jointEntropy,
            Information.FromNats(Math.Max(ConditionalEntropyNats(table, columns, rowSums, givenRows: true, n), 0), logBase),
            Information.FromNats(Math.Max(ConditionalEntropyNats(table, columns, columnSums, givenRows: false, n), 0), logBase),
            Information.FromNats(Math.Max(MutualInformationNats(table, columns, rowSums, columnSums, n), 0), logBase));
}
