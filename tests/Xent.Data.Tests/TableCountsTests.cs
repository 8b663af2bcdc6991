using Xent.Tests;

namespace Xent.Data.Tests;

public class TableCountsTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void CountsValueCombinationsInFirstSeenOrderTrimmed()
    {
        using var table = CsvTableReader.Open(_files.Write("t.csv", "x,y,z\na,1,p\nb,1,q\na,2,p\n a ,1, q\nb,2,q\n"));
        var counts = TableCounts.Count(table, ["x", "y", "z"]);
        Assert.Equal([2, 2, 2], counts.Table.Shape.ToArray());
        Assert.Equal(["a", "b"], counts.Categories[0].Categories);
        Assert.Equal(["1", "2"], counts.Categories[1].Categories);
        Assert.Equal(["p", "q"], counts.Categories[2].Categories);
        Assert.Equal(5, counts.Table.Total);
        // Cell (x, y, z), row-major: (a,1,p) = 1, (b,1,q) = 1, (a,2,p) = 1, (a,1,q) = 1 (" a ", " q" trimmed), (b,2,q) = 1.
        long[] expected = new long[8];
        expected[(0 * 2 + 0) * 2 + 0] = 1;
        expected[(1 * 2 + 0) * 2 + 1] = 1;
        expected[(0 * 2 + 1) * 2 + 0] = 1;
        expected[(0 * 2 + 0) * 2 + 1] = 1;
        expected[(1 * 2 + 1) * 2 + 1] = 1;
        Assert.Equal(expected, counts.Table.Counts.ToArray());
        // One column: its value counts.
        Assert.Equal([3L, 2L], TableCounts.Count(table, ["x"]).Table.Counts.ToArray());
    }

    [Fact]
    public void AnEmptyFieldIsMissingAsForEveryOtherReaderOfTheTable()
    {
        string path = _files.Write("t.csv", "x,z\na,p\nb,\na,  \n");
        using var table = CsvTableReader.Open(path);
        // Stop (the default): the first empty field names its line and column, as train and logloss do.
        var error = Assert.Throws<DataException>(() => TableCounts.Count(table, ["x", "z"])).Error;
        Assert.Equal(new DataError(DataErrorKind.MissingValue, path, 3, "z", null, "missing value"), error);
        // Skip: the rows with a missing value are counted out.
        var bad = BadRows.Skip();
        var counts = TableCounts.Count(table, ["x", "z"], badRows: bad);
        Assert.Equal(1, counts.Table.Total);
        Assert.Equal(2, bad.Skipped);
        // A column with no value at all: no usable rows, under either policy.
        using var empty = CsvTableReader.Open(_files.Write("e.csv", "x,z\na,\nb,\n"));
        Assert.Equal(DataErrorKind.MissingValue, Assert.Throws<DataException>(() => TableCounts.Count(empty, ["z"])).Error.Kind);
        Assert.Equal(DataErrorKind.NoUsableRows, Assert.Throws<DataException>(() => TableCounts.Count(empty, ["z"], badRows: BadRows.Skip())).Error.Kind);
    }

    [Fact]
    public void TooManyCategoriesIsAStructuredErrorNamingTheLine()
    {
        var text = new System.Text.StringBuilder("x,y\n");
        for (int i = 0; i < 10; i++) text.Append(i).Append(',').Append(i).Append('\n');
        using var table = CsvTableReader.Open(_files.Write("t.csv", text.ToString()));
        var error = Assert.Throws<DataException>(() => TableCounts.Count(table, ["x", "y"], maxCells: 16)).Error;
        Assert.Equal(DataErrorKind.TooManyCategories, error.Kind);
        // The fifth row would make a 5 × 5 table of 25 cells > 16.
        Assert.Equal(6, error.Line);
        Assert.Contains("at least 5 × 5 categories, a table of more than 16 cells", error.Message);
    }

    [Fact]
    public void AnUnknownColumnIsNamed()
    {
        using var table = CsvTableReader.Open(_files.Write("t.csv", "x,y\n1,2\n"));
        Assert.Equal(DataErrorKind.UnknownColumn, Assert.Throws<DataException>(() => TableCounts.Count(table, ["x", "w"])).Error.Kind);
    }
}
