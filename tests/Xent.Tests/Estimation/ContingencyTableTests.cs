using CsCheck;
using Xent.Estimation;
using Xent.Tests.Properties;

namespace Xent.Tests.Estimation;

public class ContingencyTableTests
{
    /// <summary>The naive reference: a dictionary from code tuples (as strings) to counts, then a dense row-major array.</summary>
    private static long[] NaiveCells(int[] shape, IEnumerable<int[]> rows)
    {
        long cells = shape.Aggregate(1L, (a, n) => a * n);
        var result = new long[cells];
        foreach (var row in rows)
        {
            long index = 0;
            for (int i = 0; i < shape.Length; i++) index = index * shape[i] + row[i];
            result[index]++;
        }
        return result;
    }

    private static int[] CodesOf(long index, int[] shape)
    {
        var codes = new int[shape.Length];
        for (int i = shape.Length - 1; i >= 0; i--) { codes[i] = (int)(index % shape[i]); index /= shape[i]; }
        return codes;
    }

    [Fact]
    public void HandCountedTwoByThree()
    {
        var table = new ContingencyTable([2, 3]);
        foreach (var (x, y) in new[] { (0, 0), (0, 2), (1, 1), (1, 1), (0, 2), (1, 2) }) table.Add([x, y]);
        table.Add([1, 0], 4);
        // Row-major: row 0 = (1, 0, 2), row 1 = (4, 2, 1).
        Assert.Equal([1L, 0, 2, 4, 2, 1], table.Counts.ToArray());
        Assert.Equal(10, table.Total);
        Assert.Equal(2, table[1, 1]);
        Assert.Equal([3L, 7], table.Marginal(0).Counts.ToArray());
        Assert.Equal([5L, 2, 3], table.Marginal(1).Counts.ToArray());
        Assert.Equal([1L, 4, 0, 2, 2, 1], table.Marginal(1, 0).Counts.ToArray());
        Assert.Equal([3, 2], table.Marginal(1, 0).Shape.ToArray());
        Assert.Equal(10, table.Marginal(1).Total);
        Assert.False(table.GrowsShape);
    }

    [Fact]
    public void ValidationNamesArgumentAndValue()
    {
        var table = new ContingencyTable([2, 3]);
        Assert.Contains("codes[1] = 3 is outside the declared categories 0 … 2", Assert.Throws<ArgumentException>(() => table.Add([0, 3])).Message);
        Assert.Contains("codes has 1 entries", Assert.Throws<ArgumentException>(() => table.Add([0])).Message);
        Assert.Throws<ArgumentException>(() => table.Add([-1, 0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Add([0, 0], -1));
        Assert.Contains("axes[1] = 0 is named twice", Assert.Throws<ArgumentException>(() => table.Marginal(0, 0)).Message);
        Assert.Throws<ArgumentException>(() => table.Marginal(2));
        Assert.Throws<ArgumentException>(() => table.Marginal());
        Assert.Throws<ArgumentException>(() => new ContingencyTable([2, 0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContingencyTable([]));
        Assert.Contains("over the limit of 10", Assert.Throws<ArgumentException>(() => new ContingencyTable([4, 3], maxCells: 10)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ContingencyTable.Growable(ContingencyTable.MaxRank + 1));
        table.Add([1, 1], long.MaxValue);
        Assert.Throws<OverflowException>(() => table.Add([0, 0]));
        Assert.Equal(long.MaxValue, table.Total);
    }

    [Fact]
    public void GrowingPastTheCellLimitIsRefusedAndChangesNothing()
    {
        var table = ContingencyTable.Growable(2, maxCells: 12);
        Assert.Equal(0, table.CellCount);
        Assert.True(table.TryAdd([3, 2]));  // 4 × 3 = 12 cells: at the limit
        Assert.False(table.TryAdd([4, 0])); // 5 × 3 = 15
        var e = Assert.Throws<ArgumentException>(() => table.Add([0, 3]));
        Assert.Contains("4 × 4 = 16 cells, over its limit of 12", e.Message);
        Assert.Equal([4, 3], table.Shape.ToArray());
        Assert.Equal(1, table.Total);
        Assert.Equal(1, table[3, 2]);
        Assert.Equal(0, table[7, 7]); // beyond a growing table's shape: never seen
    }

    private static readonly Gen<(int[] Shape, int[][] Rows, int Cut1, int Cut2)> Samples =
        from rank in Gen.Int[1, 4]
        from shape in Gen.Int[1, 5].Array[rank]
        from raw in Gen.Int[0, 1 << 20].Array[rank].Array[0, 80]
        from cut1 in Gen.Int[0, raw.Length]
        from cut2 in Gen.Int[cut1, raw.Length]
        select (shape, raw.Select(r => r.Select((v, i) => v % shape[i]).ToArray()).ToArray(), cut1, cut2);

    private static ContingencyTable Fixed(int[] shape, IEnumerable<int[]> rows)
    {
        var table = new ContingencyTable(shape);
        foreach (var row in rows) table.Add(row);
        return table;
    }

    private static ContingencyTable Growing(int rank, IEnumerable<int[]> rows)
    {
        var table = ContingencyTable.Growable(rank);
        foreach (var row in rows) table.Add(row);
        return table;
    }

    private static void AssertSame(ContingencyTable expected, ContingencyTable actual)
    {
        Assert.Equal(expected.Shape.ToArray(), actual.Shape.ToArray());
        Assert.Equal(expected.GrowsShape, actual.GrowsShape);
        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(expected.Counts.ToArray(), actual.Counts.ToArray());
    }

    [Fact]
    public void CountsMatchTheNaiveReferenceWhetherDeclaredOrGrown() => Samples.SampleFixed(t =>
    {
        var expected = NaiveCells(t.Shape, t.Rows);
        Assert.Equal(expected, Fixed(t.Shape, t.Rows).Counts.ToArray());
        // A growing table ends with the shape 1 + the largest code per axis; declare that extent to compare.
        var grown = Growing(t.Shape.Length, t.Rows);
        grown.Add(t.Shape.Select(n => n - 1).ToArray(), 0);
        Assert.Equal(t.Shape, grown.Shape.ToArray());
        Assert.Equal(expected, grown.Counts.ToArray());
        Assert.Equal(t.Rows.Length, grown.Total);
    }, seed: "00000000ct01", iter: 300);

    [Fact]
    public void MarginalsMatchTheNaiveSum() => Samples.SampleFixed(t =>
    {
        var table = Fixed(t.Shape, t.Rows);
        int rank = t.Shape.Length;
        // Every ordered selection of distinct axes of a random permutation prefix.
        var order = Enumerable.Range(0, rank).OrderBy(i => (i * 7 + t.Rows.Length) % rank).ToArray();
        for (int k = 1; k <= rank; k++)
        {
            var axes = order[..k];
            var shape = axes.Select(a => t.Shape[a]).ToArray();
            var expected = NaiveCells(shape, t.Rows.Select(r => axes.Select(a => r[a]).ToArray()));
            var marginal = table.Marginal(axes);
            Assert.Equal(shape, marginal.Shape.ToArray());
            Assert.Equal(expected, marginal.Counts.ToArray());
            Assert.Equal(table.Total, marginal.Total);
        }
    }, seed: "00000000ct02", iter: 200);

    [Fact]
    public void MergeIsAssociativeCommutativeAndSplitMergeIsTheWhole() => Samples.SampleFixed(t =>
    {
        int rank = t.Shape.Length;
        var parts = new[] { t.Rows[..t.Cut1], t.Rows[t.Cut1..t.Cut2], t.Rows[t.Cut2..] };
        foreach (bool grow in new[] { false, true })
        {
            var all = grow ? Growing(rank, t.Rows) : Fixed(t.Shape, t.Rows);
            var (a, b, c) = grow
                ? (Growing(rank, parts[0]), Growing(rank, parts[1]), Growing(rank, parts[2]))
                : (Fixed(t.Shape, parts[0]), Fixed(t.Shape, parts[1]), Fixed(t.Shape, parts[2]));
            AssertSame(all, ContingencyTable.Merge(ContingencyTable.Merge(a, b), c));
            AssertSame(all, ContingencyTable.Merge(a, ContingencyTable.Merge(b, c)));
            AssertSame(all, ContingencyTable.Merge(c, ContingencyTable.Merge(b, a)));
            var inPlace = grow ? Growing(rank, parts[0]) : Fixed(t.Shape, parts[0]);
            inPlace.MergeFrom(b);
            inPlace.MergeFrom(c);
            AssertSame(all, inPlace);
        }
        // Growing parts merge into a declared table they fit in, in any order, giving the declared whole.
        var declared = Fixed(t.Shape, parts[0]);
        var (g1, g2) = (Growing(rank, parts[1]), Growing(rank, parts[2]));
        AssertSame(Fixed(t.Shape, t.Rows), ContingencyTable.Merge(g2, ContingencyTable.Merge(declared, g1)));
        AssertSame(Fixed(t.Shape, t.Rows), ContingencyTable.Merge(ContingencyTable.Merge(g1, g2), declared));
    }, seed: "00000000ct03", iter: 200);

    [Fact]
    public void IncompatibleTablesAreRefusedInEitherOrder()
    {
        var twoByThree = new ContingencyTable([2, 3]);
        var threeByThree = new ContingencyTable([3, 3]);
        var flat = new ContingencyTable([6]);
        var grown = ContingencyTable.Growable(2);
        grown.Add([0, 5]);
        foreach (var (a, b, expected) in new[]
        {
            (twoByThree, threeByThree, "variable 0 of a declares 2 symbols and that of b declares 3"),
            (threeByThree, twoByThree, "variable 0 of a declares 3 symbols and that of b declares 2"),
            (twoByThree, flat, "a has 2 variables and b has 1"),
            (grown, twoByThree, "variable 1 of a grew to 6 symbols, beyond the 3 that b declares"),
            (twoByThree, grown, "variable 1 of b grew to 6 symbols, beyond the 3 that a declares"),
        })
        {
            Assert.Contains(expected, Assert.Throws<ArgumentException>(() => ContingencyTable.Merge(a, b)).Message);
            Assert.Throws<ArgumentException>(() => a.MergeFrom(b));
        }
        Assert.Equal([1, 6], grown.Shape.ToArray()); // unchanged by the refused merges
        Assert.Equal(1, grown.Total);

        var wide = ContingencyTable.Growable(2, maxCells: 20);
        wide.Add([0, 9]);
        var tall = ContingencyTable.Growable(2, maxCells: 20);
        tall.Add([9, 0]);
        Assert.Contains("10 × 10 = 100 cells, over the limit of 20", Assert.Throws<ArgumentException>(() => ContingencyTable.Merge(wide, tall)).Message);
    }

    private static byte[] Serialize(ContingencyTable table)
    {
        using var stream = new MemoryStream();
        table.WriteTo(stream);
        return stream.ToArray();
    }

    [Fact]
    public void BinaryRoundTrip() => Samples.SampleFixed(t =>
    {
        foreach (var table in new[] { Fixed(t.Shape, t.Rows), Growing(t.Shape.Length, t.Rows) })
        {
            var back = ContingencyTable.ReadFrom(new MemoryStream(Serialize(table)));
            AssertSame(table, back);
            Assert.Equal(table.MaxCells, back.MaxCells);
        }
    }, seed: "00000000ct04", iter: 100);

    [Fact]
    public void EveryTruncationAndBitFlipIsInvalidData()
    {
        var table = ContingencyTable.Growable(3);
        foreach (var row in new[] { new[] { 0, 1, 2 }, [1, 0, 0], [1, 1, 2], [0, 1, 2] }) table.Add(row);
        CountTableFuzz.AssertEveryCorruptionRejected(Serialize(table), bytes => ContingencyTable.ReadFrom(new MemoryStream(bytes)));
    }

    [Fact]
    public void ReadingAnotherTableKindSaysWhich()
    {
        var bytes = Serialize(new ContingencyTable([2, 2]));
        Assert.Contains("holds a contingency table, not dense counts", Assert.Throws<InvalidDataException>(() => DenseCounts.ReadFrom(new MemoryStream(bytes))).Message);
        Assert.Contains("holds a contingency table, not a sparse count table",
            Assert.Throws<InvalidDataException>(() => CountTable<string>.ReadFrom(new MemoryStream(bytes))).Message);
        Assert.Equal(XentFormat.CountTable, BinaryFormat.Detect(bytes));
    }
}

/// <summary>The corruption sweep shared by every count-table kind: every truncation and every single-bit flip must be rejected with InvalidDataException.</summary>
internal static class CountTableFuzz
{
    public static void AssertEveryCorruptionRejected(byte[] bytes, Action<byte[]> read)
    {
        read(bytes); // the intact bytes read
        for (int length = 0; length < bytes.Length; length++)
        {
            var e = Record.Exception(() => read(bytes[..length]));
            Assert.True(e is InvalidDataException, $"truncated to {length} of {bytes.Length} bytes: {e?.GetType().Name ?? "no exception"} {e?.Message}");
        }
        for (int bit = 0; bit < 8 * bytes.Length; bit++)
        {
            var flipped = (byte[])bytes.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            var e = Record.Exception(() => read(flipped));
            Assert.True(e is InvalidDataException, $"bit {bit} flipped: {e?.GetType().Name ?? "no exception"} {e?.Message}");
        }
    }
}
