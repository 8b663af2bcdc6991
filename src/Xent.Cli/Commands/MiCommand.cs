using System.CommandLine;
using Xent.Cli.Data;
using Xent.Cli.Rendering;
using Xent.Data;
using Xent.Estimation;
using Xent.Measures;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>mi: mutual information I(X;Y), or conditional I(X;Y|Z) with --given, of categorical columns of a CSV table.</summary>
internal static class MiCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("F") { Description = "A CSV file with a header row." };
        var x = new Option<string>("--x") { Description = "Column X (values are categories).", Required = true };
        var y = new Option<string>("--y") { Description = "Column Y (values are categories).", Required = true };
        var given = new Option<string?>("--given") { Description = "Column Z: report the conditional mutual information I(X;Y|Z)." };
        var logBase = Inputs.Base();
        var json = Inputs.Json();
        var command = new Command("mi", "Mutual information I(X;Y) (or I(X;Y|Z) with --given) of CSV columns treated as categorical.")
        {
            file, x, y, given, logBase, json,
        };
        command.SetAction(parse =>
        {
            var b = Inputs.ParseBase(parse.GetValue(logBase)!);
            string path = parse.GetValue(file)!, xName = parse.GetValue(x)!, yName = parse.GetValue(y)!;
            string? zName = parse.GetValue(given);
            var crosstab = Count(path, zName is null ? [xName, yName] : [xName, yName, zName]);

            int nx = crosstab.Shape[0], ny = crosstab.Shape[1];
            var summary = Joint.Summarize((crosstab.Rank == 2 ? crosstab : crosstab.Marginal(0, 1)).Counts, nx, ny, b);
            Information? conditional = zName is null ? null
                : Joint.ConditionalMutualInformation(crosstab.Counts, nx, ny, crosstab.Shape[2], b);
            var result = MutualInformationResult.From(summary, crosstab.Total, xName, yName, nx, ny, zName, conditional);
            ResultOutput.Write(parse.InvocationConfiguration.Output, result, parse.GetValue(json), ResultText.Write);
            return 0;
        });
        return command;
    }

    /// <summary>The largest table built (16 Mi cells, 128 MB): beyond that the columns are not categorical in any useful sense.</summary>
    private const long MaxCells = ContingencyTable.DefaultMaxCells;

    /// <summary>Streams the named columns of the CSV file and counts their value combinations (each distinct string a category).</summary>
    /// <exception cref="DataException">A column does not exist or a row is bad.</exception>
    /// <exception cref="UsageException">The table would exceed <see cref="MaxCells"/>.</exception>
    private static ContingencyTable Count(string path, string[] columns)
    {
        using var csv = TableInput.OpenCsv(path);
        using var rows = csv.ReadColumns(columns, BadRows.Stop());
        var counter = new ContingencyCounter<string>(columns.Length, StringComparer.Ordinal, MaxCells);
        var values = new string[columns.Length];
        while (rows.Read())
        {
            for (int i = 0; i < values.Length; i++) values[i] = rows.GetString(i);
            if (!counter.TryAdd(values))
                throw new UsageException(
                    $"{path}: the columns have at least {string.Join(" × ", counter.PendingShape())} categories, a table of more than {MaxCells} cells; are they really categorical?");
        }
        return counter.Table;
    }
}
