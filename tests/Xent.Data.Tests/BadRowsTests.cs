namespace Xent.Data.Tests;

public class BadRowsTests
{
    private static DataError Row(long line) => new(DataErrorKind.MissingValue, "t.csv", line, "a", null, "missing value");

    [Fact]
    public void StopThrowsTheFirstBadRow()
    {
        var bad = BadRows.Stop();
        var e = Assert.Throws<DataException>(() => bad.Reject(Row(3)));
        Assert.Equal(3, e.Error.Line);
        Assert.Equal(0, bad.Skipped);
        Assert.Null(bad.FirstReason);
    }

    [Fact]
    public void SkipCountsAndKeepsTheFirstErrorsAskedFor()
    {
        var bad = BadRows.Skip(keepErrors: 2);
        for (long line = 2; line < 7; line++) Assert.False(bad.Reject(Row(line)));
        Assert.Equal(5, bad.Skipped);
        Assert.Equal([2L, 3L], bad.FirstErrors.Select(e => e.Line!.Value));
        Assert.Equal("t.csv: line 2, column 'a': missing value.", bad.FirstReason);
    }

    [Fact]
    public void AnErrorBeyondOneRowStopsEvenWhenSkipping()
    {
        var bad = BadRows.Skip();
        var error = new DataError(DataErrorKind.BadCsvSyntax, "t.csv", 4, null, null, "is not valid CSV");
        Assert.Same(error, Assert.Throws<DataException>(() => bad.Reject(error)).Error);
        Assert.Equal(0, bad.Skipped);
    }

    [Fact]
    public void KeepingNoErrorIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BadRows(BadRowPolicy.Skip, keepErrors: 0));
}
