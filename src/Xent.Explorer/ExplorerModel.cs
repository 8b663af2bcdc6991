using System.Globalization;
using Xent.Coding;
using Xent.Measures;
using Xent.Reports;

namespace Xent.Explorer;

/// <summary>The distribution panel's figures: the library's result records, as <c>xent entropy</c>, <c>cross-entropy</c>,
/// <c>kl</c> and <c>js</c> print them, and the charts as renderer-neutral plot descriptions.</summary>
public sealed record DistributionView(
    EntropyResult EntropyP, EntropyResult EntropyQ,
    CrossEntropyResult CrossEntropyPQ, CrossEntropyResult CrossEntropyQP,
    KlDivergenceResult KlPQ, KlDivergenceResult KlQP, JsDivergenceResult Js,
    CrossEntropyResult? Unclipped, PlotSpec Bars, PlotSpec Surprise, IReadOnlyList<string> InfiniteOutcomes);

/// <summary>The codes panel's figures (bits): the Huffman codes of P and of Q, Q's code used on P, and the block curves.</summary>
public sealed record CodesView(
    HuffmanCodeResult CodeP, HuffmanCodeResult CodeQ, double QCodeOnP, double CrossEntropyBits,
    BlockCodesResult? Blocks, string? BlocksNote, PlotSpec CodeSpace);

/// <summary>The loss panel's figures (nats).</summary>
public sealed record LossView(SoftmaxLossResult Softmax, PlotSpec SoftmaxBars, BinaryLossResult Binary, PlotSpec BinaryCurve);

/// <summary>What one state shows; a panel whose input the library rejected carries the message instead of figures.</summary>
public sealed record ExplorerModel(ExplorerState State, DistributionView? Distributions, CodesView? Codes, LossView? Loss, IReadOnlyList<string> Messages)
{
    /// <summary>
    /// The most compositions one block code of the live curve may have: the curve stops at the first n past it (the page says
    /// so). Deterministic (not a time budget), so a URL always shows the same curve. Measured on the shared 2-core machine
    /// under load: 32 outcomes at n = 3 (5,984 compositions per code, two codes) cost ~80 ms of the ~100 ms budget of a
    /// slider move, n = 2 (528) under 10 ms; 4,000 keeps 32 outcomes at n ≤ 2, the two-dice sum at n ≤ 5, dice at n ≤ 10.
    /// </summary>
    public const long LiveCompositions = 4_000;

    /// <summary>Computes every panel of <paramref name="state"/>.</summary>
    public static ExplorerModel Compute(ExplorerState state)
    {
        var messages = new List<string>(state.Errors);
        var invalid = state.InvalidPanels;
        var distributions = invalid.Contains("distributions") ? null : Guard(() => ComputeDistributions(state), messages);
        var codes = invalid.Contains("codes") ? null : Guard(() => ComputeCodes(state), messages);
        var loss = invalid.Contains("loss") ? null : Guard(() => ComputeLoss(state), messages);
        return new ExplorerModel(state, distributions, codes, loss, messages);
    }

    private static T? Guard<T>(Func<T> compute, List<string> messages) where T : class
    {
        try { return compute(); }
        catch (ArgumentException e) { messages.Add(e.Message); return null; }
        catch (InsufficientMemoryException e) { messages.Add(e.Message); return null; }
    }

    public static LogBase BaseOf(ExplorerState state) => state.Unit == "nats" ? LogBase.Nats : LogBase.Bits;

    private static DistributionView ComputeDistributions(ExplorerState state)
    {
        double[] p = state.Pn, q = state.Qn;
        var b = BaseOf(state);
        var options = new MeasureOptions { Clip = state.Clip, Smoothing = state.Smoothing };
        var plain = MeasureOptions.Default;
        var view = new DistributionView(
            EntropyResult.OfDistribution(Discrete.Entropy(p, b)), EntropyResult.OfDistribution(Discrete.Entropy(q, b)),
            CrossEntropyResult.Of(p, q, b, options), CrossEntropyResult.Of(q, p, b, options),
            KlDivergenceResult.Of(p, q, b, options), KlDivergenceResult.Of(q, p, b, options),
            JsDivergenceResult.Of(p, q, b, plain),
            state.Clip > 0 || state.Smoothing > 0 ? CrossEntropyResult.Of(p, q, b, plain) : null,
            Bars(state, p, q), Surprise(state, p, q, b),
            state.Names.Where((_, i) => p[i] > 0 && q[i] == 0).ToArray());
        return view;
    }

    private static PlotAxis Outcomes(ExplorerState state) => new("outcome") { TickLabels = [.. state.Names], Min = 0.4, Max = state.Names.Count + 0.6 };

    private static double[] Positions(int k, double shift) => Enumerable.Range(1, k).Select(i => i + shift).ToArray();

    private static PlotSpec Bars(ExplorerState state, double[] p, double[] q) =>
        new("P and Q", Outcomes(state), new PlotAxis("probability") { Min = 0 })
        {
            Series =
            [
                new PlotSeries("P", Positions(p.Length, -0.2), p, SeriesStyle.Bar) { BarWidth = 0.4 },
                new PlotSeries("Q", Positions(q.Length, 0.2), q, SeriesStyle.Bar) { BarWidth = 0.4 },
            ],
        };

    private static PlotSpec Surprise(ExplorerState state, double[] p, double[] q, LogBase b)
    {
        var sp = new double[p.Length];
        var sq = new double[q.Length];
        Discrete.Surprisal<double>(p, sp, b);
        Discrete.Surprisal<double>(q, sq, b);
        return new PlotSpec("Surprise of each outcome", Outcomes(state), new PlotAxis("−log p", b.Unit) { Min = 0 })
        {
            Series =
            [
                new PlotSeries("−log p (under P)", Positions(p.Length, -0.2), sp, SeriesStyle.Bar) { BarWidth = 0.4 },
                new PlotSeries("−log q (under Q)", Positions(q.Length, 0.2), sq, SeriesStyle.Bar) { BarWidth = 0.4 },
            ],
        };
    }

    private static CodesView ComputeCodes(ExplorerState state)
    {
        double[] p = state.Pn, q = state.Qn;
        string[] names = [.. state.Names];
        var codeP = HuffmanCodeResult.Build(p, names);
        var codeQ = HuffmanCodeResult.Build(q, names);
        double qOnP = PrefixCodes.ExpectedLength(codeQ.Lengths, p).Value;
        double crossEntropy = Discrete.CrossEntropy(p, q).Value;

        int maxN = 0;
        while (maxN < state.BlockLength && BlockCode.Fits(p.Length, maxN + 1) && BlockCode.CompositionCount(p.Length, maxN + 1) <= LiveCompositions) maxN++;
        string? note = maxN < state.BlockLength
            ? string.Create(CultureInfo.InvariantCulture,
                $"Blocks of n = {maxN + 1} over {p.Length} outcomes have {BlockCode.CompositionCount(p.Length, maxN + 1):N0} compositions, more than the page computes live ({LiveCompositions:N0}); the curve stops at n = {maxN}. `xent blocks` computes longer blocks.")
            : null;
        var blocks = maxN >= 1 ? BlockCodesResult.Build(p, q, maxN) : null;

        var share = codeP.Lengths.Select(l => l == 0 ? 0 : Math.Pow(2, -l)).ToArray();
        var codeSpace = new PlotSpec("Code space: each codeword's share 2^−L beside its probability", Outcomes(state), new PlotAxis("share") { Min = 0 })
        {
            Series =
            [
                new PlotSeries("p (under P)", Positions(p.Length, -0.2), p, SeriesStyle.Bar) { BarWidth = 0.4 },
                new PlotSeries("2^−L (P's Huffman code)", Positions(p.Length, 0.2), share, SeriesStyle.Bar) { BarWidth = 0.4 },
            ],
        };
        return new CodesView(codeP, codeQ, qOnP, crossEntropy, blocks, note, codeSpace);
    }

    private static LossView ComputeLoss(ExplorerState state)
    {
        var softmax = SoftmaxLossResult.Build([.. state.Logits], state.TrueClass, state.LabelSmoothing, state.ClassWeights is null ? null : [.. state.ClassWeights]);
        var axis = new PlotAxis("class") { TickLabels = [.. state.ClassNames], Min = 0.4, Max = state.ClassNames.Count + 0.6 };
        var bars = new PlotSpec("softmax(z) and the gradient of the loss", axis, new PlotAxis("value"))
        {
            Series =
            [
                new PlotSeries("softmax probability", Positions(softmax.Probabilities.Length, -0.2), softmax.Probabilities, SeriesStyle.Bar) { BarWidth = 0.4 },
                new PlotSeries("∂loss/∂z", Positions(softmax.Gradient.Length, 0.2), softmax.Gradient, SeriesStyle.Bar) { BarWidth = 0.4 },
            ],
        };
        var binary = BinaryLossResult.Build(state.BinaryPrediction, state.BinaryTarget);
        return new LossView(softmax, bars, binary, binary.Plot());
    }
}
