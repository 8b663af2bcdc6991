namespace Xent.Tests.Cli;

/// <summary>entropy and mi with --bins N --binning quantile|uniform: a numeric column binned gives the figures of the same
/// column binned by hand, from CSV, Parquet and DuckDB alike.</summary>
public class BinnedCountsCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    // v: numbers 0 … 10; q: v's quantile bin for 4 bins (cut points 2.5, 5, 9: the 2nd, 4th, 6th of the 8 sorted values);
    // u: v's equal-width bin for 4 bins (cut points 2.5, 5, 7.5); a value on a cut point goes to the bin below.
    private string Table() => _cli.Write("t.csv",
        "v,q,u,c\n0,a,a,x\n1,a,a,y\n2.5,a,a,x\n3,b,b,y\n5,b,b,x\n6,c,c,x\n9,c,d,y\n10,d,d,y\n");

    [Theory]
    [InlineData("quantile", "q")]
    [InlineData("uniform", "u")]
    public void BinnedColumnGivesTheFiguresOfTheHandBinnedOne(string binning, string byHand)
    {
        string csv = Table();
        string parquet = Path.Combine(_cli.Directory, "t.parquet");
        using (var db = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:"))
        {
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = $"COPY (SELECT * FROM read_csv('{csv}')) TO '{parquet}' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }
        double expectedMi = CliRunner.Json("mi", csv, "--x", byHand, "--y", "c").GetProperty("mutual_information").GetDouble();
        double expectedH = CliRunner.Json("entropy", "--csv", csv, "--column", byHand).GetProperty("entropy").GetDouble();
        Assert.True(expectedMi > 0);
        foreach (var source in new[] { new[] { csv }, [parquet], [parquet, "--engine", "duckdb"], ["--sql", $"SELECT * FROM read_csv('{csv}')"] })
        {
            var mi = CliRunner.Json([.. new[] { "mi" }, .. source, "--x", "v", "--y", "c", "--bins", "4", "--binning", binning]);
            Assert.Equal(expectedMi, mi.GetProperty("mutual_information").GetDouble(), 14);
            string[] entropySource = source[0] == "--sql" ? source : [source[0] == csv ? "--csv" : "--parquet", .. source];
            var h = CliRunner.Json([.. new[] { "entropy" }, .. entropySource, "--column", "v", "--bins", "4", "--binning", binning]);
            Assert.Equal(expectedH, h.GetProperty("entropy").GetDouble(), 14);
        }
        // Unbinned, v has 8 distinct values: 3 bits.
        Assert.Equal(3, CliRunner.Json("entropy", "--csv", csv, "--column", "v").GetProperty("entropy").GetDouble(), 14);
    }

    [Fact]
    public void BadBinningIsOneLine()
    {
        string csv = Table();
        CliRunner.AssertBadInput(CliRunner.Run("mi", csv, "--x", "v", "--y", "c", "--bins", "1"), "--bins 1 must be ≥ 2");
        CliRunner.AssertBadInput(CliRunner.Run("mi", csv, "--x", "v", "--y", "c", "--bins", "4", "--binning", "log"), "--binning 'log'");
        CliRunner.AssertBadInput(CliRunner.Run("mi", csv, "--x", "v", "--y", "c", "--binning", "uniform"), "--binning goes with --bins");
    }

    // v with two missing values; q: v's quantile bin for 4 bins over its 8 present values, "m" where v is missing; r: the same
    // but empty where v is missing.
    private string TableWithMissing() => _cli.Write("m.csv",
        "v,q,r,c\n0,a,a,x\n1,a,a,y\n2.5,a,a,x\n,m,,y\n3,b,b,y\n5,b,b,x\n ,m,,x\n6,c,c,x\n9,c,c,y\n10,d,d,y\n");

    [Fact]
    public void MissingValuesGoWithBinsOnEverySource()
    {
        string csv = TableWithMissing();
        string parquet = Path.Combine(_cli.Directory, "m.parquet");
        using (var db = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:"))
        {
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = $"COPY (SELECT * FROM read_csv('{csv}', all_varchar = true)) TO '{parquet}' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }
        double category = CliRunner.Json("mi", csv, "--x", "q", "--y", "c").GetProperty("mutual_information").GetDouble();
        double skip = CliRunner.Json("mi", csv, "--x", "r", "--y", "c", "--missing", "skip").GetProperty("mutual_information").GetDouble();
        Assert.NotEqual(category, skip, 6);
        foreach (var source in new[] { new[] { csv }, [parquet], [parquet, "--engine", "duckdb"], ["--sql", $"SELECT * FROM read_csv('{csv}', all_varchar = true)"] })
        {
            var mi = CliRunner.Json([.. new[] { "mi" }, .. source, "--x", "v", "--y", "c", "--bins", "4", "--missing", "category"]);
            Assert.Equal(category, mi.GetProperty("mutual_information").GetDouble(), 14);
            var v = mi.GetProperty("columns")[0];
            Assert.Equal(("v", "numeric", 2, 5, 4), (v.GetProperty("name").GetString(), v.GetProperty("type").GetString(), v.GetProperty("missing").GetInt32(),
                v.GetProperty("categories").GetInt32(), v.GetProperty("bins").GetInt32()));
            var c = mi.GetProperty("columns")[1];
            Assert.Equal(("categorical", 0), (c.GetProperty("type").GetString(), c.GetProperty("missing").GetInt32()));
            Assert.False(c.TryGetProperty("bins", out _));
            var skipped = CliRunner.Json([.. new[] { "mi" }, .. source, "--x", "v", "--y", "c", "--bins", "4", "--missing", "skip"]);
            Assert.Equal(skip, skipped.GetProperty("mutual_information").GetDouble(), 14);
            Assert.Equal(8, skipped.GetProperty("n").GetInt32());
        }
        // The text output lists the columns too.
        var text = CliRunner.Run("mi", csv, "--x", "v", "--y", "c", "--bins", "4", "--missing", "category");
        Assert.Equal(0, text.Exit);
        Assert.Contains("column 'v': numeric, 4 bins, 2 missing", text.Out);
        // Without --missing, a missing value stops the count (one line); bad columns and queries are one line too.
        CliRunner.AssertBadInput(CliRunner.Run("mi", csv, "--x", "v", "--y", "c", "--bins", "4"), "missing value");
        CliRunner.AssertBadInput(CliRunner.Run("mi", "--sql", $"SELECT * FROM read_csv('{csv}')", "--x", "v", "--y", "zz", "--bins", "4"), "no column 'zz'");
        CliRunner.AssertBadInput(CliRunner.Run("mi", "--sql", "SELECT 1 AS v, 2 AS c FROM no_such_table", "--x", "v", "--y", "c", "--bins", "4"), "the query failed");
    }
}
