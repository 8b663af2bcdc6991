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

    /// <summary>Σₙ₌₁..N C(n + k − 1, k − 1) = C(N + k, k) − 1: the groups of equally likely sequences of every block code up to N.</summary>
    private static double Compositions(int maxN, int k)
    {
        // C(N + k, k) as a product of ratios, in doubles: only its size matters.
        double c = 1;
        for (int i = 1; i <= k; i++) c = c * (maxN + i) / i;
        return c - 1;
    }

    private static BlockCodesResult Build(double[] p, double[]? q, int maxN, HuffmanTieBreak tieBreak, ParseResult parse)
    {
        if (maxN < 1) throw new UsageException($"--max-n {maxN}: the block length must be at least 1.");
        if (!BlockCode.Fits(p.Length, maxN))
            throw new UsageException($"--max-n {maxN} is too large for {p.Length} symbols: {p.Length}^{maxN} sequences exceed the limit (2^{BlockCode.MaxSequencesLog2} sequences, {BlockCode.MaxCompositions} compositions).");
        // The compositions are bounded above; the group Huffman over them is not (distinct sequence probabilities make it
        // approach plain Huffman over the sequences), so it checks its growth against --max-memory as it goes.
        // Time: each code takes at least ~0.1 µs per composition, Σₙ C(n + k − 1, k − 1) = C(N + k, k) − 1 of them, checked
        // before starting; and after each n the codes still to build are projected from the last one (a code with more
        // compositions never takes less time per composition), so a request past --max-time stops at the first code that
        // shows it (once 2 s have passed) instead of running for minutes.
        double compositions = Compositions(maxN, p.Length);
        Limits.Time(parse, 1e-7 * compositions * (q is null ? 1 : 2), $"--max-n {maxN} with {p.Length} symbols");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        double last = 0, previousRate = 0;
        try
        {
            return WorkProgress.Run($"block codes for n = 1..{maxN}", maxN,
                done => BlockCodesResult.Build(p, q, maxN, tieBreak, Limits.MemoryBytes(parse), CliSession.Current.Cancellation, n =>
                {
                    done(n);
                    double elapsed = clock.Elapsed.TotalSeconds, took = elapsed - last;
                    last = elapsed;
                    double perComposition = took / Math.Max(1, Compositions(n, p.Length) - Compositions(n - 1, p.Length));
                    // The time per composition grows with n (more pieces per group); once two codes took long enough to be
                    // measured (≥ 0.2 s each), its growth from one to the next is carried forward.
                    double growth = previousRate > 0 && took >= 0.2 ? Math.Max(1, perComposition / previousRate) : 1;
                    previousRate = took >= 0.2 ? perComposition : 0;
                    // Not before 2 s: the first codes' times are mostly start-up (JIT), not work per composition.
                    if (n >= maxN || elapsed < 2) return;
                    double remaining = 0, rate = perComposition;
                    for (int m = n + 1; m <= maxN; m++)
                    {
                        rate *= growth;
                        remaining += rate * (Compositions(m, p.Length) - Compositions(m - 1, p.Length));
                    }
                    Limits.Time(parse, elapsed + remaining, $"--max-n {maxN} with {p.Length} symbols (n = 1..{n} took {elapsed:0.#} s)");
                }), "block lengths");
        }
        catch (InsufficientMemoryException)
        {
            throw new UsageException($"--max-n {maxN}: the block codes need more memory than {Limits.MemoryOption} {parse.GetValue<string>(Limits.MemoryOption)}; ask for a smaller --max-n, or raise {Limits.MemoryOption}.");
        }
    }
}
