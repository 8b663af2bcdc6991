using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Xent.Cli.Plotting;
using Xent.Cli.Rendering;
using Xent.Coding;
using Xent.Measures;

namespace Xent.Cli.Commands;

/// <summary>blocks: bits per symbol of Huffman block codes for n = 1..N, built for P (or for Q) and used on P.</summary>
internal static class BlocksCommand
{
    public static Command Create()
    {
        var p = new Argument<string>("P") { Description = "Probabilities of the i.i.d. source, comma-separated: 0.5,0.4,0.1" };
        var q = new Option<string?>("--q") { Description = "A model Q to build the codes for (used on P): the mismatched code, → H(P,Q)." };
        var maxN = new Option<int>("--max-n") { Description = "Largest block length N.", DefaultValueFactory = _ => 10 };
        var tieBreak = new Option<string>("--tie-break")
        {
            Description = "When a group of sequences and a merged node weigh the same: leaf (default) or merged first.",
            DefaultValueFactory = _ => "leaf",
        };
        var plot = new Option<string?>("--plot") { Description = "Also draw the curves into FILE.png or FILE.svg." };
        var force = new Option<bool>("--force") { Description = "Replace the --plot file if it exists." };
        var json = Inputs.Json();
        var command = new Command("blocks", "Block (extended-source) Huffman codes: bits per symbol for n = 1..N, with H(P) and H(P,Q).")
            { p, q, maxN, tieBreak, plot, force, json };
        command.SetAction(parse =>
        {
            var source = Inputs.ParseList(parse.GetValue(p)!, "P");
            var model = parse.GetValue(q) is string text ? Inputs.ParseList(text, "--q") : null;
            if (model is not null && model.Length != source.Length)
                throw new UsageException($"--q has {model.Length} entries but P has {source.Length}; they must have the same length.");
            var rule = parse.GetValue(tieBreak) switch
            {
                "leaf" => HuffmanTieBreak.LeafFirst,
                "merged" => HuffmanTieBreak.MergedFirst,
                var other => throw new UsageException($"--tie-break '{other}' is not 'leaf' or 'merged'."),
            };
            string? plotPath = parse.GetValue(plot);
            if (plotPath is not null) LinePlot.CheckPath(plotPath, parse.GetValue(force));
            var report = Build(source, model, parse.GetValue(maxN), rule);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json)) report.ToJson().WriteTo(output);
            else report.Render(output);
            if (plotPath is not null) report.Plot(plotPath, parse.GetValue(force));
            return 0;
        });
        return command;
    }

    private static Report Build(double[] p, double[]? q, int maxN, HuffmanTieBreak tieBreak)
    {
        double entropy = Discrete.Entropy(p).Value;
        double? crossEntropy = q is null ? null : Discrete.CrossEntropy(p, q).Value;
        if (maxN < 1) throw new UsageException($"--max-n {maxN}: the block length must be at least 1.");
        if (!BlockCode.Fits(p.Length, maxN))
            throw new UsageException($"--max-n {maxN} is too large for {p.Length} symbols: {p.Length}^{maxN} sequences exceed the limit (2^{BlockCode.MaxSequencesLog2} sequences, {BlockCode.MaxCompositions} compositions).");
        var rows = new List<Row>();
        for (int n = 1; n <= maxN; n++)
        {
            double own = BlockCode.ExpectedLength(p, p, n, tieBreak).Value / n;
            double? mismatched = q is null ? null : BlockCode.ExpectedLength(p, q, n, tieBreak).Value / n;
            rows.Add(new Row(n, own, mismatched));
        }
        return new Report(rows, entropy, crossEntropy, tieBreak);
    }

    private sealed record Row(int N, double BitsPerSymbol, double? QCodeBitsPerSymbol);

    private sealed record Report(List<Row> Rows, double Entropy, double? CrossEntropy, HuffmanTieBreak TieBreak)
    {
        public JsonReport ToJson() => new JsonReport()
            .Add("rows", Rows.Select(r =>
            {
                var row = new JsonReport().Add("n", r.N).Add("bits_per_symbol", r.BitsPerSymbol);
                if (r.QCodeBitsPerSymbol is double b) row.Add("q_code_bits_per_symbol", b);
                return row;
            }).ToArray())
            .Add("entropy", Entropy)
            .Add("cross_entropy", CrossEntropy)
            .Add("tie_break", TieBreak == HuffmanTieBreak.LeafFirst ? "leaf" : "merged")
            .Add("unit", "bits");

        public void Render(TextWriter output)
        {
            var table = new Table().AddColumns("n", "code for P on P (bits/symbol)");
            if (CrossEntropy is not null) table.AddColumn("code for Q on P (bits/symbol)");
            foreach (var r in Rows)
            {
                var cells = new List<string> { r.N.ToString(CultureInfo.InvariantCulture), F(r.BitsPerSymbol) };
                if (r.QCodeBitsPerSymbol is double b) cells.Add(F(b));
                table.AddRow(cells.ToArray());
            }
            TextTable.Write(output, table);
            output.WriteLine($"H(P)   = {F(Entropy)} bits/symbol");
            if (CrossEntropy is double h) output.WriteLine($"H(P,Q) = {F(h)} bits/symbol");
        }

        public void Plot(string path, bool force)
        {
            var x = Rows.Select(r => (double)r.N).ToArray();
            var chart = new LinePlot("Block codes: bits per symbol", "Block length n (symbols)", "Expected length (bits per symbol)")
            {
                IntegerX = true,
                LegendAlignment = ScottPlot.Alignment.MiddleRight,
            };
            chart.AddSeries("Huffman code for P, used on P", x, Rows.Select(r => r.BitsPerSymbol).ToArray());
            if (CrossEntropy is double h)
                chart.AddSeries("Huffman code for Q, used on P", x, Rows.Select(r => r.QCodeBitsPerSymbol!.Value).ToArray());
            chart.AddReference($"H(P) = {Entropy:0.000} bits", Entropy);
            if (CrossEntropy is double ce && !double.IsPositiveInfinity(ce)) chart.AddReference($"H(P,Q) = {ce:0.000} bits", ce);
            chart.Save(path, force);
        }

        private static string F(double x) => double.IsPositiveInfinity(x) ? "∞" : x.ToString("0.######", CultureInfo.InvariantCulture);
    }
}
