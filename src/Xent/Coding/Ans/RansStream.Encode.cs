using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Xent.Estimation;
using Xent.Measures;

namespace Xent.Coding;

public static partial class RansStream
{
    /// <summary>
    /// What the encoder needs of one symbol of one table, so that x ↦ C(s, x) = ⌊x / f⌋·2^P + (x mod f) + F is a
    /// multiply-high, a multiply and two adds (ryg_rans' RansEncSymbol, widened to 64-bit reciprocals for 32-bit states):
    /// q = ⌊x·Rcp / 2^64⌋ = ⌊x / f⌋ exactly for x &lt; 2^32 when Rcp = ⌈2^64 / f⌉ (the error x·(Rcp·f − 2^64)/2^64 &lt; 1/f
    /// never crosses an integer); then C = x + Bias + q·Cmpl with Bias = F, Cmpl = 2^P − f. For f = 1, Rcp = 2^64 − 1 gives
    /// q = x − 1, compensated by Bias = F + 2^P − 1, Cmpl = 2^P − 1.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct EncoderSymbol
    {
        public ulong Rcp;
        /// <summary>States at or above this renormalize first: 2^(32−P)·f, capped at 2^32 − 1 (f = 2^P).</summary>
        public uint XMax;
        public uint Bias;
        public uint Cmpl;
        public uint Unused;

        public static EncoderSymbol Create(int frequency, int cumulative, int precision)
        {
            uint total = 1u << precision;
            if (frequency == 0) return default;
            ulong xmax = (ulong)frequency << (32 - precision);
            return new EncoderSymbol
            {
                XMax = (uint)Math.Min(xmax, uint.MaxValue),
                Rcp = frequency == 1 ? ulong.MaxValue : ulong.MaxValue / (uint)frequency + 1,
                Bias = frequency == 1 ? (uint)cumulative + total - 1 : (uint)cumulative,
                Cmpl = total - (uint)frequency,
            };
        }
    }

    /// <summary>One rANS step: renormalize (push the low 16 bits below <paramref name="position"/>) then code the symbol.
    /// The position travels by value (a tuple) so that the JIT keeps it in a register across the lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (uint X, nint Position) Put(uint x, in EncoderSymbol e, ref byte words, nint position)
    {
        if (x >= e.XMax)
        {
            position -= 2;
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref words, position), BitConverter.IsLittleEndian ? (ushort)x : BinaryPrimitives.ReverseEndianness((ushort)x));
            x >>= 16;
        }
        ulong q = Math.BigMul(x, e.Rcp, out _);
        return (x + e.Bias + (uint)q * e.Cmpl, position);
    }

    /// <summary><see cref="Put"/> from a packed entry (<see cref="PackEncoderEntry"/>), with an integer division: the
    /// scalar leftovers of the vector kernels, which code the same bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (uint X, nint Position) PutPacked(uint x, uint entry, int precision, ref byte words, nint position)
    {
        uint f = (entry & 0xFFFF) + 1, start = entry >> 16;
        if (x >= (uint)Math.Min((ulong)f << (32 - precision), uint.MaxValue))
        {
            position -= 2;
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref words, position), BitConverter.IsLittleEndian ? (ushort)x : BinaryPrimitives.ReverseEndianness((ushort)x));
            x >>= 16;
        }
        (uint q, uint r) = Math.DivRem(x, f);
        return ((q << precision) + r + start, position);
    }

    /// <summary>Tests switch the vector kernels off on their own thread to compare both paths in one process.</summary>
    [ThreadStatic] internal static bool ScalarOnly;

    private static bool UseVectorKernels => VectorKernels && !ScalarOnly;

    [SkipLocalsInit]
    private static unsafe int EncodeOrder0(ReadOnlySpan<byte> source, Span<byte> destination, int precision, out double modelBits)
    {
        int n = source.Length;
        modelBits = 0;
        if (n == 0) return WriteFixed(destination, order: 0, precision == AutoPrecision ? DefaultPrecision : precision, n);
        Span<long> counts = stackalloc long[256];
        counts.Clear();
        ByteHistogram.Add(source, counts);
        var table = Order0Table(counts, precision);
        modelBits = table.CodeLength(counts).Value;
        precision = table.Precision;
        int pos = WriteFixed(destination, order: 0, precision, n);
        Span<uint> states = stackalloc uint[Lanes];
        for (int z = 0; z < Lanes; z++) states[z] = InitialState(n, z);
        // Words are pushed downwards from the end of the destination; the header is written in front afterwards.
        ref byte words = ref MemoryMarshal.GetReference(destination);
        ref byte input = ref MemoryMarshal.GetReference(source);
        nint position = destination.Length;
        int i = n - 1;
        if (UseVectorKernels && n >= Lanes)
        {
            Span<uint> packed = stackalloc uint[256];
            for (int s = 0; s < 256; s++) packed[s] = PackEncoderEntry(table.Frequencies[s], table.Cumulative[s]);
            ref uint entries = ref MemoryMarshal.GetReference(packed);
            for (; (i & (Lanes - 1)) != Lanes - 1; i--)
                (states[i & (Lanes - 1)], position) = PutPacked(states[i & (Lanes - 1)], Unsafe.Add(ref entries, Unsafe.Add(ref input, i)), precision, ref words, position);
            int left;
            fixed (byte* d = destination, src = source)
            fixed (uint* t = packed, stp = states)
            {
                byte* p = d + position;
                left = EncodeOrder0Avx512(src, (i + 1) / Lanes, t, stp, ref p, d + pos, precision);
                position = (nint)(p - d);
            }
            for (i = left * Lanes - 1; i >= 0; i--)
                (states[i & (Lanes - 1)], position) = PutPacked(states[i & (Lanes - 1)], Unsafe.Add(ref entries, Unsafe.Add(ref input, i)), precision, ref words, position);
            return Finish(destination, pos, table, null, states, (int)position);
        }
        Span<EncoderSymbol> symbols = stackalloc EncoderSymbol[256];
        for (int s = 0; s < 256; s++) symbols[s] = EncoderSymbol.Create(table.Frequencies[s], table.Cumulative[s], precision);
        ref EncoderSymbol sym = ref MemoryMarshal.GetReference(symbols);
        for (; i >= 0 && (i & (Lanes - 1)) != Lanes - 1; i--)
            (states[i & (Lanes - 1)], position) = Put(states[i & (Lanes - 1)], Unsafe.Add(ref sym, Unsafe.Add(ref input, i)), ref words, position);
        ref uint st = ref MemoryMarshal.GetReference(states);
        for (; i >= 0; i -= Lanes)
        {
            // A full round, lanes 31 … 0; i is the last byte of the round.
            nint round = i - (Lanes - 1);
            for (int z = Lanes - 1; z >= 0; z--)
                (Unsafe.Add(ref st, z), position) = Put(Unsafe.Add(ref st, z), Unsafe.Add(ref sym, Unsafe.Add(ref input, round + z)), ref words, position);
        }
        return Finish(destination, pos, table, null, states[..Math.Min(n, Lanes)], (int)position);
    }

    [SkipLocalsInit]
    private static unsafe int EncodeOrder1(ReadOnlySpan<byte> source, Span<byte> destination, int precision, out double modelBits)
    {
        int n = source.Length;
        modelBits = 0;
        if (precision == AutoPrecision) precision = DefaultPrecision;
        int pos = WriteFixed(destination, order: 1, precision, n);
        if (n == 0) return pos;
        var (lanes, segment) = Segments(n);

        // counts[context · 256 + symbol]; the first byte of every segment has context 0.
        var counts = ArrayPool<long>.Shared.Rent(256 * 256);
        bool vector = UseVectorKernels && lanes == Lanes;
        // The vector kernel (and its scalar leftovers) use packed entries, the scalar loop EncoderSymbols.
        var packed = vector ? ArrayPool<uint>.Shared.Rent(256 * 256) : null;
        var symbols = vector ? null : ArrayPool<EncoderSymbol>.Shared.Rent(256 * 256);
        try
        {
            CountContexts(source, counts);
            var tables = new FrequencyTable?[256];
            for (int c = 0; c < 256; c++)
            {
                var row = counts.AsSpan(c << 8, 256);
                if (!row.ContainsAnyExcept(0L)) continue;
                var t = FrequencyTable.Quantize(row, precision);
                tables[c] = t;
                modelBits += t.CodeLength(row).Value;
                var f = t.Frequencies;
                var cf = t.Cumulative;
                if (vector)
                    for (int s = 0; s < 256; s++) packed![c << 8 | s] = PackEncoderEntry(f[s], cf[s]);
                else
                    for (int s = 0; s < 256; s++) symbols![c << 8 | s] = EncoderSymbol.Create(f[s], cf[s], precision);
            }

            Span<uint> states = stackalloc uint[Lanes];
            for (int z = 0; z < Lanes; z++) states[z] = InitialState(n, z);
            ref byte words = ref MemoryMarshal.GetReference(destination);
            ref byte input = ref MemoryMarshal.GetReference(source);
            ref uint st = ref MemoryMarshal.GetReference(states);
            nint position = destination.Length;
            // The last lane's tail beyond lanes·segment, then the rounds k = segment − 1 … 0 over lanes 31 … 0.
            int last = lanes - 1;
            if (vector)
            {
                ref uint entries = ref MemoryMarshal.GetArrayDataReference(packed!);
                for (int i = n - 1; i >= lanes * segment; i--)
                    (Unsafe.Add(ref st, last), position) = PutPacked(Unsafe.Add(ref st, last), Unsafe.Add(ref entries, Unsafe.Add(ref input, i - 1) << 8 | Unsafe.Add(ref input, i)), precision, ref words, position);
                int k;
                fixed (byte* d = destination, src = source)
                fixed (uint* t = packed, stp = states)
                {
                    byte* p = d + position;
                    k = EncodeOrder1Avx512(src, segment, segment - 1, t, stp, ref p, d + pos, precision);
                    position = (nint)(p - d);
                }
                for (; k > 0; k--)
                {
                    for (int z = last; z >= 0; z--)
                    {
                        nint i = (nint)z * segment + k;
                        (Unsafe.Add(ref st, z), position) = PutPacked(Unsafe.Add(ref st, z), Unsafe.Add(ref entries, Unsafe.Add(ref input, i - 1) << 8 | Unsafe.Add(ref input, i)), precision, ref words, position);
                    }
                }
                for (int z = last; z >= 0; z--)
                    (Unsafe.Add(ref st, z), position) = PutPacked(Unsafe.Add(ref st, z), Unsafe.Add(ref entries, Unsafe.Add(ref input, (nint)z * segment)), precision, ref words, position);
                return Finish(destination, pos, null, tables, states[..lanes], (int)position);
            }
            ref EncoderSymbol sym = ref MemoryMarshal.GetArrayDataReference(symbols!);
            for (int i = n - 1; i >= lanes * segment; i--)
                (Unsafe.Add(ref st, last), position) = Put(Unsafe.Add(ref st, last), Unsafe.Add(ref sym, Unsafe.Add(ref input, i - 1) << 8 | Unsafe.Add(ref input, i)), ref words, position);
            for (int k = segment - 1; k > 0; k--)
            {
                for (int z = last; z >= 0; z--)
                {
                    nint i = (nint)z * segment + k;
                    (Unsafe.Add(ref st, z), position) = Put(Unsafe.Add(ref st, z), Unsafe.Add(ref sym, Unsafe.Add(ref input, i - 1) << 8 | Unsafe.Add(ref input, i)), ref words, position);
                }
            }
            for (int z = last; z >= 0; z--)
                (Unsafe.Add(ref st, z), position) = Put(Unsafe.Add(ref st, z), Unsafe.Add(ref sym, Unsafe.Add(ref input, (nint)z * segment)), ref words, position);
            return Finish(destination, pos, null, tables, states[..lanes], (int)position);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(counts);
            if (packed is not null) ArrayPool<uint>.Shared.Return(packed);
            if (symbols is not null) ArrayPool<EncoderSymbol>.Shared.Return(symbols);
        }
    }

    /// <summary>The order-1 counts the encoder quantizes, counts[context · 256 + symbol] (the first byte of every lane's
    /// segment has context 0); clears the first 65536 entries first.</summary>
    private static void CountContexts(ReadOnlySpan<byte> source, long[] counts)
    {
        Array.Clear(counts, 0, 256 * 256);
        if (source.IsEmpty) return;
        var (lanes, segment) = Segments(source.Length);
        CountPairs(source, counts);
        for (int z = 1; z < lanes; z++)
        {
            int start = z * segment;
            counts[source[start - 1] << 8 | source[start]]--;
            counts[source[start]]++;
        }
        counts[source[0]]++;
    }

    /// <summary>
    /// The order-0 table of a block with byte counts <paramref name="counts"/> (not all 0) at <paramref name="precision"/>,
    /// or, for <see cref="AutoPrecision"/>, at the smallest P in 12 … 14 whose model bits Σ cₛ·−log2 q(s) are within
    /// <see cref="AutoTolerance"/> of n·H₀ — else at the P in that range of the fewest estimated bytes, model bits / 8 plus
    /// the serialized table. The decoder needs no rule: the block states its P.
    /// </summary>
    internal static FrequencyTable Order0Table(ReadOnlySpan<long> counts, int precision)
    {
        if (precision != AutoPrecision) return FrequencyTable.Quantize(counts, precision);
        long n = 0;
        foreach (long c in counts) n += c;
        double floor = Discrete.Entropy(counts).Value * n;
        FrequencyTable? best = null;
        double fewest = double.PositiveInfinity;
        for (int p = AutoMinPrecision; p <= AutoMaxPrecision; p++)
        {
            var table = FrequencyTable.Quantize(counts, p);
            double bits = table.CodeLength(counts).Value;
            if (bits <= floor * (1 + AutoTolerance)) return table;
            double bytes = bits / 8 + table.SerializedLength;
            if (bytes < fewest)
            {
                best = table;
                fewest = bytes;
            }
        }
        return best!;
    }

    /// <summary>
    /// What the block's model pays for <paramref name="message"/>: Σ count(c, s)·−log2(f(s | c) / 2^P) over the tables the
    /// encoder quantizes at order <paramref name="order"/> and precision <paramref name="precision"/> (or
    /// <see cref="AutoPrecision"/>), in bits (the payload
    /// before the lanes' final states), counted and quantized afresh: the figure <see cref="EncodeCore"/> and
    /// <see cref="TryDecodeCore"/> return from the tables they hold, computed independently (tests compare the two).
    /// </summary>
    internal static double ModelBits(ReadOnlySpan<byte> message, int order, int precision)
    {
        if (message.IsEmpty) return 0;
        if (order == 0)
        {
            Span<long> counts0 = stackalloc long[256];
            counts0.Clear();
            ByteHistogram.Add(message, counts0);
            return Order0Table(counts0, precision).CodeLength(counts0).Value;
        }
        if (precision == AutoPrecision) precision = DefaultPrecision;
        var counts = ArrayPool<long>.Shared.Rent(256 * 256);
        try
        {
            CountContexts(message, counts);
            double bits = 0;
            for (int c = 0; c < 256; c++)
            {
                var row = counts.AsSpan(c << 8, 256);
                if (row.ContainsAnyExcept(0L)) bits += FrequencyTable.Quantize(row, precision).CodeLength(row).Value;
            }
            return bits;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(counts);
        }
    }

    private static void CountPairs(ReadOnlySpan<byte> source, long[] counts)
    {
        // Four interleaved 32-bit tables would break store-forwarding stalls, but 4 × 256 KiB leaves L2; one int table with
        // the previous byte kept in a register is the compromise.
        var pairs = ArrayPool<int>.Shared.Rent(256 * 256);
        try
        {
            Array.Clear(pairs, 0, 256 * 256);
            ref int p = ref MemoryMarshal.GetArrayDataReference(pairs);
            ref byte input = ref MemoryMarshal.GetReference(source);
            uint previous = input;
            for (nint i = 1; i < source.Length; i++)
            {
                uint b = Unsafe.Add(ref input, i);
                Unsafe.Add(ref p, (nint)(previous << 8 | b))++;
                previous = b;
            }
            for (int k = 0; k < 256 * 256; k++) counts[k] += pairs[k];
        }
        finally
        {
            ArrayPool<int>.Shared.Return(pairs);
        }
    }

    /// <summary>
    /// The order-1 split: 32 segments of ⌊n/32⌋ bytes, the last one taking the remainder, or a single segment when n &lt; 32.
    /// </summary>
    internal static (int Lanes, int Segment) Segments(int n) => n >= Lanes ? (Lanes, n / Lanes) : (1, n);

    /// <summary>Writes flags, P and n; returns the position after them.</summary>
    private static int WriteFixed(Span<byte> destination, int order, int precision, int n)
    {
        destination[0] = order == 1 ? Order1Flag : (byte)0;
        destination[1] = (byte)precision;
        int pos = 2;
        Varint.Write((ulong)n, destination, ref pos);
        return pos;
    }

    /// <summary>
    /// Writes the rest of the header — the word count, the table(s), the final states — after <paramref name="pos"/>, then
    /// moves the words (now at <paramref name="wordsStart"/> … end) right behind; returns the block's size.
    /// </summary>
    private static int Finish(Span<byte> destination, int pos, FrequencyTable? table, FrequencyTable?[]? tables, ReadOnlySpan<uint> states, int wordsStart)
    {
        int wordBytes = destination.Length - wordsStart;
        Varint.Write((ulong)(wordBytes / 2), destination, ref pos);
        if (table is not null)
        {
            pos += table.WriteTo(destination[pos..]);
        }
        else
        {
            var bitmap = destination.Slice(pos, ContextBitmapLength);
            bitmap.Clear();
            for (int c = 0; c < 256; c++)
                if (tables![c] is not null) bitmap[c >> 3] |= (byte)(1 << (c & 7));
            pos += ContextBitmapLength;
            for (int c = 0; c < 256; c++)
                if (tables![c] is { } t) pos += t.WriteTo(destination[pos..]);
        }
        foreach (uint x in states)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(destination[pos..], x);
            pos += 4;
        }
        // MaxEncodedLength leaves the largest header in front of 2 bytes per symbol, so pos ≤ wordsStart here.
        destination.Slice(wordsStart, wordBytes).CopyTo(destination[pos..]);
        return pos + wordBytes;
    }
}
