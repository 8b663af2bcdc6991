using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Xent.Coding;

/// <summary>
/// The AVX-512 kernels of static rANS (the layout of htscodecs' rANS32x16): the 32 lanes are two 16-lane vectors (four
/// 8-lane ones in the order-0 decoder), table entries are fetched with AVX2 gathers (.NET has no 512-bit gather), and the
/// 16-bit words a round emits or consumes are packed with compress/expand. Each kernel has a scalar twin in
/// RansStream.Encode.cs / RansStream.Decode.cs that gives the same bytes (the tests run both); a kernel codes whole rounds
/// while its guard holds and returns where the twin continues.
/// </summary>
public static partial class RansStream
{
    /// <summary>Whether the AVX-512 kernels can run: 512-bit integer vectors, compress/expand (also on 256-bit vectors) and
    /// AVX2 gathers.</summary>
    internal static bool VectorKernels => Avx512F.IsSupported && Avx512F.VL.IsSupported && Avx512BW.IsSupported && Avx2.IsSupported && Vector512.IsHardwareAccelerated;

    /// <summary>Whether the order-1 vector decoder can run: also VBMI's two-table byte permutation.</summary>
    internal static bool VectorOrder1Decoder => VectorKernels && Avx512Vbmi.IsSupported;

    /// <summary>Lane k of a 16-lane vector goes to lane 15 − k.</summary>
    private static Vector512<uint> Reversed => Vector512.Create(15u, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);

    /// <summary>
    /// The encoder's entry for one symbol of one table, gathered in one load: <c>F &lt;&lt; 16 | (f − 1)</c> (F &lt; 2^16 and
    /// f − 1 &lt; 2^16 for f ≥ 1, P ≤ 16). Symbols of frequency 0 never occur and get 0.
    /// </summary>
    internal static uint PackEncoderEntry(int frequency, int cumulative) => frequency == 0 ? 0 : (uint)cumulative << 16 | (uint)(frequency - 1);

    /// <summary>
    /// One encoding step of 16 lanes, the vector form of <see cref="Put"/>: lanes with x ≥ f·2^(32−P) (capped at 2^32 − 1
    /// as in <see cref="EncoderSymbol"/>) push their low 16 bits, in lane order, so that they end just below
    /// <paramref name="position"/>; then x ↦ ⌊x / f⌋·2^P + (x mod f) + F. The quotient is computed in double precision:
    /// x &lt; 2^32 and f ≤ 2^16 are exact, the division is correctly rounded, and x / f is at least 1/f ≥ 2^−16 below the
    /// next integer while half an ulp of a value below 2^32 is at most 2^−21, so truncation gives ⌊x / f⌋ exactly.
    /// </summary>
    /// <remarks>The 32 bytes below <paramref name="position"/> are written (the words land at the top of them); the caller
    /// keeps them inside the destination.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector512<uint> EncodeStep(Vector512<uint> x, Vector512<uint> entry, int precision, ref byte* position)
    {
        var f = (entry & Vector512.Create(0xFFFFu)) + Vector512<uint>.One;
        var start = entry >>> 16;
        var limit = Vector512.Min((f << (32 - precision)) - Vector512<uint>.One, Vector512.Create(0xFFFFFFFEu));
        var renormalize = Vector512.GreaterThan(x, limit);
        // Compress the reversed lanes (highest selected lane first), reverse back: the selected lanes' words sit, in
        // ascending lane order, at the top of the 16.
        var reversed = Reversed;
        var packed = Avx512F.PermuteVar16x32(
            Avx512F.Compress(Vector512<uint>.Zero, Avx512F.PermuteVar16x32(renormalize, reversed), Avx512F.PermuteVar16x32(x, reversed)), reversed);
        Avx512F.ConvertToVector256UInt16(packed).Store((ushort*)(position - 32));
        position -= 2 * BitOperations.PopCount((uint)renormalize.ExtractMostSignificantBits());
        x = Vector512.ConditionalSelect(renormalize, x >>> 16, x);
        var q = Vector512.Create(
            Avx512F.ConvertToVector256UInt32WithTruncation(Avx512F.ConvertToVector512Double(x.GetLower()) / Avx512F.ConvertToVector512Double(f.GetLower())),
            Avx512F.ConvertToVector256UInt32WithTruncation(Avx512F.ConvertToVector512Double(x.GetUpper()) / Avx512F.ConvertToVector512Double(f.GetUpper())));
        return (q << precision) + (x - q * f) + start;
    }

    /// <summary>16 gathered entries of <paramref name="table"/> (two 8-lane AVX2 gathers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector512<uint> Gather(uint* table, Vector512<uint> index) => Vector512.Create(
        Avx2.GatherVector256(table, index.GetLower().AsInt32(), 4),
        Avx2.GatherVector256(table, index.GetUpper().AsInt32(), 4));

    /// <summary>
    /// Order-0 encoding of the full rounds r = <paramref name="rounds"/> − 1 … 0 (bytes 32r … 32r + 31, lane z coding byte
    /// 32r + z), lanes 31 … 16 then 15 … 0 as the scalar loop pushes them, while more than 64 bytes are free above
    /// <paramref name="floor"/>. Returns the number of rounds left for the scalar loop.
    /// </summary>
    private static unsafe int EncodeOrder0Avx512(byte* input, int rounds, uint* table, uint* states, ref byte* position, byte* floor, int precision)
    {
        var x0 = Vector512.Load(states);
        var x1 = Vector512.Load(states + 16);
        byte* p = position;
        int r = rounds;
        for (; r > 0 && p - floor > 64; r--)
        {
            byte* round = input + (nint)(r - 1) * Lanes;
            var e1 = Gather(table, Avx512F.ConvertToVector512UInt32(Vector128.Load(round + 16)));
            var e0 = Gather(table, Avx512F.ConvertToVector512UInt32(Vector128.Load(round)));
            x1 = EncodeStep(x1, e1, precision, ref p);
            x0 = EncodeStep(x0, e0, precision, ref p);
        }
        x0.Store(states);
        x1.Store(states + 16);
        position = p;
        return r;
    }

    /// <summary>
    /// Order-1 encoding of the rounds k = <paramref name="round"/> … 1 (lane z codes byte z·segment + k in the context of the
    /// byte before it), three at a time while k ≥ 3 and more than 224 bytes are free above <paramref name="floor"/>: the 4
    /// bytes ending at byte z·segment + k (inside the input for k ≥ 3) hold the pairs (previous, current) of rounds k, k − 1
    /// and k − 2, gathered once and shuffled into table indices previous · 256 + current. Returns the first round the scalar
    /// loop still has to code.
    /// </summary>
    private static unsafe int EncodeOrder1Avx512(byte* input, int segment, int round, uint* table, uint* states, ref byte* position, byte* floor, int precision)
    {
        var x0 = Vector512.Load(states);
        var x1 = Vector512.Load(states + 16);
        var starts0 = Vector512<int>.Indices * segment;
        var starts1 = starts0 + Vector512.Create(16 * segment);
        // vpshufb controls giving each dword [current, previous, 0, 0] from its bytes 3/2, 2/1 and 1/0.
        var inLane = (Vector512<uint>.Indices & Vector512.Create(3u)) * 0x0404u;
        var pair2 = (Vector512.Create(0x80800203u) + inLane).AsByte();
        var pair1 = (Vector512.Create(0x80800102u) + inLane).AsByte();
        var pair0 = (Vector512.Create(0x80800001u) + inLane).AsByte();
        byte* p = position;
        int k = round;
        for (; k >= 3 && p - floor > 224; k -= 3)
        {
            var at = Vector512.Create(k - 3);
            var v1 = GatherBytes(input, starts1 + at);
            var v0 = GatherBytes(input, starts0 + at);
            x1 = EncodeStep(x1, Gather(table, Avx512BW.Shuffle(v1, pair2).AsUInt32()), precision, ref p);
            x0 = EncodeStep(x0, Gather(table, Avx512BW.Shuffle(v0, pair2).AsUInt32()), precision, ref p);
            x1 = EncodeStep(x1, Gather(table, Avx512BW.Shuffle(v1, pair1).AsUInt32()), precision, ref p);
            x0 = EncodeStep(x0, Gather(table, Avx512BW.Shuffle(v0, pair1).AsUInt32()), precision, ref p);
            x1 = EncodeStep(x1, Gather(table, Avx512BW.Shuffle(v1, pair0).AsUInt32()), precision, ref p);
            x0 = EncodeStep(x0, Gather(table, Avx512BW.Shuffle(v0, pair0).AsUInt32()), precision, ref p);
        }
        x0.Store(states);
        x1.Store(states + 16);
        position = p;
        return k;
    }

    /// <summary>The 4 bytes at each of 16 offsets into <paramref name="input"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector512<byte> GatherBytes(byte* input, Vector512<int> offsets) => Vector512.Create(
        Avx2.GatherVector256((int*)input, offsets.GetLower(), 1),
        Avx2.GatherVector256((int*)input, offsets.GetUpper(), 1)).AsByte();

    /// <summary>
    /// One decoding step of 16 lanes: x ↦ f·(x ≫ P) + (slot − F) from the packed entries, then the lanes below 2^16 take the
    /// next words in lane order. <paramref name="refilled"/> is x with the new words in place of the refilled lanes (a
    /// refilled lane's low 16 bits are its word), so the next slot, refilled &amp; (2^P − 1), is known before the shift.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector512<uint> DecodeStep(Vector512<uint> x, Vector512<uint> entry, int precision, ref byte* wp, out Vector512<uint> refilled)
    {
        var f = (entry >>> 20) + Vector512<uint>.One;
        var bias = (entry >>> 8) & Vector512.Create(0xFFFu);
        x = f * (x >>> precision) + bias;
        var low = Vector512.LessThan(x, Vector512.Create(StateLow));
        var words = Avx512F.ConvertToVector512UInt32(Vector256.Load((ushort*)wp));
        refilled = Avx512F.Expand(x, low, words);
        wp += 2 * BitOperations.PopCount((uint)low.ExtractMostSignificantBits());
        return Vector512.ConditionalSelect(low, x << 16, Vector512<uint>.Zero) | refilled;
    }

    /// <summary>
    /// How a vector decoder reads the slot entries of its table: f − 1 and the offset j − F for the state update (on each
    /// lane's chain), and the symbols (off it). Generic struct arguments, so each layout's kernel is compiled on its own.
    /// </summary>
    private unsafe interface ISlotLayout
    {
        /// <summary>f − 1 of 8 gathered entries.</summary>
        static abstract Vector256<uint> FrequencyMinusOne(Vector256<uint> entry);

        /// <summary>j − F of 8 gathered entries.</summary>
        static abstract Vector256<uint> Offset(Vector256<uint> entry);

        /// <summary>The symbols of the 8 slots <paramref name="slot"/>, whose entries are <paramref name="entry"/>, each in
        /// the low byte of its lane.</summary>
        static abstract Vector256<uint> Symbols(Vector256<uint> entry, Vector256<uint> slot, byte* symbols);
    }

    /// <summary>P ≤ 12: one 32-bit entry [f − 1 : 12 | j − F : 12 | symbol : 8] (<see cref="DecodeTables"/>).</summary>
    private readonly unsafe struct PackedSlots : ISlotLayout
    {
        public static Vector256<uint> FrequencyMinusOne(Vector256<uint> entry) => entry >>> 20;

        public static Vector256<uint> Offset(Vector256<uint> entry) => (entry >>> 8) & Vector256.Create(0xFFFu);

        public static Vector256<uint> Symbols(Vector256<uint> entry, Vector256<uint> slot, byte* symbols) => entry;
    }

    /// <summary>P ≤ 16: a 32-bit entry [f − 1 : 16 | j − F : 16] on the chain, and the symbol from a byte table, gathered 4
    /// bytes at a time (the table has <see cref="SymbolPadding"/> bytes after its last slot) off the chain.</summary>
    private readonly unsafe struct SplitSlots : ISlotLayout
    {
        public static Vector256<uint> FrequencyMinusOne(Vector256<uint> entry) => entry >>> 16;

        public static Vector256<uint> Offset(Vector256<uint> entry) => entry & Vector256.Create(0xFFFFu);

        public static Vector256<uint> Symbols(Vector256<uint> entry, Vector256<uint> slot, byte* symbols) =>
            Avx2.GatherVector256((int*)symbols, slot.AsInt32(), 1).AsUInt32();
    }

    /// <summary>The bytes a symbol table has after its last slot, for the 4-byte gathers of <see cref="SplitSlots"/>.</summary>
    private const int SymbolPadding = 3;

    /// <summary>
    /// Order-0 decoding of full rounds of 32 bytes while at least 64 bytes of words remain (a round reads at most 32
    /// words), starting at round 0. Returns the first byte not decoded (a multiple of 32); the scalar loop finishes.
    /// </summary>
    /// <remarks>
    /// Decoding is bound by the latency of each lane's chain gather → multiply → compare → refill → gather, not by
    /// throughput, so the 32 lanes run as four independent 8-lane chains (AVX2 gathers and AVX-512VL compares and expands on
    /// 256-bit vectors: no splitting of 512-bit indices or joining of gather halves on the chain). Per round the four chains'
    /// masks are counted first and the word positions summed, so a chain waits for the words it takes, not for the chains
    /// before it. The multiply waits only for f − 1: x ↦ (f − 1)·s + (s + bias) with s = x ≫ P. The round's 32 symbols
    /// (the packed entries' low bytes, or a second gather from the symbol table at P &gt; 12, which no chain waits for) are
    /// stored 8 at a time.
    /// </remarks>
    private static unsafe int DecodeOrder0Avx512<TLayout>(byte* words, int wordBytes, byte* output, int n, uint* states, uint* table, byte* symbols, int precision, ref int read)
        where TLayout : struct, ISlotLayout
    {
        var mask = Vector256.Create((1u << precision) - 1);
        var x0 = Vector256.Load(states);
        var x1 = Vector256.Load(states + 8);
        var x2 = Vector256.Load(states + 16);
        var x3 = Vector256.Load(states + 24);
        var e0 = Avx2.GatherVector256(table, (x0 & mask).AsInt32(), 4);
        var e1 = Avx2.GatherVector256(table, (x1 & mask).AsInt32(), 4);
        var e2 = Avx2.GatherVector256(table, (x2 & mask).AsInt32(), 4);
        var e3 = Avx2.GatherVector256(table, (x3 & mask).AsInt32(), 4);
        var y0 = TLayout.Symbols(e0, x0 & mask, symbols);
        var y1 = TLayout.Symbols(e1, x1 & mask, symbols);
        var y2 = TLayout.Symbols(e2, x2 & mask, symbols);
        var y3 = TLayout.Symbols(e3, x3 & mask, symbols);
        byte* wp = words + 2 * read, wend = words + wordBytes;
        byte* o = output, end = output + (nint)(n / Lanes) * Lanes;
        for (; o < end && wend - wp >= 64; o += Lanes)
        {
            x0 = Advance<TLayout>(x0, e0, precision, out var low0);
            x1 = Advance<TLayout>(x1, e1, precision, out var low1);
            x2 = Advance<TLayout>(x2, e2, precision, out var low2);
            x3 = Advance<TLayout>(x3, e3, precision, out var low3);
            byte* w1 = wp + 2 * (nint)BitOperations.PopCount(low0.ExtractMostSignificantBits());
            byte* w2 = w1 + 2 * (nint)BitOperations.PopCount(low1.ExtractMostSignificantBits());
            byte* w3 = w2 + 2 * (nint)BitOperations.PopCount(low2.ExtractMostSignificantBits());
            var r0 = Avx512F.VL.Expand(x0, low0, Avx2.ConvertToVector256Int32((ushort*)wp).AsUInt32());
            var r1 = Avx512F.VL.Expand(x1, low1, Avx2.ConvertToVector256Int32((ushort*)w1).AsUInt32());
            var r2 = Avx512F.VL.Expand(x2, low2, Avx2.ConvertToVector256Int32((ushort*)w2).AsUInt32());
            var r3 = Avx512F.VL.Expand(x3, low3, Avx2.ConvertToVector256Int32((ushort*)w3).AsUInt32());
            wp = w3 + 2 * (nint)BitOperations.PopCount(low3.ExtractMostSignificantBits());
            Sse2.StoreScalar((ulong*)o, Avx512F.VL.ConvertToVector128Byte(y0).AsUInt64());
            Sse2.StoreScalar((ulong*)(o + 8), Avx512F.VL.ConvertToVector128Byte(y1).AsUInt64());
            Sse2.StoreScalar((ulong*)(o + 16), Avx512F.VL.ConvertToVector128Byte(y2).AsUInt64());
            Sse2.StoreScalar((ulong*)(o + 24), Avx512F.VL.ConvertToVector128Byte(y3).AsUInt64());
            // A refilled lane's slot is its new word's low P bits (P ≤ 16), so the next gathers need not wait for the shift.
            var j0 = r0 & mask;
            var j1 = r1 & mask;
            var j2 = r2 & mask;
            var j3 = r3 & mask;
            e0 = Avx2.GatherVector256(table, j0.AsInt32(), 4);
            e1 = Avx2.GatherVector256(table, j1.AsInt32(), 4);
            e2 = Avx2.GatherVector256(table, j2.AsInt32(), 4);
            e3 = Avx2.GatherVector256(table, j3.AsInt32(), 4);
            y0 = TLayout.Symbols(e0, j0, symbols);
            y1 = TLayout.Symbols(e1, j1, symbols);
            y2 = TLayout.Symbols(e2, j2, symbols);
            y3 = TLayout.Symbols(e3, j3, symbols);
            x0 = Avx512F.VL.BlendVariable(x0, (x0 << 16) | r0, low0);
            x1 = Avx512F.VL.BlendVariable(x1, (x1 << 16) | r1, low1);
            x2 = Avx512F.VL.BlendVariable(x2, (x2 << 16) | r2, low2);
            x3 = Avx512F.VL.BlendVariable(x3, (x3 << 16) | r3, low3);
        }
        x0.Store(states);
        x1.Store(states + 8);
        x2.Store(states + 16);
        x3.Store(states + 24);
        read = (int)(wp - words) / 2;
        return (int)(o - output);
    }

    /// <summary>
    /// x ↦ f·(x ≫ P) + (slot − F) for 8 lanes from their entries, as (f − 1)·s + (s + (slot − F)) with s = x ≫ P;
    /// <paramref name="low"/> marks the lanes that fell below 2^16 and take a word.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Advance<TLayout>(Vector256<uint> x, Vector256<uint> entry, int precision, out Vector256<uint> low)
        where TLayout : struct, ISlotLayout
    {
        var s = x >>> precision;
        x = Avx2.MultiplyLow(TLayout.FrequencyMinusOne(entry), s) + (s + TLayout.Offset(entry));
        low = Vector256.LessThan(x, Vector256.Create(StateLow));
        return x;
    }

    /// <summary>
    /// Order-1 decoding of the rounds k = 0 … (lane z decodes byte z·segment + k with the table of its previous byte) while
    /// at least 64 bytes of words remain. The tables are indexed by the previous byte itself (2^P slots for each of the 256
    /// byte values), so a lane's next table is its symbol · 2^P, two operations on the gathered entry.
    /// <paramref name="missing"/> marks, with 0xFF, the byte values that have no table (only when
    /// <paramref name="someMissing"/>); the round's symbols are looked up there with VBMI's two-table byte permutation, off
    /// the lanes' dependency chain, and a lane about to decode in such a context stops the kernel. Returns the first round
    /// not decoded, or −1 when a lane's context has no table (corrupt data).
    /// </summary>
    private static unsafe int DecodeOrder1Avx512(byte* words, int wordBytes, byte* output, int segment, uint* states, uint* table,
        byte* missing, bool someMissing, int precision, ref int read)
    {
        var mask = Vector512.Create((1u << precision) - 1);
        var x0 = Vector512.Load(states);
        var x1 = Vector512.Load(states + 16);
        var t0 = Vector512.Load(missing);
        var t1 = Vector512.Load(missing + 64);
        var t2 = Vector512.Load(missing + 128);
        var t3 = Vector512.Load(missing + 192);
        if (missing[0] != 0) return -1; // the first byte of every segment has context 0
        var base0 = Vector512<uint>.Zero;
        var base1 = base0;
        var pending = Vector256<byte>.Zero;
        byte* wp = words + 2 * read, wend = words + wordBytes;
        // Four rounds of symbols collect in the bytes of 32 dwords (round k in byte k mod 4), written to the segments as one
        // dword each.
        uint* column = stackalloc uint[Lanes];
        var held0 = Vector512<uint>.Zero;
        var held1 = Vector512<uint>.Zero;
        var lowByte = Vector512.Create(0xFFu);
        int k = 0;
        for (; k < segment && wend - wp >= 64; k++)
        {
            if (someMissing && pending != Vector256<byte>.Zero) return -1;
            var e0 = Gather(table, base0 + (x0 & mask));
            var e1 = Gather(table, base1 + (x1 & mask));
            base0 = (e0 & lowByte) << precision;
            base1 = (e1 & lowByte) << precision;
            x0 = DecodeStep(x0, e0, precision, ref wp, out _);
            x1 = DecodeStep(x1, e1, precision, ref wp, out _);
            int shift = 8 * (k & 3);
            held0 |= (e0 & lowByte) << shift;
            held1 |= (e1 & lowByte) << shift;
            if ((k & 3) == 3)
            {
                held0.Store(column);
                held1.Store(column + 16);
                byte* o = output + (k - 3);
                for (int z = 0; z < Lanes; z++, o += segment) Unsafe.WriteUnaligned(o, column[z]);
                held0 = held1 = Vector512<uint>.Zero;
            }
            if (someMissing)
            {
                var s = Vector256.Create(Avx512F.ConvertToVector128Byte(e0), Avx512F.ConvertToVector128Byte(e1)).ToVector512();
                pending = Vector512.ConditionalSelect(Vector512.LessThan(s.AsSByte(), Vector512<sbyte>.Zero).AsByte(),
                    Avx512Vbmi.PermuteVar64x8x2(t2, s, t3), Avx512Vbmi.PermuteVar64x8x2(t0, s, t1)).GetLower();
            }
        }
        int done = k & 3;
        if (done != 0)
        {
            held0.Store(column);
            held1.Store(column + 16);
            for (int z = 0; z < Lanes; z++)
                for (int j = 0; j < done; j++) output[(nint)z * segment + k - done + j] = (byte)(column[z] >> 8 * j);
        }
        x0.Store(states);
        x1.Store(states + 16);
        read = (int)(wp - words) / 2;
        return k;
    }
}
