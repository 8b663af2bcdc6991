using System.Globalization;
using Xent.Coding;
using Xent.Measures;

namespace Xent.Reports;

/// <summary>
/// <c>blocks</c>: the expected bits per symbol of Huffman codes over blocks of n = 1..N symbols of an i.i.d. source P,
/// built for P (→ H(P)) and, when a model Q is given, built for Q and used on P (→ H(P,Q)). The rows are in bits per
/// symbol (lengths of binary codewords); <see cref="Entropy"/> and <see cref="CrossEntropy"/> are in the report's unit
/// (<see cref="InformationReport.Base"/>; bits as built).
/// </summary>
public sealed record BlockCodesResult : InformationReport
{
    /// <summary>One row per block length n.</summary>
    public required BlockCodeRow[] Rows { get; init; }

    /// <summary>H(P), the limit of the code for P, in the report's unit.</summary>
    public required double Entropy { get; init; }

    /// <summary>H(P,Q), the limit of the code for Q used on P, in the report's unit, when Q was given; may be +∞.</summary>
    public double? CrossEntropy { get; init; }

    /// <summary>"leaf" or "merged": which of a group of sequences and a merged node of equal weight was taken first.</summary>
    public required string TieBreak { get; init; }

    /// <summary>Computes the rows for n = 1..<paramref name="maxN"/>.</summary>
    /// <param name="p">The source distribution.</param>
    /// <param name="q">The model the mismatched codes are built for, or null.</param>
    /// <param name="maxN">The longest block.</param>
    /// <param name="tieBreak">The tie-break of the group Huffman construction.</param>
    /// <param name="maxBytes">The working memory one code may take (see <see cref="BlockCode.ExpectedLength(ReadOnlySpan{double}, ReadOnlySpan{double}, int, HuffmanTieBreak, long, CancellationToken)"/>).</param>
    /// <exception cref="ArgumentException">P or Q is not a distribution, they differ in length, <paramref name="maxN"/> &lt; 1, or the blocks are too many (<see cref="BlockCode.Fits"/>).</exception>
    /// <param name="cancellationToken">Passed to every block code's construction: a cancelled build throws <see cref="OperationCanceledException"/>.</param>
    /// <param name="progress">Called after each block length with the number of lengths done (1..<paramref name="maxN"/>); null
    /// (default) for none. Later lengths take longer: the work grows with the number of distinct sequence probabilities.</param>
    /// <exception cref="InsufficientMemoryException">A block code would need more than <paramref name="maxBytes"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static BlockCodesResult Build(double[] p, double[]? q, int maxN, HuffmanTieBreak tieBreak = HuffmanTieBreak.LeafFirst, long maxBytes = long.MaxValue,
        CancellationToken cancellationToken = default, Action<int>? progress = null)
    {
        double entropy = Discrete.Entropy(p).Value;
        double? crossEntropy = q is null ? null : Discrete.CrossEntropy(p, q).Value;
        if (maxN < 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(maxN), maxN, "the block length must be at least 1");
        var rows = new BlockCodeRow[maxN];
        for (int n = 1; n <= maxN; n++)
        {
            double own = BlockCode.ExpectedLength(p, p, n, tieBreak, maxBytes, cancellationToken).Value / n;
            double? mismatched = q is null ? null : BlockCode.ExpectedLength(p, q, n, tieBreak, maxBytes, cancellationToken).Value / n;
            rows[n - 1] = new BlockCodeRow(n, own, mismatched);
            progress?.Invoke(n);
        }
        return new BlockCodesResult
        {
            Base = LogBase.Bits.Value, Rows = rows, Entropy = entropy, CrossEntropy = crossEntropy,
            TieBreak = tieBreak == HuffmanTieBreak.LeafFirst ? "leaf" : "merged",
        };
    }

    /// <summary>The curves against n with H(P) (and a finite H(P,Q)) as horizontal reference lines.</summary>
    public PlotSpec Plot()
    {
        var x = Rows.Select(r => (double)r.N).ToArray();
        // The curves are bits per symbol, so the reference lines are too, whatever the report's unit.
        double entropy = Figure(Entropy).In(LogBase.Bits).Value;
        double? crossEntropy = CrossEntropy is double h ? Figure(h).In(LogBase.Bits).Value : null;
        var series = new List<PlotSeries> { new("Huffman code for P, used on P", x, Rows.Select(r => r.BitsPerSymbol).ToArray(), SeriesStyle.LineMarkers) };
        if (CrossEntropy is not null)
            series.Add(new("Huffman code for Q, used on P", x, Rows.Select(r => r.QCodeBitsPerSymbol!.Value).ToArray(), SeriesStyle.LineMarkers));
        var references = new List<ReferenceLine> { ReferenceLine.Horizontal(entropy, string.Create(CultureInfo.InvariantCulture, $"H(P) = {entropy:0.000} bits")) };
        if (crossEntropy is double ce && !double.IsPositiveInfinity(ce))
            references.Add(ReferenceLine.Horizontal(ce, string.Create(CultureInfo.InvariantCulture, $"H(P,Q) = {ce:0.000} bits")));
        return new PlotSpec("Block codes: bits per symbol",
            new PlotAxis("Block length n", "symbols") { IntegerTicks = true },
            new PlotAxis("Expected length", "bits per symbol"))
        {
            Series = series.ToArray(), References = references.ToArray(), Legend = LegendPosition.MiddleRight,
        };
    }
}

/// <summary>One block length of <see cref="BlockCodesResult"/>.</summary>
/// <param name="N">The block length n.</param>
/// <param name="BitsPerSymbol">Expected length of the Huffman code for Pⁿ used on Pⁿ, divided by n.</param>
/// <param name="QCodeBitsPerSymbol">The same for the code built for Qⁿ, when Q was given.</param>
public sealed record BlockCodeRow(int N, double BitsPerSymbol, double? QCodeBitsPerSymbol);
