using Xent.Coding;
using Xent.Measures;

namespace Xent.Reports;

/// <summary>
/// <c>huffman</c>: the optimal prefix code of a distribution (or the optimal one with codewords of at most
/// <see cref="MaxLength"/> bits), one entry per symbol in every array, with its expected length, the entropy, the
/// redundancy L − H, the efficiency H / L and the Kraft sum. Codeword lengths, <see cref="SurprisalBits"/> and
/// <see cref="ExtraBitsOverUnlimited"/> are in bits (lengths of binary codewords); <see cref="ExpectedLength"/>,
/// <see cref="Entropy"/> and <see cref="Redundancy"/> are in the report's unit (<see cref="InformationReport.Base"/>; bits as built).
/// </summary>
public sealed record HuffmanCodeResult : InformationReport
{
    /// <summary>The symbols' names.</summary>
    public required string[] Symbols { get; init; }

    /// <summary>Their probabilities.</summary>
    public required double[] Probabilities { get; init; }

    /// <summary>Their codewords as '0'/'1' text; empty for a symbol of probability 0.</summary>
    public required string[] Codewords { get; init; }

    /// <summary>Codeword lengths in bits (0 for a symbol of probability 0).</summary>
    public required int[] Lengths { get; init; }

    /// <summary>−log2 p of each symbol, the length an ideal code would give it; +∞ for p = 0.</summary>
    public required double[] SurprisalBits { get; init; }

    /// <summary>L = Σ p·length per symbol, in the report's unit (bits as built).</summary>
    public required double ExpectedLength { get; init; }

    /// <summary>H(P) per symbol, in the report's unit (bits as built).</summary>
    public required double Entropy { get; init; }

    /// <summary>L − H ≥ 0 per symbol, in the report's unit.</summary>
    public required double Redundancy { get; init; }

    /// <summary>H / L in [0, 1].</summary>
    public required double Efficiency { get; init; }

    /// <summary>Σ 2^−length over the used symbols: 1 for a complete code.</summary>
    public required double KraftSum { get; init; }

    /// <summary>The codeword length limit, when one was asked for.</summary>
    public int? MaxLength { get; init; }

    /// <summary>With a limit: the limited code's expected length minus the unlimited Huffman code's (≥ 0).</summary>
    public double? ExtraBitsOverUnlimited { get; init; }

    /// <summary>
    /// Builds the Huffman code of <paramref name="p"/>, or with <paramref name="maxLength"/> the optimal length-limited code
    /// (package-merge; a limit above <see cref="PrefixCode.MaxCodewordLength"/> is that maximum).
    /// </summary>
    /// <param name="p">A probability distribution (validated as <see cref="Discrete.Entropy{T}(ReadOnlySpan{T}, LogBase, MeasureOptions?)"/> does).</param>
    /// <param name="symbols">One name per probability.</param>
    /// <param name="maxLength">Longest codeword allowed, or null; 2^maxLength must be at least the number of symbols with p &gt; 0.</param>
    /// <exception cref="ArgumentException"><paramref name="p"/> is not a distribution, the lengths differ, the limit is too
    /// small, or no limit is given and the Huffman code has a codeword longer than <see cref="PrefixCode.MaxCodewordLength"/>.</exception>
    public static HuffmanCodeResult Build(double[] p, string[] symbols, int? maxLength = null)
    {
        if (symbols.Length != p.Length) ThrowHelper.ThrowLengthMismatch(nameof(p), p.Length, nameof(symbols), symbols.Length);
        var entropy = Discrete.Entropy(p); // validates P as a distribution
        // The unlimited code's lengths only, never its codewords: they may pass PrefixCode.MaxCodewordLength (weights spanning
        // more than ~10^13 : 1), which only matters when that code is the one shown.
        var unlimited = new int[p.Length];
        int longest = Huffman.CodeLengths(p, unlimited);
        if (maxLength is null && longest > PrefixCode.MaxCodewordLength)
            ThrowHelper.ThrowArgument(nameof(maxLength),
                $"the Huffman code of p has a codeword of {longest} bits, more than the {PrefixCode.MaxCodewordLength} a code can hold; give a maximum length of at most {PrefixCode.MaxCodewordLength} for the best code within it.");
        var code = maxLength is int limit ? Huffman.BuildLengthLimited(p, Math.Min(limit, PrefixCode.MaxCodewordLength)) : PrefixCode.Canonical(unlimited);
        double expected = PrefixCodes.ExpectedLength(code.Lengths, p).Value;
        var surprisal = new double[p.Length];
        Discrete.Surprisal<double>(p, surprisal, LogBase.Bits);
        return new HuffmanCodeResult
        {
            Base = LogBase.Bits.Value,
            Symbols = symbols,
            Probabilities = p,
            Codewords = Enumerable.Range(0, p.Length).Select(code.CodewordText).ToArray(),
            Lengths = code.Lengths.ToArray(),
            SurprisalBits = surprisal,
            ExpectedLength = expected,
            Entropy = entropy.Value,
            Redundancy = PrefixCodes.Redundancy(code.Lengths, p).Value,
            Efficiency = PrefixCodes.Efficiency(code.Lengths, p),
            KraftSum = code.KraftSum,
            MaxLength = maxLength,
            ExtraBitsOverUnlimited = maxLength is null ? null : expected - PrefixCodes.ExpectedLength(unlimited, p).Value,
        };
    }
}
