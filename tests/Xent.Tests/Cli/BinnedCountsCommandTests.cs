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
}
