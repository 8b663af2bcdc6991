using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Xent.Coding;

/// <summary>
/// A bit-level Huffman coder: a symbol stream (bytes, or symbols below 4096) is coded with an optimal length-limited
/// canonical code and four interleaved bit streams, and decoded with one lookup table (no tree walk). The format is in
/// docs/formats/huffman-stream.md.
/// </summary>
/// <remarks>
/// <para>Encoding counts the symbols, builds the optimal code with codewords of at most <c>maxLength</c> bits
/// (<see cref="Huffman.LengthLimitedCodeLengths(ReadOnlySpan{long}, int, Span{int})"/>), writes the code as 4-bit canonical
/// lengths, then splits the message into four quarters coded as four streams, least significant bit first, so the decoder
/// can refill a 64-bit register branch-free and decode the four quarters in lockstep (the design of zstd's Huff0).</para>
/// <para>Decoding corrupt or truncated input is an expected outcome: <c>TryDecode</c> returns
/// <see cref="OperationStatus.InvalidData"/> or <see cref="OperationStatus.NeedMoreData"/>, the <c>Decode</c> wrappers throw
/// <see cref="InvalidDataException"/>; neither reads outside the input nor loops for longer than the declared symbol count.</para>
/// </remarks>
public static partial class HuffmanStream
{
    /// <summary>Default maximum codeword length for bytes: 11 bits, a 2048-entry decoding table (as Huff0).</summary>
    public const int DefaultMaxLength = 11;

    /// <summary>Longest codeword the format allows: 15 bits (lengths are stored in 4 bits).</summary>
    public const int MaxCodeLength = 15;

    /// <summary>Largest alphabet: symbols 0..4095.</summary>
    public const int MaxAlphabetSize = 4096;

    private const int StreamCount = 4;

    /// <summary>Bytes every stream may write past its end (one unaligned 64-bit store).</summary>
    private const int StreamSlack = 8;

    /// <summary>
    /// An upper bound on the encoded size, in bytes, of <paramref name="count"/> symbols below <paramref name="alphabetSize"/>
    /// coded with codewords of at most <paramref name="maxLength"/> bits: the destination size that always suffices
    /// (the encoder also uses the slack for 64-bit stores).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">count &lt; 0, alphabetSize outside 1..4096, maxLength outside 1..15, or
    /// the bound exceeds <see cref="int.MaxValue"/>.</exception>
    public static int MaxEncodedLength(int count, int alphabetSize = 256, int maxLength = DefaultMaxLength)
    {
        if (count < 0) ThrowHelper.ThrowArgumentOutOfRange(nameof(count), count, "the symbol count must be ≥ 0");
        if (alphabetSize < 1 || alphabetSize > MaxAlphabetSize)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(alphabetSize), alphabetSize, $"the alphabet size must be in 1..{MaxAlphabetSize}");
        CheckMaxLength(maxLength);
        long quarter = (count + 3L) / StreamCount;
        long stream = (quarter * maxLength + 7) / 8 + StreamSlack;
        long header = HeaderBound(alphabetSize);
        long total = header + StreamCount * stream;
        if (total > int.MaxValue) ThrowHelper.ThrowArgumentOutOfRange(nameof(count), count, "the encoded size would exceed 2^31 − 1 bytes");
        return (int)total;
    }

    /// <summary>
    /// Encodes <paramref name="source"/> bytes into <paramref name="destination"/> and returns the number of bytes written.
    /// </summary>
    /// <exception cref="ArgumentException">destination is shorter than
    /// <see cref="MaxEncodedLength"/>(source.Length, 256, maxLength).</exception>
    /// <exception cref="ArgumentOutOfRangeException">maxLength outside 1..15, or too small for the symbols used (2^L &lt; count).</exception>
    public static int Encode(ReadOnlySpan<byte> source, Span<byte> destination, int maxLength = DefaultMaxLength)
    {
        CheckMaxLength(maxLength);
        Span<long> counts = stackalloc long[256];
        ByteHistogram(source, counts);
        return EncodeCore(source, counts, destination, maxLength);
    }

    /// <summary>
    /// Encodes symbols below 4096 into <paramref name="destination"/> and returns the number of bytes written.
    /// </summary>
    /// <exception cref="ArgumentException">A symbol is 4096 or more, or destination is shorter than
    /// <see cref="MaxEncodedLength"/>(source.Length, 1 + largest symbol, maxLength).</exception>
    /// <exception cref="ArgumentOutOfRangeException">maxLength outside 1..15, or too small for the symbols used.</exception>
    public static int Encode(ReadOnlySpan<ushort> source, Span<byte> destination, int maxLength = MaxCodeLength)
    {
        CheckMaxLength(maxLength);
        var counts = new long[MaxAlphabetSize];
        for (int i = 0; i < source.Length; i++)
        {
            if (source[i] >= MaxAlphabetSize)
                ThrowHelper.ThrowArgument(nameof(source), $"source[{i}] = {source[i]} is not below {MaxAlphabetSize}.");
            counts[source[i]]++;
        }
        return EncodeCore(source, counts, destination, maxLength);
    }

    /// <summary>Encodes <paramref name="source"/> into a new array of exactly the encoded size.</summary>
    /// <exception cref="ArgumentOutOfRangeException">maxLength outside 1..15.</exception>
    public static byte[] Encode(ReadOnlySpan<byte> source, int maxLength = DefaultMaxLength)
    {
        var buffer = new byte[MaxEncodedLength(source.Length, 256, maxLength)];
        return buffer.AsSpan(0, Encode(source, buffer, maxLength)).ToArray();
    }

    /// <summary>
    /// Symbols in stream <paramref name="stream"/>: the streams take ⌈n/4⌉ each in order, so for small n the last ones
    /// are short or empty (n = 5: 2, 2, 1, 0). Never more in a later stream than in an earlier one.
    /// </summary>
    private static int StreamLength(int n, int quarter, int stream) => Math.Clamp(n - stream * quarter, 0, quarter);

    private static void CheckMaxLength(int maxLength)
    {
        if (maxLength < 1 || maxLength > MaxCodeLength)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(maxLength), maxLength, $"the maximum code length must be in 1..{MaxCodeLength}");
    }

    /// <summary>Byte histogram with four sub-tables, so that runs of one byte do not serialize on one counter.</summary>
    private static unsafe void ByteHistogram(ReadOnlySpan<byte> source, Span<long> counts)
    {
        uint* sub = stackalloc uint[4 * 256];
        new Span<uint>(sub, 4 * 256).Clear();
        fixed (byte* start = source)
        {
            byte* p = start, end = start + source.Length;
            // uint sub-counts cannot overflow before 2^32 bytes per sub-table; flush every 2^30 bytes to be safe.
            while (p < end)
            {
                byte* chunkEnd = end - p > (1 << 30) ? p + (1 << 30) : end;
                for (; p + 8 <= chunkEnd; p += 8)
                {
                    ulong word = Unsafe.ReadUnaligned<ulong>(p);
                    sub[(byte)word]++;
                    sub[256 + (byte)(word >> 8)]++;
                    sub[512 + (byte)(word >> 16)]++;
                    sub[768 + (byte)(word >> 24)]++;
                    sub[(byte)(word >> 32)]++;
                    sub[256 + (byte)(word >> 40)]++;
                    sub[512 + (byte)(word >> 48)]++;
                    sub[768 + (byte)(word >> 56)]++;
                }
                for (; p < chunkEnd; p++) sub[*p]++;
                for (int s = 0; s < 256; s++)
                {
                    counts[s] += (long)sub[s] + sub[256 + s] + sub[512 + s] + sub[768 + s];
                    sub[s] = sub[256 + s] = sub[512 + s] = sub[768 + s] = 0;
                }
            }
        }
    }

    private static unsafe int EncodeCore<T>(ReadOnlySpan<T> source, ReadOnlySpan<long> counts, Span<byte> destination, int maxLength)
        where T : unmanaged, IBinaryInteger<T>
    {
        int alphabet = counts.Length;
        while (alphabet > 1 && counts[alphabet - 1] == 0) alphabet--;
        int needed = MaxEncodedLength(source.Length, alphabet, maxLength);
        if (destination.Length < needed) ThrowHelper.ThrowDestinationTooShort(nameof(destination), needed, destination.Length);

        int used = 0, last = 0;
        for (int s = 0; s < alphabet; s++)
            if (counts[s] > 0) { used++; last = s; }
        int pos = 0;
        WriteVarint(destination, ref pos, (uint)source.Length);
        if (source.Length == 0) return pos;
        if (used == 1)
        {
            destination[pos++] = KindSingle;
            WriteVarint(destination, ref pos, (uint)last);
            return pos;
        }

        Span<int> lengths = stackalloc int[alphabet];
        Huffman.LimitedCore(counts[..alphabet], maxLength, lengths);
        destination[pos++] = KindHuffman;
        WriteLengths(destination, ref pos, lengths);

        // Encoding table: codeword bit-reversed (first bit sent = least significant), and its length.
        Span<CodeEntry> table = stackalloc CodeEntry[alphabet];
        Span<ulong> codewords = stackalloc ulong[alphabet];
        PrefixCode.CanonicalCodewords(lengths, codewords);
        for (int s = 0; s < alphabet; s++)
        {
            table[s] = new CodeEntry { Code = (ushort)Reverse((uint)codewords[s], lengths[s]), Length = (byte)lengths[s] };
        }

        int quarter = (source.Length + 3) / StreamCount;
        int region = (int)(((long)quarter * maxLength + 7) / 8) + StreamSlack;
        // Streams are first written at fixed, worst-case offsets after a worst-case size field, then packed down.
        int sizesAt = pos;
        int regionsAt = sizesAt + StreamCount * 5;
        Span<int> sizes = stackalloc int[StreamCount];
        fixed (T* src = source)
        fixed (byte* dst = destination)
        fixed (CodeEntry* codes = table)
        {
            EncodeStreams(src, source.Length, quarter, codes, maxLength, dst + regionsAt, region, sizes);
        }
        for (int s = 0; s < StreamCount; s++) WriteVarint(destination, ref pos, (uint)sizes[s]);
        for (int s = 0; s < StreamCount; s++)
        {
            destination.Slice(regionsAt + s * region, sizes[s]).CopyTo(destination[pos..]);
            pos += sizes[s];
        }
        return pos;
    }

    /// <summary>
    /// Codes the four quarters in lockstep. Each stream keeps a 64-bit accumulator, adds codewords at its bit count, and
    /// every K = ⌊56 / maxLength⌋ symbols (5 for 11-bit codes) stores all 8 bytes and advances by the whole bytes written (at most 7 bits stay).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void EncodeStreams<T>(T* src, int n, int quarter, CodeEntry* codes, int maxLength, byte* regions, int region, Span<int> sizes)
        where T : unmanaged, IBinaryInteger<T>
    {
        byte* o0 = regions, o1 = regions + region, o2 = regions + 2 * region, o3 = regions + 3 * region;
        ulong b0 = 0, b1 = 0, b2 = 0, b3 = 0;
        int c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        T* s0 = src, s1 = src + quarter, s2 = src + 2 * quarter, s3 = src + 3 * quarter;
        int lastCount = StreamLength(n, quarter, 3);
        int j = 0;
        if (maxLength <= 11)
        {
            // Two passes of two streams: each chain (bit count, accumulator) has a latency of one cycle per symbol, so two
            // chains already overlap, and the loop keeps every value in a register (four chains at once spill).
            j = EncodePair11(s0, s1, lastCount, codes, ref b0, ref c0, ref o0, ref b1, ref c1, ref o1);
            EncodePair11(s2, s3, lastCount, codes, ref b2, ref c2, ref o2, ref b3, ref c3, ref o3);
        }
        else
        {
            int k = 56 / maxLength;
            for (; j + k <= lastCount; j += k)
            {
                for (int t = 0; t < k; t++)
                {
                    Put(ref b0, ref c0, codes, nuint.CreateTruncating(s0[j + t]));
                    Put(ref b1, ref c1, codes, nuint.CreateTruncating(s1[j + t]));
                    Put(ref b2, ref c2, codes, nuint.CreateTruncating(s2[j + t]));
                    Put(ref b3, ref c3, codes, nuint.CreateTruncating(s3[j + t]));
                }
                Flush(ref b0, ref c0, ref o0);
                Flush(ref b1, ref c1, ref o1);
                Flush(ref b2, ref c2, ref o2);
                Flush(ref b3, ref c3, ref o3);
            }
        }
        sizes[0] = Finish(s0, j, quarter, codes, b0, c0, o0, regions);
        sizes[1] = Finish(s1, j, StreamLength(n, quarter, 1), codes, b1, c1, o1, regions + region);
        sizes[2] = Finish(s2, j, StreamLength(n, quarter, 2), codes, b2, c2, o2, regions + 2 * region);
        sizes[3] = Finish(s3, j, lastCount, codes, b3, c3, o3, regions + 3 * region);
    }

    /// <summary>Codes the first ⌊count/5⌋·5 symbols of two streams, 5 symbols of at most 11 bits between stores.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe int EncodePair11<T>(T* sa, T* sb, int count, CodeEntry* codes,
        ref ulong bitsA, ref int countA, ref byte* outA, ref ulong bitsB, ref int countB, ref byte* outB)
        where T : unmanaged, IBinaryInteger<T>
    {
        ulong ba = bitsA, bb = bitsB;
        int ca = countA, cb = countB;
        byte* oa = outA, ob = outB;
        int j = 0;
        for (; j + 5 <= count; j += 5)
        {
            Put(ref ba, ref ca, codes, nuint.CreateTruncating(sa[j])); Put(ref bb, ref cb, codes, nuint.CreateTruncating(sb[j]));
            Put(ref ba, ref ca, codes, nuint.CreateTruncating(sa[j + 1])); Put(ref bb, ref cb, codes, nuint.CreateTruncating(sb[j + 1]));
            Put(ref ba, ref ca, codes, nuint.CreateTruncating(sa[j + 2])); Put(ref bb, ref cb, codes, nuint.CreateTruncating(sb[j + 2]));
            Put(ref ba, ref ca, codes, nuint.CreateTruncating(sa[j + 3])); Put(ref bb, ref cb, codes, nuint.CreateTruncating(sb[j + 3]));
            Put(ref ba, ref ca, codes, nuint.CreateTruncating(sa[j + 4])); Put(ref bb, ref cb, codes, nuint.CreateTruncating(sb[j + 4]));
            Flush(ref ba, ref ca, ref oa);
            Flush(ref bb, ref cb, ref ob);
        }
        bitsA = ba; countA = ca; outA = oa;
        bitsB = bb; countB = cb; outB = ob;
        return j;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Put(ref ulong bits, ref int count, CodeEntry* codes, nuint symbol)
    {
        // Two narrow loads from one entry: reading the entry once and splitting it costs a register the loop lacks.
        bits |= (ulong)codes[symbol].Code << count;
        count += codes[symbol].Length;
    }

    /// <summary>One symbol's codeword, bit-reversed so the first bit sent is the least significant, and its length.</summary>
    private struct CodeEntry
    {
        public ushort Code;
        public byte Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Flush(ref ulong bits, ref int count, ref byte* output)
    {
        Unsafe.WriteUnaligned(output, bits);
        output += (uint)count >> 3;
        bits >>= count & ~7;
        count &= 7;
    }

    /// <summary>Codes the rest of one stream symbol by symbol, pads the last byte with zeros; returns the stream's size.</summary>
    private static unsafe int Finish<T>(T* symbols, int from, int to, CodeEntry* codes, ulong bits, int count, byte* output, byte* start)
        where T : unmanaged, IBinaryInteger<T>
    {
        for (int i = from; i < to; i++)
        {
            Put(ref bits, ref count, codes, nuint.CreateTruncating(symbols[i]));
            Flush(ref bits, ref count, ref output);
        }
        Unsafe.WriteUnaligned(output, bits);
        output += (count + 7) >> 3;
        return (int)(output - start);
    }

    /// <summary>The low <paramref name="length"/> bits of <paramref name="code"/> in reverse order.</summary>
    private static uint Reverse(uint code, int length) =>
        length == 0 ? 0 : BitReverse(code) >> (32 - length);

    private static uint BitReverse(uint v)
    {
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
        return BinaryPrimitives.ReverseEndianness(v);
    }
}
