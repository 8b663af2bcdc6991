namespace Xent.Learning;

/// <summary>
/// A random split of n rows into a training and a test set: the row indices are shuffled with a seeded
/// <see cref="Random"/> (Fisher–Yates) and the first round(n·fraction) of them held out, at least one row always left
/// for training. Both index lists are ascending, so gathered rows keep the source's order. The same (n, fraction, seed)
/// always gives the same split.
/// </summary>
/// <param name="Train">The training rows' indices, ascending.</param>
/// <param name="Test">The test rows' indices, ascending (empty when the fraction is 0).</param>
public sealed record TrainTestSplit(int[] Train, int[] Test)
{
    /// <summary>Splits <paramref name="count"/> rows, holding out <paramref name="testFraction"/> of them.</summary>
    /// <param name="count">n ≥ 1 rows.</param>
    /// <param name="testFraction">The fraction held out, in [0, 1); 0 keeps every row for training.</param>
    /// <param name="seed">The shuffle's seed.</param>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 1, or the fraction is outside [0, 1).</exception>
    public static TrainTestSplit Shuffle(int count, double testFraction, int seed)
    {
        if (count < 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(count), count, "There must be at least one row to split.");
        if (!(testFraction >= 0 && testFraction < 1)) ThrowHelper.ThrowArgumentOutOfRange(nameof(testFraction), testFraction, "The test fraction must be in [0, 1).");
        var order = new int[count];
        for (int i = 0; i < count; i++) order[i] = i;
        if (testFraction == 0) return new(order, []);
        new Random(seed).Shuffle(order);
        int testCount = Math.Min((int)Math.Round(count * testFraction), count - 1);
        var test = order[..testCount];
        var train = order[testCount..];
        Array.Sort(test);
        Array.Sort(train);
        return new(train, test);
    }

    /// <summary>
    /// Copies the rows at <paramref name="indices"/> of a row-major matrix of rows of <paramref name="width"/> values into
    /// <paramref name="destination"/>, in index order (width 1 gathers a vector, e.g. labels).
    /// </summary>
    /// <param name="rows">The matrix, a multiple of <paramref name="width"/> values.</param>
    /// <param name="width">Values per row, ≥ 1.</param>
    /// <param name="indices">Row indices, each in [0, rows.Length / width).</param>
    /// <param name="destination">indices.Length · width values.</param>
    /// <exception cref="ArgumentException">A shape does not fit or an index is out of range.</exception>
    public static void Gather<T>(ReadOnlySpan<T> rows, int width, ReadOnlySpan<int> indices, Span<T> destination)
    {
        if (width < 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(width), width, "A row has at least one value.");
        if (rows.Length % width != 0) ThrowHelper.ThrowShape(nameof(rows), rows.Length, $"a multiple of width {width}");
        if ((long)indices.Length * width != destination.Length) ThrowHelper.ThrowShape(nameof(destination), destination.Length, $"indices·width = {indices.Length}·{width}");
        int n = rows.Length / width;
        for (int i = 0; i < indices.Length; i++)
        {
            int row = indices[i];
            if ((uint)row >= (uint)n) ThrowHelper.ThrowBadValue(nameof(indices), i, row, $"a row index must be in [0, {n})");
            rows.Slice(row * width, width).CopyTo(destination.Slice(i * width, width));
        }
    }

    /// <summary>The rows at <paramref name="indices"/> as a new array (see <see cref="Gather{T}(ReadOnlySpan{T}, int, ReadOnlySpan{int}, Span{T})"/>).</summary>
    /// <param name="rows">The matrix, row-major, a multiple of width values.</param>
    /// <param name="width">Values per row, ≥ 1 (1 gathers a vector, e.g. labels).</param>
    /// <param name="indices">Row indices, each in [0, rows.Length / width); repeats are allowed.</param>
    public static T[] Gather<T>(ReadOnlySpan<T> rows, int width, ReadOnlySpan<int> indices)
    {
        var result = new T[(long)indices.Length * Math.Max(width, 1)];
        Gather(rows, width, indices, result);
        return result;
    }
}
