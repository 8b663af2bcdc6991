using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Xent.Coding;

public static partial class HuffmanStream
{
    /// <summary>Codes of at most this many bits are decoded through a table of exactly 2^11 entries.</summary>
    private const int FastTableLog = 11;

    /// <summary>
    /// Decodes bytes encoded by <see cref="Encode(ReadOnlySpan{byte}, Span{byte}, int)"/> into <paramref name="destination"/>.
    /// </summary>
    /// <returns><see cref="OperationStatus.Done"/> (then <paramref name="bytesConsumed"/> is the encoded size and
    /// <paramref name="symbolsWritten"/> the message length); <see cref="OperationStatus.DestinationTooSmall"/> when the
    /// message is longer than the destination; <see cref="OperationStatus.NeedMoreData"/> when the input is truncated;
    /// <see cref="OperationStatus.InvalidData"/> when it is corrupt (including symbols above 255). Nothing is read
    /// outside <paramref name="source"/>; destination content is unspecified unless Done.</returns>
    /// <param name="source">One encoded message, from its first byte; bytes after it are not read.</param>
    /// <param name="destination">Receives the decoded bytes; at least the message's symbol count (see TryGetSymbolCount).</param>
    /// <param name="bytesConsumed">The message's length in bytes when Done; 0 otherwise.</param>
    /// <param name="symbolsWritten">The symbols written when Done; 0 otherwise.</param>
    public static OperationStatus TryDecode(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesConsumed, out int symbolsWritten) =>
        DecodeCore(source, destination, 256, out bytesConsumed, out symbolsWritten);

    /// <summary>Decodes symbols below 4096 encoded by <see cref="Encode(ReadOnlySpan{ushort}, Span{byte}, int)"/>; statuses as for the byte overload.</summary>
    /// <param name="source">One encoded message, from its first byte; bytes after it are not read.</param>
    /// <param name="destination">Receives the decoded symbols; at least the message's symbol count.</param>
    /// <param name="bytesConsumed">The message's length in bytes when Done; 0 otherwise.</param>
    /// <param name="symbolsWritten">The symbols written when Done; 0 otherwise.</param>
    public static OperationStatus TryDecode(ReadOnlySpan<byte> source, Span<ushort> destination, out int bytesConsumed, out int symbolsWritten) =>
        DecodeCore(source, destination, MaxAlphabetSize, out bytesConsumed, out symbolsWritten);

    /// <summary>
    /// Reads only the header: the number of symbols the message holds. <see cref="OperationStatus.NeedMoreData"/> or
    /// <see cref="OperationStatus.InvalidData"/> when the header is truncated or corrupt.
    /// </summary>
    /// <param name="source">An encoded message; only its header is read.</param>
    /// <param name="count">The number of symbols the message decodes to, or 0 when the status is not Done.</param>
    public static OperationStatus TryGetSymbolCount(ReadOnlySpan<byte> source, out int count)
    {
        Span<int> sizes = stackalloc int[StreamCount];
        var h = new Header { Sizes = sizes };
        var status = ReadHeader(source, MaxAlphabetSize, ref h);
        count = status == OperationStatus.Done ? h.Count : 0;
        return status;
    }

    /// <summary>
    /// The most symbols <see cref="Decode"/> and <see cref="DecodeSymbols"/> accept from a message's header unless told
    /// otherwise: 2^26 (64 MiB of bytes). A Huffman-coded message also needs a bit per symbol of input, but one of a single
    /// repeated symbol is a few bytes whatever its length, so a declared length is checked against this before anything is
    /// allocated.
    /// </summary>
    public const int DefaultMaxDecodedSymbols = 1 << 26;

    /// <summary>Decodes a whole encoded byte message into a new array.</summary>
    /// <param name="source">The encoded message, exactly (no trailing bytes).</param>
    /// <param name="maxSymbols">The longest message accepted, checked against the header before the array is allocated
    /// (default <see cref="DefaultMaxDecodedSymbols"/>); to decode a longer one, pass its length or use
    /// <see cref="TryGetSymbolCount"/> and <see cref="TryDecode(ReadOnlySpan{byte}, Span{byte}, out int, out int)"/> with a destination of your own.</param>
    /// <exception cref="InvalidDataException">The input is truncated, corrupt, has trailing bytes, or declares more than
    /// <paramref name="maxSymbols"/> symbols.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxSymbols"/> is negative.</exception>
    public static byte[] Decode(ReadOnlySpan<byte> source, int maxSymbols = DefaultMaxDecodedSymbols) => DecodeAll<byte>(source, 256, maxSymbols);

    /// <summary>Decodes a whole encoded message of symbols below 4096 into a new array; <paramref name="maxSymbols"/> as for <see cref="Decode"/>.</summary>
    /// <exception cref="InvalidDataException">The input is truncated, corrupt, has trailing bytes, or declares more than
    /// <paramref name="maxSymbols"/> symbols.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxSymbols"/> is negative.</exception>
    /// <param name="source">One encoded message of symbols below 4096, exactly (trailing bytes are an error).</param>
    /// <param name="maxSymbols">The most symbols the caller accepts (≥ 0); a message declaring more is refused before any allocation.</param>
    public static ushort[] DecodeSymbols(ReadOnlySpan<byte> source, int maxSymbols = DefaultMaxDecodedSymbols) =>
        DecodeAll<ushort>(source, MaxAlphabetSize, maxSymbols);

    private static T[] DecodeAll<T>(ReadOnlySpan<byte> source, int alphabetLimit, int maxSymbols) where T : unmanaged, IBinaryInteger<T>
    {
        if (maxSymbols < 0) ThrowHelper.ThrowArgumentOutOfRange(nameof(maxSymbols), maxSymbols, "the most symbols to decode must be ≥ 0");
        var status = TryGetSymbolCount(source, out int count);
        if (status != OperationStatus.Done) throw Invalid(status);
        if (count > maxSymbols)
            throw new InvalidDataException($"Huffman stream: the message declares {count} symbols, more than the {maxSymbols} allowed (maxSymbols); pass a larger limit to decode it.");
        var result = new T[count];
        status = DecodeCore<T>(source, result, alphabetLimit, out int consumed, out _);
        if (status != OperationStatus.Done) throw Invalid(status);
        if (consumed != source.Length) throw new InvalidDataException($"Huffman stream: {source.Length - consumed} bytes follow the end of the message.");
        return result;
    }

    private static InvalidDataException Invalid(OperationStatus status) => new(status == OperationStatus.NeedMoreData
        ? "Huffman stream: the input is truncated."
        : "Huffman stream: the input is corrupt.");

    private static unsafe OperationStatus DecodeCore<T>(ReadOnlySpan<byte> source, Span<T> destination, int alphabetLimit, out int bytesConsumed, out int symbolsWritten)
        where T : unmanaged, IBinaryInteger<T>
    {
        bytesConsumed = symbolsWritten = 0;
        Span<int> sizes = stackalloc int[StreamCount];
        var h = new Header { Sizes = sizes };
        var status = ReadHeader(source, alphabetLimit, ref h);
        if (status != OperationStatus.Done) return status;
        if (destination.Length < h.Count) return OperationStatus.DestinationTooSmall;
        if (h.Single)
        {
            destination[..h.Count].Fill(T.CreateTruncating(h.Symbol));
        }
        else
        {
            int tableLog = Math.Max(h.MaxLength, FastTableLog);
            // After the table, for 11-bit codes, the same entries split into a byte of length and a symbol (see DecodeLockstep11).
            int splitWords = (1 << FastTableLog) * (1 + sizeof(T)) / sizeof(uint);
            uint[] table = ArrayPool<uint>.Shared.Rent((1 << tableLog) + splitWords);
            try
            {
                var t = table.AsSpan(0, 1 << tableLog);
                BuildDecodeTable(h.Lengths, h.Alphabet, t);
                if (tableLog == FastTableLog) SplitTable<T>(t, table.AsSpan(1 << FastTableLog, splitWords));
                // Pinned: the lockstep loops hold the readers' positions as pointers.
                fixed (byte* payload = source.Slice(h.PayloadAt, h.PayloadSize))
                fixed (T* dst = destination)
                fixed (uint* dt = t)
                {
                    if (!DecodeStreams(source.Slice(h.PayloadAt, h.PayloadSize), sizes, dt, tableLog, dst, h.Count)) return OperationStatus.InvalidData;
                }
            }
            finally
            {
                ArrayPool<uint>.Shared.Return(table);
            }
        }
        bytesConsumed = h.PayloadAt + h.PayloadSize;
        symbolsWritten = h.Count;
        return OperationStatus.Done;
    }

    /// <summary>
    /// Decodes the four quarters, each stream through its own <see cref="BitReader"/> over exactly its bytes. The lockstep
    /// loop runs in batches of refills that <see cref="BitReader.FastRefillsLeft"/> guarantees stay inside every stream:
    /// each refill loads 8 bytes above the valid bits and advances by the whole bytes that fit, leaving 56 to 63 valid bits,
    /// enough for ⌊56 / tableLog⌋ symbols (5 with 11-bit codes). The last bytes of each stream are decoded with the
    /// reader's checked refill, then each stream must end exactly in its last byte, with zero padding.
    /// </summary>
    private static unsafe bool DecodeStreams<T>(ReadOnlySpan<byte> payload, ReadOnlySpan<int> sizes, uint* table, int tableLog, T* dst, int n)
        where T : unmanaged, IBinaryInteger<T>
    {
        int quarter = (n + 3) / StreamCount;
        int lastCount = StreamLength(n, quarter, 3);
        int at1 = sizes[0], at2 = at1 + sizes[1], at3 = at2 + sizes[2];
        var r0 = new BitReader(payload[..at1]);
        var r1 = new BitReader(payload[at1..at2]);
        var r2 = new BitReader(payload[at2..at3]);
        var r3 = new BitReader(payload[at3..]);
        T* d0 = dst, d1 = dst + quarter, d2 = dst + 2 * quarter, d3 = dst + 3 * quarter;
        ulong mask = (1UL << tableLog) - 1;
        int j = tableLog <= FastTableLog
            ? DecodeLockstep11(ref r0, ref r1, ref r2, ref r3, (byte*)(table + (1 << FastTableLog)), dst, quarter, lastCount)
            : DecodeLockstep(ref r0, ref r1, ref r2, ref r3, table, tableLog, dst, quarter, lastCount);
        return Finish(ref r0, table, mask, tableLog, d0, j, quarter)
            & Finish(ref r1, table, mask, tableLog, d1, j, StreamLength(n, quarter, 1))
            & Finish(ref r2, table, mask, tableLog, d2, j, StreamLength(n, quarter, 2))
            & Finish(ref r3, table, mask, tableLog, d3, j, lastCount);
    }

    /// <summary>
    /// The lockstep loop for codes of at most 11 bits (tables are then always 2^11 entries, so the mask is a constant):
    /// 5 symbols per stream per refill, the four chains unrolled so they overlap. The four readers' states run in locals
    /// (four <see cref="BitReader"/> structs do not stay in registers; twelve locals do), refilled with
    /// <see cref="BitReader.Refill(ref ulong, ref int, ulong)"/>, in batches of refills that stay inside every stream, so no
    /// refill tests its position. The critical path per symbol is mask → table load → shift: the shift count is the entry
    /// itself (the length sits in its low byte), and a refill only adds one OR to the chain. The input must be pinned.
    /// Returns the symbols decoded per stream.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe int DecodeLockstep11<T>(ref BitReader reader0, ref BitReader reader1, ref BitReader reader2, ref BitReader reader3,
        byte* table, T* dst, int quarter, int lastCount) where T : unmanaged, IBinaryInteger<T>
    {
        T* d = dst;
        nint q = quarter, q3 = 3 * (nint)quarter;
        T* stop = dst + lastCount - 5;
        while (d <= stop)
        {
            long batches = Math.Min(Math.Min(reader0.FastRefillsLeft, reader1.FastRefillsLeft), Math.Min(reader2.FastRefillsLeft, reader3.FastRefillsLeft));
            if (batches == 0) break;
            batches = Math.Min(batches, (stop - d) / 5 + 1);
            // Only the states are live in the loop: the readers' bounds stay in memory until the next batch.
            byte* n0 = (byte*)Unsafe.AsPointer(ref reader0.Next), n1 = (byte*)Unsafe.AsPointer(ref reader1.Next);
            byte* n2 = (byte*)Unsafe.AsPointer(ref reader2.Next), n3 = (byte*)Unsafe.AsPointer(ref reader3.Next);
            ulong b0 = reader0.Container, b1 = reader1.Container, b2 = reader2.Container, b3 = reader3.Container;
            int c0 = reader0.Count, c1 = reader1.Count, c2 = reader2.Count, c3 = reader3.Count;
            for (T* batchEnd = d + 5 * batches; d < batchEnd; d += 5)
            {
                n0 += BitReader.Refill(ref b0, ref c0, BitReader.LoadLittleEndian(ref *n0));
                n1 += BitReader.Refill(ref b1, ref c1, BitReader.LoadLittleEndian(ref *n1));
                n2 += BitReader.Refill(ref b2, ref c2, BitReader.LoadLittleEndian(ref *n2));
                n3 += BitReader.Refill(ref b3, ref c3, BitReader.LoadLittleEndian(ref *n3));
                Step11(ref b0, ref c0, table, d); Step11(ref b1, ref c1, table, d + q); Step11(ref b2, ref c2, table, d + 2 * q); Step11(ref b3, ref c3, table, d + q3);
                Step11(ref b0, ref c0, table, d + 1); Step11(ref b1, ref c1, table, d + q + 1); Step11(ref b2, ref c2, table, d + 2 * q + 1); Step11(ref b3, ref c3, table, d + q3 + 1);
                Step11(ref b0, ref c0, table, d + 2); Step11(ref b1, ref c1, table, d + q + 2); Step11(ref b2, ref c2, table, d + 2 * q + 2); Step11(ref b3, ref c3, table, d + q3 + 2);
                Step11(ref b0, ref c0, table, d + 3); Step11(ref b1, ref c1, table, d + q + 3); Step11(ref b2, ref c2, table, d + 2 * q + 3); Step11(ref b3, ref c3, table, d + q3 + 3);
                Step11(ref b0, ref c0, table, d + 4); Step11(ref b1, ref c1, table, d + q + 4); Step11(ref b2, ref c2, table, d + 2 * q + 4); Step11(ref b3, ref c3, table, d + q3 + 4);
            }
            reader0.Restore((nint)(n0 - (byte*)Unsafe.AsPointer(ref reader0.Next)), b0, c0);
            reader1.Restore((nint)(n1 - (byte*)Unsafe.AsPointer(ref reader1.Next)), b1, c1);
            reader2.Restore((nint)(n2 - (byte*)Unsafe.AsPointer(ref reader2.Next)), b2, c2);
            reader3.Restore((nint)(n3 - (byte*)Unsafe.AsPointer(ref reader3.Next)), b3, c3);
        }
        return (int)(d - dst);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Step11<T>(ref ulong bits, ref int count, byte* table, T* output) where T : unmanaged, IBinaryInteger<T>
    {
        nuint index = (nuint)(bits & ((1UL << FastTableLog) - 1));
        int length = table[index];
        bits >>= length;
        count -= length;
        *output = ((T*)(table + (1 << FastTableLog)))[index];
    }

    /// <summary>
    /// The 11-bit table split in two arrays, 2^11 lengths (bytes) then 2^11 symbols (<typeparamref name="T"/>), so a step
    /// loads the length it shifts by and the symbol it stores directly, with no unpacking: two fewer instructions per symbol.
    /// </summary>
    private static unsafe void SplitTable<T>(ReadOnlySpan<uint> table, Span<uint> split) where T : unmanaged, IBinaryInteger<T>
    {
        fixed (uint* area = split)
        {
            byte* lengths = (byte*)area;
            T* symbols = (T*)(lengths + (1 << FastTableLog));
            for (int i = 0; i < 1 << FastTableLog; i++)
            {
                lengths[i] = (byte)table[i];
                symbols[i] = T.CreateTruncating(table[i] >> 8);
            }
        }
    }

    /// <summary>The lockstep loop for longer codes: ⌊56 / tableLog⌋ symbols per stream per refill, the readers' states in
    /// locals as in <see cref="DecodeLockstep11"/>, in batches of refills that stay inside every stream.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe int DecodeLockstep<T>(ref BitReader reader0, ref BitReader reader1, ref BitReader reader2, ref BitReader reader3,
        uint* table, int tableLog, T* dst, int quarter, int lastCount) where T : unmanaged, IBinaryInteger<T>
    {
        ulong mask = (1UL << tableLog) - 1;
        int k = 56 / tableLog;
        T* d0 = dst, d1 = dst + quarter, d2 = dst + 2 * quarter, d3 = dst + 3 * quarter;
        int j = 0;
        while (j + k <= lastCount)
        {
            int batches = Math.Min(Math.Min(reader0.FastRefillsLeft, reader1.FastRefillsLeft), Math.Min(reader2.FastRefillsLeft, reader3.FastRefillsLeft));
            if (batches == 0) break;
            batches = Math.Min(batches, (lastCount - j) / k);
            byte* n0 = (byte*)Unsafe.AsPointer(ref reader0.Next), n1 = (byte*)Unsafe.AsPointer(ref reader1.Next);
            byte* n2 = (byte*)Unsafe.AsPointer(ref reader2.Next), n3 = (byte*)Unsafe.AsPointer(ref reader3.Next);
            ulong b0 = reader0.Container, b1 = reader1.Container, b2 = reader2.Container, b3 = reader3.Container;
            int c0 = reader0.Count, c1 = reader1.Count, c2 = reader2.Count, c3 = reader3.Count;
            for (int end = j + batches * k; j < end; j += k)
            {
                n0 += BitReader.Refill(ref b0, ref c0, BitReader.LoadLittleEndian(ref *n0));
                n1 += BitReader.Refill(ref b1, ref c1, BitReader.LoadLittleEndian(ref *n1));
                n2 += BitReader.Refill(ref b2, ref c2, BitReader.LoadLittleEndian(ref *n2));
                n3 += BitReader.Refill(ref b3, ref c3, BitReader.LoadLittleEndian(ref *n3));
                for (int t = 0; t < k; t++)
                {
                    Step(ref b0, ref c0, table, mask, d0 + j + t);
                    Step(ref b1, ref c1, table, mask, d1 + j + t);
                    Step(ref b2, ref c2, table, mask, d2 + j + t);
                    Step(ref b3, ref c3, table, mask, d3 + j + t);
                }
            }
            reader0.Restore((nint)(n0 - (byte*)Unsafe.AsPointer(ref reader0.Next)), b0, c0);
            reader1.Restore((nint)(n1 - (byte*)Unsafe.AsPointer(ref reader1.Next)), b1, c1);
            reader2.Restore((nint)(n2 - (byte*)Unsafe.AsPointer(ref reader2.Next)), b2, c2);
            reader3.Restore((nint)(n3 - (byte*)Unsafe.AsPointer(ref reader3.Next)), b3, c3);
        }
        return j;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Step<T>(ref ulong bits, ref int count, uint* table, ulong mask, T* output) where T : unmanaged, IBinaryInteger<T>
    {
        uint entry = table[bits & mask];
        int length = (int)(entry & 0xFF);
        bits >>= length;
        count -= length;
        *output = T.CreateTruncating(entry >> 8);
    }

    /// <summary>One step on a reader: the table entry at the next <c>tableLog</c> bits, its length consumed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Step<T>(ref BitReader reader, uint* table, ulong mask, T* output) where T : unmanaged, IBinaryInteger<T>
    {
        uint entry = table[reader.Container & mask];
        reader.ConsumeUnchecked((int)(entry & 0xFF));
        *output = T.CreateTruncating(entry >> 8);
    }

    /// <summary>
    /// Decodes the rest of one stream with the reader's checked refill (zeros past the end of the stream), then checks the
    /// stream ended in its last byte with zero padding.
    /// </summary>
    private static unsafe bool Finish<T>(ref BitReader reader, uint* table, ulong mask, int tableLog, T* output, int from, int to)
        where T : unmanaged, IBinaryInteger<T>
    {
        for (int i = from; i < to; i++)
        {
            if (reader.BitsAvailable < tableLog)
            {
                // Corrupt data can run past the end; stop rather than decode zeros for up to n symbols.
                if (reader.IsOverread) return false;
                reader.Refill();
            }
            Step(ref reader, table, mask, output + i);
        }
        return reader.IsAtPaddedEnd;
    }
}
