// Writes the table of bench/peers/mi-parquet.sh with DuckDB: ROWS rows of a target `y` (4 classes) and 100 categorical
// feature columns f000…f099 (TINYINT codes, 2…9 categories each; every fourth feature copies y on a share of the rows, so
// the MIs differ), as Parquet (DuckDB's writer: dictionary-encoded pages, row groups of 122 880 rows) and, for pandas,
// which reads no Parquet on this machine (Debian ships no pyarrow), as CSV. Fixed hash seeds: the same table every run.
// Usage: dotnet run bench/peers/mi_parquet_data.cs -- ROWS OUT.parquet [OUT.csv]
#:package DuckDB.NET.Data.Full@1.5.6.1
#:property ManagePackageVersionsCentrally=false
#:property PublishAot=false
using DuckDB.NET.Data;

long rows = long.Parse(args[0]);
string parquet = Path.GetFullPath(args[1]);
string? csv = args.Length > 2 ? Path.GetFullPath(args[2]) : null;
// hash(i * 1009 + s): one independent-looking stream per salt s < 1009.
var columns = new List<string> { "(hash(i * 1009 + 1000) % 4)::TINYINT AS y" };
for (int j = 0; j < 100; j++)
{
    int k = 2 + j % 8;
    string noise = $"(hash(i * 1009 + {j}) % {k})";
    string value = j % 4 == 0 ? $"CASE WHEN hash(i * 1009 + {j + 500}) % 10 < {1 + j % 7} THEN (hash(i * 1009 + 1000) % 4) % {k} ELSE {noise} END" : noise;
    columns.Add($"({value})::TINYINT AS f{j:000}");
}
string select = $"SELECT {string.Join(", ", columns)} FROM range({rows}) t(i)";
using var db = new DuckDBConnection("Data Source=:memory:");
db.Open();
using var command = db.CreateCommand();
command.CommandTimeout = 0;
command.CommandText = $"COPY ({select}) TO '{parquet}' (FORMAT parquet)";
command.ExecuteNonQuery();
if (csv is not null)
{
    command.CommandText = $"COPY (SELECT * FROM '{parquet}') TO '{csv}' (HEADER)";
    command.ExecuteNonQuery();
}
Console.WriteLine($"wrote {parquet}{(csv is null ? "" : " and " + csv)}");
