namespace Xent.Coding;

/// <summary>
/// The codecs of the <c>.xent</c> container, by the id byte stored in its header (docs/formats/xent-container.md). An id,
/// once written to a file, keeps its meaning forever.
/// </summary>
public enum XentCodec : byte
{
    /// <summary>Each block coded by <see cref="HuffmanStream"/> with the optimal length-limited code for its byte counts.
    /// Parameter: the longest codeword, 8 … 15 bits (level 1 → 11, each level one bit more).</summary>
    Huffman = 1,

    /// <summary>Each block coded by <see cref="RansStream"/> at order 0 with its own quantized byte frequencies. Parameter:
    /// the precision P, 8 … 16 bits (level 1 → 12, each level one bit more).</summary>
    Rans = 2,

    /// <summary>Each block coded by <see cref="RansStream"/> at order 1 (one table per previous byte). Parameter: the
    /// precision P, as for <see cref="Rans"/>.</summary>
    Rans1 = 3,

    /// <summary>Each block coded by <see cref="CmStream"/>, the context-mixing model starting fresh in the block. Parameter:
    /// the level, 1 … 9.</summary>
    Cm = 4,

    /// <summary>Each block coded by <see cref="AdaptiveStream"/> with the adaptive order-2 byte model. Parameter: the order,
    /// 2.</summary>
    Order2 = 5,
}
