using System.Buffers.Binary;
using System.IO.Hashing;

namespace Xent.Estimation;

public sealed partial class DenseCounts
{
    private static ReadOnlySpan<byte> Magic => "XCNT"u8;
    private const byte FormatVersion = 1;
    private const int HeaderSize = 20;

    /// <summary>The size in bytes of the binary form of a table over <paramref name="alphabetSize"/> symbols: 20 + 8K + 4.</summary>
    public static long SerializedSize(int alphabetSize) => HeaderSize + 8L * alphabetSize + 4;

    /// <summary>
    /// Writes the table in the binary format of docs/formats/count-table.md (little-endian throughout):
    /// <code>
    /// offset  size  field
    /// 0       4     magic "XCNT"
    /// 4       1     version = 1
    /// 5       3     reserved, 0
    /// 8       4     K, the alphabet size (uint32)
    /// 12      8     N, the total (uint64)
    /// 20      8·K   the counts of symbols 0 … K−1 (uint64 each)
    /// 20+8K   4     CRC-32 (IEEE 802.3) of bytes 0 … 20+8K−1
    /// </code>
    /// </summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = new byte[SerializedSize(AlphabetSize)];
        Magic.CopyTo(bytes);
        bytes[4] = FormatVersion;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)AlphabetSize);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(12), (ulong)Total);
        for (int i = 0; i < _counts.Length; i++)
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(HeaderSize + 8 * i), (ulong)_counts[i]);
        int body = bytes.Length - 4;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(body), Crc32.HashToUInt32(bytes.AsSpan(0, body)));
        stream.Write(bytes);
    }

    /// <summary>Reads a table written by <see cref="WriteTo"/>, checking the magic, version, checksum and total.</summary>
    /// <exception cref="InvalidDataException">The data is truncated, of another format or version, corrupt (checksum), or its total
    /// disagrees with its counts.</exception>
    public static DenseCounts ReadFrom(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[HeaderSize];
        if (stream.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false) < HeaderSize)
            ThrowHelper.ThrowInvalidData("count table truncated: the 20-byte header is incomplete.");
        if (!header[..4].SequenceEqual(Magic)) ThrowHelper.ThrowInvalidData("not a dense count table: the magic bytes are not \"XCNT\".");
        if (header[4] != FormatVersion) ThrowHelper.ThrowInvalidData($"dense count table version {header[4]} is not supported (expected {FormatVersion}).");
        uint k = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        if (k < 1 || k > Array.MaxLength / 8) ThrowHelper.ThrowInvalidData($"dense count table declares an alphabet of {k} symbols.");

        var bytes = new byte[SerializedSize((int)k)];
        header.CopyTo(bytes);
        if (stream.ReadAtLeast(bytes.AsSpan(HeaderSize), bytes.Length - HeaderSize, throwOnEndOfStream: false) < bytes.Length - HeaderSize)
            ThrowHelper.ThrowInvalidData($"count table truncated: {k} counts and a checksum were expected.");
        int body = bytes.Length - 4;
        if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(body)) != Crc32.HashToUInt32(bytes.AsSpan(0, body)))
            ThrowHelper.ThrowInvalidData("dense count table is corrupt: its CRC-32 does not match.");

        var table = new DenseCounts((int)k);
        for (int i = 0; i < k; i++)
        {
            ulong c = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(HeaderSize + 8 * i));
            if (c > long.MaxValue || (ulong)table.Total + c > long.MaxValue)
                ThrowHelper.ThrowInvalidData($"dense count table: count {i} = {c} takes the total past 2^63 − 1.");
            table.Add(i, (long)c);
        }
        ulong total = BinaryPrimitives.ReadUInt64LittleEndian(header[12..]);
        if ((ulong)table.Total != total) ThrowHelper.ThrowInvalidData($"dense count table header says total {total} but its counts sum to {table.Total}.");
        return table;
    }
}
