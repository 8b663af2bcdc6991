using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

using static Xent.Coding.CmShared;

namespace Xent.Coding;

/// <summary>
/// Version 3 of the CM block format's model, frozen (its bitstream must not change): the six-context model that coded levels
/// 1 … 7 until version 6 (<see cref="CmModelV6"/>) took its place; blocks it wrote still decode with it. A context-mixing model of bytes, bit by bit, in the lpaq family: an order-0 and an
/// order-1 table of counters, six hashed contexts (orders 2, 3, 4 and 6, the current word of letters, and the current word
/// with the previous one) holding bit-history states, and a match model; their stretched predictions (and, for a hashed
/// context whose history is one-sided, that prediction again as a second input) are mixed by four small logistic neural
/// mixers whose outputs are averaged (weights chosen by the partial current byte and whether a match is predicting, by the
/// previous byte, by the match length and the classes of the two previous bytes, and by the byte before the previous one;
/// 16-bit weights, AVX2 when present, the same integers without it) and refined by two adaptive probability maps (SSE).
/// Predictions are 12-bit probabilities that the next bit is 1.
/// </summary>
/// <remarks>
/// <para>Bits of a byte are modelled most significant first; the context of a bit is the previous bytes plus the bits of the
/// current byte already seen. Each hashed context selects, at the start of each nibble, a 16-byte slot (a check byte and 15
/// one-byte bit-history states, one per node of the nibble's binary tree) among the four slots of one 64-byte cache line,
/// so the model takes at most one cache miss per context per nibble; on a miss the slot whose history is shortest is
/// replaced.</para>
/// <para>A bit-history state stands for a pair of discounted counts (n0, n1) of the zeros and ones seen in its context —
/// when a bit comes, its count goes up and the other count, when above 2, is roughly halved, so the state favours recent
/// bits — plus the last bit while both counts are small. <see cref="StateCount"/> states in all; each context has an
/// adaptive map from state to probability (a "state map"), learnt on the data, so what a history predicts is measured, not
/// assumed.</para>
/// <para>All arithmetic is integer, so the encoder and the decoder compute the same prediction on every machine. The model
/// is the whole of a block's state: it starts fresh for each block and sees the bytes of that block only. Memory:
/// <see cref="MemoryBytes"/>.</para>
/// </remarks>
internal struct CmModelV3 : ICostedBitModel
{
    /// <summary>The lowest level: hashed tables of 2^17 bytes per context.</summary>
    public const int MinLevel = 1;

    /// <summary>The highest level: hashed tables of 2^25 bytes (32 MiB) per context, about 200 MiB in all for a long block.</summary>
    public const int MaxLevel = 9;

    /// <summary>The default level: hashed tables of 2^23 bytes (8 MiB) per context, about 60 MiB in all for a long block.</summary>
    public const int DefaultLevel = 7;

    /// <summary>The number of bit-history states.</summary>
    internal static int StateCount => States.Count;

    private const int Hashed = 6;                 // orders 2, 3, 4, 6, the word pair and the word
    private const int Width = CmShared.Width;      // mixer inputs, padded: order 0, order 1, 2 × 6 hashed, match ×2, bias
    private const int RunInput = 2 + Hashed;      // per hashed context: its stretch again when its history is one-sided
    private const int MatchInput = RunInput + Hashed;
    private const int BiasInput = MatchInput + 2;
    private const int MatchMinimum = 6;
    private const uint CounterInit = 1u << 31;
    private const int MixerShift = 16;
    private const int ApmRate = 6;                // the APM stages move 1/64 of the way to each bit

    private readonly byte[] _table;               // Hashed tables of 2^_tableBits bytes each, 64-byte aligned from _tableBase
    private readonly int _tableBase;
    private readonly int _tableBits;
    private readonly uint[] _stateMaps;           // Hashed × 256 counters: probability of a 1 in each state, per context
    private readonly uint[] _t0;
    private readonly uint[] _t1;

    private readonly short[] _weights1;
    private readonly short[] _weights2;
    private readonly short[] _weights3;
    private readonly short[] _weights4;
    private readonly short[] _x;
    private readonly ushort[] _apm1;
    private readonly ushort[] _apm2;
    private readonly int _apm2Mask;

    private readonly byte[] _history;
    private readonly int _historyMask;
    private readonly int[] _matchTable;
    private readonly int _matchShift;
    private readonly uint[] _matchCounters;

    private readonly uint[] _contextHash;
    private readonly int[] _slot;                 // per hashed context: the table index of its current 16-byte slot
    private readonly int[] _state;                // per hashed context: the state read by P

    private int _c0;
    private int _bitPosition;
    private int _nibble;
    private uint _c4;
    private uint _c8;
    private uint _word;
    private uint _previousWord;
    private int _position;
    private int _matchPointer;
    private int _matchLength;
    private int _matchSlot;
    private int _sel2;
    private int _sel1;
    private int _sel3;
    private int _sel4;
    private int _st4;
    private int _p4;
    private int _st1;
    private int _st2;
    private int _st3;
    private int _p1;
    private int _p2;
    private int _p3;
    private int _apmIndex1;
    private int _apmIndex2;
    private int _p;

    /// <summary>A fresh model for a block of <paramref name="length"/> bytes at <paramref name="level"/> (1 … 9): the hashed tables
    /// hold 2^(16 + level) bytes each, or fewer when the block is short (never more than the block can fill), so a small block
    /// costs little memory.</summary>
    /// <exception cref="ArgumentOutOfRangeException">level is outside 1 … 9, or length &lt; 0.</exception>
    /// <param name="level">1 … 9; the hashed tables hold up to 2^(16 + level) bytes each.</param>
    /// <param name="length">The block's length in bytes (≥ 0), which caps the tables' size.</param>
    public CmModelV3(int level, int length) : this(level, length, null) { }

    /// <summary>A fresh model, as <see cref="CmModelV3(int, int)"/>, whose tables are taken from <paramref name="arena"/> (cleared,
    /// not reallocated) when it is given: the model then predicts exactly as a freshly allocated one. The arena serves one model
    /// at a time.</summary>
    internal CmModelV3(int level, int length, CmModelArena? arena)
    {
        if (level < MinLevel || level > MaxLevel) ThrowHelper.ThrowArgumentOutOfRange(nameof(level), level, $"the level must be in {MinLevel} … {MaxLevel}");
        if (length < 0) ThrowHelper.ThrowArgumentOutOfRange(nameof(length), length, "the block length must be ≥ 0");
        arena ??= new CmModelArena();
        _tableBits = TableBits(level, length);
        _table = arena.Table(Hashed << _tableBits, out _tableBase);
        _stateMaps = CmModelArena.Reuse(ref arena.StateMaps, Hashed * 256);
        for (int i = 0; i < Hashed; i++) States.InitialProbabilities.CopyTo(_stateMaps.AsSpan(i * 256, 256));
        _t0 = CmModelArena.Reuse(ref arena.T0, 256);
        _t1 = CmModelArena.Reuse(ref arena.T1, 1 << 16);
        _t0.AsSpan().Fill(CounterInit);
        _t1.AsSpan().Fill(CounterInit);

        _weights1 = InitWeights(CmModelArena.Reuse(ref arena.Weights1, 512 * Width));
        _weights2 = InitWeights(CmModelArena.Reuse(ref arena.Weights2, 256 * Width));
        _weights3 = InitWeights(CmModelArena.Reuse(ref arena.Weights3, 256 * Width));
        _weights4 = InitWeights(CmModelArena.Reuse(ref arena.Weights4, 256 * Width));

        _x = CmModelArena.Reuse(ref arena.X, Width);
        _x.AsSpan().Clear();
        _x[BiasInput] = 256;
        _apm1 = InitApm(CmModelArena.Reuse(ref arena.Apm1, 256 * 33));
        int apm2Bits = Apm2Bits(length);
        _apm2 = InitApm(CmModelArena.Reuse(ref arena.Apm2, (1 << apm2Bits) * 33), 1 << apm2Bits);
        _apm2Mask = (1 << apm2Bits) - 1;

        int historyBits = HistoryBits(length);
        _history = CmModelArena.Reuse(ref arena.History, 1 << historyBits);
        _history.AsSpan(0, 1 << historyBits).Clear();
        _historyMask = (1 << historyBits) - 1;
        int matchBits = MatchBits(level, length);
        _matchTable = CmModelArena.Reuse(ref arena.MatchTable, 1 << matchBits);
        _matchTable.AsSpan(0, 1 << matchBits).Clear();
        _matchShift = 32 - matchBits;
        _matchCounters = CmModelArena.Reuse(ref arena.MatchCounters, 64);
        _matchCounters.AsSpan().Fill(CounterInit);

        _contextHash = CmModelArena.Reuse(ref arena.ContextHash, Hashed);
        _slot = CmModelArena.Reuse(ref arena.Slot, Hashed);
        _state = CmModelArena.Reuse(ref arena.State, Hashed);
        _state.AsSpan().Clear();
        _c0 = 1;
        _nibble = 1;
        _matchSlot = -1;
        ByteContexts();
        NibbleSlots();
    }

    /// <summary>The bytes of memory a model for a block of <paramref name="length"/> bytes at <paramref name="level"/> allocates
    /// (within a few KiB): what a decoder must be allowed to spend to decode such a block.</summary>
    /// <exception cref="ArgumentOutOfRangeException">level is outside 1 … 9, or length &lt; 0.</exception>
    /// <param name="level">1 … 9, as for the constructor.</param>
    /// <param name="length">The block's length in bytes (≥ 0).</param>
    public static long MemoryBytes(int level, int length)
    {
        if (level < MinLevel || level > MaxLevel) ThrowHelper.ThrowArgumentOutOfRange(nameof(level), level, $"the level must be in {MinLevel} … {MaxLevel}");
        if (length < 0) ThrowHelper.ThrowArgumentOutOfRange(nameof(length), length, "the block length must be ≥ 0");
        int historyBits = HistoryBits(length);
        int matchBits = MatchBits(level, length);
        int apm2Bits = Apm2Bits(length);
        return ((long)Hashed << TableBits(level, length)) + (1L << historyBits) + (4L << matchBits)
            + 2L * 33 * ((1 << apm2Bits) + 256) + 4L * ((1 << 16) + 256 + Hashed * 256) + 2L * (512 + 3 * 256) * Width;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int P()
    {
        int c0 = _c0;
        int c1 = (int)(_c4 & 0xFF);
        // Inputs 0 … 15 are built in a register (order 0, order 1, the six hashed contexts, their one-sided copies, the match
        // model's two) and stored once for Learn; 16 … 31 (the bias, then zeros) never change.
        ref byte table = ref MemoryMarshal.GetArrayDataReference(_table);
        ref uint maps = ref MemoryMarshal.GetArrayDataReference(_stateMaps);
        ref int slot = ref MemoryMarshal.GetArrayDataReference(_slot);
        ref int state = ref MemoryMarshal.GetArrayDataReference(_state);
        int nibble = _nibble;
        short h0 = HashedInput(ref table, ref maps, ref slot, ref state, nibble, 0, out short r0);
        short h1 = HashedInput(ref table, ref maps, ref slot, ref state, nibble, 1, out short r1);
        short h2 = HashedInput(ref table, ref maps, ref slot, ref state, nibble, 2, out short r2);
        short h3 = HashedInput(ref table, ref maps, ref slot, ref state, nibble, 3, out short r3);
        short h4 = HashedInput(ref table, ref maps, ref slot, ref state, nibble, 4, out short r4);
        short h5 = HashedInput(ref table, ref maps, ref slot, ref state, nibble, 5, out short r5);
        short m0 = 0, m1 = 0;
        _matchSlot = -1;
        if (_matchLength > 0)
        {
            int expected = _history[_matchPointer & _historyMask] | 256;
            if (expected >> (8 - _bitPosition) == c0)
            {
                int bit = (expected >> (7 - _bitPosition)) & 1;
                _matchSlot = (Math.Min(_matchLength, 31) << 1) | bit;
                m0 = (short)Stretch(_matchCounters[_matchSlot]);
                int strength = Math.Min(_matchLength, 32) << 5;
                m1 = (short)(bit != 0 ? strength : -strength);
            }
            else _matchLength = 0;
        }
        var low = Vector256.Create(
            Vector128.Create((short)Stretch(_t0[c0]), (short)Stretch(_t1[(c1 << 8) | c0]), h0, h1, h2, h3, h4, h5),
            Vector128.Create(r0, r1, r2, r3, r4, r5, m0, m1));
        ref short x = ref MemoryMarshal.GetArrayDataReference(_x);
        low.StoreUnsafe(ref x);
        var high = Vector256.LoadUnsafe(ref x, 16);

        _sel1 = (c0 | (_matchSlot >= 0 ? 256 : 0)) * Width;
        _st1 = CmShared.Dot(_weights1, _sel1, low, high);
        _p1 = Logistic.Squash(_st1);
        _sel2 = c1 * Width;
        _st2 = CmShared.Dot(_weights2, _sel2, low, high);
        _p2 = Logistic.Squash(_st2);
        int lengthBucket = _matchSlot < 0 ? 0 : _matchLength < 16 ? 1 : _matchLength < 32 ? 2 : 3;
        _sel3 = ((lengthBucket << 6) | (ByteClass(c1) << 3) | ByteClass((int)(_c4 >> 8) & 0xFF)) * Width;
        _st3 = CmShared.Dot(_weights3, _sel3, low, high);
        _p3 = Logistic.Squash(_st3);
        _sel4 = (int)((_c4 >> 8) & 0xFF) * Width;
        _st4 = CmShared.Dot(_weights4, _sel4, low, high);
        _p4 = Logistic.Squash(_st4);
        int p = Logistic.Squash((_st1 + _st2 + _st3 + _st4) >> 2);

        int stretched = Logistic.Stretch(p);
        int a1 = ApmStretched(_apm1, c0, stretched, out _apmIndex1);
        int a2 = ApmStretched(_apm2, ((c1 << 8) | c0) & _apm2Mask, stretched, out _apmIndex2);
        p = (p + 2 * a1 + 5 * a2 + 4) >> 3;
        _p = Math.Clamp(p, 1, 4095);
        return _p;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Update(int bit)
    {
        int c0 = _c0;
        int c1 = (int)(_c4 & 0xFF);
        Train(ref _t0[c0], bit, 1023);
        Train(ref _t1[(c1 << 8) | c0], bit, 1023);
        ref byte table = ref MemoryMarshal.GetArrayDataReference(_table);
        ref uint maps = ref MemoryMarshal.GetArrayDataReference(_stateMaps);
        ref byte next = ref MemoryMarshal.GetArrayDataReference(States.Next);
        for (int i = 0; i < Hashed; i++)
        {
            int s = _state[i];
            Train(ref Unsafe.Add(ref maps, (i << 8) | s), bit, 1023);
            Unsafe.Add(ref table, _slot[i] + _nibble) = Unsafe.Add(ref next, (s << 1) | bit);
        }
        if (_matchSlot >= 0) Train(ref _matchCounters[_matchSlot], bit, 1023);

        Learn(_weights1, _sel1, bit, _p1);
        Learn(_weights2, _sel2, bit, _p2);
        Learn(_weights3, _sel3, bit, _p3);
        Learn(_weights4, _sel4, bit, _p4);
        LearnApm(_apm1, _apmIndex1, bit, ApmRate);
        LearnApm(_apm2, _apmIndex2, bit, ApmRate);

        _c0 = (c0 << 1) | bit;
        _bitPosition++;
        if (_bitPosition == 8)
        {
            EndByte((byte)_c0);
            _c0 = 1;
            _bitPosition = 0;
            _nibble = 1;
            NibbleSlots();
        }
        else if (_bitPosition == 4)
        {
            _nibble = 1;
            NibbleSlots();
        }
        else
        {
            _nibble = (_nibble << 1) | bit;
            if ((_bitPosition & 3) == 3) PrefetchNextNibble();
        }
        PrefetchApmRow(_apm2, ((int)((_c4 & 0xFF) << 8) | _c0) & _apm2Mask);
    }

    /// <summary>−log2 of the probability the last <see cref="P"/> gave <paramref name="bit"/>, in bits.</summary>
    internal readonly double CodeLength(int bit) => Logistic.Cost[bit != 0 ? _p : 4096 - _p];

    readonly double ICostedBitModel.CodeLength(int bit) => CodeLength(bit);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EndByte(byte b)
    {
        _history[_position & _historyMask] = b;
        _position++;
        _c8 = (_c8 << 8) | (_c4 >> 24);
        _c4 = (_c4 << 8) | b;

        AdvanceWord(ref _word, ref _previousWord, b);

        // Match model: follow the current match, or look the last six bytes up.
        if (_matchLength > 0)
        {
            if (_history[_matchPointer & _historyMask] == b)
            {
                _matchLength = Math.Min(_matchLength + 1, 65535);
                _matchPointer++;
            }
            else _matchLength = 0;
        }
        if (_position >= MatchMinimum)
        {
            uint h = Mix(_c4 * 0x9E3779B1u ^ (_c8 & 0xFFFF) * 0x85EBCA77u) >> _matchShift;
            if (_matchLength == 0)
            {
                int candidate = _matchTable[h];
                if (candidate > 0 && _position - candidate < _historyMask)
                {
                    int length = MatchedLength(_history, _historyMask, candidate, _position);
                    if (length >= MatchMinimum)
                    {
                        _matchLength = length;
                        _matchPointer = candidate;
                    }
                }
            }
            _matchTable[h] = _position;
        }
        ByteContexts();
    }

    private void ByteContexts() => Contexts(_c4, _c8, _word, _previousWord, _contextHash);

    // The hashed contexts of a byte boundary, from the last eight bytes and the word hashes.
    private static void Contexts(uint c4, uint c8, uint word, uint previousWord, Span<uint> hashes)
    {
        hashes[5] = word != 0 ? Hash(word, 0, 7) : Hash(previousWord, c4 & 0xFF, 8);
        hashes[4] = Hash(c4, c8 & 0xFFFF, 6);
        hashes[3] = Hash(word, previousWord, 9);
        hashes[2] = Hash(c4, 0, 4);
        hashes[1] = Hash(c4 & 0xFFFFFF, 0, 3);
        hashes[0] = Hash(c4 & 0xFFFF, 0, 2);
    }

    // One bit before a nibble starts: ask for the lines of its slots under both values of the coming bit (after the seventh
    // bit of a byte, from the contexts of both possible bytes).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private readonly void PrefetchNextNibble()
    {
        if (_bitPosition == 3)
        {
            PrefetchSlots(_table, _tableBase, _tableBits, _contextHash.AsSpan(0, Hashed), _c0 << 1);
            PrefetchSlots(_table, _tableBase, _tableBits, _contextHash.AsSpan(0, Hashed), (_c0 << 1) | 1);
        }
        else
        {
            Span<uint> next = stackalloc uint[Hashed];
            for (int bit = 0; bit <= 1; bit++)
            {
                byte b = (byte)((_c0 << 1) | bit);
                uint word = _word, previousWord = _previousWord;
                AdvanceWord(ref word, ref previousWord, b);
                Contexts((_c4 << 8) | b, (_c8 << 8) | (_c4 >> 24), word, previousWord, next);
                PrefetchSlots(_table, _tableBase, _tableBits, next, 1);
            }
        }
    }

    // At the start of a nibble: each hashed context's 16-byte slot in its 64-byte line (CmShared.FindSlots).
    private void NibbleSlots() => FindSlots(_table, _tableBase, _tableBits, _contextHash.AsSpan(0, Hashed), _c0, _slot);

    // The mixers learn at rate 4: w += round(x·4·err / 2^15).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly void Learn(short[] weights, int at, int bit, int p) => CmShared.Learn(weights, at, _x, ((bit << 12) - p) * 4);

    // The mixer weights a fresh model starts with: 1.0 for each stretched prediction, 0 for the other inputs.
    private static short[] InitWeights(short[] weights)
    {
        Span<short> row = stackalloc short[Width];
        row.Clear();
        row[..(2 + Hashed)].Fill(1 << 13);
        row[MatchInput] = 1 << 13;
        row[MatchInput + 1] = 1 << 13;
        for (int at = 0; at < weights.Length; at += Width) row.CopyTo(weights.AsSpan(at, Width));
        return weights;
    }
}
