using System.CommandLine;
using Xent.Cli.Plotting;
using Xent.Cli.Rendering;
using Xent.Coding;
using Xent.Reports;

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
        var logBase = Inputs.Base();
        var json = Inputs.Json();
        var command = new Command("blocks", "Block (extended-source) Huffman codes: bits per symbol for n = 1..N, with H(P) and H(P,Q).")
            { p, q, maxN, tieBreak, plot, force, logBase, json };
        Limits.AddTo(command);
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
            if (plotPath is not null) PlotRenderer.CheckPath(plotPath, parse.GetValue(force));
            var unit = Inputs.ParseBase(parse.GetValue(logBase)!);
            var report = ResultOutput.InBase(Build(source, model, parse.GetValue(maxN), rule, parse), unit);
            var output = parse.InvocationConfiguration.Output;
            ResultOutput.Write(output, report, parse.GetValue(json), ResultText.Write);
            if (plotPath is not null) PlotRenderer.Save(report.Plot(), plotPath, parse.GetValue(force));
            return 0;
        });
        return command;
    }

    private static BlockCodesResult Build(double[] p, double[]? q, int maxN, HuffmanTieBreak tieBreak, ParseResult parse)
    {
        if (maxN < 1) throw new UsageException($"--max-n {maxN}: the block length must be at least 1.");
        if (!BlockCode.Fits(p.Length, maxN))
            throw new UsageException($"--max-n {maxN} is too large for {p.Length} symbols: {p.Length}^{maxN} sequences exceed the limit (2^{BlockCode.MaxSequencesLog2} sequences, {BlockCode.MaxCompositions} compositions).");
        // The compositions are bounded above; the group Huffman over them is not (distinct sequence probabilities make it
        // approach plain Huffman over the sequences), so it checks its growth against --max-memory as it goes.
        try
        {
            return WorkProgress.Run($"block codes for n = 1..{maxN}", maxN,
                done => BlockCodesResult.Build(p, q, maxN, tieBreak, Limits.MemoryBytes(parse), CliSession.Current.Cancellation, n => done(n)), "block lengths");
        }
        catch (InsufficientMemoryException)
        {
            throw new UsageException($"--max-n {maxN}: the block codes need more memory than {Limits.MemoryOption} {parse.GetValue<string>(Limits.MemoryOption)}; ask for a smaller --max-n, or raise {Limits.MemoryOption}.");
        }
    }
}
