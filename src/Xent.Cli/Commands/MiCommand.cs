using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Xent.Cli.Data;
using Xent.Cli.Rendering;
using Xent.Measures;

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
            Crosstab crosstab;
            using (var csv = TableInput.OpenCsv(path))
                crosstab = zName is null ? Crosstab.Count(csv, xName, yName) : Crosstab.Count(csv, xName, yName, zName);

            var counts = new MeasureOptions { Normalization = Normalization.Renormalize };
            int nx = crosstab.Sizes[0], ny = crosstab.Sizes[1];
            var summary = Joint.Summarize(crosstab.FirstTwo(), nx, ny, b, counts);
            Information? conditional = zName is null ? null
                : Joint.ConditionalMutualInformation(crosstab.Cells, nx, ny, crosstab.Sizes[2], b, counts);
            var mi = conditional ?? summary.MutualInformation;
            double nmi = summary.Normalized();

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                var report = new JsonReport().AddInformation("mutual_information", mi)
                    .Add("h_x", summary.RowEntropy.Value).Add("h_y", summary.ColumnEntropy.Value).Add("h_xy", summary.JointEntropy.Value)
                    .Add("nmi", nmi).Add("n", crosstab.Rows).Add("x", xName).Add("y", yName);
                if (zName is not null) report.Add("given", zName).Add("unconditional_mutual_information", summary.MutualInformation.Value);
                report.WriteTo(output);
                return 0;
            }

            var table = new Table().AddColumn("measure").AddColumn(new TableColumn("value").RightAligned()).AddColumn("unit");
            void Row(string label, Information value) => table.AddRow(Markup.Escape(label), value.Value.ToString("0.000000", CultureInfo.InvariantCulture), value.Unit);
            Row($"H(X) = H({xName})", summary.RowEntropy);
            Row($"H(Y) = H({yName})", summary.ColumnEntropy);
            Row("H(X,Y)", summary.JointEntropy);
            Row("I(X;Y)", summary.MutualInformation);
            table.AddRow("NMI (arithmetic)", nmi.ToString("0.000000", CultureInfo.InvariantCulture), "");
            if (conditional is { } c) Row($"I(X;Y|Z), Z = {zName}", c);
            table.Caption = new TableTitle($"{crosstab.Rows} rows, {nx} × {ny} categories");
            TextTable.Write(output, table);
            return 0;
        });
        return command;
    }
}
