using System.CommandLine;
using Xent.Cli.Data;
using Xent.Cli.Rendering;
using Xent.Data;
using Xent.Estimation;
using Xent.Measures;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>mi: mutual information I(X;Y), or conditional I(X;Y|Z) with --given, of categorical columns of a table (CSV, Parquet or an SQL query).</summary>
internal static class MiCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("F") { Description = "A CSV file with a header row (- for stdin) or a Parquet file; or give --sql.", Arity = ArgumentArity.ZeroOrOne };
        var x = new Option<string>("--x") { Description = "Column X (values are categories).", Required = true };
        var y = new Option<string>("--y") { Description = "Column Y (values are categories).", Required = true };
        var given = new Option<string?>("--given") { Description = "Column Z: report the conditional mutual information I(X;Y|Z)." };
        var logBase = Inputs.Base();
        var json = Inputs.Json();
        var command = new Command("mi", "Mutual information I(X;Y) (or I(X;Y|Z) with --given) of table columns (CSV, Parquet, --sql) treated as categorical.")
        {
            file, x, y, given, logBase, json,
        };
        TableInput.AddDelimiter(command);
        TableInput.AddSources(command);
        var skip = LossInputs.SkipBadRows();
        command.Options.Add(skip);
        command.SetAction(parse =>
        {
            var b = Inputs.ParseBase(parse.GetValue(logBase)!);
            string? path = parse.GetValue(file);
            string xName = parse.GetValue(x)!, yName = parse.GetValue(y)!;
            string? zName = parse.GetValue(given);
            string[] columns = zName is null ? [xName, yName] : [xName, yName, zName];
            var counts = TableInput.Count(parse, path, "F", columns, TableInput.Policy(parse.GetValue(skip)));
            var crosstab = counts.Table;

            int nx = crosstab.Shape[0], ny = crosstab.Shape[1];
            var summary = Joint.Summarize((crosstab.Rank == 2 ? crosstab : crosstab.Marginal(0, 1)).Counts, nx, ny, b);
            Information? conditional = zName is null ? null
                : Joint.ConditionalMutualInformation(crosstab.Counts, nx, ny, crosstab.Shape[2], b);
            var result = MutualInformationResult.From(summary, crosstab.Total, xName, yName, nx, ny, zName, conditional) with { Columns = TableInput.Report(counts) };
            ResultOutput.Write(parse.InvocationConfiguration.Output, result, parse.GetValue(json), ResultText.Write);
            return 0;
        });
        return command;
    }
}
