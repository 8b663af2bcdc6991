using System.Buffers;
using Xent.Numerics;

namespace Xent.Coding;

/// <summary>
/// Self-contained blocks of bytes coded bit by bit by the <see cref="BinaryArithmeticEncoder"/> under a context-mixing
/// model that starts fresh in every block: the eight-context <see cref="CmModelV6"/> of format version 8 at levels 1 … 7 (the
/// default, 7, among them) and the twelve-context <see cref="CmModelV5"/> of version 5 at levels 8 and 9 (<see cref="StrongLevel"/>). The block costs the model's cross-entropy on the data
/// (<see cref="CodeLength"/>) plus the coder's rounding and a few header bytes. Format: docs/formats/cm-block.md; the model:
/// docs/coding/context-mixing.md.
/// </summary>
/// <remarks>The level (1 … 9) sets the model's memory and is stored in the block, so the decoder needs no option. A block
/// whose coded form would be larger than the data is stored instead (the bytes and their CRC-32). Decoding corrupt or
/// truncated input is an expected outcome: <see cref="TryDecode(ReadOnlySpan{byte}, Span{byte}, out int, out int)"/> returns <see cref="OperationStatus.InvalidData"/> or
/// <see cref="OperationStatus.NeedMoreData"/>, never reads outside the input, and never allocates for a length beyond the
/// destination it is given.</remarks>
public static class CmStream
{
    /// <summary>The lowest level, as every model version's (<see cref="CmModelV6.MinLevel"/>).</summary>
    public const int MinLevel = CmModelV6.MinLevel;

    /// <summary>The highest level, as every model version's (<see cref="CmModelV6.MaxLevel"/>).</summary>
    public const int MaxLevel = CmModelV6.MaxLevel;

    /// <summary>The default level: <see cref="CmModelV6.DefaultLevel"/>, coded with the version-6 model.</summary>
    public const int DefaultLevel = CmModelV6.DefaultLevel;

    private const string Codec = "cm";

    /// <summary>Mode-byte flag of a block coded by the version-2 model (<see cref="CmModelV2"/>, kept frozen for such blocks);
    /// version-1 blocks (the mode byte is the bare level) are decoded by <see cref="CmModelV1"/>.</summary>
    private const byte Version2 = 0x10;

    /// <summary>Mode-byte flag of a block coded by the version-3 model (<see cref="CmModelV3"/>: six hashed contexts, frozen),
    /// which the encoder wrote at levels below <see cref="StrongLevel"/> before version 6.</summary>
    private const byte Version3 = 0x20;

    /// <summary>Mode-byte flag of a block coded by the version-4 model (<see cref="CmModelV4"/>: twelve hashed contexts, frozen),
    /// which the encoder wrote at <see cref="StrongLevel"/> and above before version 5.</summary>
    private const byte Version4 = 0x30;

    /// <summary>Mode-byte flag of a block coded by the version-5 model (<see cref="CmModelV5"/>: twelve hashed contexts, two of
    /// them shapes), which the encoder writes at <see cref="StrongLevel"/> and above.</summary>
    private const byte Version5 = 0x40;

    /// <summary>Mode-byte flag of a block coded by the version-6 model (<see cref="CmModelV6"/>: eight hashed contexts in one
    /// vector, a final mixer), which the encoder wrote at levels below <see cref="StrongLevel"/> before version 7.</summary>
    private const byte Version6 = 0x50;

    /// <summary>Mode-byte flag of a block coded by the version-7 model (<see cref="CmModelV6"/> with its version 7: a byte that
    /// starts inside a match of <see cref="CmModelV6.LongMatch"/> bytes or more is coded by the match alone), which the encoder
    /// wrote at levels below <see cref="StrongLevel"/> before version 8.</summary>
    private const byte Version7 = 0x60;

    /// <summary>Mode-byte flag of a block coded by the version-8 model (<see cref="CmModelV6"/> with its version 8: version 7
    /// with faster order-0 and order-1 counters and mixers that learn faster over a block's first 32 KiB), which the encoder
    /// writes at levels below <see cref="StrongLevel"/>.</summary>
    private const byte Version8 = 0x70;

    /// <summary>The lowest level coded with the twelve-context model (version 5): levels 8 and 9 trade 1.5–1.7× version 6's time
    /// and 3–4× the memory for 0.5–0.9 % smaller text; levels 1 … 7, the default 7 among them, use the eight-context model
    /// (version 8).</summary>
    public const int StrongLevel = 8;

    /// <summary>The newest model version this build reads and writes.</summary>
    internal const int NewestVersion = 8;

    /// <summary>The largest encoded size of <paramref name="count"/> bytes: count + 1 + 4 + the varint of count.</summary>
    /// <exception cref="ArgumentOutOfRangeException">count &lt; 0, or the bound exceeds <see cref="int.MaxValue"/>.</exception>
    /// <param name="count">The number of bytes to encode (≥ 0).</param>
    public static int MaxEncodedLength(int count) => BlockHeader.MaxEncodedLength(count);

    /// <summary>Encodes <paramref name="source"/> into <paramref name="destination"/> at <paramref name="level"/>; returns the
    /// number of bytes written.</summary>
    /// <exception cref="ArgumentOutOfRangeException">level is outside 1 … 9.</exception>
    /// <exception cref="ArgumentException">destination is shorter than <see cref="MaxEncodedLength"/>(source.Length).</exception>
    /// <param name="source">The bytes to encode (any length, including empty).</param>
    /// <param name="destination">Where the block is written, from its first byte; at least MaxEncodedLength(source.Length) bytes (the encoder may use the room as scratch).</param>
    /// <param name="level">1 … 9: each step doubles the model's hashed tables (2^(16 + level) bytes each, fewer for short blocks); higher compresses better and needs more memory to decode. Levels 1 … 7 use the eight-context model (version 8), 8 and 9 (<see cref="StrongLevel"/>) the twelve-context one (version 5): 0.5–0.9 % smaller output, 1.5–1.7× the time.</param>
    public static int Encode(ReadOnlySpan<byte> source, Span<byte> destination, int level = DefaultLevel) =>
        EncodeCore(source, destination, level, out _);

    /// <summary>Encodes <paramref name="source"/> into a new array of exactly the encoded size.</summary>
    /// <exception cref="ArgumentOutOfRangeException">level is outside 1 … 9.</exception>
    /// <param name="source">The bytes to encode (any length, including empty).</param>
    /// <param name="level">1 … 9; see the span overload.</param>
    public static byte[] Encode(ReadOnlySpan<byte> source, int level = DefaultLevel)
    {
        var buffer = new byte[MaxEncodedLength(source.Length)];
        return buffer.AsSpan(0, Encode(source, buffer, level)).ToArray();
    }

    /// <summary>Encodes as <see cref="Encode(ReadOnlySpan{byte}, Span{byte}, int)"/>, and returns in
    /// <paramref name="modelBits"/> the model's cross-entropy on the data, Σ −log2 p(bit | context) in bits (what
    /// <see cref="CodeLength"/> computes, summed in the same pass; the whole data even when the block ends up stored).</summary>
    internal static int EncodeCore(ReadOnlySpan<byte> source, Span<byte> destination, int level, out double modelBits, CmModelArena? arena = null)
    {
        modelBits = 0;
        if (level < MinLevel || level > MaxLevel)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(level), level, $"the level must be in {MinLevel} … {MaxLevel}");
        int needed = MaxEncodedLength(source.Length);
        if (destination.Length < needed) ThrowHelper.ThrowDestinationTooShort(nameof(destination), needed, destination.Length);
        int pos = Varint.Write((ulong)source.Length, destination);
        if (source.Length == 0) return pos;
        int modeAt = pos++;
        // Levels 1 … 7 code with the eight-context model (format version 8, the faster), 8 and 9 with the twelve-context one
        // (version 5, the smaller output): see StrongLevel.
        destination[modeAt] = (byte)((level >= StrongLevel ? Version5 : Version8) | level);
        int written;
        if (level >= StrongLevel)
        {
            var model = new CmModelV5(level, source.Length, arena);
            written = EncodeBits(ref model, source, destination[pos..needed], out modelBits);
        }
        else
        {
            var model = new CmModelV6(level, source.Length, arena, NewestVersion);
            written = EncodeBits(ref model, source, destination[pos..needed], out modelBits);
        }
        if (written < 0 || pos + written >= needed) return BlockHeader.WriteStored(source, destination, modeAt);
        return pos + written;
    }

    // Codes every bit of source with model; the coded length, or −1 when it would not fit in destination.
    private static int EncodeBits<TModel>(ref TModel model, ReadOnlySpan<byte> source, Span<byte> destination, out double modelBits)
        where TModel : struct, ICostedBitModel
    {
        var encoder = new BinaryArithmeticEncoder(destination);
        var sum = new CompensatedSum();
        bool overflowed = false;
        foreach (byte b in source)
        {
            double bits = 0;
            for (int i = 7; i >= 0; i--)
            {
                int bit = (b >> i) & 1;
                int p = model.P();
                bits += model.CodeLength(bit);
                if (!overflowed) encoder.Encode(bit, p);
                model.Update(bit);
            }
            sum.Add(bits);
            overflowed = encoder.Overflowed;
        }
        modelBits = sum.Value;
        int written = encoder.Finish();
        return encoder.Overflowed ? -1 : written;
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
    /// is truncated; <see cref="OperationStatus.InvalidData"/> when it is corrupt (an unknown level, a coder state that does
    /// not end as the encoder's, a stored block whose CRC-32 does not match). Destination content is unspecified unless
    /// Done.</returns>
    /// <param name="source">One encoded block, starting at its first byte; bytes after the block are not read.</param>
    /// <param name="destination">Receives the decoded bytes; at least the decoded length (see TryGetDecodedLength). Unspecified unless Done.</param>
    /// <param name="bytesConsumed">The block's length in bytes when Done; 0 otherwise.</param>
    /// <param name="bytesWritten">The decoded bytes written when Done; 0 otherwise.</param>
    public static OperationStatus TryDecode(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesConsumed, out int bytesWritten) =>
        TryDecodeCore(source, destination, long.MaxValue, out bytesConsumed, out bytesWritten, out _);

    /// <summary>Decodes as <see cref="TryDecode(ReadOnlySpan{byte}, Span{byte}, out int, out int)"/>, but returns
    /// <see cref="OperationStatus.InvalidData"/> without allocating when the block's model would take more than
    /// <paramref name="maxMemoryBytes"/> bytes (<see cref="DecoderMemoryBytes"/>; each version's MemoryBytes per level, e.g. <see cref="CmModelV6.MemoryBytes"/>).</summary>
    /// <param name="source">The block; bytes after it are not read.</param>
    /// <param name="destination">Where the decoded bytes go.</param>
    /// <param name="maxMemoryBytes">The most memory the model may take, in bytes.</param>
    /// <param name="bytesConsumed">The block's size when Done.</param>
    /// <param name="bytesWritten">The decoded length when Done.</param>
    public static OperationStatus TryDecode(ReadOnlySpan<byte> source, Span<byte> destination, long maxMemoryBytes, out int bytesConsumed, out int bytesWritten) =>
        TryDecodeCore(source, destination, maxMemoryBytes, out bytesConsumed, out bytesWritten, out _);

    /// <summary>Decodes as <see cref="TryDecode(ReadOnlySpan{byte}, Span{byte}, out int, out int)"/>, and returns in <paramref name="modelBits"/> the model's cross-entropy on
    /// the decoded bytes when the block was coded (summed in the same pass), 0 for the empty block, and NaN for a stored
    /// block (which records no level: the caller knows which it coded with).</summary>
    internal static OperationStatus TryDecodeCore(ReadOnlySpan<byte> source, Span<byte> destination, long maxMemoryBytes, out int bytesConsumed, out int bytesWritten, out double modelBits, CmModelArena? arena = null)
    {
        bytesConsumed = bytesWritten = 0;
        modelBits = 0;
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
            modelBits = double.NaN;
            status = BlockHeader.TryReadStored(source, pos, destination, n, out bytesConsumed);
            if (status == OperationStatus.Done) bytesWritten = n;
            return status;
        }
        if (!TryLevel(mode, out int level, out int version)) return OperationStatus.InvalidData;
        if (ModelMemory(level, version, n) > maxMemoryBytes) return OperationStatus.InvalidData;
        // Coded blocks take at least 4 bytes: refuse a short input before building the model.
        if (source.Length - pos < 4) return OperationStatus.NeedMoreData;
        var output = destination[..n];
        int consumed;
        status = version switch
        {
            1 => DecodeBits(new CmModelV1(level, n), source[pos..], output, out consumed, out modelBits),
            2 => DecodeBits(new CmModelV2(level, n, arena), source[pos..], output, out consumed, out modelBits),
            3 => DecodeBits(new CmModelV3(level, n, arena), source[pos..], output, out consumed, out modelBits),
            4 => DecodeBits(new CmModelV4(level, n, arena), source[pos..], output, out consumed, out modelBits),
            5 => DecodeBits(new CmModelV5(level, n, arena), source[pos..], output, out consumed, out modelBits),
            _ => DecodeBits(new CmModelV6(level, n, arena, version), source[pos..], output, out consumed, out modelBits),
        };
        if (status != OperationStatus.Done) return status;
        bytesConsumed = pos + consumed;
        bytesWritten = n;
        return OperationStatus.Done;
    }

    private static OperationStatus DecodeBits<TModel>(TModel model, ReadOnlySpan<byte> source, Span<byte> output, out int consumed, out double modelBits)
        where TModel : struct, ICostedBitModel
    {
        consumed = 0;
        modelBits = 0;
        var decoder = new BinaryArithmeticDecoder(source);
        var sum = new CompensatedSum();
        for (int i = 0; i < output.Length; i++)
        {
            int c = 1;
            double bits = 0;
            while (c < 256)
            {
                int p = model.P();
                int bit = decoder.Decode(p);
                bits += model.CodeLength(bit);
                model.Update(bit);
                c = (c << 1) | bit;
            }
            sum.Add(bits);
            output[i] = (byte)c;
            // A truncated stream reads zeros from here on; stop rather than decode garbage to the end.
            if (decoder.Truncated) return OperationStatus.NeedMoreData;
        }
        if (!decoder.IsFinishedOk) return OperationStatus.InvalidData;
        modelBits = sum.Value;
        consumed = decoder.BytesConsumed;
        return OperationStatus.Done;
    }

    // The mode byte of a coded block: the level (1 … 9) for format version 1, Version2 | level for version 2, Version3 | level
    // for version 3, Version4 | level for version 4, Version5 | level for version 5, Version6 | level for version 6, Version7 | level for version 7,
    // Version8 | level for version 8.
    private static bool TryLevel(byte mode, out int level, out int version)
    {
        version = (mode & 0xF0) switch { 0 => 1, Version2 => 2, Version3 => 3, Version4 => 4, Version5 => 5, Version6 => 6, Version7 => 7, Version8 => 8, _ => 0 };
        level = mode & 0x0F;
        return version != 0 && level is >= MinLevel and <= MaxLevel;
    }

    /// <summary>The model version a coded block's mode byte names — 1 … <see cref="NewestVersion"/> for versions this build
    /// knows, higher for a block written by a newer build; false for an empty, stored or truncated block.</summary>
    internal static bool TryGetModelVersion(ReadOnlySpan<byte> source, out int version)
    {
        version = 0;
        if (BlockHeader.TryRead(source, out int n, out byte mode, out _) != OperationStatus.Done || n == 0 || mode == BlockHeader.StoredFlag)
            return false;
        version = (mode >> 4) + 1;
        return true;
    }

    private static long ModelMemory(int level, int version, int length) => version switch
    {
        1 => CmModelV1.MemoryBytes(level, length),
        2 => CmModelV2.MemoryBytes(level, length),
        3 => CmModelV3.MemoryBytes(level, length),
        4 => CmModelV4.MemoryBytes(level, length),
        5 => CmModelV5.MemoryBytes(level, length),
        _ => CmModelV6.MemoryBytes(level, length),
    };

    /// <summary>The most memory, in bytes, a block of <paramref name="length"/> bytes at <paramref name="level"/> can make the
    /// decoder spend, whichever format version it was written with.</summary>
    internal static long MaxModelMemory(int level, int length)
    {
        long most = 0;
        for (int version = 1; version <= NewestVersion; version++) most = Math.Max(most, ModelMemory(level, version, length));
        return most;
    }

    /// <summary>The memory, in bytes, that decoding <paramref name="source"/> (a block's start: its header is enough) builds its
    /// model in — a caller that refuses blocks above some figure passes it to
    /// <see cref="TryDecode(ReadOnlySpan{byte}, Span{byte}, long, out int, out int)"/>. 0 for an empty or stored block; −1
    /// when the header is truncated or names no known level and format version.</summary>
    /// <param name="source">One encoded block, starting at its first byte; bytes after the block are not read. Only its header is read.</param>
    public static long DecoderMemoryBytes(ReadOnlySpan<byte> source)
    {
        if (BlockHeader.TryRead(source, out int n, out byte mode, out _) != OperationStatus.Done) return -1;
        if (n == 0 || mode == BlockHeader.StoredFlag) return 0;
        return TryLevel(mode, out int level, out int version) ? ModelMemory(level, version, n) : -1;
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
    /// The model's cross-entropy on <paramref name="data"/>: Σ over the 8n bits of −log2 p(bit | context), in bits — what coding
    /// the data as one block at <paramref name="level"/> costs an ideal coder (compensated sum; the empty input costs 0). When
    /// <paramref name="destination"/> is not empty, each byte's cost (the sum over its 8 bits) is written into it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">level is outside 1 … 9.</exception>
    /// <exception cref="ArgumentException">destination is not empty and shorter than data.</exception>
    /// <param name="data">The bytes to cost (any length).</param>
    /// <param name="level">1 … 9, as for Encode.</param>
    /// <param name="destination">Empty (the default) for the total only; otherwise at least data.Length entries, receiving each byte's cost in bits.</param>
    public static Information CodeLength(ReadOnlySpan<byte> data, int level = DefaultLevel, Span<double> destination = default) =>
        CodeLengthCore(data, level, destination);

    internal static Information CodeLengthCore(ReadOnlySpan<byte> data, int level, Span<double> destination, CmModelArena? arena = null)
    {
        if (level < MinLevel || level > MaxLevel)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(level), level, $"the level must be in {MinLevel} … {MaxLevel}");
        if (!destination.IsEmpty && destination.Length < data.Length)
            ThrowHelper.ThrowDestinationTooShort(nameof(destination), data.Length, destination.Length);
        if (level >= StrongLevel)
        {
            var model = new CmModelV5(level, data.Length, arena);
            return CodeLengthBits(ref model, data, destination);
        }
        else
        {
            var model = new CmModelV6(level, data.Length, arena, NewestVersion);
            return CodeLengthBits(ref model, data, destination);
        }
    }

    private static Information CodeLengthBits<TModel>(ref TModel model, ReadOnlySpan<byte> data, Span<double> destination)
        where TModel : struct, ICostedBitModel
    {
        var sum = new CompensatedSum();
        for (int i = 0; i < data.Length; i++)
        {
            double bits = 0;
            for (int k = 7; k >= 0; k--)
            {
                int bit = (data[i] >> k) & 1;
                model.P();
                bits += model.CodeLength(bit);
                model.Update(bit);
            }
            if (!destination.IsEmpty) destination[i] = bits;
            sum.Add(bits);
        }
        return new Information(sum.Value, LogBase.Bits);
    }
}
