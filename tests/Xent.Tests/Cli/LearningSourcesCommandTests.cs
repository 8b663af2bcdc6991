using System.Text.Json.Nodes;

namespace Xent.Tests.Cli;

/// <summary>tree and rank-features read the table options entropy and mi read: the same table as a CSV file, a Parquet file
/// (read natively and through DuckDB) and a DuckDB query gives the same --json output.</summary>
public class LearningSourcesCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    // A numeric feature (with decimals), a categorical one and a class label that is text.
    private (string Csv, string Parquet) Tables()
    {
        string csv = _cli.Write("t.csv",
            "size,colour,label\n1.5,red,stay\n2.25,red,stay\n3.0,blue,go\n4.5,blue,go\n5.0,green,go\n0.5,green,stay\n3.5,red,go\n2.0,blue,stay\n6.0,red,go\n1.0,green,stay\n");
        string parquet = Path.Combine(_cli.Directory, "t.parquet");
        using var db = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = $"COPY (SELECT * FROM read_csv('{csv}')) TO '{parquet}' (FORMAT parquet)";
        command.ExecuteNonQuery();
        return (csv, parquet);
    }

    /// <summary>The JSON output without the wall-clock time, as text.</summary>
    private static string Output(params string[] args)
    {
        var node = JsonNode.Parse(CliRunner.Json(args).GetRawText())!.AsObject();
        node.Remove("seconds");
        return node.ToJsonString();
    }

    [Theory]
    [InlineData("tree", "--max-depth", "3")]
    [InlineData("tree", "--test-fraction", "0.3")]
    [InlineData("rank-features", "--permutations", "20")]
    [InlineData("rank-features", "--strategy", "mrmr")]
    public void CsvParquetAndSqlGiveTheSameOutput(string command, string option, string value)
    {
        var (csv, parquet) = Tables();
        string expected = Output(command, csv, "--target", "label", option, value);
        Assert.Contains("\"size\"", expected, StringComparison.Ordinal);
        Assert.Equal(expected, Output(command, parquet, "--target", "label", option, value));
        Assert.Equal(expected, Output(command, parquet, "--engine", "duckdb", "--target", "label", option, value));
        Assert.Equal(expected, Output(command, "--sql", $"SELECT * FROM '{parquet}'", "--target", "label", option, value));
        Assert.Equal(expected, Output(command, "--sql", $"SELECT * FROM read_csv('{csv}')", "--target", "label", option, value));
    }

    [Fact]
    public void TreeTestsOnATableFileBesideASqlQuery()
    {
        var (csv, parquet) = Tables();
        var fromFile = CliRunner.Json("tree", csv, "--target", "label", "--test", parquet);
        var fromSql = CliRunner.Json("tree", "--sql", $"SELECT * FROM '{parquet}'", "--target", "label", "--test", csv);
        Assert.Equal(1.0, fromFile.GetProperty("test_accuracy").GetDouble());
        Assert.Equal(fromFile.GetProperty("test_log_loss").GetDouble(), fromSql.GetProperty("test_log_loss").GetDouble());
    }

    [Fact]
    public void BadSourcesAreOneLine()
    {
        var (csv, _) = Tables();
        CliRunner.AssertBadInput(CliRunner.Run("tree", "--target", "label"), "give a table: FILE or --sql Q");
        CliRunner.AssertBadInput(CliRunner.Run("rank-features", csv, "--sql", "SELECT 1", "--target", "label"), "not both");
        CliRunner.AssertBadInput(CliRunner.Run("tree", "--sql", $"SELECT * FROM read_csv('{csv}')", "--target", "nope"), "no column 'nope'");
        CliRunner.AssertBadInput(CliRunner.Run("rank-features", "--sql", "SELECT * FROM no_such_table", "--target", "label"), "the query failed");
    }
}
