namespace Xent.Tests.Cli;

/// <summary>entropy and mi over Parquet files and SQL queries (DuckDB in memory): the same figures as the CSV file they come
/// from, the queries shown with --show-sql, and one line for each bad case.</summary>
public class TableSourcesCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    // x and w copies (1 bit of MI), y independent of x; one row misses w.
    private string Table() => _cli.Write("t.csv", "x,y,w\n0,0,a\n0,1,a\n1,0,b\n1,1,b\n1,1,\n");

    private static string Sql(string path) => $"SELECT * FROM read_csv('{path}')";

    [Fact]
    public void SqlGivesTheFiguresOfTheCsvFile()
    {
        string path = Table();
        foreach (var missing in new[] { "skip", "category" })
        {
            var csv = CliRunner.Json("mi", path, "--x", "x", "--y", "w", "--missing", missing);
            var sql = CliRunner.Json("mi", "--sql", Sql(path), "--x", "x", "--y", "w", "--missing", missing);
            Assert.Equal(csv.GetProperty("mutual_information").GetDouble(), sql.GetProperty("mutual_information").GetDouble(), 14);
            Assert.Equal(csv.GetProperty("n").GetInt64(), sql.GetProperty("n").GetInt64());
        }
        // Skipping the row with no w: x and w are copies over the 4 other rows, I = 1 bit.
        Assert.Equal(1, CliRunner.Json("mi", "--sql", Sql(path), "--x", "x", "--y", "w", "--missing", "skip").GetProperty("mutual_information").GetDouble(), 12);
        // The missing value as a category: 5 rows, w has 3 categories.
        Assert.Equal(5, CliRunner.Json("entropy", "--sql", Sql(path), "--column", "w", "--missing", "category").GetProperty("n").GetInt64());
    }

    [Fact]
    public void ShowSqlPrintsTheGroupByQuery()
    {
        string path = Table();
        var result = CliRunner.Run("mi", "--sql", Sql(path), "--x", "x", "--y", "y", "--show-sql");
        Assert.Equal(0, result.Exit);
        Assert.Contains($"xent: sql: SELECT \"x\", \"y\", COUNT(*) AS xent_n FROM ({Sql(path)}) AS xent_t GROUP BY \"x\", \"y\" ORDER BY \"x\", \"y\"", result.Err);
    }

    [Fact]
    public void BadSourcesAreOneLine()
    {
        string path = Table();
        CliRunner.AssertBadInput(CliRunner.Run("mi", path, "--x", "x", "--y", "w"), "column 'w': missing value");
        CliRunner.AssertBadInput(CliRunner.Run("mi", "--sql", Sql(path), "--x", "x", "--y", "w"), "no value in column 'w'");
        CliRunner.AssertBadInput(CliRunner.Run("mi", "--sql", Sql(path), "--x", "x", "--y", "nope"), "no column 'nope'; the columns are: x, y, w");
        CliRunner.AssertBadInput(CliRunner.Run("mi", "--sql", "SELECT 1 AS x, 2 AS y WHERE false", "--x", "x", "--y", "y"), "no data rows");
        CliRunner.AssertBadInput(CliRunner.Run("mi", "--sql", "SELECT * FROM no_such_table", "--x", "x", "--y", "y"), "the query failed");
        CliRunner.AssertBadInput(CliRunner.Run("mi", "--sql", "SELECT 1", "--connection", "Host=127.0.0.1;Port=1;Timeout=5", "--x", "x", "--y", "y"), "cannot connect");
        CliRunner.AssertBadInput(CliRunner.Run("mi", _cli.Write("bad.parquet", "PAR1 not parquet PAR1"), "--x", "x", "--y", "y"), "not a readable Parquet file");
        CliRunner.AssertBadInput(CliRunner.Run("mi", path, "--sql", "SELECT 1", "--x", "x", "--y", "y"), "not both");
        CliRunner.AssertBadInput(CliRunner.Run("mi", path, "--x", "x", "--y", "y", "--missing", "maybe"), "--missing 'maybe'");
    }

    [Fact]
    public void ParquetWrittenByDuckDbIsReadNativelyAndThroughDuckDb()
    {
        string path = Table();
        string parquet = Path.Combine(_cli.Directory, "t.parquet");
        // DuckDB writes the Parquet twin of the CSV file.
        using (var db = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:"))
        {
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = $"COPY ({Sql(path)}) TO '{parquet}' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }
        var csv = CliRunner.Json("mi", path, "--x", "x", "--y", "w", "--missing", "category");
        foreach (var args in new[] { new[] { "mi", parquet }, ["mi", parquet, "--engine", "duckdb"] })
        {
            var result = CliRunner.Json([.. args, "--x", "x", "--y", "w", "--missing", "category"]);
            Assert.Equal(csv.GetProperty("mutual_information").GetDouble(), result.GetProperty("mutual_information").GetDouble(), 14);
        }
        Assert.Equal(CliRunner.Json("entropy", "--csv", path, "--column", "y").GetProperty("entropy").GetDouble(),
            CliRunner.Json("entropy", "--parquet", parquet, "--column", "y").GetProperty("entropy").GetDouble(), 14);
    }
}
