using Xent.Tests;

namespace Xent.Data.Tests;

public class CsvTableReaderTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static DataError ErrorOf(Action action) => Assert.Throws<DataException>(action).Error;

    private static List<string[]> ReadAll(TableReader table, string[] names, BadRows bad)
    {
        var rows = new List<string[]>();
        using var cursor = table.ReadColumns(names, bad);
        while (cursor.Read()) rows.Add([cursor.Line.ToString(), .. Enumerable.Range(0, names.Length).Select(cursor.GetString)]);
        return rows;
    }

    [Fact]
    public void ReadsOnlyTheColumnsAskedForInTheOrderAskedWithTheirLines()
    {
        using var table = CsvTableReader.Open(_files.Write("t.csv", "a,b,c\n1,x,p\n2,y,q\n"));
        Assert.Equal(["a", "b", "c"], table.Columns);
        Assert.Equal("t.csv", Path.GetFileName(table.Source));
        var rows = ReadAll(table, ["c", "a", "c"], BadRows.Stop());
        Assert.Equal([["2", "p", "1", "p"], ["3", "q", "2", "q"]], rows);
        // Every call is a new pass from the first row.
        Assert.Equal(rows, ReadAll(table, ["c", "a", "c"], BadRows.Stop()));
    }

    [Fact]
    public void UnknownAndDuplicateColumnsAreNamedWithTheColumnsThereAre()
    {
        using var table = CsvTableReader.Open(_files.Write("t.csv", "a,b,a\n1,2,3\n"));
        var unknown = ErrorOf(() => table.ReadColumns(["b", "z"], BadRows.Stop()));
        Assert.Equal(DataErrorKind.UnknownColumn, unknown.Kind);
        Assert.Equal("z", unknown.Column);
        Assert.EndsWith(": no column 'z'; the columns are: a, b, a.", unknown.Message);
        var duplicate = ErrorOf(() => table.ReadColumns(["a"], BadRows.Stop()));
        Assert.Equal(DataErrorKind.DuplicateColumn, duplicate.Kind);
        Assert.EndsWith(": columns 1 and 3 are both named 'a'; rename one.", duplicate.Message);
        Assert.True(table.HasColumn("b"));
        Assert.False(table.HasColumn("a"));
        Assert.False(table.HasColumn("z"));
    }

    [Theory]
    [InlineData("", DataErrorKind.EmptyFile, "the file is empty (no header row).")]
    [InlineData("a,\"b\n1,2\n", DataErrorKind.BadCsvSyntax, "the header row is not valid CSV (is a quote left open?).")]
    [InlineData("a,b\u0007\n1,2\n", DataErrorKind.BinaryHeader, "the header row holds the control character U+0007 in column 2; is this a CSV text file?")]
    public void AFileThatIsNotACsvTableFailsWhenOpened(string content, DataErrorKind kind, string message)
    {
        string path = _files.Write("bad.csv", content);
        var error = ErrorOf(() => CsvTableReader.Open(path));
        Assert.Equal(kind, error.Kind);
        Assert.Equal($"{path}: {message}", error.Message);
    }

    [Fact]
    public void AMissingFileIsAnIOException() =>
        Assert.ThrowsAny<IOException>(() => CsvTableReader.Open(Path.Combine(_files.Directory, "none.csv")));

    [Fact]
    public void AHeaderWithoutRowsHasNoDataRows()
    {
        using var table = CsvTableReader.Open(_files.Write("h.csv", "a,b\n"));
        using var cursor = table.ReadColumns(["a"], BadRows.Skip());
        Assert.Equal(DataErrorKind.NoDataRows, ErrorOf(() => cursor.Read()).Kind);
    }

    [Fact]
    public void RowsWithTheWrongFieldCountStopOrAreSkipped()
    {
        string path = _files.Write("r.csv", "a,b\n1,2\n3\n4,5,6\n7,8\n");
        using var table = CsvTableReader.Open(path);
        var error = ErrorOf(() => ReadAll(table, ["a"], BadRows.Stop()));
        Assert.Equal(new DataError(DataErrorKind.WrongFieldCount, path, 3, null, null, "has 1 fields but the header has 2"), error);
        var bad = BadRows.Skip(keepErrors: 5);
        Assert.Equal([["2", "1"], ["5", "7"]], ReadAll(table, ["a"], bad));
        Assert.Equal(2, bad.Skipped);
        Assert.Equal([3L, 4L], bad.FirstErrors.Select(e => e.Line!.Value));
    }

    [Fact]
    public void AnUnclosedQuoteInARowStopsEvenWhenSkipping()
    {
        using var table = CsvTableReader.Open(_files.Write("q.csv", "a,b\n1,2\n\"3,4\n5,6\n"));
        var error = ErrorOf(() => ReadAll(table, ["a"], BadRows.Skip()));
        Assert.Equal(DataErrorKind.BadCsvSyntax, error.Kind);
        Assert.Equal(3, error.Line);
        Assert.EndsWith(": line 3 is not valid CSV (is a quote left open?).", error.Message);
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData(" -2e3 ", -2000.0)]
    [InlineData("\"7\"", 7.0)]
    [InlineData("4.9e-324", 4.9e-324)]
    public void NumbersAreParsedInTheInvariantCultureTrimmed(string field, double expected)
    {
        using var table = CsvTableReader.Open(_files.Write("n.csv", $"x\n{field}\n"));
        using var cursor = table.ReadColumns(["x"], BadRows.Stop());
        Assert.True(cursor.Read());
        Assert.True(cursor.TryGetDouble(0, out double value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("", DataErrorKind.MissingValue, null, "missing value")]
    [InlineData("  ", DataErrorKind.MissingValue, null, "missing value")]
    [InlineData("abc", DataErrorKind.NotANumber, "abc", "'abc' is not a finite number")]
    [InlineData("\"1,5\"", DataErrorKind.NotANumber, "1,5", "'1,5' is not a finite number")]
    [InlineData("NaN", DataErrorKind.NotANumber, "NaN", "'NaN' is not a finite number")]
    [InlineData("-Infinity", DataErrorKind.NotANumber, "-Infinity", "'-Infinity' is not a finite number")]
    [InlineData("1e999", DataErrorKind.NotANumber, "1e999", "'1e999' is not a finite number")]
    public void ABadNumberIsAStructuredRowError(string field, DataErrorKind kind, string? value, string reason)
    {
        string path = _files.Write("n.csv", $"id,x\n1,{field}\n");
        using var table = CsvTableReader.Open(path);
        using (var stop = table.ReadColumns(["x"], BadRows.Stop()))
        {
            Assert.True(stop.Read());
            Assert.Equal(new DataError(kind, path, 2, "x", value, reason), ErrorOf(() => stop.TryGetDouble(0, out _)));
        }
        var bad = BadRows.Skip();
        using var skip = table.ReadColumns(["x"], bad);
        Assert.True(skip.Read());
        Assert.False(skip.TryGetDouble(0, out _));
        Assert.Equal(1, bad.Skipped);
    }

    [Fact]
    public void ARowIsCountedOnceHoweverManyOfItsFieldsAreBad()
    {
        var bad = BadRows.Skip(keepErrors: 3);
        using var table = CsvTableReader.Open(_files.Write("b.csv", "x,y\na,b\n1,2\n"));
        using var cursor = table.ReadColumns(["x", "y"], bad);
        Assert.True(cursor.Read());
        Assert.False(cursor.TryGetDouble(0, out _));
        Assert.False(cursor.TryGetDouble(1, out _));
        Assert.False(cursor.Reject(1, "also wrong"));
        Assert.Equal(1, bad.Skipped);
        Assert.Equal("x", bad.FirstErrors.Single().Column);
        Assert.True(cursor.Read());
        Assert.False(cursor.RejectRow("the sum is wrong"));
        Assert.Equal(2, bad.Skipped);
        Assert.Equal(new DataError(DataErrorKind.InvalidValue, cursor.Source, 3, null, null, "the sum is wrong"), bad.FirstErrors[1]);
        Assert.False(cursor.Read());
    }

    [Fact]
    public void TextIsTrimmedAndAnEmptyFieldIsAMissingValueNamedAsAsked()
    {
        string path = _files.Write("l.csv", "y\n  cat \n\n");
        using var table = CsvTableReader.Open(path);
        using var cursor = table.ReadColumns(["y"], BadRows.Stop());
        Assert.True(cursor.Read());
        Assert.Equal("  cat ", cursor.GetString(0));
        Assert.True(cursor.TryGetString(0, out string label, "label"));
        Assert.Equal("cat", label);
        Assert.Throws<ArgumentOutOfRangeException>(() => cursor.GetString(1));
    }

    // ---- Valid CSV the audit found refused (issue 9) ----

    [Fact]
    public void AFieldOfTwentyKilobytesIsRead()
    {
        string wide = new('x', 20_000);
        using var table = CsvTableReader.Open(_files.Write("w.csv", $"a,b\n{wide},1\ny,2\n"));
        Assert.Equal([["2", wide, "1"], ["3", "y", "2"]], ReadAll(table, ["a", "b"], BadRows.Stop()));
    }

    [Fact]
    public void AHeaderOfTwoThousandColumnsIsRead()
    {
        var names = Enumerable.Range(0, 2000).Select(j => $"column_{j}").ToArray();
        string row = string.Join(",", Enumerable.Range(0, 2000));
        using var table = CsvTableReader.Open(_files.Write("c.csv", string.Join(",", names) + "\n" + row + "\n"));
        Assert.Equal(names, table.Columns);
        Assert.Equal([["2", "1999", "0"]], ReadAll(table, ["column_1999", "column_0"], BadRows.Stop()));
    }

    [Theory]
    [InlineData("a,b\n1,2\n\n3,4\n\n")]
    [InlineData("a,b\r\n1,2\r\n\r\n3,4\r\n\r\n")]
    [InlineData("a,b\n\n\n1,2\n3,4")]
    public void BlankLinesBetweenRowsAndAtTheEndAreSkipped(string content)
    {
        using var table = CsvTableReader.Open(_files.Write("b.csv", content));
        var rows = ReadAll(table, ["b", "a"], BadRows.Stop());
        Assert.Equal([["2", "1"], ["4", "3"]], rows.Select(r => r[1..]).ToArray());
    }

    [Theory]
    [InlineData("a;b\n1;2\n3;4\n", ';')]
    [InlineData("a\tb\n1\t2\n3\t4\n", '\t')]
    [InlineData("a|b\n1|2\n3|4\n", '|')]
    [InlineData("a,b\n1,2\n3,4\n", ',')]
    [InlineData("\"x;y\",b\n1,2\n3,4\n", ',')]
    public void TheDelimiterIsFoundInTheHeaderRow(string content, char delimiter)
    {
        using var table = CsvTableReader.Open(_files.Write("d.csv", content));
        Assert.Equal(delimiter, table.Delimiter);
        Assert.True(table.DelimiterDetected);
        Assert.Equal(2, table.Columns.Count);
        var rows = ReadAll(table, [table.Columns[1]], BadRows.Stop());
        Assert.Equal(["2", "4"], rows.Select(r => r[1]));
    }

    [Fact]
    public void AGivenDelimiterIsUsedAsItIs()
    {
        using var table = CsvTableReader.Open(_files.Write("g.csv", "a;b,c\n1;2,3\n"), ',');
        Assert.False(table.DelimiterDetected);
        Assert.Equal(["a;b", "c"], table.Columns);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void AnEmptyColumnNameIsRefusedNamingTheColumns(string name)
    {
        using var table = CsvTableReader.Open(_files.Write("e.csv", "a,b\n1,2\n"));
        var error = ErrorOf(() => table.ReadColumns([name], BadRows.Stop()));
        Assert.Equal(DataErrorKind.UnknownColumn, error.Kind);
        Assert.Contains("a column name was given empty; name one of the columns: a, b", error.Message);
    }
}
