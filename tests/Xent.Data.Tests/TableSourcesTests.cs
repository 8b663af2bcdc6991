using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Npgsql;
using Parquet;
using Parquet.Schema;
using Xent.Tests;

namespace Xent.Data.Tests;

/// <summary>
/// One table, four sources: a CSV file, a Parquet file (written here with Parquet.Net, in several row groups, and again by
/// DuckDB's COPY), DuckDB over the Parquet file and a real PostgreSQL server. Every source must give the same counts, and
/// those counts must equal the ones computed here directly from the rows; a count pushed into a database must equal the
/// same source counted row by row in .NET.
/// </summary>
public class TableSourcesTests : IDisposable, IClassFixture<PostgresFixture>
{
    private const int N = 500;
    private readonly TempFiles _files = new();
    private readonly PostgresFixture _postgres;

    public TableSourcesTests(PostgresFixture postgres) => _postgres = postgres;

    public void Dispose() => _files.Dispose();

    /// <summary>Row i: a colour (with a blank-padded spelling and NULLs), an integer and a boolean, each with NULLs.</summary>
    private static (string? A, int? B, bool? C)[] Rows() =>
    [
        .. Enumerable.Range(0, N).Select(i => (
            i % 17 == 0 ? null : i % 31 == 0 ? "   " : new[] { "red", "green", "blue", " red" }[i % 4],
            i % 13 == 0 ? (int?)null : i * 7 % 5 - 2,
            i % 11 == 0 ? (bool?)null : i % 3 == 0)),
    ];

    private static readonly string[][] Sets = [["a"], ["a", "b"], ["b", "c"], ["a", "b", "c"]];

    private string WriteCsv()
    {
        var text = new StringBuilder("a,b,c\n");
        foreach (var (a, b, c) in Rows())
            text.Append(CultureInfo.InvariantCulture, $"{a},{b},{(c is null ? "" : c.Value ? "true" : "false")}\n");
        return _files.Write("t.csv", text.ToString());
    }

    private async Task<string> WriteParquetAsync()
    {
        string path = Path.Combine(_files.Directory, "t.parquet");
        var rows = Rows();
        var a = new DataField<string>("a");
        var b = new DataField<int?>("b");
        var c = new DataField<bool?>("c");
        await using var stream = File.Create(path);
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(a, b, c), stream))
        {
            // Three row groups of unequal sizes, so that counts merge across them.
            foreach (var (start, end) in new[] { (0, 150), (150, 151), (151, N) })
            {
                using var group = writer.CreateRowGroup();
                var part = rows[start..end];
                await group.WriteAsync(a, part.Select(r => r.A).ToArray());
                await group.WriteAsync<int>(b, part.Select(r => r.B).ToArray().AsMemory());
                await group.WriteAsync<bool>(c, part.Select(r => r.C).ToArray().AsMemory());
            }
        }
        return path;
    }

    /// <summary>The expected counts, from the rows: labels trimmed, a blank or NULL value missing.</summary>
    private static Dictionary<string, long> Expected(string[] set, MissingValues missing)
    {
        var result = new Dictionary<string, long>();
        foreach (var (a, b, c) in Rows())
        {
            var labels = set.Select(n => n switch
            {
                "a" => string.IsNullOrWhiteSpace(a) ? null : a.Trim(),
                "b" => b?.ToString(CultureInfo.InvariantCulture),
                _ => c is null ? null : c.Value ? "true" : "false",
            }).ToArray();
            if (labels.Any(l => l is null) && missing == MissingValues.Skip) continue;
            string key = string.Join("|", labels.Select(l => l ?? TableCounts.MissingCategory));
            result[key] = result.GetValueOrDefault(key) + 1;
        }
        return result;
    }

    private static Dictionary<string, long> Cells(TableCounts counts)
    {
        var result = new Dictionary<string, long>();
        var shape = counts.Table.Shape.ToArray();
        var cells = counts.Table.Counts.ToArray();
        for (int index = 0; index < cells.Length; index++)
        {
            if (cells[index] == 0) continue;
            var labels = new string[shape.Length];
            int rest = index;
            for (int i = shape.Length - 1; i >= 0; i--)
            {
                labels[i] = counts.Categories[i][rest % shape[i]];
                rest /= shape[i];
            }
            result.Add(string.Join("|", labels), cells[index]);
        }
        return result;
    }

    private static long[] ExpectedMissing(string[] set)
    {
        var rows = Rows();
        return [.. set.Select(n => (long)rows.Count(r => n switch
        {
            "a" => string.IsNullOrWhiteSpace(r.A),
            "b" => r.B is null,
            _ => r.C is null,
        }))];
    }

    private static void CheckAgainstRows(TableReader table, int threads = -1)
    {
        foreach (var missing in new[] { MissingValues.Category, MissingValues.Skip })
        {
            var counts = TableCounts.CountMany(table, Sets, missing: missing, maxDegreeOfParallelism: threads);
            for (int s = 0; s < Sets.Length; s++)
            {
                Assert.Equal(Expected(Sets[s], missing), Cells(counts[s]));
                Assert.Equal(ExpectedMissing(Sets[s]), counts[s].Missing);
            }
        }
        // The default: a missing value stops the count with an error naming its column.
        var error = Assert.Throws<DataException>(() => TableCounts.Count(table, ["a", "b"])).Error;
        Assert.Equal(DataErrorKind.MissingValue, error.Kind);
        Assert.Equal("a", error.Column);
        // Skipping bad rows instead: every row with a missing a or b is counted as skipped.
        var bad = BadRows.Skip();
        var kept = TableCounts.Count(table, ["a", "b"], badRows: bad);
        Assert.Equal(N - bad.Skipped, kept.Table.Total);
        Assert.Equal(Expected(["a", "b"], MissingValues.Skip).Values.Sum(), kept.Table.Total);
    }

    private static void CheckPushDownEqualsRows(TableReader table)
    {
        foreach (var missing in new[] { MissingValues.Category, MissingValues.Skip })
        {
            var pushed = TableCounts.CountMany(table, Sets, missing: missing);
            var inMemory = TableCounts.CountInMemory(table, Sets, BadRows.Stop(), missing);
            for (int s = 0; s < Sets.Length; s++)
            {
                Assert.Equal(Cells(inMemory[s]), Cells(pushed[s]));
                Assert.Equal(inMemory[s].Missing, pushed[s].Missing);
                Assert.Equal(inMemory[s].Table.Total, pushed[s].Table.Total);
            }
        }
    }

    [Fact]
    public void CsvCountsEqualTheRows()
    {
        using var table = CsvTableReader.Open(WriteCsv());
        CheckAgainstRows(table);
    }

    [Fact]
    public async Task ParquetCountsEqualTheRowsOnAnyNumberOfThreads()
    {
        using var table = ParquetTableReader.Open(await WriteParquetAsync());
        Assert.Equal(["a", "b", "c"], table.Columns);
        Assert.Equal(3, table.RowGroupCount);
        Assert.Equal(N, table.RowCount);
        CheckAgainstRows(table, threads: 1);
        CheckAgainstRows(table, threads: 2);
        CheckAgainstRows(table, threads: 3);
        // The native count equals the same file read row by row through the cursor.
        CheckPushDownEqualsRows(table);
    }

    [Fact]
    public async Task ParquetCursorReadsTheValuesAsCsvText()
    {
        string parquet = await WriteParquetAsync();
        using var p = ParquetTableReader.Open(parquet);
        using var csv = CsvTableReader.Open(WriteCsv());
        using var pr = p.ReadColumns(["c", "a", "b", "b"], BadRows.Stop());
        using var cr = csv.ReadColumns(["c", "a", "b", "b"], BadRows.Stop());
        int rows = 0;
        while (pr.Read())
        {
            Assert.True(cr.Read());
            for (int i = 0; i < 4; i++) Assert.Equal(cr.GetString(i), pr.GetString(i));
            Assert.Equal(cr.Line, pr.Line);
            rows++;
        }
        Assert.False(cr.Read());
        Assert.Equal(N, rows);
        // Numbers come out as numbers; a NULL is a missing value like an empty CSV field.
        using var numbers = p.ReadColumns(["b"], BadRows.Skip());
        double sum = 0;
        while (numbers.Read()) if (numbers.TryGetDouble(0, out double v)) sum += v;
        Assert.Equal(Rows().Sum(r => r.B ?? 0), sum);
        Assert.Equal(Rows().Count(r => r.B is null), numbers.BadRows.Skipped);
    }

    [Fact]
    public async Task DuckDbCountsInTheEngineEqualTheRowsAndItsParquetReadsNatively()
    {
        string parquet = await WriteParquetAsync();
        var sent = new List<string>();
        using (var table = SqlTableReader.Open($"SELECT * FROM '{parquet}'", log: sent.Add))
        {
            Assert.Equal(SqlEngine.DuckDb, table.Engine);
            Assert.Equal(["a", "b", "c"], table.Columns);
            CheckAgainstRows(table);
            CheckPushDownEqualsRows(table);
        }
        // The counts were GROUP BY queries: the documented text, with no row sent back.
        Assert.Contains(SqlTableReader.CountQuery($"SELECT * FROM '{parquet}'", ["a", "b", "c"]), sent);
        Assert.Equal($"SELECT \"a\", \"b\", COUNT(*) AS xent_n FROM (SELECT * FROM '{parquet}') AS xent_t GROUP BY \"a\", \"b\" ORDER BY \"a\", \"b\"",
            SqlTableReader.CountQuery($"SELECT * FROM '{parquet}'", ["a", "b"]));

        // DuckDB's own Parquet writer (dictionary-encoded pages, its row groups), read and counted natively.
        string copy = Path.Combine(_files.Directory, "duck.parquet");
        using (var db = new DuckDBConnection("Data Source=:memory:"))
        {
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = $"COPY (SELECT * FROM '{parquet}') TO '{copy}' (FORMAT parquet, ROW_GROUP_SIZE 100)";
            command.ExecuteNonQuery();
        }
        using var duckParquet = ParquetTableReader.Open(copy);
        CheckAgainstRows(duckParquet, threads: 2);
    }

    [SkippableFact]
    public void PostgreSqlCountsInTheServerEqualTheRows()
    {
        Skip.If(_postgres.SkipReason is not null, _postgres.SkipReason);
        using (var db = new NpgsqlConnection(_postgres.ConnectionString))
        {
            db.Open();
            using var create = db.CreateCommand();
            create.CommandText = "DROP TABLE IF EXISTS t; CREATE TABLE t (a text, b integer, c boolean)";
            create.ExecuteNonQuery();
            using var writer = db.BeginBinaryImport("COPY t (a, b, c) FROM STDIN (FORMAT BINARY)");
            foreach (var (a, b, c) in Rows())
            {
                writer.StartRow();
                writer.Write((object?)a ?? DBNull.Value);
                writer.Write(b is null ? DBNull.Value : (object)b.Value, NpgsqlTypes.NpgsqlDbType.Integer);
                writer.Write(c is null ? DBNull.Value : (object)c.Value, NpgsqlTypes.NpgsqlDbType.Boolean);
            }
            writer.Complete();
        }
        using var table = SqlTableReader.Open("SELECT * FROM t", _postgres.ConnectionString);
        Assert.Equal(SqlEngine.PostgreSql, table.Engine);
        CheckAgainstRows(table);
        CheckPushDownEqualsRows(table);
        // A URI names the same server.
        using var byUri = SqlTableReader.Open("SELECT a FROM t", $"postgres://postgres@127.0.0.1:{_postgres.Port}/postgres?Pooling=false");
        Assert.Equal(Expected(["a"], MissingValues.Category), Cells(TableCounts.Count(byUri, ["a"], missing: MissingValues.Category)));
        // An error of the server's is one line naming the query's failure.
        var error = Assert.Throws<DataException>(() => SqlTableReader.Open("SELECT * FROM no_such_table", _postgres.ConnectionString)).Error;
        Assert.Equal(DataErrorKind.QueryFailed, error.Kind);
        Assert.Contains("no_such_table", error.Reason);
    }

    [Fact]
    public void SqlErrorsAreDataErrorsOfOneLine()
    {
        var failing = Assert.Throws<DataException>(() => SqlTableReader.Open("SELEC 1")).Error;
        Assert.Equal(DataErrorKind.QueryFailed, failing.Kind);
        Assert.DoesNotContain('\n', failing.Message);

        using var empty = SqlTableReader.Open("SELECT 1 AS a WHERE false");
        Assert.Equal(DataErrorKind.NoDataRows, Assert.Throws<DataException>(() => TableCounts.Count(empty, ["a"])).Error.Kind);
        Assert.Equal(DataErrorKind.UnknownColumn, Assert.Throws<DataException>(() => TableCounts.Count(empty, ["z"])).Error.Kind);

        // Nothing listens on port 1 of the loopback interface.
        var refused = Assert.Throws<DataException>(() => SqlTableReader.Open("SELECT 1", "Host=127.0.0.1;Port=1;Timeout=5")).Error;
        Assert.Equal(DataErrorKind.ConnectionFailed, refused.Kind);
        Assert.DoesNotContain('\n', refused.Message);
    }

    [Fact]
    public void EngineFollowsTheConnectionString()
    {
        Assert.Equal(SqlEngine.DuckDb, SqlTableReader.EngineOf(null));
        Assert.Equal(SqlEngine.DuckDb, SqlTableReader.EngineOf("Data Source=x.duckdb"));
        Assert.Equal(SqlEngine.PostgreSql, SqlTableReader.EngineOf("Host=db;Database=x"));
        Assert.Equal(SqlEngine.PostgreSql, SqlTableReader.EngineOf("postgres://u@db:5433/x"));
        var keywords = new NpgsqlConnectionStringBuilder(SqlTableReader.ToKeywords("postgres://u%40x:p%3Aw@db:5433/my%20db?Pooling=false"));
        Assert.Equal(("db", 5433, "u@x", "p:w", "my db", false),
            (keywords.Host, keywords.Port, keywords.Username, keywords.Password, keywords.Database, keywords.Pooling));
    }

    [Fact]
    public void ParquetFilesAreKnownByTheirMagicAndAMalformedOneIsADataError()
    {
        string bad = _files.Write("bad.parquet", "PAR1 this is not a parquet file PAR1"u8.ToArray());
        string csv = _files.Write("t.csv", "a\n1\n");
        Assert.True(ParquetTableReader.IsParquet(bad));
        Assert.False(ParquetTableReader.IsParquet(csv));
        var error = Assert.Throws<DataException>(() => ParquetTableReader.Open(bad)).Error;
        Assert.Equal(DataErrorKind.MalformedFile, error.Kind);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Throws<FileNotFoundException>(() => ParquetTableReader.Open(Path.Combine(_files.Directory, "none.parquet")));
    }

    [Fact]
    public async Task ParquetUnknownColumnListsTheColumns()
    {
        using var table = ParquetTableReader.Open(await WriteParquetAsync());
        var error = Assert.Throws<DataException>(() => TableCounts.Count(table, ["z"])).Error;
        Assert.Equal(DataErrorKind.UnknownColumn, error.Kind);
        Assert.Contains("a, b, c", error.Reason);
    }
}
