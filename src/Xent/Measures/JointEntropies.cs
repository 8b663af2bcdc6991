namespace Xent.Measures;

/// <summary>
/// The entropies of a joint table of X (rows) and Y (columns), all in one unit: what <see cref="Joint.Summarize{T}(ReadOnlySpan{T}, int, int, LogBase, MeasureOptions?)"/> returns.
/// </summary>
/// <param name="RowEntropy">H(X), the entropy of the row marginal.</param>
/// <param name="ColumnEntropy">H(Y), the entropy of the column marginal.</param>
/// <param name="JointEntropy">H(X,Y).</param>
/// <param name="ColumnGivenRow">H(Y|X) = H(X,Y) − H(X).</param>
/// <param name="RowGivenColumn">H(X|Y) = H(X,Y) − H(Y).</param>
/// <param name="MutualInformation">I(X;Y) = H(X) + H(Y) − H(X,Y) ≥ 0.</param>
public readonly record struct JointEntropies(
    Information RowEntropy,
    Information ColumnEntropy,
    Information JointEntropy,
    Information ColumnGivenRow,
    Information RowGivenColumn,
    Information MutualInformation)
{
    /// <summary>The normalized mutual information I / D in [0, 1] with the denominator D chosen by <paramref name="normalization"/>; see <see cref="Joint.NormalizedMutualInformation{T}(ReadOnlySpan{T}, int, int, NmiNormalization, MeasureOptions?)"/> for the degenerate cases.</summary>
    /// <param name="normalization">Which denominator: the arithmetic mean of H(X) and H(Y) (the default, as scikit-learn), geometric mean, min, max or joint entropy.</param>
    public double Normalized(NmiNormalization normalization = NmiNormalization.Arithmetic) =>
        Joint.Normalize(MutualInformation.Nats, RowEntropy.Nats, ColumnEntropy.Nats, JointEntropy.Nats, normalization);
}
