using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Xent.Estimation;

namespace Xent.Coding;

public static partial class RansStream
{
    /// <summary>The packed slot entries (symbol, f − 1, j − F in 32 bits) need 2P + 8 ≤ 32 bits; above, the decoders
    /// (vector and scalar) read a 32-bit (f − 1, j − F) table and a byte table of symbols.</summary>
    private const int MaxPackedPrecision = 12;

    /// <summary>
    /// Decodes a block written by <see cref="Encode(ReadOnlySpan{byte}, Span{byte}, int, int)"/> from the start of
    /// <paramref name="source"/> into <paramref name="destination"/>.
    /// </summary>
    /// <returns><see cref="OperationStatus.Done"/> (then <paramref name="bytesConsumed"/> is the block's size and
    /// <paramref name="bytesWritten"/> its decoded length); <see cref="OperationStatus.DestinationTooSmall"/> when the block
    /// decodes to more bytes than the destination holds (checked before any table is built);
    /// <see cref="OperationStatus.NeedMoreData"/> when the input ends inside the block; <see cref="OperationStatus.InvalidData"/>
    /// when it is corrupt: a field out of range, a table that does not sum to 2^P, a state outside [2^16, 2^32), a context
    /// without a table, words run out or left over, or a lane not ending in its initial state. Nothing is read outside
    /// <paramref name="source"/>; the destination's content is unspecified unless Done. Memory: the decoding tables, whatever
    /// the input claims: 4·2^P bytes per context when every frequency is at most 2^12 (the AVX-512 order-1 decoder, at
    /// P ≤ 12, reserves all 256: 4 MiB at P = 12), 5·2^P bytes per context otherwise.</returns>
    /// <param name="source">One encoded block, starting at its first byte; bytes after the block are not read.</param>
    /// <param name="destination">Receives the decoded bytes; at least the decoded length (see TryGetDecodedLength). Unspecified unless Done.</param>
    /// <param name="bytesConsumed">The block's length in bytes when Done; 0 otherwise.</param>
    /// <param name="bytesWritten">The decoded bytes written when Done; 0 otherwise.</param>
    public static OperationStatus TryDecode(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesConsumed, out int bytesWritten) =>
        TryDecodeCore(source, destination, out bytesConsumed, out bytesWritten, countBits: false, out _);

    /// <summary>Decodes as <see cref="TryDecode"/>, and when <paramref name="countBits"/> is set and the block decodes,
    /// returns in <paramref name="modelBits"/> what the block's tables pay for the decoded bytes, Σ −log2(f(x | c) / 2^P) in
    /// bits — the tables read from the header and the decoded bytes counted once more (no quantizing, unlike
    /// <see cref="ModelBits(ReadOnlySpan{byte}, int, int)"/>); 0 otherwise.</summary>
    internal static OperationStatus TryDecodeCore(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesConsumed, out int bytesWritten,
        bool countBits, out double modelBits)
    {
        bytesConsumed = bytesWritten = 0;
        modelBits = 0;
        var status = ReadPrefix(source, out int order, out int precision, out int n, out int pos);
        if (status != OperationStatus.Done) return status;
        if (n == 0)
        {
            bytesConsumed = pos;
            return OperationStatus.Done;
        }
        if (destination.Length < n) return OperationStatus.DestinationTooSmall;
        // At most one word per symbol.
        status = Varint.TryRead(source, ref pos, (ulong)n, out ulong wordCount);
        if (status != OperationStatus.Done) return status;
        status = order == 0
            ? DecodeOrder0(source, destination[..n], precision, pos, (int)wordCount, out bytesConsumed, countBits, out modelBits)
            : DecodeOrder1(source, destination[..n], precision, pos, (int)wordCount, out bytesConsumed, countBits, out modelBits);
        if (status == OperationStatus.Done) bytesWritten = n;
        else bytesConsumed = 0;
        return status;
    }

    /// <summary>
    /// The decoding tables of the contexts that have one, 2^P slots each. When every frequency is at most 2^12 (always at
    /// P ≤ 12; at P = 13 … 16 when no symbol is that likely, as in text) one packed entry per slot, which the vector path
    /// gathers in a single load (the symbol s owns slot j when Fₛ ≤ j &lt; Fₛ + fₛ, so j − F &lt; f ≤ 2^12):
    /// <code>
    ///  31        20 19        8 7      0
    /// [   f − 1    |   j − F   | symbol ]
    /// </code>
    /// Otherwise two arrays: <c>slots[c·2^P + j] = (f − 1) &lt;&lt; 16 | (j − F)</c> and <c>symbols[c·2^P + j] = s</c>.
    /// </summary>
    private sealed class DecodeTables(int contexts, int precision, bool packed) : IDisposable
    {
        public readonly uint[]? Packed = packed ? ArrayPool<uint>.Shared.Rent(contexts << precision) : null;
        public readonly uint[]? Slots = packed ? null : ArrayPool<uint>.Shared.Rent(contexts << precision);
        /// <summary>The symbols, with <see cref="SymbolPadding"/> bytes after the last slot: a vector decoder gathers 4 bytes
        /// at each slot (AVX2 has no byte gather) and keeps the first.</summary>
        public readonly byte[]? Symbols = packed ? null : ArrayPool<byte>.Shared.Rent((contexts << precision) + SymbolPadding);

        /// <summary>Whether the packed entries hold <paramref name="table"/>: every f − 1 and j − F below 2^12, that is every
        /// frequency at most 2^12 — always at P ≤ 12, and above when no symbol has probability over 2^(12 − P).</summary>
        public static bool Packs(FrequencyTable table, int precision)
        {
            if (precision <= MaxPackedPrecision) return true;
            foreach (int f in table.Frequencies)
                if (f > 1 << MaxPackedPrecision) return false;
            return true;
        }

        public void Fill(int context, FrequencyTable table)
        {
            int size = 1 << precision, start = context << precision;
            var f = table.Frequencies;
            int j = start;
            if (Packed is not null)
            {
                var packed = Packed.AsSpan(start, size);
                for (int s = 0, at = 0; s < f.Length; s++)
                {
                    uint top = (uint)(f[s] - 1) << 20 | (uint)s;
                    for (int k = 0; k < f[s]; k++) packed[at++] = top | (uint)k << 8;
                }
                return;
            }
            for (int s = 0; s < f.Length; s++)
            {
                uint top = (uint)(f[s] - 1);
                for (int k = 0; k < f[s]; k++, j++)
                {
                    Slots![j] = top << 16 | (uint)k;
                    Symbols![j] = (byte)s;
                }
            }
            Debug.Assert(j == start + size);
        }

        /// <summary>The symbol, frequency − 1 and offset j − F of slot <paramref name="at"/> (context base + slot).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public (byte Symbol, uint Entry) Read(nint at)
        {
            if (Packed is not null)
            {
                uint e = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Packed), at);
                return ((byte)e, (e >> 20) << 16 | (e >> 8 & 0xFFF));
            }
            return (Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Symbols!), at), Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Slots!), at));
        }

        public void Dispose()
        {
            if (Packed is not null) ArrayPool<uint>.Shared.Return(Packed);
            if (Slots is not null) ArrayPool<uint>.Shared.Return(Slots);
            if (Symbols is not null) ArrayPool<byte>.Shared.Return(Symbols);
        }
    }

    /// <summary>Reads a table that must have 256 symbols and precision P.</summary>
    private static OperationStatus ReadTable(ReadOnlySpan<byte> source, ref int pos, int precision, out FrequencyTable? table)
    {
        var status = FrequencyTable.TryRead(source[pos..], out table, out int consumed);
        if (status != OperationStatus.Done) return status;
        if (table!.AlphabetSize != 256 || table.Precision != precision)
        {
            table = null;
            return OperationStatus.InvalidData;
        }
        pos += consumed;
        return OperationStatus.Done;
    }

    /// <summary>Reads <paramref name="states"/>.Length states, each in [2^16, 2^32), and checks the words are all present.</summary>
    private static OperationStatus ReadStates(ReadOnlySpan<byte> source, ref int pos, Span<uint> states, int wordCount)
    {
        if (source.Length - pos < 4 * states.Length) return OperationStatus.NeedMoreData;
        for (int z = 0; z < states.Length; z++, pos += 4)
        {
            states[z] = BinaryPrimitives.ReadUInt32LittleEndian(source[pos..]);
            if (states[z] < StateLow) return OperationStatus.InvalidData;
        }
        if ((source.Length - pos) / 2 < wordCount) return OperationStatus.NeedMoreData;
        return OperationStatus.Done;
    }

    /// <summary>Every lane back in its initial state and every word read: the block was decoded as it was encoded.</summary>
    private static bool Closed(ReadOnlySpan<uint> states, int length, int wordsRead, int wordCount)
    {
        for (int z = 0; z < states.Length; z++)
            if (states[z] != InitialState(length, z)) return false;
        return wordsRead == wordCount;
    }

    [SkipLocalsInit]
    private static unsafe OperationStatus DecodeOrder0(ReadOnlySpan<byte> source, Span<byte> destination, int precision, int pos, int wordCount, out int bytesConsumed,
        bool countBits, out double modelBits)
    {
        bytesConsumed = 0;
        modelBits = 0;
        var status = ReadTable(source, ref pos, precision, out var table);
        if (status != OperationStatus.Done) return status;
        int n = destination.Length;
        Span<uint> states = stackalloc uint[Math.Min(n, Lanes)];
        status = ReadStates(source, ref pos, states, wordCount);
        if (status != OperationStatus.Done) return status;
        var words = source.Slice(pos, 2 * wordCount);
        using var tables = new DecodeTables(1, precision, DecodeTables.Packs(table!, precision));
        tables.Fill(0, table!);

        int i = 0, read = 0;
        if (n >= Lanes && UseVectorKernels)
        {
            fixed (byte* w = words, output = destination, symbols = tables.Symbols)
            fixed (uint* st = states, packed = tables.Packed, slots = tables.Slots)
                i = packed is not null
                    ? DecodeOrder0Avx512<PackedSlots>(w, words.Length, output, n, st, packed, null, precision, ref read)
                    : DecodeOrder0Avx512<SplitSlots>(w, words.Length, output, n, st, slots, symbols, precision, ref read);
        }
        else if (n >= Lanes && Avx2.IsSupported && !ScalarOnly)
        {
            fixed (byte* symbols = tables.Symbols)
            fixed (uint* packed = tables.Packed, slots = tables.Slots)
                i = packed is not null
                    ? DecodeOrder0Avx2<PackedSlots>(words, destination, states, packed, null, precision, ref read)
                    : DecodeOrder0Avx2<SplitSlots>(words, destination, states, slots, symbols, precision, ref read);
        }
        i = DecodeOrder0Scalar(words, destination, states, tables, precision, i, ref read);
        if (i < 0 || !Closed(states, n, read, wordCount)) return OperationStatus.InvalidData;
        bytesConsumed = pos + 2 * wordCount;
        if (countBits)
        {
            Span<long> counts = stackalloc long[256];
            counts.Clear();
            ByteHistogram.Add(destination, counts);
            modelBits = table!.CodeLength(counts).Value;
        }
        return OperationStatus.Done;
    }

    /// <summary>Decodes bytes <paramref name="i"/> … n − 1, lane i mod 32; returns n, or −1 when the words run out.</summary>
    private static int DecodeOrder0Scalar(ReadOnlySpan<byte> words, Span<byte> destination, Span<uint> states, DecodeTables tables, int precision, int i, ref int read)
    {
        uint mask = (1u << precision) - 1;
        int wordCount = words.Length / 2;
        for (; i < destination.Length; i++)
        {
            ref uint x = ref states[i & (Lanes - 1)];
            (destination[i], uint e) = tables.Read((nint)(x & mask));
            uint y = ((e >> 16) + 1) * (x >> precision) + (e & 0xFFFF);
            if (y < StateLow)
            {
                if (read == wordCount) return -1;
                y = y << 16 | BinaryPrimitives.ReadUInt16LittleEndian(words[(2 * read++)..]);
            }
            x = y;
        }
        return i;
    }

    [SkipLocalsInit]
    private static unsafe OperationStatus DecodeOrder1(ReadOnlySpan<byte> source, Span<byte> destination, int precision, int pos, int wordCount, out int bytesConsumed,
        bool countBits, out double modelBits)
    {
        bytesConsumed = 0;
        modelBits = 0;
        if (source.Length - pos < ContextBitmapLength) return OperationStatus.NeedMoreData;
        var bitmap = source.Slice(pos, ContextBitmapLength);
        pos += ContextBitmapLength;
        int n = destination.Length, contexts = 0;
        foreach (byte b in bitmap) contexts += BitOperations.PopCount(b);
        // Every context with a table codes at least one byte.
        if (contexts == 0 || contexts > n) return OperationStatus.InvalidData;
        Span<int> index = stackalloc int[256];
        var read = new FrequencyTable[contexts];
        for (int c = 0, k = 0; c < 256; c++)
        {
            index[c] = -1;
            if ((bitmap[c >> 3] >> (c & 7) & 1) == 0) continue;
            var status = ReadTable(source, ref pos, precision, out var t);
            if (status != OperationStatus.Done) return status;
            read[k] = t!;
            index[c] = k++;
        }
        var (lanes, segment) = Segments(n);
        Span<uint> states = stackalloc uint[lanes];
        var s = ReadStates(source, ref pos, states, wordCount);
        if (s != OperationStatus.Done) return s;
        var words = source.Slice(pos, 2 * wordCount);
        // The vector decoder indexes the tables by the previous byte itself (room for 256, filled where a table exists), the
        // scalar loop by the contexts' order in the header.
        bool vector = precision <= MaxPackedPrecision && lanes == Lanes && VectorOrder1Decoder && !ScalarOnly;
        using var tables = new DecodeTables(vector ? 256 : contexts, precision, precision <= MaxPackedPrecision);
        for (int c = 0; c < 256; c++)
        {
            if (index[c] < 0) continue;
            tables.Fill(vector ? c : index[c], read[index[c]]);
            if (vector) index[c] = c;
        }

        int first = 0, wordsRead = 0;
        if (vector)
        {
            Span<byte> missing = stackalloc byte[256];
            for (int c = 0; c < 256; c++) missing[c] = index[c] < 0 ? (byte)0xFF : (byte)0;
            fixed (byte* w = words, output = destination, m = missing)
            fixed (uint* st = states, table = tables.Packed)
                first = DecodeOrder1Avx512(w, words.Length, output, segment, st, table, m, contexts < 256, precision, ref wordsRead);
            if (first < 0) return OperationStatus.InvalidData;
        }
        int done = DecodeOrder1Scalar(words, destination, states, tables, index, precision, lanes, segment, first, ref wordsRead);
        if (done < 0 || !Closed(states, n, wordsRead, wordCount)) return OperationStatus.InvalidData;
        bytesConsumed = pos + 2 * wordCount;
        if (countBits)
        {
            // The decoded bytes' counts by context, as the encoder counted them; every context that occurs has a table (the
            // decoder would have failed otherwise), taken in the header's order.
            var counts = ArrayPool<long>.Shared.Rent(256 * 256);
            try
            {
                CountContexts(destination, counts);
                double bits = 0;
                for (int c = 0, k = 0; c < 256; c++)
                    if ((bitmap[c >> 3] >> (c & 7) & 1) != 0) bits += read[k++].CodeLength(counts.AsSpan(c << 8, 256)).Value;
                modelBits = bits;
            }
            finally
            {
                ArrayPool<long>.Shared.Return(counts);
            }
        }
        return OperationStatus.Done;
    }

    /// <summary>Decodes the segments in lockstep (round k: byte z·segment + k of every lane z), then the last lane's tail.
    /// Returns n, or −1 on corrupt data (a context without a table, or the words run out).</summary>
    private static int DecodeOrder1Scalar(ReadOnlySpan<byte> words, Span<byte> destination, Span<uint> states, DecodeTables tables,
        ReadOnlySpan<int> index, int precision, int lanes, int segment, int first, ref int read)
    {
        uint mask = (1u << precision) - 1;
        int wordCount = words.Length / 2, n = destination.Length;
        // bases[z]: where lane z's current context's table starts; negative for a context without a table, an error only
        // once a byte is decoded in it. Round k codes byte z·segment + k; the first byte of every segment has context 0.
        Span<int> bases = stackalloc int[lanes];
        for (int z = 0; z < lanes; z++)
        {
            int c = first == 0 ? index[0] : index[destination[z * segment + first - 1]];
            bases[z] = c < 0 ? -1 : c << precision;
        }
        int rounds = segment + (n - lanes * segment);
        for (int k = first; k < rounds; k++)
        {
            for (int z = k < segment ? 0 : lanes - 1; z < lanes; z++)
            {
                int b = bases[z];
                if (b < 0) return -1;
                ref uint x = ref states[z];
                (byte symbol, uint e) = tables.Read(b + (nint)(x & mask));
                destination[z * segment + k] = symbol;
                uint y = ((e >> 16) + 1) * (x >> precision) + (e & 0xFFFF);
                if (y < StateLow)
                {
                    if (read == wordCount) return -1;
                    y = y << 16 | BinaryPrimitives.ReadUInt16LittleEndian(words[(2 * read++)..]);
                }
                x = y;
                bases[z] = index[symbol] < 0 ? -1 : index[symbol] << precision;
            }
        }
        return n;
    }

    /// <summary>
    /// Order-0 rounds of 32 bytes on AVX2 while at least 64 bytes of words remain (a round reads at most 32 words), as
    /// four vectors of 8 lanes: gather the slot entries (and, at P &gt; 12, the symbols), update the states, and refill the
    /// lanes that fell below 2^16 with the next words, spread to those lanes by a permutation indexed by the lane mask.
    /// Returns the first byte not decoded (a multiple of 32); the scalar loop finishes.
    /// </summary>
    private static unsafe int DecodeOrder0Avx2<TLayout>(ReadOnlySpan<byte> words, Span<byte> destination, Span<uint> states, uint* table, byte* symbols, int precision, ref int read)
        where TLayout : struct, ISlotLayout
    {
        int rounds = destination.Length / Lanes, r = 0;
        var mask = Vector256.Create((1u << precision) - 1);
        var lowByte = Vector256.Create(0xFFu);
        fixed (byte* w = words)
        fixed (byte* output = destination)
        fixed (uint* st = states)
        fixed (int* permutations = Spread)
        {
            var x0 = Vector256.Load(st);
            var x1 = Vector256.Load(st + 8);
            var x2 = Vector256.Load(st + 16);
            var x3 = Vector256.Load(st + 24);
            byte* wp = w + 2 * read, wend = w + words.Length;
            for (; r < rounds && wend - wp >= 64; r++)
            {
                var j0 = x0 & mask;
                var j1 = x1 & mask;
                var j2 = x2 & mask;
                var j3 = x3 & mask;
                var e0 = Avx2.GatherVector256(table, j0.AsInt32(), 4);
                var e1 = Avx2.GatherVector256(table, j1.AsInt32(), 4);
                var e2 = Avx2.GatherVector256(table, j2.AsInt32(), 4);
                var e3 = Avx2.GatherVector256(table, j3.AsInt32(), 4);
                var y0 = TLayout.Symbols(e0, j0, symbols);
                var y1 = TLayout.Symbols(e1, j1, symbols);
                var y2 = TLayout.Symbols(e2, j2, symbols);
                var y3 = TLayout.Symbols(e3, j3, symbols);
                x0 = Step<TLayout>(x0, e0, precision, ref wp, permutations);
                x1 = Step<TLayout>(x1, e1, precision, ref wp, permutations);
                x2 = Step<TLayout>(x2, e2, precision, ref wp, permutations);
                x3 = Step<TLayout>(x3, e3, precision, ref wp, permutations);
                var lo = Vector256.Narrow(y0 & lowByte, y1 & lowByte);
                var hi = Vector256.Narrow(y2 & lowByte, y3 & lowByte);
                Vector256.Narrow(lo, hi).Store(output + (nint)r * Lanes);
            }
            x0.Store(st);
            x1.Store(st + 8);
            x2.Store(st + 16);
            x3.Store(st + 24);
            read = (int)(wp - w) / 2;
        }
        return r * Lanes;
    }

    /// <summary>x ↦ f·(x ≫ P) + (slot − F) for 8 lanes, then the refill of the lanes below 2^16 from the words at wp.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector256<uint> Step<TLayout>(Vector256<uint> x, Vector256<uint> e, int precision, ref byte* wp, int* permutations)
        where TLayout : struct, ISlotLayout
    {
        var s = x >>> precision;
        x = Avx2.MultiplyLow(TLayout.FrequencyMinusOne(e), s) + (s + TLayout.Offset(e));
        var low = Vector256.Equals(x >>> 16, Vector256<uint>.Zero);
        uint m = low.ExtractMostSignificantBits();
        var next = Avx2.ConvertToVector256Int32((ushort*)wp).AsUInt32();
        next = Avx2.PermuteVar8x32(next, Vector256.Load(permutations + 8 * m).AsUInt32());
        wp += 2 * BitOperations.PopCount(m);
        return Vector256.ConditionalSelect(low, x << 16 | next, x);
    }

    /// <summary>
    /// For each 8-bit mask m of lanes needing a word, the permutation that moves word k (the k-th word read) to the k-th lane
    /// set in m: entry j is popcount(m &amp; (2^j − 1)). 256 × 8 ints.
    /// </summary>
    private static readonly int[] Spread = BuildSpread();

    private static int[] BuildSpread()
    {
        var table = new int[256 * 8];
        for (int m = 0; m < 256; m++)
            for (int j = 0; j < 8; j++)
                table[m * 8 + j] = BitOperations.PopCount((uint)(m & ((1 << j) - 1)));
        return table;
    }
}
