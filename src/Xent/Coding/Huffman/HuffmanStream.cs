using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using Xent.Estimation;

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
/// can refill a 64-bit register branch-free and decode the four quarters in lockstep (the design of zstd's Huff0). The bits go
/// through <see cref="BitWriter"/> and <see cref="BitReader"/>, the header integers through <see cref="Varint"/>.
/// <see cref="EncodeWithCode(ReadOnlySpan{byte}, ReadOnlySpan{int}, Span{byte})"/> is the lower level: it codes with code
/// lengths it is given instead of building them from the message's counts.</para>
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
    /// <param name="count">The number of symbols to encode (≥ 0).</param>
    /// <param name="alphabetSize">1 + the largest symbol (1 … 4096; 256 for bytes).</param>
    /// <param name="maxLength">The longest codeword allowed, in bits (1 … 15).</param>
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
    /// Encodes <paramref name="source"/> bytes into <paramref name="destination"/> with the optimal code of at most
    /// <paramref name="maxLength"/> bits for their counts, and returns the number of bytes written.
    /// </summary>
    /// <exception cref="ArgumentException">destination is shorter than
    /// <see cref="MaxEncodedLength"/>(source.Length, 256, maxLength).</exception>
    /// <exception cref="ArgumentOutOfRangeException">maxLength outside 1..15, or too small for the symbols used (2^L &lt; count).</exception>
    /// <param name="source">The bytes to encode (any length).</param>
    /// <param name="destination">Where the message is written; at least MaxEncodedLength(source.Length, 256, maxLength) bytes.</param>
    /// <param name="maxLength">The longest codeword allowed, in bits (1 … 15; default 11, which keeps the decoder's table in L1 cache).</param>
    public static int Encode(ReadOnlySpan<byte> source, Span<byte> destination, int maxLength = DefaultMaxLength)
    {
        CheckMaxLength(maxLength);
        Span<long> counts = stackalloc long[256];
        counts.Clear();
        ByteHistogram.Add(source, counts);
        return EncodeCounted(source, counts, destination, maxLength);
    }

    /// <summary>
    /// Encodes symbols below 4096 into <paramref name="destination"/> with the optimal code of at most
    /// <paramref name="maxLength"/> bits for their counts, and returns the number of bytes written.
    /// </summary>
    /// <exception cref="ArgumentException">A symbol is 4096 or more, or destination is shorter than
    /// <see cref="MaxEncodedLength"/>(source.Length, 1 + largest symbol, maxLength).</exception>
    /// <exception cref="ArgumentOutOfRangeException">maxLength outside 1..15, or too small for the symbols used.</exception>
    /// <param name="source">The symbols to encode, each below 4096.</param>
    /// <param name="destination">Where the message is written; at least MaxEncodedLength(source.Length, 1 + largest symbol, maxLength) bytes.</param>
    /// <param name="maxLength">The longest codeword allowed, in bits (1 … 15, the default).</param>
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
        return EncodeCounted(source, counts, destination, maxLength);
    }

    /// <summary>Encodes <paramref name="source"/> into a new array of exactly the encoded size.</summary>
    /// <exception cref="ArgumentOutOfRangeException">maxLength outside 1..15.</exception>
    /// <param name="source">The bytes to encode (any length).</param>
    /// <param name="maxLength">The longest codeword allowed, in bits (1 … 15; default 11).</param>
    public static byte[] Encode(ReadOnlySpan<byte> source, int maxLength = DefaultMaxLength)
    {
        var buffer = new byte[MaxEncodedLength(source.Length, 256, maxLength)];
        return buffer.AsSpan(0, Encode(source, buffer, maxLength)).ToArray();
    }

    /// <summary>
    /// Encodes <paramref name="source"/> bytes with a given code instead of one built from their counts: the canonical code
    /// with <paramref name="codeLengths"/> (<c>codeLengths[s]</c> bits for symbol s, 0 = no codeword) — one code reused for
    /// many messages, or the code built for a model Q used on data from P (the message then costs about the cross-entropy
    /// H(P, Q) bits per symbol instead of H(P)). The lengths are written in the header, so
    /// <see cref="TryDecode(ReadOnlySpan{byte}, Span{byte}, out int, out int)"/> decodes the result as any other message.
    /// Returns the number of bytes written.
    /// </summary>
    /// <remarks>Every non-empty message, even one of a single distinct symbol, is coded with the given code; the empty message
    /// is the single byte 0. The lengths of a <see cref="PrefixCode"/> from <see cref="Huffman.Build(ReadOnlySpan{long})"/> or
    /// <see cref="Huffman.BuildLengthLimited(ReadOnlySpan{long}, int)"/> (at least two symbols, lengths ≤ 15) are valid here.</remarks>
    /// <exception cref="ArgumentException">A length is outside 0..15; the code is not complete (the format needs a Kraft sum
    /// of exactly 1, so at least two codewords); a symbol at or above 256 has a codeword; a byte of source has no codeword
    /// (the message names the first); or destination is shorter than
    /// <see cref="MaxEncodedLength"/>(source.Length, 1 + last symbol with a codeword, longest length).</exception>
    /// <param name="source">The bytes to encode; every byte present must have a codeword.</param>
    /// <param name="codeLengths">The code to use, as a length in bits per byte value (0 = no codeword, at most 15; a prefix code satisfying Kraft), e.g. from Huffman.CodeLengths on other data. Codewords are the canonical ones.</param>
    /// <param name="destination">Where the message is written; large enough per the exception below.</param>
    public static int EncodeWithCode(ReadOnlySpan<byte> source, ReadOnlySpan<int> codeLengths, Span<byte> destination)
    {
        int maxLength = CheckCode(codeLengths, 256, out int alphabet);
        int coded = 0;
        for (int s = 0; s < alphabet; s++)
            if (codeLengths[s] > 0) coded++;
        if (coded < 256)
        {
            // Any byte without a codeword is an error, found by one vectorised scan.
            Span<byte> withCodeword = stackalloc byte[coded];
            int k = 0;
            for (int s = 0; s < alphabet; s++)
                if (codeLengths[s] > 0) withCodeword[k++] = (byte)s;
            int bad = source.IndexOfAnyExcept(SearchValues.Create(withCodeword));
            if (bad >= 0) ThrowNoCodeword(bad, source[bad], codeLengths);
        }
        return EncodeWithLengths(source, codeLengths[..alphabet], maxLength, destination, MaxEncodedLength(source.Length, alphabet, maxLength));
    }

    /// <summary>
    /// Encodes symbols below 4096 with a given code (see <see cref="EncodeWithCode(ReadOnlySpan{byte}, ReadOnlySpan{int}, Span{byte})"/>);
    /// decode with <see cref="TryDecode(ReadOnlySpan{byte}, Span{ushort}, out int, out int)"/>. Returns the number of bytes written.
    /// </summary>
    /// <exception cref="ArgumentException">A length is outside 0..15; the code is not complete; a symbol at or above 4096 has a
    /// codeword; a symbol of source has no codeword (the message names the first); or destination is too short.</exception>
    /// <param name="source">The symbols to encode, each below 4096 and with a codeword.</param>
    /// <param name="codeLengths">The code to use, as a length in bits per symbol (0 = no codeword, at most 15; a prefix code satisfying Kraft). Codewords are the canonical ones.</param>
    /// <param name="destination">Where the message is written; large enough per the exception below.</param>
    public static int EncodeWithCode(ReadOnlySpan<ushort> source, ReadOnlySpan<int> codeLengths, Span<byte> destination)
    {
        int maxLength = CheckCode(codeLengths, MaxAlphabetSize, out int alphabet);
        for (int i = 0; i < source.Length; i++)
            if (source[i] >= alphabet || codeLengths[source[i]] == 0) ThrowNoCodeword(i, source[i], codeLengths);
        return EncodeWithLengths(source, codeLengths[..alphabet], maxLength, destination, MaxEncodedLength(source.Length, alphabet, maxLength));
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

    /// <summary>Checks a given code against the format; returns its longest length and the alphabet up to its last codeword.</summary>
    private static int CheckCode(ReadOnlySpan<int> codeLengths, int alphabetLimit, out int alphabet)
    {
        alphabet = 0;
        int maxLength = 0, used = 0;
        long kraft = 0;
        for (int s = 0; s < codeLengths.Length; s++)
        {
            int l = codeLengths[s];
            if ((uint)l > MaxCodeLength)
                ThrowHelper.ThrowArgument(nameof(codeLengths), $"codeLengths[{s}] = {l} is outside 0..{MaxCodeLength}, the lengths the format stores.");
            if (l == 0) continue;
            if (s >= alphabetLimit)
                ThrowHelper.ThrowArgument(nameof(codeLengths), $"codeLengths[{s}] = {l}: symbol {s} is not below {alphabetLimit}, the alphabet of this overload.");
            alphabet = s + 1;
            used++;
            kraft += 1L << (MaxCodeLength - l);
            maxLength = Math.Max(maxLength, l);
        }
        if (used < 2 || kraft != 1L << MaxCodeLength)
            ThrowHelper.ThrowArgument(nameof(codeLengths),
                $"the code has {used} codewords and Kraft sum {kraft / (double)(1 << MaxCodeLength):R}; the format needs a complete code (Kraft sum exactly 1, at least 2 codewords).");
        return maxLength;
    }

    private static void ThrowNoCodeword(int index, int symbol, ReadOnlySpan<int> codeLengths) =>
        ThrowHelper.ThrowArgument("source", symbol < codeLengths.Length
            ? $"source[{index}] = {symbol} has no codeword in the code (codeLengths[{symbol}] = 0)."
            : $"source[{index}] = {symbol} has no codeword in the code (codeLengths has {codeLengths.Length} entries).");

    /// <summary>Builds the optimal length-limited code for <paramref name="counts"/> and encodes with it (or writes the
    /// one-symbol kind).</summary>
    private static int EncodeCounted<T>(ReadOnlySpan<T> source, ReadOnlySpan<long> counts, Span<byte> destination, int maxLength)
        where T : unmanaged, IBinaryInteger<T>
    {
        int alphabet = counts.Length;
        while (alphabet > 1 && counts[alphabet - 1] == 0) alphabet--;
        int needed = MaxEncodedLength(source.Length, alphabet, maxLength);
        if (destination.Length < needed) ThrowHelper.ThrowDestinationTooShort(nameof(destination), needed, destination.Length);

        int used = 0, last = 0;
        for (int s = 0; s < alphabet; s++)
            if (counts[s] > 0) { used++; last = s; }
        if (used <= 1)
        {
            int pos = 0;
            Varint.Write((uint)source.Length, destination, ref pos);
            if (used == 0) return pos;
            destination[pos++] = KindSingle;
            Varint.Write((uint)last, destination, ref pos);
            return pos;
        }

        Span<int> lengths = stackalloc int[alphabet];
        Huffman.LimitedCore(counts[..alphabet], maxLength, lengths);
        int longest = 0;
        foreach (int l in lengths) longest = Math.Max(longest, l);
        return EncodeWithLengths(source, lengths, longest, destination, needed);
    }

    /// <summary>Writes the header and the four streams with a checked, complete code whose longest codeword has
    /// <paramref name="maxLength"/> bits.</summary>
    private static unsafe int EncodeWithLengths<T>(ReadOnlySpan<T> source, ReadOnlySpan<int> lengths, int maxLength, Span<byte> destination, int needed)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (destination.Length < needed) ThrowHelper.ThrowDestinationTooShort(nameof(destination), needed, destination.Length);
        int pos = 0;
        Varint.Write((uint)source.Length, destination, ref pos);
        if (source.Length == 0) return pos;
        int alphabet = lengths.Length;
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
        int regionsAt = pos + StreamCount * 5;
        Span<int> sizes = stackalloc int[StreamCount];
        var w0 = new BitWriter(destination.Slice(regionsAt, region));
        var w1 = new BitWriter(destination.Slice(regionsAt + region, region));
        var w2 = new BitWriter(destination.Slice(regionsAt + 2 * region, region));
        var w3 = new BitWriter(destination.Slice(regionsAt + 3 * region, region));
        fixed (T* src = source)
        fixed (CodeEntry* codes = table)
        {
            EncodeStreams(src, source.Length, quarter, codes, maxLength, ref w0, ref w1, ref w2, ref w3, sizes);
        }
        for (int s = 0; s < StreamCount; s++) Varint.Write((uint)sizes[s], destination, ref pos);
        for (int s = 0; s < StreamCount; s++)
        {
            destination.Slice(regionsAt + s * region, sizes[s]).CopyTo(destination[pos..]);
            pos += sizes[s];
        }
        return pos;
    }

    /// <summary>
    /// Codes the four quarters in lockstep, each into its own <see cref="BitWriter"/> whose region holds the worst case plus
    /// 8 bytes, so every flush is the branch-free 8-byte store. Each writer flushes every K = ⌊56 / maxLength⌋ symbols
    /// (5 for 11-bit codes): at most 7 bits stay pending, so K more codewords fit in the 64-bit container.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void EncodeStreams<T>(T* src, int n, int quarter, CodeEntry* codes, int maxLength,
        ref BitWriter w0, ref BitWriter w1, ref BitWriter w2, ref BitWriter w3, scoped Span<int> sizes)
        where T : unmanaged, IBinaryInteger<T>
    {
        T* s0 = src, s1 = src + quarter, s2 = src + 2 * quarter, s3 = src + 3 * quarter;
        int lastCount = StreamLength(n, quarter, 3);
        int j = 0;
        if (maxLength <= 11)
        {
            // Two passes of two streams: each chain (bit count, accumulator) has a latency of one cycle per symbol, so two
            // chains already overlap, and the loop keeps every value in a register (four chains at once spill).
            j = EncodePair11(s0, s1, lastCount, codes, ref w0, ref w1);
            EncodePair11(s2, s3, lastCount, codes, ref w2, ref w3);
        }
        else
        {
            var a = w0;
            var b = w1;
            var c = w2;
            var d = w3;
            int k = 56 / maxLength;
            for (; j + k <= lastCount; j += k)
            {
                for (int t = 0; t < k; t++)
                {
                    Put(ref a, codes, nuint.CreateTruncating(s0[j + t]));
                    Put(ref b, codes, nuint.CreateTruncating(s1[j + t]));
                    Put(ref c, codes, nuint.CreateTruncating(s2[j + t]));
                    Put(ref d, codes, nuint.CreateTruncating(s3[j + t]));
                }
                a.FlushFast();
                b.FlushFast();
                c.FlushFast();
                d.FlushFast();
            }
            w0 = a;
            w1 = b;
            w2 = c;
            w3 = d;
        }
        sizes[0] = Finish(s0, j, quarter, codes, ref w0);
        sizes[1] = Finish(s1, j, StreamLength(n, quarter, 1), codes, ref w1);
        sizes[2] = Finish(s2, j, StreamLength(n, quarter, 2), codes, ref w2);
        sizes[3] = Finish(s3, j, lastCount, codes, ref w3);
    }

    /// <summary>Codes the first ⌊count/5⌋·5 symbols of two streams, 5 symbols of at most 11 bits between flushes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe int EncodePair11<T>(T* sa, T* sb, int count, CodeEntry* codes, ref BitWriter writerA, ref BitWriter writerB)
        where T : unmanaged, IBinaryInteger<T>
    {
        // Copies in locals, not the callers' refs, so the JIT keeps both writers' fields in registers.
        var a = writerA;
        var b = writerB;
        int j = 0;
        for (; j + 5 <= count; j += 5)
        {
            Put(ref a, codes, nuint.CreateTruncating(sa[j])); Put(ref b, codes, nuint.CreateTruncating(sb[j]));
            Put(ref a, codes, nuint.CreateTruncating(sa[j + 1])); Put(ref b, codes, nuint.CreateTruncating(sb[j + 1]));
            Put(ref a, codes, nuint.CreateTruncating(sa[j + 2])); Put(ref b, codes, nuint.CreateTruncating(sb[j + 2]));
            Put(ref a, codes, nuint.CreateTruncating(sa[j + 3])); Put(ref b, codes, nuint.CreateTruncating(sb[j + 3]));
            Put(ref a, codes, nuint.CreateTruncating(sa[j + 4])); Put(ref b, codes, nuint.CreateTruncating(sb[j + 4]));
            a.FlushFast();
            b.FlushFast();
        }
        writerA = a;
        writerB = b;
        return j;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Put(ref BitWriter writer, CodeEntry* codes, nuint symbol) =>
        // Two narrow loads from one entry: reading the entry once and splitting it costs a register the loop lacks.
        writer.AddUnchecked(codes[symbol].Code, codes[symbol].Length);

    /// <summary>One symbol's codeword, bit-reversed so the first bit sent is the least significant, and its length.</summary>
    private struct CodeEntry
    {
        public ushort Code;
        public byte Length;
    }

    /// <summary>Codes the rest of one stream symbol by symbol, pads the last byte with zeros; returns the stream's size.</summary>
    private static unsafe int Finish<T>(T* symbols, int from, int to, CodeEntry* codes, ref BitWriter writer)
        where T : unmanaged, IBinaryInteger<T>
    {
        for (int i = from; i < to; i++)
        {
            Put(ref writer, codes, nuint.CreateTruncating(symbols[i]));
            writer.FlushFast();
        }
        return writer.Complete();
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
