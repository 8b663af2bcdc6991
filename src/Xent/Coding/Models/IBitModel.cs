namespace Xent.Coding;

/// <summary>
/// An adaptive model of a stream of bits for <see cref="BinaryArithmeticEncoder"/> and <see cref="BinaryArithmeticDecoder"/>:
/// it predicts the next bit, then learns the bit that came. A coder is generic over the model type
/// (<c>where TModel : struct, IBitModel</c>), so the calls are devirtualized and inlined.
/// </summary>
public interface IBitModel
{
    /// <summary>The model's probability that the next bit is 1, in 12 bits: P(1) = p / 4096 with p in 1 … 4095 (never 0 or
    /// 4096, so both bits stay codable).</summary>
    int P();

    /// <summary>Learns the coded bit (0 or 1) and moves to the next bit's context.</summary>
    /// <param name="bit">The bit just coded or decoded under the last <see cref="P"/>: 0 or 1.</param>
    void Update(int bit);
}

/// <summary>
/// An adaptive model of a byte stream for the multi-symbol <see cref="RangeEncoder"/> and <see cref="RangeDecoder"/>: integer
/// frequencies for the current context, Σ fₛ = <see cref="Total"/> ≤ 2^16, every byte with fₛ ≥ 1. The model's probability of s
/// is qₛ = fₛ / Total, and coding s costs −log2 qₛ bits (<see cref="CodeLength"/>). A coder is generic over the model type.
/// </summary>
public interface IAdaptiveSymbolModel
{
    /// <summary>Σ fₛ in the current context: 256 … 65,536.</summary>
    int Total { get; }

    /// <summary>fₛ of <paramref name="symbol"/> in the current context, and its cumulative start Fₛ = Σ_{t&lt;s} f_t.</summary>
    /// <param name="symbol">The symbol s to be coded, 0 … 255 for a byte model.</param>
    /// <param name="start">Fₛ, where s's interval begins among the <see cref="Total"/> slots, 0 … Total − 1.</param>
    /// <returns>fₛ ≥ 1, the width of s's interval.</returns>
    int Frequency(int symbol, out int start);

    /// <summary>The symbol whose interval Fₛ … Fₛ + fₛ − 1 holds <paramref name="slot"/> (0 ≤ slot &lt; Total), with its start and frequency.</summary>
    /// <param name="slot">A position among the <see cref="Total"/> slots, 0 … Total − 1: what
    /// <see cref="RangeDecoder.Slot"/> returned.</param>
    /// <param name="start">Fₛ of the symbol found: where its interval begins.</param>
    /// <param name="frequency">fₛ ≥ 1 of the symbol found: the width of its interval.</param>
    /// <returns>The symbol s with Fₛ ≤ slot &lt; Fₛ + fₛ.</returns>
    int Find(int slot, out int start, out int frequency);

    /// <summary>Learns <paramref name="symbol"/> and moves to the next symbol's context.</summary>
    /// <param name="symbol">The symbol just coded or decoded in the current context, 0 … 255 for a byte model.</param>
    void Update(int symbol);

    /// <summary>−log2 qₛ in bits for <paramref name="symbol"/> in the current context: what coding it costs an ideal coder.</summary>
    /// <param name="symbol">The symbol s, 0 … 255 for a byte model.</param>
    /// <returns>−log2(fₛ / Total) in bits: finite and in (0, 16] since every fₛ ≥ 1 and Total ≤ 2^16.</returns>
    double CodeLength(int symbol);
}

/// <summary>A bit model that also reports what the bit it just predicted costs: −log2 of the probability the last
/// <see cref="IBitModel.P"/> gave it, in bits (the block coders sum it to report the model's cross-entropy).</summary>
internal interface ICostedBitModel : IBitModel
{
    /// <summary>−log2 q(bit) in bits for the last prediction.</summary>
    double CodeLength(int bit);
}
