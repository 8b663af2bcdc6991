using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Npgsql;
using Xent.Estimation;
using Xent.Tests;

namespace Xent.Data.Tests;

/// <summary>
/// Binned counts (<c>--bins</c>) of one table from a CSV file (read row by row in .NET), a DuckDB database and a real
/// PostgreSQL server (both binned in the engine: types, cut points and counts queried, no row read): every source must give
/// the same types, cut points, missing tallies and cells, and a count pushed into a database must equal the same source read
/// row by row. The table has ties, NULLs and blanks, a constant column, numbers stored as padded text, single-precision
/// floats, decimals, a NaN (which makes a column categorical) and a boolean column.
/// </summary>
public class BinnedCountsTests : IDisposable, IClassFixture<PostgresFixture>
{
    private const int N = 300;
    private readonly TempFiles _files = new();
    private readonly PostgresFixture _postgres;

    public BinnedCountsTests(PostgresFixture postgres) => _postgres = postgres;

    public void Dispose() => _files.Dispose();

    private static readonly string[] Names = ["x", "k", "s", "f", "d", "g", "t", "n"];

    private static readonly string[] SqlTypes = ["DOUBLE PRECISION", "INTEGER", "VARCHAR", "REAL", "NUMERIC(10,3)", "VARCHAR", "BOOLEAN", "DOUBLE PRECISION"];

    /// <summary>Row i as SQL literals (NULL for a missing value) and as CSV fields ("" for a missing value).</summary>
    private static (string Sql, string Csv)[] Row(int i)
    {
        var c = CultureInfo.InvariantCulture;
        (string, string) Null() => ("NULL", "");
        (string, string) Text(string s) => ($"'{s}'", s);
        double x = (i * 37 % 23) / 4.0 - 2;
        string s = i % 17 == 0 ? "1e1" : i % 19 == 0 ? "+3" : i % 23 == 0 ? ".5" : $" {(i * 7 % 9 * 0.5).ToString(c)} ";
        float f = i % 5 / 10f;
        decimal d = i % 6 * 1.125m;
        return
        [
            i % 10 == 0 ? Null() : ($"CAST('{x.ToString("R", c)}' AS DOUBLE PRECISION)", x.ToString("R", c)),
            i % 7 == 0 ? Null() : ("7", "7"),
            i % 11 == 0 ? Null() : i % 13 == 0 ? Text("  ") : Text(s),
            i % 9 == 0 ? Null() : ($"CAST('{f.ToString("R", c)}' AS REAL)", f.ToString("R", c)),
            i % 8 == 0 ? Null() : (d.ToString("0.000", c), d.ToString("0.000", c)),
            i % 15 == 0 ? Null() : Text(new[] { "u", "v", " w", "w" }[i % 4]),
            i % 12 == 0 ? Null() : i % 2 == 0 ? ("TRUE", "true") : ("FALSE", "false"),
            i == 5 ? ($"CAST('NaN' AS DOUBLE PRECISION)", "NaN") : ((i % 3).ToString(c), (i % 3).ToString(c)),
        ];
    }

    private static string[] Inserts() => [.. Enumerable.Range(0, N).Select(i => $"({string.Join(", ", Row(i).Select(v => v.Sql))})")];

    private string WriteCsv()
    {
        var text = new StringBuilder(string.Join(",", Names) + "\n");
        for (int i = 0; i < N; i++) text.Append(string.Join(",", Row(i).Select(v => v.Csv))).Append('\n');
        return _files.Write("b.csv", text.ToString());
    }

    private static string Create(string doubleType) =>
        $"CREATE TABLE b ({string.Join(", ", Names.Select((n, j) => $"{n} {SqlTypes[j].Replace("DOUBLE PRECISION", doubleType, StringComparison.Ordinal)}"))})";

    private static readonly string[][] Sets = [["x"], ["x", "g"], ["s", "t"], ["k", "x"], ["f", "d"], ["n", "x"], ["x", "s", "g"], ["x", "x"], ["t"]];

    private static readonly Binning[] Binnings = [new(2), new(3), new(4), new(7), new(50), new(4, Uniform: true), new(3, Uniform: true)];

    private static readonly MissingValues[] Policies = [MissingValues.Category, MissingValues.Skip];

    /// <summary>The cells by label (category or bin), so that sources numbering categories differently compare.</summary>
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

    private static void Same(TableCounts expected, TableCounts actual, string what)
    {
        Assert.True(expected.Table.Shape.SequenceEqual(actual.Table.Shape), $"{what}: shape");
        Assert.Equal(Cells(expected), Cells(actual));
        Assert.Equal(expected.Missing, actual.Missing);
        Assert.Equal(expected.Columns.Count, actual.Columns.Count);
        for (int i = 0; i < expected.Columns.Count; i++)
        {
            var (e, a) = (expected.Columns[i], actual.Columns[i]);
            Assert.Equal((e.Name, e.Type, e.Missing, e.Categories, e.Bins), (a.Name, a.Type, a.Missing, a.Categories, a.Bins));
            Assert.Equal(e.CutPoints ?? [], a.CutPoints ?? []);
        }
    }

    /// <summary>Every set, binning and policy of <paramref name="table"/> equals <paramref name="reference"/>'s, and (for a source that
    /// pushes down) the same source read row by row.</summary>
    private static void CheckAll(TableReader table, TableReader reference, bool pushesDown)
    {
        foreach (var set in Sets)
            foreach (var binning in Binnings)
                foreach (var missing in Policies)
                {
                    string what = $"{table.Source} [{string.Join(",", set)}] {binning} {missing}";
                    var counted = TableCounts.Count(table, set, missing: missing, binning: binning);
                    Same(BinnedCounts.CountInMemory(reference, set, binning, BadRows.Stop(), missing), counted, what);
                    if (pushesDown) Same(BinnedCounts.CountInMemory(table, set, binning, BadRows.Stop(), missing), counted, what + " (rows)");
                }
        // The bad-row policy: a missing value stops the count naming its column, or its row is skipped and counted.
        var error = Assert.Throws<DataException>(() => TableCounts.Count(table, ["x", "g"], binning: new Binning(4))).Error;
        Assert.Equal(DataErrorKind.MissingValue, error.Kind);
        var bad = BadRows.Skip();
        var kept = TableCounts.Count(table, ["x", "g"], badRows: bad, binning: new Binning(4));
        var skip = TableCounts.Count(reference, ["x", "g"], missing: MissingValues.Skip, binning: new Binning(4));
        Assert.Equal(Cells(skip), Cells(kept));
        Assert.Equal(N - skip.Table.Total, bad.Skipped);
    }

    [Fact]
    public void TheTypesAndBinsFollowTheOneRule()
    {
        using var csv = CsvTableReader.Open(WriteCsv());
        var counts = TableCounts.Count(csv, Names, missing: MissingValues.Category, binning: new Binning(4));
        Assert.Equal([ColumnType.Numeric, ColumnType.Numeric, ColumnType.Numeric, ColumnType.Numeric, ColumnType.Numeric, ColumnType.Categorical, ColumnType.Boolean, ColumnType.Categorical],
            counts.Columns.Select(c => c.Type));
        // The constant column has one bin; a missing value is a category after the bins.
        var k = counts.Columns[1];
        Assert.Equal((1, 2), (k.Bins, k.Categories));
        Assert.Equal(["(-inf, +inf)", TableCounts.MissingCategory], counts.Categories[1].Categories);
        // x's cut points are QuantileBins' own on its present values.
        var xs = Enumerable.Range(0, N).Where(i => i % 10 != 0).Select(i => (i * 37 % 23) / 4.0 - 2).ToArray();
        Assert.Equal(QuantileBins.CutPoints(xs, 4), counts.Columns[0].CutPoints);
        var uniform = TableCounts.Count(csv, ["x"], missing: MissingValues.Skip, binning: new Binning(4, Uniform: true));
        Assert.Equal(QuantileBins.UniformCutPoints(xs, 4), uniform.Columns[0].CutPoints);
        // Each bin holds the values in (c_{i−1}, c_i].
        var cuts = counts.Columns[0].CutPoints!;
        var binned = TableCounts.Count(csv, ["x"], missing: MissingValues.Skip, binning: new Binning(4)).Table.Counts.ToArray();
        Assert.Equal(cuts.Count + 1, binned.Length);
        for (int b = 0; b <= cuts.Count; b++)
        {
            double lo = b == 0 ? double.NegativeInfinity : cuts[b - 1], hi = b == cuts.Count ? double.PositiveInfinity : cuts[b];
            Assert.Equal(xs.Count(v => v > lo && v <= hi), binned[b]);
        }
        // Without --bins, the types come from the distinct values counted.
        var plain = TableCounts.Count(csv, ["x", "t", "g"], missing: MissingValues.Category);
        Assert.Equal([ColumnType.Numeric, ColumnType.Boolean, ColumnType.Categorical], plain.Columns.Select(c => c.Type));
        Assert.Equal([.. new[] { 10, 12, 15 }.Select(m => (long)Enumerable.Range(0, N).Count(i => i % m == 0))], plain.Columns.Select(c => c.Missing));
    }

    [Fact]
    public void DuckDbBinsInTheEngineAsTheRowsAre()
    {
        string path = Path.Combine(_files.Directory, "b.duckdb");
        using (var db = new DuckDBConnection($"Data Source={path}"))
        {
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = Create("DOUBLE") + "; INSERT INTO b VALUES " + string.Join(", ", Inserts());
            command.ExecuteNonQuery();
        }
        var sent = new List<string>();
        using var csv = CsvTableReader.Open(WriteCsv());
        using var table = SqlTableReader.Open("SELECT * FROM b", $"Data Source={path}");
        table.Log = sent.Add;
        _ = TableCounts.Count(table, ["x", "s", "g"], missing: MissingValues.Skip, binning: new Binning(4));
        // Only counts, cut points and groups were asked for: no query streams the rows.
        Assert.NotEmpty(sent);
        Assert.All(sent, q => Assert.False(q.StartsWith("SELECT \"", StringComparison.Ordinal), q));
        Assert.Contains(sent, q => q.Contains("ROW_NUMBER() OVER", StringComparison.Ordinal));
        Assert.Contains(sent, q => q.Contains("GROUP BY 1, 2, 3", StringComparison.Ordinal));
        table.Log = null;
        CheckAll(table, csv, pushesDown: true);
    }

    [Fact]
    public void CsvAndParquetThroughDuckDbBinAlike()
    {
        string csvPath = WriteCsv();
        using var csv = CsvTableReader.Open(csvPath);
        // DuckDB reading the CSV file itself, every column as text: the numbers are recognised by their text in SQL.
        using var asText = SqlTableReader.Open($"SELECT * FROM read_csv('{csvPath}', all_varchar = true)");
        CheckAll(asText, csv, pushesDown: true);
    }

    [SkippableFact]
    public void PostgreSqlBinsInTheServerAsTheRowsAre()
    {
        Skip.If(_postgres.SkipReason is not null, _postgres.SkipReason);
        using (var db = new NpgsqlConnection(_postgres.ConnectionString))
        {
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = "DROP TABLE IF EXISTS b; " + Create("DOUBLE PRECISION") + "; INSERT INTO b VALUES " + string.Join(", ", Inserts());
            command.ExecuteNonQuery();
        }
        using var csv = CsvTableReader.Open(WriteCsv());
        using var table = SqlTableReader.Open("SELECT * FROM b", _postgres.ConnectionString);
        CheckAll(table, csv, pushesDown: true);
    }
}
