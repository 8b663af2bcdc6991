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
}
