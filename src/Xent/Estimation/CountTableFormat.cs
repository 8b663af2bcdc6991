using System.Buffers.Binary;

namespace Xent.Estimation;

/// <summary>The kind of table a count-table file holds (its byte 8, docs/formats/count-table.md).</summary>
internal enum CountTableKind : byte
{
    Dense = 1,
    Contingency = 2,
    Sparse = 3,
}

/// <summary>
/// The count-table binary format, version 2 (docs/formats/count-table.md), shared by every table kind. One checked unit:
/// <code>
/// offset  size  field
/// 0       8     preamble (BinaryFormat): "XCNT" | version 2 | flags 0 | reserved 0
/// 8       1     kind: 1 dense counts, 2 contingency table, 3 sparse count table
/// 9       1     options: bit 0 = the alphabet (shape) grows; other bits 0
/// 10      2     reserved: 0
/// 12      8     L, the length of the whole unit in bytes, this header and the checksum included (uint64)
/// 20      L−24  body, as the kind says (fixed-width little-endian integers)
/// L−4     4     CRC-32 of bytes 0 … L−5
/// </code>
/// Version 1 (dense counts only: preamble, K uint32, N uint64, K uint64 counts, CRC-32) is still read.
/// </summary>
internal static class CountTableFormat
{
    public const byte Version = 2;
    public const int HeaderLength = 20;
    public const byte OptionGrows = 1;
    private const int FirstBufferSize = 1 << 16;

    public static string Name(CountTableKind kind) => kind switch
    {
        CountTableKind.Dense => "dense counts",
        CountTableKind.Contingency => "a contingency table",
        CountTableKind.Sparse => "a sparse count table",
        _ => $"an unknown table kind {(byte)kind}",
    };

    /// <summary>A writer for one unit: header, body, then <see cref="Finish"/> fills in L and the checksum.</summary>
    public sealed class Writer
    {
        private byte[] _buffer;
        private int _length;

        public Writer(CountTableKind kind, byte options, long bodyLength)
        {
            long length = HeaderLength + bodyLength + BinaryFormat.ChecksumLength;
            if (length > Array.MaxLength) ThrowHelper.ThrowNotSupported($"the table needs {length} bytes, more than one array holds.");
            _buffer = new byte[length];
            BinaryFormat.WritePreamble(_buffer, XentFormat.CountTable, Version);
            _buffer[8] = (byte)kind;
            _buffer[9] = options;
            _length = HeaderLength;
        }

        public void Byte(byte value) => Ensure(1)[0] = value;
        public void UInt16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Ensure(2), value);
        public void UInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Ensure(4), value);
        public void UInt64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Ensure(8), value);
        public void Bytes(ReadOnlySpan<byte> value) => value.CopyTo(Ensure(value.Length));

        /// <summary>The total N, then every count (uint64 each): the end of a dense or contingency body.</summary>
        public void Counts(long total, ReadOnlySpan<long> counts)
        {
            UInt64((ulong)total);
            var span = Ensure(8 * counts.Length);
            for (int i = 0; i < counts.Length; i++) BinaryPrimitives.WriteUInt64LittleEndian(span[(8 * i)..], (ulong)counts[i]);
        }

        /// <summary>A span of <paramref name="count"/> bytes at the end of the unit, growing the buffer when a size was underestimated.</summary>
        public Span<byte> Ensure(int count)
        {
            if (_buffer.Length - BinaryFormat.ChecksumLength - _length < count)
            {
                long needed = (long)_length + count + BinaryFormat.ChecksumLength;
                if (needed > Array.MaxLength) ThrowHelper.ThrowNotSupported($"the table needs more than {Array.MaxLength} bytes, more than one array holds.");
                Array.Resize(ref _buffer, (int)Extent.GrowCapacity(_buffer.Length, needed, Array.MaxLength));
            }
            var span = _buffer.AsSpan(_length, count);
            _length += count;
            return span;
        }

        public void Finish(Stream stream)
        {
            int length = _length + BinaryFormat.ChecksumLength;
            var unit = _buffer.AsSpan(0, length);
            BinaryPrimitives.WriteUInt64LittleEndian(unit[12..], (ulong)length);
            BinaryFormat.SealChecksum(unit);
            stream.Write(unit);
        }
    }

    /// <summary>
    /// Reads one unit of <paramref name="expected"/> kind: checks the preamble, the kind, L and the checksum, and returns a
    /// reader over the body. Memory is bounded by the bytes actually present: L is checked against a seekable stream's length,
    /// and otherwise the buffer grows only as data arrives, so a corrupt L cannot make the reader allocate more than the stream holds.
    /// </summary>
    /// <exception cref="InvalidDataException">Truncated, another format or version, another kind, unknown options, or corrupt.</exception>
    public static Reader Read(Stream stream, CountTableKind expected, out byte version, out byte options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var header = new byte[HeaderLength];
        int got = stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        if (got < BinaryFormat.PreambleLength) BinaryFormat.ReadPreamble(header.AsSpan(0, got), XentFormat.CountTable, Version);
        (version, byte flags) = BinaryFormat.ReadPreamble(header, XentFormat.CountTable, Version);
        if (got < HeaderLength) ThrowHelper.ThrowInvalidData($"count table truncated: the {HeaderLength}-byte header is incomplete ({got} bytes).");

        long length;
        int bodyAt;
        if (version == 1)
        {
            // Version 1: dense counts only, the reserved bytes ignored, L implied by K.
            if (expected != CountTableKind.Dense) ThrowHelper.ThrowInvalidData($"this count table file (version 1) holds dense counts, not {Name(expected)}.");
            uint k = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(8));
            length = HeaderLength + 8L * k + BinaryFormat.ChecksumLength;
            if (k < 1 || length > Array.MaxLength) ThrowHelper.ThrowInvalidData($"dense count table declares an alphabet of {k} symbols.");
            options = 0;
            bodyAt = BinaryFormat.PreambleLength;
        }
        else
        {
            if (flags != 0) ThrowHelper.ThrowInvalidData($"count table has unknown flags 0x{flags:X2}.");
            if (header[6] != 0 || header[7] != 0 || header[10] != 0 || header[11] != 0) ThrowHelper.ThrowInvalidData("count table has non-zero reserved bytes.");
            var kind = (CountTableKind)header[8];
            if (kind != expected)
                ThrowHelper.ThrowInvalidData(kind is CountTableKind.Dense or CountTableKind.Contingency or CountTableKind.Sparse
                    ? $"this count table file holds {Name(kind)}, not {Name(expected)}."
                    : $"count table has an unknown kind {header[8]}.");
            options = header[9];
            if ((options & ~OptionGrows) != 0 || (kind == CountTableKind.Sparse && options != 0))
                ThrowHelper.ThrowInvalidData($"count table has unknown options 0x{options:X2}.");
            ulong declared = BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(12));
            if (declared < HeaderLength + BinaryFormat.ChecksumLength || declared > (ulong)Array.MaxLength)
                ThrowHelper.ThrowInvalidData($"count table declares a length of {declared} bytes (must be {HeaderLength + BinaryFormat.ChecksumLength} … {Array.MaxLength}).");
            length = (long)declared;
            bodyAt = HeaderLength;
        }

        var unit = ReadRest(stream, header, length);
        BinaryFormat.VerifyChecksum(unit, "count table");
        return new Reader(unit, bodyAt, unit.Length - BinaryFormat.ChecksumLength);
    }

    private static byte[] ReadRest(Stream stream, byte[] header, long length)
    {
        if (stream.CanSeek)
        {
            long remaining = stream.Length - stream.Position;
            if (remaining < length - HeaderLength)
                ThrowHelper.ThrowInvalidData($"count table truncated: it declares {length} bytes but the stream holds {HeaderLength + remaining}.");
        }
        var buffer = new byte[Math.Min(length, FirstBufferSize)];
        header.CopyTo(buffer, 0);
        int filled = HeaderLength;
        while (filled < length)
        {
            if (filled == buffer.Length) Array.Resize(ref buffer, (int)Math.Min(length, 2L * buffer.Length));
            int n = stream.Read(buffer, filled, buffer.Length - filled);
            if (n == 0) ThrowHelper.ThrowInvalidData($"count table truncated: it declares {length} bytes but the stream ends after {filled}.");
            filled += n;
        }
        return buffer;
    }

    /// <summary>Reads the body of a checked unit; running past its end is <see cref="InvalidDataException"/>.</summary>
    public sealed class Reader(byte[] unit, int position, int end)
    {
        private int _position = position;

        public int Remaining => end - _position;

        public byte Byte() => Take(1)[0];
        public ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));
        public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));
        public ulong UInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

        /// <summary>A count: a uint64 that must be ≤ 2^63 − 1.</summary>
        public long Count(string what)
        {
            ulong value = UInt64();
            if (value > long.MaxValue) ThrowHelper.ThrowInvalidData($"count table: {what} = {value} exceeds 2^63 − 1.");
            return (long)value;
        }

        /// <summary>
        /// Reads what <see cref="Writer.Counts"/> wrote into <paramref name="destination"/> (whose length the caller checked with
        /// <see cref="Expect"/>), then checks the body ends there and N is the sum of the counts. Returns N.
        /// </summary>
        public long Counts(Span<long> destination, string what)
        {
            long total = Count("N"), sum = 0;
            for (int i = 0; i < destination.Length; i++)
            {
                long c = Count($"{what} {i}");
                if (long.MaxValue - sum < c) ThrowHelper.ThrowInvalidData($"count table: {what} {i} = {c} takes the total past 2^63 − 1.");
                sum += c;
                destination[i] = c;
            }
            End();
            if (sum != total) ThrowHelper.ThrowInvalidData($"count table header says total {total} but its {what}s sum to {sum}.");
            return total;
        }

        /// <summary>Checks that <paramref name="items"/> items of at least <paramref name="size"/> bytes each fit in what is left, before allocating for them.</summary>
        public void Expect(long items, int size, string what)
        {
            if (items > Remaining / size)
                ThrowHelper.ThrowInvalidData($"count table: {items} {what} do not fit in the {Remaining} bytes left of its body.");
        }

        public ReadOnlySpan<byte> Take(int count)
        {
            if (count < 0 || count > Remaining) ThrowHelper.ThrowInvalidData($"count table: its body ends {count - Remaining} bytes early.");
            var span = unit.AsSpan(_position, count);
            _position += count;
            return span;
        }

        public void End()
        {
            if (Remaining != 0) ThrowHelper.ThrowInvalidData($"count table: {Remaining} bytes follow its body.");
        }
    }
}
