using System.Buffers;
using Xent.Numerics;

namespace Xent.Coding;

/// <summary>
/// Self-contained blocks of bytes coded by the <see cref="RangeEncoder"/> under an adaptive order-0, 1 or 2
/// <see cref="AdaptiveByteModel"/> that starts fresh in every block: no table is stored, the decoder learns the same
/// frequencies as it goes. The block costs the model's cross-entropy on the data (<see cref="CodeLength"/>) plus the coder's
/// rounding and a few header bytes. Format: docs/formats/adaptive-block.md.
/// </summary>
/// <remarks>A block whose coded form would be larger than the data is stored instead (the bytes and their CRC-32), so
/// <see cref="MaxEncodedLength"/> is the size plus at most 10 bytes. Decoding corrupt or truncated input is an expected
/// outcome: <see cref="TryDecode"/> returns <see cref="OperationStatus.InvalidData"/> or
/// <see cref="OperationStatus.NeedMoreData"/>, never reads outside the input and never allocates more than the destination
/// it is given can hold.</remarks>
public static class AdaptiveStream
{
    /// <summary>The default order: 1 (the previous byte is the context).</summary>
    public const int DefaultOrder = 1;

    private const string Codec = "adaptive";

    /// <summary>The largest encoded size of <paramref name="count"/> bytes: count + 1 + 4 + the varint of count.</summary>
    /// <exception cref="ArgumentOutOfRangeException">count &lt; 0, or the bound exceeds <see cref="int.MaxValue"/>.</exception>
    /// <param name="count">The number of bytes to encode (≥ 0).</param>
    public static int MaxEncodedLength(int count) => BlockHeader.MaxEncodedLength(count);

    /// <summary>Encodes <paramref name="source"/> into <paramref name="destination"/> with the adaptive model of order
    /// <paramref name="order"/>; returns the number of bytes written.</summary>
    /// <exception cref="ArgumentOutOfRangeException">order is not 0, 1 or 2.</exception>
    /// <exception cref="ArgumentException">destination is shorter than <see cref="MaxEncodedLength"/>(source.Length).</exception>
    /// <param name="source">The bytes to encode (any length, including empty).</param>
    /// <param name="destination">Where the block is written, from its first byte; at least MaxEncodedLength(source.Length) bytes (the encoder may use the room as scratch).</param>
    /// <param name="order">The model's context length in bytes: 0, 1 (the default) or 2. The decoder reads it from the block.</param>
    public static int Encode(ReadOnlySpan<byte> source, Span<byte> destination, int order = DefaultOrder) =>
        EncodeCore(source, destination, order, out _);

    /// <summary>Encodes as <see cref="Encode(ReadOnlySpan{byte}, Span{byte}, int)"/>, and returns in
    /// <paramref name="modelBits"/> the model's cross-entropy on the data, Σ −log2 q(xᵢ | context) in bits (what
    /// <see cref="CodeLength"/> computes, summed in the same pass).</summary>
    internal static int EncodeCore(ReadOnlySpan<byte> source, Span<byte> destination, int order, out double modelBits)
    {
        modelBits = 0;
        var model = new AdaptiveByteModel(order);
        int needed = MaxEncodedLength(source.Length);
        if (destination.Length < needed) ThrowHelper.ThrowDestinationTooShort(nameof(destination), needed, destination.Length);
        int pos = Varint.Write((ulong)source.Length, destination);
        if (source.Length == 0) return pos;
        int modeAt = pos++;
        destination[modeAt] = (byte)order;
        // The coded form may use at most what storing would: beyond that, store.
        var encoder = new RangeEncoder(destination[pos..needed]);
        var sum = new CompensatedSum();
        foreach (byte b in source)
        {
            sum.Add(model.CodeLength(b));
            encoder.Encode(b, ref model);
        }
        modelBits = sum.Value;
        model.ReturnTables();
        int written = encoder.Finish();
        if (encoder.Overflowed || pos + written >= needed) return BlockHeader.WriteStored(source, destination, modeAt);
        return pos + written;
    }

    /// <summary>Encodes <paramref name="source"/> into a new array of exactly the encoded size.</summary>
    /// <exception cref="ArgumentOutOfRangeException">order is not 0, 1 or 2.</exception>
    /// <param name="source">The bytes to encode (any length, including empty).</param>
    /// <param name="order">The model's context length in bytes: 0, 1 (the default) or 2.</param>
    public static byte[] Encode(ReadOnlySpan<byte> source, int order = DefaultOrder)
    {
        var buffer = new byte[MaxEncodedLength(source.Length)];
        return buffer.AsSpan(0, Encode(source, buffer, order)).ToArray();
    }

    /// <summary>Reads only the header: the number of bytes the block decodes to (NeedMoreData or InvalidData when the header
    /// is truncated or corrupt).</summary>
    /// <param name="source">One encoded block, starting at its first byte; bytes after the block are not read.</param>
    /// <param name="length">The number of bytes the block decodes to, or 0 when the status is not Done.</param>
    public static OperationStatus TryGetDecodedLength(ReadOnlySpan<byte> source, out int length)
    {
        var status = BlockHeader.TryRead(source, out length, out _, out _);
        if (status != OperationStatus.Done) length = 0;
        return status;
    }

    /// <summary>Decodes one block into <paramref name="destination"/>.</summary>
    /// <returns><see cref="OperationStatus.Done"/> with the block's size in <paramref name="bytesConsumed"/> (bytes after it are
    /// not read) and its length in <paramref name="bytesWritten"/>; <see cref="OperationStatus.DestinationTooSmall"/> when
    /// the block is longer than the destination (nothing allocated); <see cref="OperationStatus.NeedMoreData"/> when the input
    /// is truncated; <see cref="OperationStatus.InvalidData"/> when it is corrupt (an unknown mode, a coder state that does
    /// not end as the encoder's, a stored block whose CRC-32 does not match). Destination content is unspecified unless
    /// Done.</returns>
    /// <param name="source">One encoded block, starting at its first byte; bytes after the block are not read.</param>
    /// <param name="destination">Receives the decoded bytes; at least the decoded length (see TryGetDecodedLength). Unspecified unless Done.</param>
    /// <param name="bytesConsumed">The block's length in bytes when Done; 0 otherwise.</param>
    /// <param name="bytesWritten">The decoded bytes written when Done; 0 otherwise.</param>
    public static OperationStatus TryDecode(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesConsumed, out int bytesWritten)
    {
        bytesConsumed = bytesWritten = 0;
        var status = BlockHeader.TryRead(source, out int n, out byte mode, out int pos);
        if (status != OperationStatus.Done) return status;
        if (n > destination.Length) return OperationStatus.DestinationTooSmall;
        if (n == 0)
        {
            bytesConsumed = pos;
            return OperationStatus.Done;
        }
        if (mode == BlockHeader.StoredFlag)
        {
            status = BlockHeader.TryReadStored(source, pos, destination, n, out bytesConsumed);
            if (status == OperationStatus.Done) bytesWritten = n;
            return status;
        }
        if (mode > 2) return OperationStatus.InvalidData;
        var model = new AdaptiveByteModel(mode);
        var decoder = new RangeDecoder(source[pos..]);
        var output = destination[..n];
        for (int i = 0; i < output.Length; i++)
        {
            output[i] = (byte)decoder.Decode(ref model);
            if (decoder.Corrupt) return OperationStatus.InvalidData;
        }
        model.ReturnTables();
        if (decoder.Truncated) return OperationStatus.NeedMoreData;
        if (!decoder.IsFinishedOk) return OperationStatus.InvalidData;
        bytesConsumed = pos + decoder.BytesConsumed;
        bytesWritten = n;
        return OperationStatus.Done;
    }

    /// <summary>Decodes a whole block into a new array, after checking its declared length against <paramref name="maxLength"/>
    /// (a short block may honestly decode to a long run, so only the caller knows how much to expect).</summary>
    /// <param name="source">The block, exactly.</param>
    /// <param name="maxLength">The most decoded bytes to accept (default 2^26).</param>
    /// <exception cref="ArgumentOutOfRangeException">maxLength is negative.</exception>
    /// <exception cref="InvalidDataException">The input is truncated, corrupt, claims more than <paramref name="maxLength"/> bytes,
    /// or has bytes after the block.</exception>
    public static byte[] Decode(ReadOnlySpan<byte> source, int maxLength = BlockDecoding.DefaultMaxLength) =>
        BlockDecoding.DecodeWhole(Codec, source, maxLength, TryGetDecodedLength, TryDecode);

    /// <summary>
    /// The model's cross-entropy on <paramref name="data"/>: Σᵢ −log2 q(xᵢ | context), in bits, what coding the data with the
    /// fresh adaptive model of order <paramref name="order"/> costs an ideal coder (compensated sum). The empty input costs
    /// 0 bits. When <paramref name="destination"/> is not empty, −log2 q(xᵢ | context) of each byte is written into it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">order is not 0, 1 or 2.</exception>
    /// <exception cref="ArgumentException">destination is not empty and shorter than data.</exception>
    /// <param name="data">The bytes to cost (any length).</param>
    /// <param name="order">The model's context length in bytes: 0, 1 (the default) or 2.</param>
    /// <param name="destination">Empty (the default) for the total only; otherwise at least data.Length entries, receiving each byte's cost in bits.</param>
    public static Information CodeLength(ReadOnlySpan<byte> data, int order = DefaultOrder, Span<double> destination = default)
    {
        var model = new AdaptiveByteModel(order);
        if (!destination.IsEmpty && destination.Length < data.Length)
            ThrowHelper.ThrowDestinationTooShort(nameof(destination), data.Length, destination.Length);
        var sum = new CompensatedSum();
        for (int i = 0; i < data.Length; i++)
        {
            double bits = model.CodeLength(data[i]);
            if (!destination.IsEmpty) destination[i] = bits;
            sum.Add(bits);
            model.Update(data[i]);
        }
        model.ReturnTables();
        return new Information(sum.Value, LogBase.Bits);
    }
}
