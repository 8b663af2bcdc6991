namespace Xent.Data.Tests;

public class DataErrorTests
{
    [Theory]
    [InlineData(DataErrorKind.MissingValue, 3L, "a", null, "missing value", "t.csv: line 3, column 'a': missing value.")]
    [InlineData(DataErrorKind.NotANumber, 7L, "x", "abc", "'abc' is not a finite number", "t.csv: line 7, column 'x': 'abc' is not a finite number.")]
    [InlineData(DataErrorKind.WrongFieldCount, 4L, null, null, "has 2 fields but the header has 3", "t.csv: line 4 has 2 fields but the header has 3.")]
    [InlineData(DataErrorKind.BadCsvSyntax, 5L, null, null, "is not valid CSV (is a quote left open?)", "t.csv: line 5 is not valid CSV (is a quote left open?).")]
    [InlineData(DataErrorKind.BadCsvSyntax, 1L, null, null, "the header row is not valid CSV (is a quote left open?)", "t.csv: the header row is not valid CSV (is a quote left open?).")]
    [InlineData(DataErrorKind.InvalidValue, 2L, null, null, "the probabilities sum to 0.9", "t.csv: line 2: the probabilities sum to 0.9.")]
    [InlineData(DataErrorKind.UnknownColumn, null, "z", null, "no column 'z'; the columns are: a, b", "t.csv: no column 'z'; the columns are: a, b.")]
    [InlineData(DataErrorKind.BinaryHeader, 1L, null, "U+0004", "the header row holds the control character U+0004 in column 1; is this a CSV text file?",
        "t.csv: the header row holds the control character U+0004 in column 1; is this a CSV text file?")]
    public void MessageNamesThePlaceThenTheReason(DataErrorKind kind, long? line, string? column, string? value, string reason, string expected)
    {
        var error = new DataError(kind, "t.csv", line, column, value, reason);
        Assert.Equal(expected, error.Message);
        Assert.Equal(expected, error.ToString());
        Assert.Equal(expected, new DataException(error).Message);
    }

    [Fact]
    public void OnlyErrorsConfinedToOneRowAreRowErrors()
    {
        var rowKinds = new[] { DataErrorKind.WrongFieldCount, DataErrorKind.MissingValue, DataErrorKind.NotANumber, DataErrorKind.InvalidValue };
        foreach (var kind in Enum.GetValues<DataErrorKind>())
            Assert.Equal(rowKinds.Contains(kind), new DataError(kind, "t", 2, null, null, "r").IsRowError);
    }
}
