using System.Globalization;
using Spectre.Console;
using Xent.Reports;
using Xent.Reports.Tour;

namespace Xent.Cli.Rendering;

/// <summary>
/// The text form of every result record: lines and Spectre.Console tables built only from the record, so that the text
/// and <c>--json</c> show the same figures.
/// </summary>
internal static class ResultText
{
    /// <summary>Numbers in tables: up to six decimals, ∞ for +∞.</summary>
    private static string F(double x) => Numbers.Short(x);

    public static void Write(TextWriter output, EntropyResult r)
    {
        if (r.Estimator is null)
        {
            output.WriteLine($"H(P) = {r.Figure(r.Entropy)}");
            return;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"H = {Numbers.FixedOrTiny(r.Entropy, 6)} {r.Figure(r.Entropy).Unit}  ({r.Estimator}, n = {r.N}, distinct = {r.Distinct})"));
        if (r is { CiLower: double lower, CiUpper: double upper, Confidence: double confidence })
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{confidence * 100:0.##}% CI [{Numbers.FixedOrTiny(lower, 6)}, {Numbers.FixedOrTiny(upper, 6)} {r.Figure(upper).Unit}]  (percentile bootstrap, {r.Bootstrap} resamples)"));
        WriteColumns(output, r.Columns);
    }

    /// <summary>One line per counted column of a table: "column 'a': numeric, 4 bins, 3 missing".</summary>
    private static void WriteColumns(TextWriter output, IReadOnlyList<CountedColumnReport>? columns)
    {
        foreach (var c in columns ?? [])
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"column '{c.Name}': {c.Type}, {(c.Bins is int bins ? $"{bins} bins" : $"{c.Categories} categories")}, {c.Missing} missing"));
    }

    public static void Write(TextWriter output, PairMeasureResult r)
    {
        output.WriteLine($"{r.Symbol} = {r.Figure(r.Value)}");
        output.WriteLine($"H(P) = {r.Figure(r.EntropyP)}");
        if (r.Clip > 0) output.WriteLine($"(Q clipped below at {r.Clip:R})");
        if (r.Smoothing > 0) output.WriteLine($"(Q smoothed with α = {r.Smoothing:R})");
    }

    public static void Write(TextWriter output, SurprisalResult r)
    {
        for (int i = 0; i < r.Probabilities.Length; i++)
            output.WriteLine($"−log p({r.Probabilities[i]:R}) = {r.Figure(r.Surprisal[i])}");
    }

    public static void Write(TextWriter output, MutualInformationResult r)
    {
        var table = new Table().AddColumn("measure").AddColumn(new TableColumn("value").RightAligned()).AddColumn("unit");
        void Row(string label, double value, string unit) =>
            table.AddRow(Markup.Escape(label), value.ToString("0.000000", CultureInfo.InvariantCulture), unit);
        Row($"H(X) = H({r.X})", r.HX, r.Unit);
        Row($"H(Y) = H({r.Y})", r.HY, r.Unit);
        Row("H(X,Y)", r.HXy, r.Unit);
        Row("I(X;Y)", r.MutualInformation, r.Unit);
        Row("NMI (arithmetic)", r.Nmi, "");
        if (r is { Given: { } z, ConditionalMutualInformation: double conditional }) Row($"I(X;Y|Z), Z = {z}", conditional, r.Unit);
        table.Caption = new TableTitle($"{r.N} rows, {r.XCategories} × {r.YCategories} categories");
        TextTable.Write(output, table);
        WriteColumns(output, r.Columns);
    }

    public static void Write(TextWriter output, CompressionResult r)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{r.Input} → {r.Output}: {r.InputBytes} → {r.OutputBytes} bytes, {r.Blocks} block{(r.Blocks == 1 ? "" : "s")}, {r.Seconds:0.###} s on {r.Threads} thread{(r.Threads == 1 ? "" : "s")}"));
        output.WriteLine($"paid        {F(r.BitsPerByte)} bits/byte (the .xent file, headers and checksums included)");
        output.WriteLine($"{r.Codec,-11} {F(r.ModelCrossEntropyBitsPerByte)} bits/byte (the codec's model: its cross-entropy on the data)");
        output.WriteLine($"order-0     {F(r.Order0EntropyBitsPerByte)} bits/byte (entropy of the byte frequencies: the floor without context)");
    }

    public static void Write(TextWriter output, BitsResult r)
    {
        var c = CultureInfo.InvariantCulture;
        bool self = !r.Frozen;
        var table = new Table().AddColumn("bits per byte of " + Markup.Escape(r.File)).AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("order-0 entropy H(X_i)", F(r.Order0EntropyBitsPerByte));
        table.AddRow("order-1 entropy H(X_i | X_i-1)", F(r.Order1EntropyBitsPerByte));
        table.AddRow("order-2 entropy H(X_i | X_i-2 X_i-1)", F(r.Order2EntropyBitsPerByte));
        if (r.StaticModelCrossEntropyBitsPerByte is double whole)
            table.AddRow(Markup.Escape(string.Create(c, $"{r.Model} static model of the whole of {r.TrainedOn}, α = {r.Smoothing} (no table paid)")), F(whole));
        table.AddRow(Markup.Escape(self ? $"{r.Model} model cross-entropy: what {r.Codec} pays, {r.Blocks} block{(r.Blocks == 1 ? "" : "s")}"
            : $"{r.Model} model trained on {r.TrainedOn}, frozen (quantized): its cross-entropy"), F(r.ModelCrossEntropyBitsPerByte));
        if (r.OutputBytes is long bytes)
            table.AddRow(Markup.Escape(self ? $"real size: {bytes} bytes of .xent ({r.Codec}), headers and tables included"
                : $"real size: {bytes} bytes coded by the frozen model (which the decoder must hold)"), F(r.BitsPerByte ?? 0));
        else table.AddRow("real size: not codable (a byte has probability 0 under the frozen model; use --smoothing > 0)", "");
        table.Caption = new TableTitle(string.Create(c, $"{r.InputBytes} bytes; entropy is the floor, cross-entropy is what a model pays; {r.Seconds:0.##} s"));
        TextTable.Write(output, table);
    }

    /// <summary>Rows of a code table printed in full; a longer table shows its first and last <see cref="CodeTableEnds"/> rows.</summary>
    public const int CodeTableRows = 50;

    /// <summary>Rows shown at each end of a code table longer than <see cref="CodeTableRows"/> (unless every row is asked for).</summary>
    public const int CodeTableEnds = 10;

    public static void Write(TextWriter output, HuffmanCodeResult r) => Write(output, r, all: false);

    /// <summary>
    /// The code table and its figures. Up to <see cref="CodeTableRows"/> symbols, a table; more, the first and last
    /// <see cref="CodeTableEnds"/> rows with a line saying how many are left out — or, with <paramref name="all"/>, every row
    /// as a tab-separated line written as it goes (a million-row table is never laid out in memory).
    /// </summary>
    public static void Write(TextWriter output, HuffmanCodeResult r, bool all)
    {
        int n = r.Probabilities.Length;
        // A probability below the sixth decimal keeps three significant digits rather than printing as 0.
        string[] Row(int i) => [r.Symbols[i], r.Probabilities[i] is > 0 and < 5e-7 ? Numbers.Scientific(r.Probabilities[i]) : F(r.Probabilities[i]), r.Codewords[i].Length == 0 ? "(none)" : r.Codewords[i],
            r.Lengths[i].ToString(CultureInfo.InvariantCulture), F(r.SurprisalBits[i])];
        string[] header = ["symbol", "p", "codeword", "length (bits)", "−log2 p (bits)"];
        if (all && n > CodeTableRows)
        {
            output.WriteLine(string.Join('\t', header));
            for (int i = 0; i < n; i++) output.WriteLine(string.Join('\t', Row(i)));
        }
        else
        {
            var table = new Table().AddColumns(header);
            bool shorten = n > CodeTableRows;
            for (int i = 0; i < n; i++)
            {
                if (shorten && i == CodeTableEnds)
                {
                    table.AddRow($"… {n - 2 * CodeTableEnds} more", "", "", "", "");
                    i = n - CodeTableEnds - 1;
                    continue;
                }
                table.AddRow([Markup.Escape(r.Symbols[i]), .. Row(i)[1..]]);
            }
            if (shorten) table.Caption = new TableTitle($"{n} symbols; --all prints every row, --json every field");
            TextTable.Write(output, table);
        }
        output.WriteLine($"Expected length L = {F(r.ExpectedLength)} {r.Unit}/symbol");
        output.WriteLine($"Entropy H(P)     = {F(r.Entropy)} {r.Unit}/symbol");
        output.WriteLine($"Redundancy L − H = {F(r.Redundancy)} {r.Unit}/symbol");
        output.WriteLine($"Efficiency H / L = {(100 * r.Efficiency).ToString("0.##", CultureInfo.InvariantCulture)} %");
        output.WriteLine($"Kraft sum        = {F(r.KraftSum)}");
        if (r is { MaxLength: int limit, ExtraBitsOverUnlimited: double extra })
            output.WriteLine($"Limit {limit} bits costs {F(extra)} bits/symbol over the unlimited Huffman code.");
    }

    public static void Write(TextWriter output, BlockCodesResult r)
    {
        // Code lengths are binary digits: bits per symbol whatever --base says (H(P) and H(P,Q) below follow it).
        var table = new Table().AddColumns("n", "code for P on P (bits/symbol)");
        if (r.CrossEntropy is not null) table.AddColumn("code for Q on P (bits/symbol)");
        foreach (var row in r.Rows)
        {
            var cells = new List<string> { row.N.ToString(CultureInfo.InvariantCulture), F(row.BitsPerSymbol) };
            if (row.QCodeBitsPerSymbol is double b) cells.Add(F(b));
            table.AddRow(cells.ToArray());
        }
        TextTable.Write(output, table);
        output.WriteLine($"H(P)   = {F(r.Entropy)} {r.Unit}/symbol");
        if (r.CrossEntropy is double h) output.WriteLine($"H(P,Q) = {F(h)} {r.Unit}/symbol");
    }

    /// <summary>The metrics table with log losses in <paramref name="display"/>'s unit, the caption, and notes on clipping and skipped rows.</summary>
    public static void Write(TextWriter output, MetricsResult r, LogBase display, string caption)
    {
        var table = new Table().AddColumn("metric").AddColumn(new TableColumn("value").RightAligned()).AddColumn("");
        string unit = display.Unit;
        void Row(string metric, string value, string note) => table.AddRow(Markup.Escape(metric), Markup.Escape(value), Markup.Escape(note));
        Row("log loss", F(r.Figure(r.LogLoss).In(display).Value), unit);
        Row("perplexity", F(r.Perplexity), "classes");
        Row("accuracy", F(r.Accuracy), "");
        Row("Brier score", F(r.Brier), "Σ_k (p_k − [k = y])²");
        Row("prior log loss", F(r.Figure(r.PriorLogLoss).In(display).Value), unit + ", predicting class frequencies");
        Row("log-loss reduction", r.LogLossReduction is { } red ? F(red) : "n/a", "1 − log loss / prior log loss");
        Row("ECE", F(r.Ece), $"{r.Reliability.Length} equal-width bins");
        var notes = new List<string> { caption };
        if (r.Clip > 0) notes.Add($"clipped at {r.Clip} ({r.ClippedRows} rows)");
        if (r.SkippedRows > 0) notes.Add($"{r.SkippedRows} bad rows skipped, first: {r.FirstSkippedReason}");
        TextTable.Write(output, table);
        foreach (var note in notes) output.WriteLine(note);
    }

    public static void Write(TextWriter output, TrainResult r)
    {
        var table = new Table().AddColumn("set").AddColumn(new TableColumn("rows").RightAligned())
            .AddColumn(new TableColumn($"log loss ({r.Unit})").RightAligned()).AddColumn(new TableColumn("accuracy").RightAligned());
        table.AddRow("train", r.TrainRows.ToString(CultureInfo.InvariantCulture), F(r.TrainLogLoss), F(r.TrainAccuracy));
        if (r is { TestRows: int rows, TestLogLoss: double loss, TestAccuracy: double accuracy })
            table.AddRow("test", rows.ToString(CultureInfo.InvariantCulture), F(loss), F(accuracy));
        string notes = $"{r.Classes.Length} classes, {r.Features.Length} features, C = {r.C}{(r.Standardize ? ", standardized" : "")}; " +
            $"L-BFGS: {r.Iterations} iterations, {r.Evaluations} evaluations, objective {r.Objective:0.######}, " +
            $"‖∇‖∞ = {r.GradientNorm:0.###e0}{(r.Converged ? "" : " (not converged)")}, {r.Seconds * 1000:0.#} ms";
        if (r.SkippedRows > 0) notes += $"; {r.SkippedRows} bad rows skipped, first: {r.FirstSkippedReason}";
        TextTable.Write(output, table);
        output.WriteLine(notes);
    }

    public static void Write(TextWriter output, TreeResult r)
    {
        output.WriteLine($"decision tree for '{r.Target}': {r.Nodes} nodes, {r.Leaves} leaves, depth {r.Depth}; criterion {r.Criterion}; entropies and gains in bits");
        WriteNode(output, r, r.Root, "", "", null);
        var table = new Table().AddColumn("set").AddColumn(new TableColumn("rows").RightAligned())
            .AddColumn(new TableColumn("accuracy").RightAligned()).AddColumn(new TableColumn($"log loss ({r.Unit})").RightAligned());
        table.AddRow("train", r.TrainRows.ToString(CultureInfo.InvariantCulture), F(r.TrainAccuracy), F(r.TrainLogLoss));
        if (r is { TestRows: int rows, TestLogLoss: double loss, TestAccuracy: double accuracy })
            table.AddRow("test", rows.ToString(CultureInfo.InvariantCulture), F(accuracy), F(loss));
        TextTable.Write(output, table);
        string notes = $"{r.Classes.Length} classes, {r.Features.Length} features; grown in {r.Seconds * 1000:0.#} ms";
        if (r.SkippedRows > 0) notes += $"; {r.SkippedRows} bad rows skipped, first: {r.FirstSkippedReason}";
        output.WriteLine(notes);
        if (double.IsPositiveInfinity(r.TrainLogLoss) || r.TestLogLoss is double.PositiveInfinity)
            output.WriteLine("log loss ∞: a row reached a leaf that gives its class probability 0; --smoothing 1 (Laplace) makes every leaf's probabilities positive.");
    }

    /// <summary>One node per line, indented by depth with tree guides: "├── outlook = sunny → split on humidity  H 0.971  gain 0.971  [no 3, yes 2]".</summary>
    private static void WriteNode(TextWriter output, TreeResult r, Xent.Learning.Trees.TreeNode node, string indent, string guide, string? test)
    {
        string counts = string.Join(", ", node.Counts.Select((c, k) => $"{r.Classes[k]} {c}"));
        string what = node.Feature is null
            ? $"→ {r.Classes[Array.IndexOf(node.Counts, node.Counts.Max())]}"
            : $"split on {node.Feature}";
        string gain = node.GainBits is double g ? $"  gain {F(g)}" : "";
        output.WriteLine($"{indent}{guide}{(test is null ? "" : test + "  ")}{what}  H {F(node.EntropyBits)}{gain}  [{counts}]");
        if (node.Children is not { } children) return;
        string childIndent = indent + (guide.Length == 0 ? "" : guide.StartsWith('└') ? "    " : "│   ");
        for (int b = 0; b < children.Length; b++)
            WriteNode(output, r, children[b], childIndent, b == children.Length - 1 ? "└── " : "├── ", TreePlot.Branch(node, b));
    }

    public static void Write(TextWriter output, RankFeaturesResult r)
    {
        bool greedy = r.Strategy != "mi";
        var table = new Table().AddColumn(new TableColumn("rank").RightAligned()).AddColumn("feature")
            .AddColumn(new TableColumn("MI (bits)").RightAligned())
            .AddColumn(new TableColumn($"{r.Confidence:0.##%} CI").RightAligned())
            .AddColumn(new TableColumn("p-value").RightAligned());
        if (greedy) table.AddColumn(new TableColumn($"{r.Strategy} score (bits)").RightAligned());
        for (int i = 0; i < r.Features.Length; i++)
        {
            var f = r.Features[i];
            string ci = f is { CiLow: double lo, CiHigh: double hi } ? $"[{F(lo)}, {F(hi)}]" : "–";
            string p = f.PValue is double pv ? F(pv) : "–";
            var cells = new List<string> { (i + 1).ToString(CultureInfo.InvariantCulture), f.Kind == "categorical" ? $"{f.Name} (categorical)" : f.Name, F(f.MiBits), ci, p };
            if (greedy) cells.Add(f.SelectionScoreBits is double s ? F(s) : "–");
            table.AddRow([.. cells.Select(Markup.Escape)]);
        }
        output.WriteLine($"mutual information with '{r.Target}' ({r.Rows} rows; {r.Method}{(r.Method == "ksg" ? $", k = {r.Neighbors}" : $", numeric columns in {r.Bins} quantile bins")}; " +
            $"{r.Permutations} permutations, {r.Bootstrap} bootstrap resamples, seed {r.Seed})");
        TextTable.Write(output, table);
        if (r.SkippedRows > 0) output.WriteLine($"{r.SkippedRows} bad rows skipped");
    }

    /// <summary>The predictions as CSV: line, the target column when the input had it, p_class per class, predicted.</summary>
    public static void WriteCsv(TextWriter writer, PredictResult r)
    {
        WriteCsvHeader(writer, r.Classes, r.Target);
        foreach (var p in r.Predictions) WriteCsvRow(writer, r.Classes, p, r.Target is not null);
    }

    /// <summary>The header of the predictions CSV (<c>predict</c> streams rows after it with <see cref="WriteCsvRow"/>), quoted as CSV needs.</summary>
    public static void WriteCsvHeader(TextWriter writer, string[] classes, string? target) =>
        // The file had the target column: keep it, so logloss can read the output.
        new Xent.Data.CsvRowWriter(writer).WriteRow(["line", .. target is not null ? [target] : Array.Empty<string>(), .. classes.Select(n => "p_" + n), "predicted"]);

    /// <summary>One row of the predictions CSV, quoted as CSV needs (a label may hold a comma or a quote).</summary>
    public static void WriteCsvRow(TextWriter writer, string[] classes, Prediction p, bool withTruth)
    {
        var cells = classes.Select(c => p.Probabilities[c].ToString("R", CultureInfo.InvariantCulture));
        new Xent.Data.CsvRowWriter(writer).WriteRow([p.Line.ToString(CultureInfo.InvariantCulture), .. withTruth ? [p.Actual ?? ""] : Array.Empty<string>(), .. cells, p.Predicted]);
    }

    public static void Write(TextWriter output, MeasureBenchResult r) =>
        output.WriteLine($"{r.Measure}: n = {r.N}, {r.Threads} thread(s): {r.NsPerElement:0.###} ns per element, " +
            $"{r.GbPerSecond:0.#} GB/s read (fastest of {r.Runs}; value {r.Value:0.######} {r.Unit})" +
            (r.StreamingSumNsPerElement is { } floor ? $"; a streaming sum of the same arrays: {floor:0.###} ns per element" : ""));

    public static void Write(TextWriter output, HuffmanBenchResult r) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(r.File)}: {r.Bytes} → {r.CompressedBytes} bytes (×{r.Ratio:0.000}), encode {r.EncodeMbPerS:0} MB/s, decode {r.DecodeMbPerS:0} MB/s (best of {r.Runs}, {r.MaxLength}-bit codes)"));

    public static void Write(TextWriter output, RansBenchResult r) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(r.File)}: {r.Bytes} → {r.CompressedBytes} bytes (×{r.Ratio:0.000}), rANS order {r.Order}, P = {r.Precision}: encode {r.EncodeMbPerS:0} MB/s, decode {r.DecodeMbPerS:0} MB/s (best of {r.Runs})"));

    public static void Write(TextWriter output, CmBenchResult r) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(r.File)}: {r.Bytes} → {r.CompressedBytes} bytes (×{r.Ratio:0.000}), cm level {r.Level}, {r.BlockSize}-byte blocks on {r.Threads} thread(s): compress {r.EncodeMbPerS:0.###} MB/s, decompress {r.DecodeMbPerS:0.###} MB/s (best of {r.Runs})"));

    public static void Write(TextWriter output, SoftmaxCeBenchResult r) =>
        output.WriteLine($"softmax CE forward+backward, float [{r.Rows}, {r.Classes}], {r.Threads} thread(s): {r.NsPerElement:0.###} ns per logit " +
            $"({1 / r.NsPerElement:0.##} G logits/s; fastest of {r.Runs}: {r.BestMs:0.##} ms; loss {r.Loss:0.######} {r.Unit})");

    public static void Write(TextWriter output, MiTableBenchResult r) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"MI of {r.Features} columns with the target over {r.Rows:N0} rows ({r.Engine}, {r.Threads} thread(s)): {r.BestSeconds:0.###} s (fastest of {r.Runs}; top '{r.TopFeature}' {r.TopMi:0.######} {r.Unit}; sum {r.SumMi:0.######} {r.Unit})"));

    public static void Write(TextWriter output, TourResult r)
    {
        var console = Terminal.For(output);
        foreach (var section in r.Sections)
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
                    checks.AddRow(Markup.Escape(c.Label), Markup.Escape($"{Fixed(c.Value, 6)} {c.Unit}"),
                        Markup.Escape(c.ArticleSays ?? "—"), verdict, $"[grey]{Markup.Escape(c.Note ?? "")}[/]");
                }
                console.Write(checks);
            }
            foreach (var note in section.Notes) console.MarkupLine($"[grey]{Markup.Escape(note)}[/]");
            console.WriteLine();
        }
        if (r.Files.Length > 0)
        {
            console.MarkupLine("[bold]Figures written:[/]");
            foreach (var file in r.Files) console.MarkupLine($"  {Markup.Escape(file)}");
        }
    }

    private static string Fixed(double value, int decimals) =>
        double.IsPositiveInfinity(value) ? "∞" : value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
