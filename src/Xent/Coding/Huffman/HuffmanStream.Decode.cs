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
    public static OperationStatus TryDecode(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesConsumed, out int symbolsWritten) =>
        DecodeCore(source, destination, 256, out bytesConsumed, out symbolsWritten);

    /// <summary>Decodes symbols below 4096 encoded by <see cref="Encode(ReadOnlySpan{ushort}, Span{byte}, int)"/>; statuses as for the byte overload.</summary>
    public static OperationStatus TryDecode(ReadOnlySpan<byte> source, Span<ushort> destination, out int bytesConsumed, out int symbolsWritten) =>
        DecodeCore(source, destination, MaxAlphabetSize, out bytesConsumed, out symbolsWritten);

    /// <summary>
    /// Reads only the header: the number of symbols the message holds. <see cref="OperationStatus.NeedMoreData"/> or
    /// <see cref="OperationStatus.InvalidData"/> when the header is truncated or corrupt.
    /// </summary>
    public static OperationStatus TryGetSymbolCount(ReadOnlySpan<byte> source, out int count)
    {
        Span<int> sizes = stackalloc int[StreamCount];
        var h = new Header { Sizes = sizes };
        var status = ReadHeader(source, MaxAlphabetSize, ref h);
        count = status == OperationStatus.Done ? h.Count : 0;
        return status;
    }

    /// <summary>Decodes a whole encoded byte message into a new array.</summary>
    /// <exception cref="InvalidDataException">The input is truncated, corrupt or has trailing bytes.</exception>
    public static byte[] Decode(ReadOnlySpan<byte> source) => DecodeAll<byte>(source, 256);

    /// <summary>Decodes a whole encoded message of symbols below 4096 into a new array.</summary>
    /// <exception cref="InvalidDataException">The input is truncated, corrupt or has trailing bytes.</exception>
    public static ushort[] DecodeSymbols(ReadOnlySpan<byte> source) => DecodeAll<ushort>(source, MaxAlphabetSize);

    private static T[] DecodeAll<T>(ReadOnlySpan<byte> source, int alphabetLimit) where T : unmanaged, IBinaryInteger<T>
    {
        var status = TryGetSymbolCount(source, out int count);
        if (status != OperationStatus.Done) throw Invalid(status);
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
                fixed (byte* payload = source.Slice(h.PayloadAt, h.PayloadSize))
                fixed (T* dst = destination)
                fixed (uint* dt = t)
                {
                    if (!DecodeStreams(payload, h.PayloadSize, sizes, dt, tableLog, dst, h.Count)) return OperationStatus.InvalidData;
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

    /// <summary>One stream's reading state: the next byte to load, the bit accumulator and how many of its bits are valid.</summary>
    private unsafe struct BitReader
    {
        public byte* Next;
        public ulong Bits;
        public int Count;
    }

    /// <summary>
    /// Decodes the four quarters. The lockstep loop runs while every stream can load 8 bytes without leaving the payload;
    /// a refill ("variant 4" of Giesen's bit readers) loads 8 bytes at <c>Next</c> above the valid bits and advances by the
    /// whole bytes that fit, leaving 56 to 63 valid bits, enough for ⌊56 / tableLog⌋ symbols (5 with 11-bit codes).
    /// A stream may load bytes of the next one; those bits are only ever consumed if the data is corrupt, which the final
    /// check catches: each stream must end exactly in its last byte, with zero padding.
    /// </summary>
    private static unsafe bool DecodeStreams<T>(byte* payload, int payloadSize, ReadOnlySpan<int> sizes, uint* table, int tableLog, T* dst, int n)
        where T : unmanaged, IBinaryInteger<T>
    {
        int quarter = (n + 3) / StreamCount;
        int lastCount = StreamLength(n, quarter, 3);
        byte* start0 = payload, start1 = start0 + sizes[0], start2 = start1 + sizes[1], start3 = start2 + sizes[2];
        byte* end = payload + payloadSize;
        var r0 = new BitReader { Next = start0 };
        var r1 = new BitReader { Next = start1 };
        var r2 = new BitReader { Next = start2 };
        var r3 = new BitReader { Next = start3 };
        T* d0 = dst, d1 = dst + quarter, d2 = dst + 2 * quarter, d3 = dst + 3 * quarter;
        ulong mask = (1UL << tableLog) - 1;
        int j = payloadSize < 8 ? 0
            : tableLog <= FastTableLog
                ? DecodeLockstep11(ref r0, ref r1, ref r2, ref r3, (byte*)(table + (1 << FastTableLog)), dst, quarter, lastCount, end - 8)
                : DecodeLockstep(ref r0, ref r1, ref r2, ref r3, table, tableLog, dst, quarter, lastCount, end - 8);
        return Finish(ref r0, start0, start1, table, mask, tableLog, d0, j, quarter)
            & Finish(ref r1, start1, start2, table, mask, tableLog, d1, j, StreamLength(n, quarter, 1))
            & Finish(ref r2, start2, start3, table, mask, tableLog, d2, j, StreamLength(n, quarter, 2))
            & Finish(ref r3, start3, end, table, mask, tableLog, d3, j, lastCount);
    }

    /// <summary>
    /// The lockstep loop for codes of at most 11 bits (tables are then always 2^11 entries, so the mask is a constant):
    /// 5 symbols per stream per refill, the four chains unrolled so they overlap. Every refill advances a stream by at most
    /// 7 bytes, so the loop runs in batches that cannot reach <paramref name="lastLoad"/> without testing the pointers.
    /// The critical path per symbol is mask → table load → shift: the shift count is the entry itself (the length sits in
    /// its low byte and 64-bit shifts use only 6 bits of the count), and a refill only adds one OR to the chain.
    /// Returns the symbols decoded per stream.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe int DecodeLockstep11<T>(ref BitReader r0, ref BitReader r1, ref BitReader r2, ref BitReader r3,
        byte* table, T* dst, int quarter, int lastCount, byte* lastLoad) where T : unmanaged, IBinaryInteger<T>
    {
        ulong b0 = r0.Bits, b1 = r1.Bits, b2 = r2.Bits, b3 = r3.Bits;
        int c0 = r0.Count, c1 = r1.Count, c2 = r2.Count, c3 = r3.Count;
        byte* n0 = r0.Next, n1 = r1.Next, n2 = r2.Next, n3 = r3.Next;
        T* d = dst;
        nint q = quarter, q3 = 3 * (nint)quarter;
        T* stop = dst + lastCount - 5;
        while (true)
        {
            byte* furthest = Max(Max(n0, n1), Max(n2, n3));
            if (furthest > lastLoad || d > stop) break;
            long batches = Math.Min((lastLoad - furthest) / 7 + 1, (stop - d) / 5 + 1);
            for (T* batchEnd = d + 5 * batches; d < batchEnd; d += 5)
            {
                b0 |= Unsafe.ReadUnaligned<ulong>(n0) << c0; n0 += (nint)((uint)(63 - c0) >> 3); c0 |= 56;
                b1 |= Unsafe.ReadUnaligned<ulong>(n1) << c1; n1 += (nint)((uint)(63 - c1) >> 3); c1 |= 56;
                b2 |= Unsafe.ReadUnaligned<ulong>(n2) << c2; n2 += (nint)((uint)(63 - c2) >> 3); c2 |= 56;
                b3 |= Unsafe.ReadUnaligned<ulong>(n3) << c3; n3 += (nint)((uint)(63 - c3) >> 3); c3 |= 56;
                Step11(ref b0, ref c0, table, d); Step11(ref b1, ref c1, table, d + q); Step11(ref b2, ref c2, table, d + 2 * q); Step11(ref b3, ref c3, table, d + q3);
                Step11(ref b0, ref c0, table, d + 1); Step11(ref b1, ref c1, table, d + q + 1); Step11(ref b2, ref c2, table, d + 2 * q + 1); Step11(ref b3, ref c3, table, d + q3 + 1);
                Step11(ref b0, ref c0, table, d + 2); Step11(ref b1, ref c1, table, d + q + 2); Step11(ref b2, ref c2, table, d + 2 * q + 2); Step11(ref b3, ref c3, table, d + q3 + 2);
                Step11(ref b0, ref c0, table, d + 3); Step11(ref b1, ref c1, table, d + q + 3); Step11(ref b2, ref c2, table, d + 2 * q + 3); Step11(ref b3, ref c3, table, d + q3 + 3);
                Step11(ref b0, ref c0, table, d + 4); Step11(ref b1, ref c1, table, d + q + 4); Step11(ref b2, ref c2, table, d + 2 * q + 4); Step11(ref b3, ref c3, table, d + q3 + 4);
            }
        }
        r0 = new BitReader { Bits = b0, Count = c0, Next = n0 };
        r1 = new BitReader { Bits = b1, Count = c1, Next = n1 };
        r2 = new BitReader { Bits = b2, Count = c2, Next = n2 };
        r3 = new BitReader { Bits = b3, Count = c3, Next = n3 };
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

    /// <summary>The lockstep loop for longer codes: ⌊56 / tableLog⌋ symbols per stream per refill, pointers tested each round.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe int DecodeLockstep<T>(ref BitReader r0, ref BitReader r1, ref BitReader r2, ref BitReader r3,
        uint* table, int tableLog, T* dst, int quarter, int lastCount, byte* lastLoad) where T : unmanaged, IBinaryInteger<T>
    {
        ulong mask = (1UL << tableLog) - 1;
        int k = 56 / tableLog;
        T* d0 = dst, d1 = dst + quarter, d2 = dst + 2 * quarter, d3 = dst + 3 * quarter;
        int j = 0;
        for (; j + k <= lastCount && r0.Next <= lastLoad && r1.Next <= lastLoad && r2.Next <= lastLoad && r3.Next <= lastLoad; j += k)
        {
            Refill(ref r0);
            Refill(ref r1);
            Refill(ref r2);
            Refill(ref r3);
            for (int t = 0; t < k; t++)
            {
                Step(ref r0, table, mask, d0 + j + t);
                Step(ref r1, table, mask, d1 + j + t);
                Step(ref r2, table, mask, d2 + j + t);
                Step(ref r3, table, mask, d3 + j + t);
            }
        }
        return j;
    }

    private static unsafe byte* Max(byte* a, byte* b) => a > b ? a : b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Refill(ref BitReader r)
    {
        r.Bits |= BinaryPrimitives.ReadUInt64LittleEndian(new ReadOnlySpan<byte>(r.Next, 8)) << r.Count;
        r.Next += (63 - r.Count) >> 3;
        r.Count |= 56;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Step<T>(ref BitReader r, uint* table, ulong mask, T* output) where T : unmanaged, IBinaryInteger<T>
    {
        uint entry = table[r.Bits & mask];
        int length = (int)(entry & 0xFF);
        r.Bits >>= length;
        r.Count -= length;
        *output = T.CreateTruncating(entry >> 8);
    }

    /// <summary>
    /// Decodes the rest of one stream with byte-wise refills that never read at or past <paramref name="end"/> (missing
    /// bytes read as 0), then checks the stream ended in its last byte with zero padding.
    /// </summary>
    private static unsafe bool Finish<T>(ref BitReader r, byte* start, byte* end, uint* table, ulong mask, int tableLog, T* output, int from, int to)
        where T : unmanaged, IBinaryInteger<T>
    {
        long size = end - start;
        for (int i = from; i < to; i++)
        {
            if (r.Count < tableLog)
            {
                // Corrupt data can run past the end; stop before the offset grows without bound.
                if (r.Next - start > size + 8) return false;
                while (r.Count <= 56)
                {
                    ulong b = r.Next < end ? *r.Next : 0UL;
                    r.Bits |= b << r.Count;
                    r.Next++;
                    r.Count += 8;
                }
            }
            Step(ref r, table, mask, output + i);
        }
        long consumed = (r.Next - start) * 8 - r.Count;
        if (consumed > size * 8 || consumed <= (size - 1) * 8) return size == 0 && consumed == 0;
        int used = (int)(consumed & 7);
        return used == 0 || end[-1] >> used == 0;
    }
}
