using System.CommandLine;
using Spectre.Console;
using Xent.Cli.Rendering;
using Xent.Cli.Tour;

namespace Xent.Cli.Commands;

/// <summary>tour: every worked example of the four articles, computed by the library, with tables and figures.</summary>
internal static class TourCommand
{
    public static Command Create()
    {
        var outDir = new Option<string>("--out") { Description = "Directory for the figures (PNG and SVG).", DefaultValueFactory = _ => "tour-output" };
        var json = Inputs.Json();
        var noPlots = new Option<bool>("--no-plots") { Description = "Compute and print only; write no figure files." };
        var force = new Option<bool>("--force") { Description = "Write into --out even if it holds files the tour did not write." };
        var command = new Command("tour", "Replay every worked example of the articles, computed by Xent, with the articles' figures beside ours and plots.")
            { outDir, json, noPlots, force };
        command.SetAction(parse =>
        {
            var report = Build();
            var output = parse.InvocationConfiguration.Output;
            var written = parse.GetValue(noPlots) ? [] : TourFigures.Write(report.Plots, parse.GetValue(outDir)!, parse.GetValue(force));
            if (parse.GetValue(json))
            {
                var figures = new JsonReport();
                foreach (var (key, value) in report.Figures) figures.Add(key, value);
                new JsonReport().Add("figures", figures).Add("files", written).WriteTo(output);
                return 0;
            }
            Render(report, written, Terminal.For(output));
            return 0;
        });
        return command;
    }

    public static TourReport Build()
    {
        var report = new TourReport();
        WeatherArticle.Add(report);
        MathForMlArticle.Add(report);
        SurpriseArticle.Add(report);
        DecompositionArticle.Add(report);
        return report;
    }

    private static void Render(TourReport report, IReadOnlyList<string> written, IAnsiConsole console)
    {
        foreach (var section in report.Sections)
        {
            console.Write(new Rule($"[bold]{Markup.Escape(section.Title)}[/]").LeftJustified());
            console.MarkupLine($"[grey]{Markup.Escape(section.Source)}[/]");
            foreach (var t in section.Tables)
            {
                console.MarkupLine($"[bold]{Markup.Escape(t.Title)}[/]");
                var table = new Table().Border(TableBorder.Rounded);
                foreach (var header in t.Headers) table.AddColumn(new TableColumn(Markup.Escape(header)));
                foreach (var row in t.Rows) table.AddRow(row.Select(Markup.Escape).ToArray());
                console.Write(table);
            }
            if (section.Checks.Count > 0)
            {
                var checks = new Table().Border(TableBorder.Simple).AddColumns("figure", "Xent", "article", "", "note");
                checks.Columns[1].NoWrap();
                foreach (var c in section.Checks)
                {
                    string verdict = c.Agrees switch { true => "[green]✓[/]", false => "[yellow]differs[/]", null => "" };
                    checks.AddRow(Markup.Escape(c.Label), Markup.Escape($"{Format.Fixed(c.Value, 6)} {c.Unit}"),
                        Markup.Escape(c.ArticleSays ?? "—"), verdict, $"[grey]{Markup.Escape(c.Note ?? "")}[/]");
                }
                console.Write(checks);
            }
            foreach (var note in section.Notes) console.MarkupLine($"[grey]{Markup.Escape(note)}[/]");
            console.WriteLine();
        }
        if (written.Count > 0)
        {
            console.MarkupLine("[bold]Figures written:[/]");
            foreach (var file in written) console.MarkupLine($"  {Markup.Escape(file)}");
        }
    }
}
