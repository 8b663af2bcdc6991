using System.Numerics;

namespace Xent.Measures;

public static partial class Discrete
{
    /// <summary>The options of the row-wise measures when none are given: every row renormalized by its own sum, as scipy does.</summary>
    private static readonly MeasureOptions RowDefault = new() { Normalization = Normalization.Renormalize };

    /// <summary>
    /// Entropy of each row of a row-major batch, into <paramref name="destination"/>: destination[r] = H(row r) = −Σ_j p_rj log p_rj,
    /// in the unit of <paramref name="logBase"/> (bits by default) — <c>scipy.stats.entropy(pk, axis=1)</c> (scipy's default unit
    /// is nats; pass <see cref="LogBase.Nats"/> to match it).
    /// </summary>
    /// <typeparam name="T"><see cref="double"/>, <see cref="float"/> or another IEEE type, as for <see cref="Entropy{T}(ReadOnlySpan{T}, LogBase, MeasureOptions?)"/>.</typeparam>
    /// <param name="p">rows × <paramref name="columns"/> entries, row-major: row r is p[r·columns … (r+1)·columns).</param>
    /// <param name="columns">The length of a row (≥ 1); p.Length must be a multiple of it.</param>
    /// <param name="destination">One value per row; at least p.Length / columns entries (only those are written).</param>
    /// <param name="logBase">The unit of the results; bits by default.</param>
    /// <param name="options">The policy for each row. Null means scipy's: each row is divided by its own sum (nonnegative weights
    /// accepted; a row summing to 0 is an error, where scipy returns NaN). Pass options with <see cref="Normalization.Require"/>
    /// to insist every row is a distribution.</param>
    /// <remarks>Each row is one call of the same vectorised pass as <see cref="Entropy{T}(ReadOnlySpan{T}, LogBase, MeasureOptions?)"/>,
    /// with its conventions: 0·log 0 = 0, compensated sums, results rounding below 0 returned as 0.</remarks>
    /// <exception cref="ArgumentException">p.Length is not a multiple of columns, destination is too short, or a row has an entry that is
    /// NaN, infinite or negative or breaks the normalization policy (the message names the row).</exception>
    /// <exception cref="ArgumentOutOfRangeException">columns is below 1.</exception>
    public static void EntropyRows<T>(ReadOnlySpan<T> p, int columns, Span<double> destination, LogBase logBase = default, MeasureOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = CheckRows(p.Length, columns, destination.Length);
        options ??= RowDefault;
        for (int r = 0; r < rows; r++)
        {
            try
            {
                destination[r] = logBase.FromNats(Math.Max(EntropyNats(p.Slice(r * columns, columns), options), 0));
            }
            catch (ArgumentException e) when (e is not ArgumentOutOfRangeException)
            {
                ThrowHelper.ThrowInRow(r, e);
            }
        }
    }

    /// <summary>
    /// Cross-entropy of each pair of rows, into <paramref name="destination"/>: destination[r] = H(P_r, Q_r) = −Σ_j p_rj log q_rj, in the
    /// unit of <paramref name="logBase"/> (bits by default). scipy has no cross-entropy; this equals
    /// <c>entropy(pk, axis=1) + entropy(pk, qk, axis=1)</c>.
    /// </summary>
    /// <typeparam name="T">As for <see cref="EntropyRows{T}"/>.</typeparam>
    /// <param name="p">rows × <paramref name="columns"/> entries of P, row-major.</param>
    /// <param name="q">rows × <paramref name="columns"/> entries of Q, row-major, as long as <paramref name="p"/>.</param>
    /// <param name="columns">The length of a row (≥ 1).</param>
    /// <param name="destination">One value per row; at least p.Length / columns entries.</param>
    /// <param name="logBase">The unit of the results; bits by default.</param>
    /// <param name="options">The policy for each row; null renormalizes every row of p and of q by its own sum, as scipy does.
    /// Clipping and smoothing apply per row as in <see cref="CrossEntropy{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, LogBase, MeasureOptions?)"/>.</param>
    /// <remarks>q_rj = 0 with p_rj &gt; 0 gives +∞ for that row (unless clipping or smoothing is asked for); other rows are unaffected.</remarks>
    /// <exception cref="ArgumentException">p and q differ in length, p.Length is not a multiple of columns, destination is too short, or a
    /// row breaks the entry or normalization rules (the message names the row).</exception>
    /// <exception cref="ArgumentOutOfRangeException">columns is below 1, or an option is out of range.</exception>
    public static void CrossEntropyRows<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, int columns, Span<double> destination,
        LogBase logBase = default, MeasureOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckSameLength(p, q);
        int rows = CheckRows(p.Length, columns, destination.Length);
        options ??= RowDefault;
        for (int r = 0; r < rows; r++)
        {
            try
            {
                destination[r] = CrossEntropy(p.Slice(r * columns, columns), q.Slice(r * columns, columns), logBase, options).Value;
            }
            catch (ArgumentException e) when (e is not ArgumentOutOfRangeException)
            {
                ThrowHelper.ThrowInRow(r, e);
            }
        }
    }

    /// <summary>
    /// Kullback–Leibler divergence of each pair of rows, into <paramref name="destination"/>: destination[r] = D(P_r‖Q_r) =
    /// Σ_j p_rj log(p_rj / q_rj) ≥ 0, in the unit of <paramref name="logBase"/> (bits by default) —
    /// <c>scipy.stats.entropy(pk, qk, axis=1)</c> (in nats there).
    /// </summary>
    /// <typeparam name="T">As for <see cref="EntropyRows{T}"/>.</typeparam>
    /// <param name="p">rows × <paramref name="columns"/> entries of P, row-major.</param>
    /// <param name="q">rows × <paramref name="columns"/> entries of Q, row-major, as long as <paramref name="p"/>.</param>
    /// <param name="columns">The length of a row (≥ 1).</param>
    /// <param name="destination">One value per row; at least p.Length / columns entries.</param>
    /// <param name="logBase">The unit of the results; bits by default.</param>
    /// <param name="options">The policy for each row; null renormalizes every row of p and of q by its own sum, as scipy does.</param>
    /// <remarks>Each term is p·log(p/q) as in <see cref="KlDivergence{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, LogBase, MeasureOptions?)"/>;
    /// q_rj = 0 with p_rj &gt; 0 gives +∞ for that row, as scipy does.</remarks>
    /// <exception cref="ArgumentException">p and q differ in length, p.Length is not a multiple of columns, destination is too short, or a
    /// row breaks the entry or normalization rules (the message names the row).</exception>
    /// <exception cref="ArgumentOutOfRangeException">columns is below 1, or an option is out of range.</exception>
    public static void KlDivergenceRows<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, int columns, Span<double> destination,
        LogBase logBase = default, MeasureOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckSameLength(p, q);
        int rows = CheckRows(p.Length, columns, destination.Length);
        options ??= RowDefault;
        for (int r = 0; r < rows; r++)
        {
            try
            {
                destination[r] = logBase.FromNats(Math.Max(KlDivergenceNats(p.Slice(r * columns, columns), q.Slice(r * columns, columns), options), 0));
            }
            catch (ArgumentException e) when (e is not ArgumentOutOfRangeException)
            {
                ThrowHelper.ThrowInRow(r, e);
            }
        }
    }

    /// <summary>Checks a row-major batch's shape and destination; returns the number of rows.</summary>
    private static int CheckRows(int length, int columns, int destinationLength)
    {
        if (columns < 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(columns), columns, "a row needs at least 1 column");
        if (length % columns != 0) ThrowHelper.ThrowShape("p", length, $"a multiple of columns = {columns}");
        int rows = length / columns;
        if (destinationLength < rows) ThrowHelper.ThrowDestinationTooShort("destination", rows, destinationLength);
        return rows;
    }
}
