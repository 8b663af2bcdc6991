using System.Buffers;
using System.Buffers.Binary;

namespace Xent.Coding;

/// <summary>
/// The header and the stored fallback shared by the adaptive block formats (<see cref="AdaptiveStream"/>,
/// <see cref="CmStream"/>): <c>varint n | mode u8 | payload</c>, nothing after the varint when n = 0. Mode bit 7 set means
/// stored: the payload is the n bytes followed by their CRC-32 (little-endian), so a flipped bit in a stored block is caught
/// too; otherwise the low bits are the codec's parameter and the payload is the coder's output.
/// </summary>
internal static class BlockHeader
{
    public const byte StoredFlag = 0x80;

    /// <summary>The largest block: the varint of n, the mode byte, n bytes and a CRC-32.</summary>
    public static int MaxEncodedLength(int count)
    {
        if (count < 0) ThrowHelper.ThrowArgumentOutOfRange(nameof(count), count, "the byte count must be ≥ 0");
        long total = (long)Varint.Length((ulong)count) + 1 + count + BinaryFormat.ChecksumLength;
        if (total > int.MaxValue) ThrowHelper.ThrowArgumentOutOfRange(nameof(count), count, "the encoded size would exceed 2^31 − 1 bytes");
        return (int)total;
    }

    /// <summary>Writes the stored form of <paramref name="source"/> after the mode byte at <paramref name="modeAt"/>.</summary>
    public static int WriteStored(ReadOnlySpan<byte> source, Span<byte> destination, int modeAt)
    {
        destination[modeAt] = StoredFlag;
        int pos = modeAt + 1;
        source.CopyTo(destination[pos..]);
        pos += source.Length;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[pos..], BinaryFormat.Checksum(source));
        return pos + BinaryFormat.ChecksumLength;
    }

    /// <summary>Reads n and, when n &gt; 0, the mode byte; Done leaves <paramref name="position"/> after them.</summary>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out int count, out byte mode, out int position)
    {
        count = 0;
        mode = 0;
        position = 0;
        var status = Varint.TryRead(source, ref position, int.MaxValue, out ulong n);
        if (status != OperationStatus.Done) return status;
        count = (int)n;
        if (count == 0) return OperationStatus.Done;
        if (position >= source.Length) return OperationStatus.NeedMoreData;
        mode = source[position++];
        return OperationStatus.Done;
    }

    /// <summary>Copies a stored payload of n bytes at <paramref name="position"/> and checks its CRC-32.</summary>
    public static OperationStatus TryReadStored(ReadOnlySpan<byte> source, int position, Span<byte> destination, int count, out int bytesConsumed)
    {
        bytesConsumed = 0;
        if (source.Length - position < (long)count + BinaryFormat.ChecksumLength) return OperationStatus.NeedMoreData;
        var payload = source.Slice(position, count);
        if (BinaryPrimitives.ReadUInt32LittleEndian(source[(position + count)..]) != BinaryFormat.Checksum(payload))
            return OperationStatus.InvalidData;
        payload.CopyTo(destination);
        bytesConsumed = position + count + BinaryFormat.ChecksumLength;
        return OperationStatus.Done;
    }
}
