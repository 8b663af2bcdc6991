using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Xent.Coding;

/// <summary>
/// The parts the context-mixing models of format versions 1 to 6 (<see cref="CmModelV1"/> … <see cref="CmModelV6"/>) have
/// in common, written once: the table sizes (constructors and MemoryBytes alike), the adaptive counters, the APM stage, the hashes and the word contexts (all six), the
/// bit-history state machine (versions 2 to 6) and the nibble-slot search (versions 2 to 5), the 32-input mixer row of versions 3 to 6, the match model (its inputs and its update) of versions 4 to 6 and the shape
/// contexts of versions 5 and 6.
/// Every version's bitstream depends on these integers, so a change here is a format change for all of them — the golden
/// files of each version in tests/ pin it; a newer model that needs something different gets its own.
/// </summary>
internal static class CmShared
{
    /// <summary>⌈log2 length⌉ (0 for 0 and 1): the bits a table needs to give each of a block's bytes an entry.</summary>
    public static int BitBits(int length) => 64 - BitOperations.LeadingZeroCount((ulong)Math.Max(length, 1) - 1);

    /// <summary>log2 of each hashed table's bytes in versions 2 to 6: two nibbles per byte, a 16-byte slot each, so 32 bytes
    /// of table per byte at most; 2^12 … 2^(16 + level).</summary>
    public static int TableBits(int level, int length) => Math.Clamp(BitBits(length) + 5, 12, 16 + level);

    /// <summary>log2 of the history buffer's bytes (all versions): the whole block, 2^4 … 2^24.</summary>
    public static int HistoryBits(int length) => Math.Clamp(BitBits(length), 4, 24);

    /// <summary>log2 of the match table's entries (all versions): one per byte of history, 2^8 … 2^(13 + level).</summary>
    public static int MatchBits(int level, int length) => Math.Clamp(HistoryBits(length), 8, 12 + level + 1);

    /// <summary>log2 of APM 2's contexts in versions 2 to 6: 2^10 … 2^16, eight per byte of the block.</summary>
    public static int Apm2Bits(int length) => Math.Clamp(BitBits(length) + 3, 10, 16);

    /// <summary>log2 of APM 3's contexts in versions 5 and 6: 2^8 … 2^12 (270 KB, in L2), a quarter of the block's length,
    /// so a short block keeps a small model.</summary>
    public static int Apm3Bits(int length) => Math.Clamp(BitBits(length) - 2, 8, 12);

    /// <summary>Inputs per mixer row in versions 3 to 6 (padded; one 256-bit pair of vpmaddwd).</summary>
    public const int Width = 32;

    /// <summary>Σ x·w over a mixer row of <see cref="Width"/> inputs, in the stretch domain (weights: 1.0 = 2^13), clamped to
    /// ±2047; the inputs are held in registers — <paramref name="low"/> are inputs 0 … 15, <paramref name="high"/> 16 … 31 —
    /// so a model that builds them there skips reading sixteen scalar stores back as one vector, which the processor cannot
    /// forward and makes wait. AVX2: vpmaddwd; otherwise the same integers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Dot(short[] weights, int at, Vector256<short> low, Vector256<short> high)
    {
        ref short w = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(weights), at);
        int sum;
        if (Avx2.IsSupported)
        {
            var products = Avx2.Add(
                Avx2.MultiplyAddAdjacent(low, Vector256.LoadUnsafe(ref w)),
                Avx2.MultiplyAddAdjacent(high, Vector256.LoadUnsafe(ref w, 16)));
            sum = Vector256.Sum(products);
        }
        else sum = DotRow(ref w, low, high);
        return Math.Clamp(sum >> 13, -2047, 2047);
    }

    /// <summary>Σ x·w over a mixer row of <see cref="Width"/> inputs without AVX2, the integers vpmaddwd gives (a sum of int
    /// products wraps the same way in any order): with 128-bit vectors where they are accelerated (SSE, NEON), four
    /// widening multiply-adds; otherwise element by element.</summary>
    public static int DotRow(ref short w, Vector256<short> low, Vector256<short> high)
    {
        if (Vector128.IsHardwareAccelerated)
        {
            var sum = MultiplyAddWidening(low.GetLower(), Vector128.LoadUnsafe(ref w))
                + MultiplyAddWidening(low.GetUpper(), Vector128.LoadUnsafe(ref w, 8))
                + MultiplyAddWidening(high.GetLower(), Vector128.LoadUnsafe(ref w, 16))
                + MultiplyAddWidening(high.GetUpper(), Vector128.LoadUnsafe(ref w, 24));
            return Vector128.Sum(sum);
        }
        int total = 0;
        for (int i = 0; i < 16; i++) total += low.GetElement(i) * Unsafe.Add(ref w, i) + high.GetElement(i) * Unsafe.Add(ref w, 16 + i);
        return total;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> MultiplyAddWidening(Vector128<short> x, Vector128<short> w)
    {
        var (xl, xh) = Vector128.Widen(x);
        var (wl, wh) = Vector128.Widen(w);
        return xl * wl + xh * wh;
    }

    // Hashed context i's input: the state of its slot's current node, remembered for Update, mapped to a probability by the
    // context's state map and stretched; and that again as the one-sided input when the state has seen one bit value only.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static short HashedInput(ref byte table, ref uint maps, ref int slot, ref int state, int nibble, int i, out short run)
    {
        int s = Unsafe.Add(ref table, Unsafe.Add(ref slot, i) + nibble);
        Unsafe.Add(ref state, i) = s;
        int st = Logistic.Stretch((int)(Unsafe.Add(ref maps, (i << 8) | s) >> 20));
        run = (short)(st * Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(States.OneSided), s));
        return (short)st;
    }

    /// <summary>w += round(x·e / 2^15) over a mixer row, saturating at the short range (AVX2: vpmulhrsw + vpaddsw; 128-bit
    /// vectors or element by element otherwise, the same integers); e is the error times the model's learning rate, taken as
    /// a 16-bit value as vpmulhrsw takes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Learn(short[] weights, int at, short[] inputs, int e)
    {
        ref short w = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(weights), at);
        ref short x = ref MemoryMarshal.GetArrayDataReference(inputs);
        if (Avx2.IsSupported)
        {
            var error = Vector256.Create((short)e);
            Avx2.AddSaturate(Vector256.LoadUnsafe(ref w), Avx2.MultiplyHighRoundScale(Vector256.LoadUnsafe(ref x), error)).StoreUnsafe(ref w);
            Avx2.AddSaturate(Vector256.LoadUnsafe(ref w, 16), Avx2.MultiplyHighRoundScale(Vector256.LoadUnsafe(ref x, 16), error)).StoreUnsafe(ref w, 16);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            // vpmulhrsw's round(x·e / 2^15) and vpaddsw's saturation in 32-bit lanes, eight inputs at a time.
            var error = Vector128.Create((int)(short)e);
            for (int i = 0; i < Width; i += 8)
            {
                var (xl, xh) = Vector128.Widen(Vector128.LoadUnsafe(ref x, (nuint)i));
                var (wl, wh) = Vector128.Widen(Vector128.LoadUnsafe(ref w, (nuint)i));
                wl += Vector128.ShiftRightArithmetic(xl * error + Vector128.Create(0x4000), 15);
                wh += Vector128.ShiftRightArithmetic(xh * error + Vector128.Create(0x4000), 15);
                var min = Vector128.Create((int)short.MinValue);
                var max = Vector128.Create((int)short.MaxValue);
                Vector128.Narrow(Vector128.Clamp(wl, min, max), Vector128.Clamp(wh, min, max)).StoreUnsafe(ref w, (nuint)i);
            }
        }
        else
        {
            for (int i = 0; i < Width; i++)
            {
                int v = Unsafe.Add(ref w, i) + ((Unsafe.Add(ref x, i) * (short)e + 0x4000) >> 15);
                Unsafe.Add(ref w, i) = (short)Math.Clamp(v, short.MinValue, short.MaxValue);
            }
        }
    }

    // Eight classes of a byte for the third mixer's selector: lower/upper letter, digit, space, newline, punctuation, control, high.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ByteClass(int c) => c switch
    {
        >= 'a' and <= 'z' => 0,
        >= 'A' and <= 'Z' => 1,
        >= '0' and <= '9' => 2,
        ' ' => 3,
        '\n' => 4,
        >= 0x80 => 7,
        < 0x20 => 6,
        _ => 5,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Stretch(uint counter) => Logistic.Stretch((int)(counter >> 20));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Train(ref uint counter, int bit, int limit)
    {
        uint c = counter;
        int n = (int)(c & 1023);
        int p = (int)(c >> 10);
        int target = bit != 0 ? (1 << 22) - 1 : 0;
        p += (int)(((long)(target - p) * States.Reciprocal[n]) >> 16);
        if (n < limit) n++;
        counter = ((uint)p << 10) | (uint)n;
    }

    public static int Apm(ushort[] table, int context, int p, out int index) =>
        ApmStretched(table, context, Logistic.Stretch(p), out index);

    /// <summary><see cref="Apm"/> of a probability already stretched (st = Stretch(p)): what a model with two APM stages on the
    /// same p computes once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ApmStretched(ushort[] table, int context, int st, out int index)
    {
        int s = st + 2048;
        int w = s & 127;
        int at = context * 33 + (s >> 7);
        index = at + (w >> 6);
        ref ushort row = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(table), at);
        return (row * (128 - w) + Unsafe.Add(ref row, 1) * w) >> 11;
    }

    /// <summary>Asks for the cache lines of APM row <paramref name="context"/> (33 entries, up to 3 lines), ahead of its use.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void PrefetchApmRow(ushort[] table, int context)
    {
        if (!Sse.IsSupported) return;
        ref ushort row = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(table), context * 33);
        Sse.Prefetch0(Unsafe.AsPointer(ref row));
        Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref row, 32)));
    }

    /// <summary>The table offset of the 64-byte line a hashed context's nibble slot lives in: context i's table of
    /// 2^tableBits bytes starts at tableBase + i·2^tableBits, and the top (tableBits − 6) bits of the nibble hash h pick the
    /// line in it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SlotLine(int tableBase, int tableBits, int i, uint h) =>
        tableBase + (i << tableBits) + (int)(h >> (32 - (tableBits - 6)) << 6);

    /// <summary>The nibble hash of a context hash at the start of a nibble whose partial byte is c0 (1 at a byte's start).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint NibbleHash(uint contextHash, int c0) => Mix(contextHash + (uint)(c0 == 1 ? 0 : c0) * 0x6F4F2A4Bu);

    /// <summary>At the start of a nibble (partial byte c0, 1 at a byte's start): for each hashed context, finds (or makes)
    /// its 16-byte slot — a check byte and 15 bit-history states — among the four slots of the 64-byte line its nibble hash
    /// picks, and writes the slot's table index to <paramref name="slots"/>. On a miss the slot whose history is shortest
    /// (an empty one first) is cleared and taken. Every line is prefetched before any is searched, so the cache misses
    /// overlap instead of queueing. Versions 2 to 5 find their slots here.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void FindSlots(byte[] tableArray, int tableBase, int tableBits, ReadOnlySpan<uint> contextHashes, int c0, Span<int> slots)
    {
        ref byte table = ref MemoryMarshal.GetArrayDataReference(tableArray);
        ref byte priority = ref MemoryMarshal.GetArrayDataReference(States.Priority);
        Span<uint> hashes = stackalloc uint[16];
        int n = contextHashes.Length;
        for (int i = 0; i < n; i++)
        {
            uint h = NibbleHash(contextHashes[i], c0);
            hashes[i] = h;
            if (Sse.IsSupported) Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref table, SlotLine(tableBase, tableBits, i, h))));
        }
        for (int i = 0; i < n; i++)
        {
            uint h = hashes[i];
            int line = SlotLine(tableBase, tableBits, i, h);
            byte check = (byte)(h | 1);
            int found = -1;
            int victim = line, victimPriority = int.MaxValue;
            for (int way = 0; way < 64; way += 16)
            {
                int at = line + way;
                if (Unsafe.Add(ref table, at) == check) { found = at; break; }
                int pr = Unsafe.Add(ref table, at) == 0 ? -1 : Unsafe.Add(ref priority, Unsafe.Add(ref table, at + 1));
                if (pr < victimPriority) { victimPriority = pr; victim = at; }
            }
            if (found < 0)
            {
                found = victim;
                Unsafe.InitBlockUnaligned(ref Unsafe.Add(ref table, found), 0, 16);
                Unsafe.Add(ref table, found) = check;
            }
            slots[i] = found;
        }
    }

    /// <summary>Asks for the lines that the nibble slots of <paramref name="contextHashes"/> would live in for a nibble starting
    /// with partial byte c0: a hint to the memory system and nothing else (a wrong guess costs bandwidth, not results). The
    /// models call it one bit before a nibble starts, for both values the last bit can take, so the slots' cache misses
    /// overlap with that bit's work instead of stalling the nibble's first prediction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void PrefetchSlots(byte[] table, int tableBase, int tableBits, ReadOnlySpan<uint> contextHashes, int c0)
    {
        if (!Sse.IsSupported) return;
        ref byte t = ref MemoryMarshal.GetArrayDataReference(table);
        for (int i = 0; i < contextHashes.Length; i++)
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref t, SlotLine(tableBase, tableBits, i, NibbleHash(contextHashes[i], c0)))));
    }

    /// <summary>Moves an APM entry towards the bit by 1/2^rate.</summary>
    public static void LearnApm(ushort[] table, int index, int bit, int rate)
    {
        int g = (bit << 16) + (bit << rate) - bit - bit;
        table[index] = (ushort)(table[index] + ((g - table[index]) >> rate));
    }

    public static ushort[] InitApm(ushort[] table, int contexts = 256)
    {
        Span<ushort> row = stackalloc ushort[33];
        for (int j = 0; j < 33; j++) row[j] = (ushort)(Logistic.Squash((j - 16) * 128) * 16);
        for (int c = 0; c < contexts; c++) row.CopyTo(table.AsSpan(c * 33, 33));
        return table;
    }

    /// <summary>The word contexts after byte b: a letter (either case, folded) or a byte ≥ 0x80 extends the current word's hash;
    /// any other byte ends the word, which becomes the previous word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AdvanceWord(ref uint word, ref uint previousWord, byte b)
    {
        int lower = b | 0x20;
        if (lower is >= 'a' and <= 'z' || b >= 0x80)
        {
            word = (word + (uint)(b >= 0x80 ? b : lower) + 1) * 0x2F0B4E35u;
        }
        else if (word != 0)
        {
            previousWord = word;
            word = 0;
        }
    }

    /// <summary>How many bytes (up to 32, and no more than <paramref name="candidate"/>) before <paramref name="candidate"/> in
    /// the history equal those before <paramref name="position"/>: a match-table candidate's verified length (all versions).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MatchedLength(byte[] history, int historyMask, int candidate, int position)
    {
        int length = 0;
        while (length < 32 && length < candidate
            && history[(candidate - 1 - length) & historyMask] == history[(position - 1 - length) & historyMask])
            length++;
        return length;
    }

    /// <summary>The match model of versions 4 to 6 after byte b (already at position − 1 of the history, and in c4): the
    /// current match goes on while the bytes agree — a long match (16 bytes or more) that misses one byte is followed on at
    /// length 1, a changed date or number inside a repeated line, until a longer candidate turns up — and while no match of
    /// 16 is running, a hash of the last six bytes looks up where they last stood; a candidate that agrees on at least six
    /// bytes (up to 32 are checked) and more than the current match takes its place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AdvanceMatch(ref int matchLength, ref int matchPointer, byte[] history, int historyMask, int[] matchTable, int matchShift,
        int position, uint c4, uint c8, byte b)
    {
        const int minimum = 6;
        if (matchLength > 0)
        {
            if (history[matchPointer & historyMask] == b)
            {
                matchLength = Math.Min(matchLength + 1, 65535);
                matchPointer++;
            }
            else if (matchLength >= 16) { matchLength = 1; matchPointer++; }
            else matchLength = 0;
        }
        if (position < minimum) return;
        uint h = Mix(c4 * 0x9E3779B1u ^ (c8 & 0xFFFF) * 0x85EBCA77u) >> matchShift;
        if (matchLength < 16)
        {
            int candidate = matchTable[h];
            if (candidate > 0 && position - candidate < historyMask)
            {
                int length = MatchedLength(history, historyMask, candidate, position);
                if (length >= minimum && length > matchLength)
                {
                    matchLength = length;
                    matchPointer = candidate;
                }
            }
        }
        matchTable[h] = position;
    }

    /// <summary>The match model's two inputs in versions 4 to 6 (the counterpart of <see cref="AdvanceMatch"/>): while a match
    /// runs and the bits of the byte so far (c0) agree with the byte it predicts, the stretched counter of its length (up to
    /// 31) and predicted bit, and ±min(length, 32)·32 towards that bit; the counter's slot is returned (−1, and both inputs 0,
    /// when nothing is predicted — a byte that differs from the match's predicts nothing more; the next byte decides whether
    /// the match recovers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MatchInputs(byte[] history, int historyMask, int matchPointer, int matchLength, uint[] matchCounters, int bitPosition, int c0,
        out short stretched, out short strength)
    {
        stretched = strength = 0;
        if (matchLength <= 0) return -1;
        int expected = history[matchPointer & historyMask] | 256;
        if (expected >> (8 - bitPosition) != c0) return -1;
        int bit = (expected >> (7 - bitPosition)) & 1;
        int slot = (Math.Min(matchLength, 31) << 1) | bit;
        stretched = (short)Stretch(matchCounters[slot]);
        int s = Math.Min(matchLength, 32) << 5;
        strength = (short)(bit != 0 ? s : -s);
        return slot;
    }

    /// <summary>The shape contexts of versions 5 and 6 after byte b: its class — '0' for a digit, 'a' for a lower-case letter,
    /// 'A' for a capital, else the byte itself — shifted into shapes (the last 8 classes), and into tokens unless it repeats
    /// the last digit or letter class (a run of digits or same-case letters counted once): the shape of dates, version
    /// numbers, e-mail addresses and indented lists, whatever the digits and letters in them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AdvanceShapes(ref ulong shapes, ref ulong tokens, byte b)
    {
        ulong shape = (uint)(b - '0') < 10u ? '0' : (uint)(b - 'a') < 26u ? 'a' : (uint)(b - 'A') < 26u ? 'A' : b;
        shapes = shapes << 8 | shape;
        if (shape != (tokens & 0xFF) || shape is not ('0' or 'a' or 'A')) tokens = tokens << 8 | shape;
    }

    public static uint Hash(uint a, uint b, uint order) =>
        Mix(a * 0x9E3779B1u ^ Mix(b * 0x85EBCA77u + order * 0xC2B2AE3Du));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x7FEB352Du;
        h ^= h >> 15;
        h *= 0x846CA68Bu;
        h ^= h >> 16;
        return h;
    }

    /// <summary>The bit-history state machine, built once: states are the pairs (n0, n1) reachable from (0, 0) under the update
    /// rule, numbered in the order a breadth-first walk from (0, 0) (state 0) meets them.</summary>
    public static class States
    {
        // The largest count of the bit just seen, given the other count (after discounting).
        private static ReadOnlySpan<byte> Cap => [44, 30, 18, 12, 8, 6, 5, 4];

        /// <summary>Next[2·s + bit]: the state after <c>bit</c> in state s.</summary>
        public static readonly byte[] Next;

        /// <summary>n0 + n1 of each state: how much history it holds (the slot with the least is replaced first).</summary>
        public static readonly byte[] Priority;

        /// <summary>1 for a state that has seen bits of one value only (n0 = 0 or n1 = 0, not both), else 0.</summary>
        public static readonly byte[] OneSided;

        /// <summary>The initial state map: (n1 + 0.4) / (n0 + n1 + 0.8) in the 22-bit probability with a zero count.</summary>
        public static readonly uint[] InitialProbabilities;

        /// <summary>65536·2 / (2n + 3): the counter's step 1/(n + 1.5) for a count n.</summary>
        public static readonly int[] Reciprocal;

        public static int Count;


        static States()
        {
            var index = new Dictionary<(int, int, int), int>();
            var list = new List<(int N0, int N1, int Last)>();
            var queue = new Queue<(int, int, int)>();
            index[(0, 0, 0)] = 0;
            list.Add((0, 0, 0));
            queue.Enqueue((0, 0, 0));
            var edges = new List<(int From, int Bit, (int, int, int) To)>();
            while (queue.Count > 0)
            {
                var (n0, n1, last) = queue.Dequeue();
                int from = index[(n0, n1, last)];
                for (int bit = 0; bit <= 1; bit++)
                {
                    int a = n0, b = n1;
                    ref int mine = ref bit == 0 ? ref a : ref b;
                    ref int other = ref bit == 0 ? ref b : ref a;
                    if (other >= 3) other = other / 2 + 1;
                    mine = Math.Min(mine + 1, other < Cap.Length ? Cap[other] : Cap[^1]);
                    var to = (a, b, a is >= 1 and <= 3 && b is >= 1 and <= 3 ? bit : 0);
                    if (!index.ContainsKey(to))
                    {
                        index[to] = list.Count;
                        list.Add(to);
                        queue.Enqueue(to);
                    }
                    edges.Add((from, bit, to));
                }
            }
            Count = list.Count;
            Next = new byte[512];
            foreach (var (from, bit, to) in edges) Next[2 * from + bit] = (byte)index[to];
            Priority = new byte[256];
            OneSided = new byte[256];
            InitialProbabilities = new uint[256];
            for (int s = 0; s < 256; s++)
            {
                var (n0, n1, _) = s < list.Count ? list[s] : (0, 0, 0);
                Priority[s] = (byte)Math.Min(n0 + n1, 255);
                OneSided[s] = (byte)((n0 == 0) != (n1 == 0) ? 1 : 0);
                double p = (n1 + 0.4) / (n0 + n1 + 0.8);
                InitialProbabilities[s] = (uint)(p * ((1 << 22) - 1)) << 10;
            }
            Reciprocal = new int[1024];
            for (int n = 0; n < Reciprocal.Length; n++) Reciprocal[n] = 65536 * 2 / (2 * n + 3);
        }
    }
}
