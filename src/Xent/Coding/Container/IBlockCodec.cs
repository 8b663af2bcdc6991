using System.Buffers;

namespace Xent.Coding;

/// <summary>
/// One codec of the <c>.xent</c> container: codes a block of bytes on its own (no state carried between blocks, so blocks
/// code in parallel), with settings fixed when it is created and written into the container header as parameter bytes.
/// Implementations are immutable and safe to call from several threads at once. The shape is the one of every block coder
/// (<see cref="HuffmanStream"/>): a bound, an encoder into a destination span, an <see cref="OperationStatus"/> decoder.
/// </summary>
internal interface IBlockCodec
{
    /// <summary>The codec's id in the container header.</summary>
    XentCodec Id { get; }

    /// <summary>The parameter bytes the container stores for this codec (at most 255); <see cref="BlockCodecs.Read"/> rebuilds
    /// the codec from them.</summary>
    byte[] Parameters { get; }

    /// <summary>A destination size that always suffices to encode <paramref name="length"/> bytes.</summary>
    int MaxEncodedLength(int length);

    /// <summary>Encodes a non-empty block into <paramref name="destination"/> (at least <see cref="MaxEncodedLength"/> long);
    /// returns the bytes written, and in <paramref name="modelBits"/> what the codec's model pays for the block's symbols,
    /// Σ −log2 q(symbol | context) in bits, headers excluded.</summary>
    int Encode(ReadOnlySpan<byte> source, Span<byte> destination, out double modelBits);

    /// <summary>Writes into <paramref name="destination"/> (at least as long as <paramref name="source"/>) what the codec's
    /// model pays for each byte of the block, −log2 q(xᵢ | context) in bits, summing to the model bits of
    /// <see cref="Encode"/>: where the model is surprised.</summary>
    void CodeLengths(ReadOnlySpan<byte> source, Span<double> destination);

    /// <summary>Decodes a block; <paramref name="modelBits"/> is as for <see cref="Encode"/> when Done. Statuses as
    /// <see cref="HuffmanStream.TryDecode(ReadOnlySpan{byte}, Span{byte}, out int, out int)"/>; never throws on corrupt input.</summary>
    OperationStatus TryDecode(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesConsumed, out int bytesWritten, out double modelBits);

    /// <summary>When a block that <see cref="TryDecode"/> refused was written by a newer version of the codec's format, a
    /// sentence saying so (the container reports it instead of "corrupt"); null otherwise.</summary>
    string? NewerVersion(ReadOnlySpan<byte> source) => null;
}
