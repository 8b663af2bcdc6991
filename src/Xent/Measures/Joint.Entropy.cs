namespace Xent.Measures;

public static partial class Joint
{
    /// <summary>
    /// Joint entropy H(X,Y) = −Σ_{x,y} p(x,y) log p(x,y) of a rows × columns table (X indexes rows, Y columns),
    /// in the unit of <paramref name="logBase"/> (bits by default).
    /// </summary>
    /// <remarks>The same as <see cref="Discrete.Entropy"/> of the flattened table. 0·log 0 = 0.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">rows or columns is below 1.</exception>
    /// <exception cref="ArgumentException">table.Length ≠ rows·columns, an entry is NaN, infinite or negative, or the sum breaks the normalization policy.</exception>
    public static Information Entropy(ReadOnlySpan<double> table, int rows, int columns, LogBase logBase = default, MeasureOptions? options = null)
    {
        Prepare(table, rows, columns, options);
        return Discrete.Entropy(table, logBase, options);
    }

    /// <summary>
    /// Conditional entropy H(Y|X) = −Σ_{x,y} p(x,y) log p(y|x) = H(X,Y) − H(X): what remains unknown about the column
    /// variable Y once the row variable X is known, in the unit of <paramref name="logBase"/>. For H(X|Y), pass the transposed table.
    /// </summary>
    /// <remarks>Computed as Σ p(x,y) log(p(x)/p(x,y)), each term ≥ 0. 0 ≤ H(Y|X) ≤ H(Y).</remarks>
    /// <exception cref="ArgumentOutOfRangeException">rows or columns is below 1.</exception>
    /// <exception cref="ArgumentException">table.Length ≠ rows·columns, an entry is NaN, infinite or negative, or the sum breaks the normalization policy.</exception>
    public static Information ConditionalEntropy(ReadOnlySpan<double> table, int rows, int columns, LogBase logBase = default, MeasureOptions? options = null)
    {
        double n = Prepare(table, rows, columns, options);
        var (rowSums, _) = Marginals(table, rows, columns);
        return Information.FromNats(ConditionalEntropyNats(table, columns, rowSums, givenRows: true, n), logBase);
    }

    /// <summary>
    /// Every entropy of a rows × columns table at once, in the unit of <paramref name="logBase"/>: H(X), H(Y), H(X,Y),
    /// H(Y|X), H(X|Y) and I(X;Y), each computed in its own form (see <see cref="Joint"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">rows or columns is below 1.</exception>
    /// <exception cref="ArgumentException">table.Length ≠ rows·columns, an entry is NaN, infinite or negative, or the sum breaks the normalization policy.</exception>
    public static JointEntropies Summarize(ReadOnlySpan<double> table, int rows, int columns, LogBase logBase = default, MeasureOptions? options = null)
    {
        double n = Prepare(table, rows, columns, options);
        var (rowSums, columnSums) = Marginals(table, rows, columns);
        return new JointEntropies(
            Discrete.Entropy(rowSums, logBase, options),
            Discrete.Entropy(columnSums, logBase, options),
            Discrete.Entropy(table, logBase, options),
            Information.FromNats(ConditionalEntropyNats(table, columns, rowSums, givenRows: true, n), logBase),
            Information.FromNats(ConditionalEntropyNats(table, columns, columnSums, givenRows: false, n), logBase),
            Information.FromNats(MutualInformationNats(table, columns, rowSums, columnSums, n), logBase));
    }
}
