using System.CommandLine;
using System.Diagnostics;
using Xent.Cli.Data;
using Xent.Cli.Rendering;
using Xent.Data;
using Xent.Measures;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>
/// bench mi-table: the mutual information of every column of a table with a target column, timed end to end (open the
/// table, count each feature with the target, compute the MI): what bench/peers/mi-parquet.py compares with pandas + sklearn.
/// </summary>
internal static class BenchMiTableCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("F") { Description = "A Parquet or CSV file; or give --sql.", Arity = ArgumentArity.ZeroOrOne };
        var target = new Option<string>("--target") { Description = "The target column; every other column is a feature.", Required = true };
        var threads = Inputs.Threads("Threads of a native Parquet count", -1);
        var runs = new Option<int>("--runs") { Description = "Timed runs; the fastest is reported.", DefaultValueFactory = _ => 1 };
        var logBase = Inputs.Base();
        var json = Inputs.Json();
        var command = new Command("mi-table", "Time the mutual information of every column of a table with a target column (categorical values).")
        {
            file, target, threads, runs, logBase, json,
        };
        TableInput.AddDelimiter(command);
        TableInput.AddSources(command);
        command.SetAction(parse =>
        {
            var b = Inputs.ParseBase(parse.GetValue(logBase)!);
            int t = Inputs.ParseThreads(parse.GetValue(threads)), r = parse.GetValue(runs);
            if (r < 1) throw new UsageException($"--runs {r} must be ≥ 1.");
            string y = parse.GetValue(target)!;
            var missing = TableInput.Missing(parse);
            var cancellation = CliSession.Current.Cancellation;
            double best = double.PositiveInfinity;
            MiTableBenchResult? result = null;
            for (int k = 0; k < r; k++)
            {
                cancellation.ThrowIfCancellationRequested();
                long start = Stopwatch.GetTimestamp();
                using var table = TableInput.Open(parse.GetValue(file), parse, "F");
                table.ColumnIndex(y);
                var features = table.Columns.Where(c => c != y).ToArray();
                if (features.Length == 0) throw new UsageException($"the table has no column besides the target '{y}'.");
                var counts = TableCounts.CountMany(table, [.. features.Select(f => (IReadOnlyList<string>)[f, y])],
                    badRows: BadRows.Stop(), missing: missing, maxDegreeOfParallelism: t);
                double top = double.NegativeInfinity, sum = 0;
                string topName = "";
                for (int j = 0; j < features.Length; j++)
                {
                    var shape = counts[j].Table.Shape;
                    double mi = Joint.MutualInformation(counts[j].Table.Counts, shape[0], shape[1], b).Value;
                    sum += mi;
                    if (mi > top) (top, topName) = (mi, features[j]);
                }
                best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
                string engine = table switch
                {
                    ParquetTableReader => "native parquet",
                    CsvTableReader => "csv",
                    _ => table.Source,
                };
                result = new MiTableBenchResult
                {
                    Rows = counts[0].Table.Total, Features = features.Length, Engine = engine, Threads = t, BestSeconds = best, Runs = r,
                    TopFeature = topName, TopMi = top, SumMi = sum, Base = b.Value,
                };
            }
            ResultOutput.Write(parse.InvocationConfiguration.Output, result!, parse.GetValue(json), ResultText.Write);
            return 0;
        });
        return command;
    }
}
