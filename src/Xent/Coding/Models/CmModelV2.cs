using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

using static Xent.Coding.CmShared;

namespace Xent.Coding;

/// <summary>
/// Version 2 of the CM block format's model, frozen so blocks written with it still decode (the encoder no longer uses it;
/// <see cref="CmModelV3"/> is version 3). A context-mixing model of bytes, bit by bit, in the lpaq family: an order-0 and an
/// order-1 table of counters, six hashed contexts (orders 2, 3, 4 and 6, the current word of letters, and the current word
/// with the previous one) holding bit-history states, and a match model; their stretched predictions are mixed by two small
/// logistic neural mixers (weights chosen by the partial current byte and whether a match is predicting, and by the previous
/// byte; 16-bit weights, AVX2 when present, the same integers without it) and refined by two adaptive probability maps (SSE).
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
internal struct CmModelV2 : ICostedBitModel
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
    private const int Width = 16;                 // mixer inputs, padded: order 0, order 1, 6 hashed, match ×2, bias
    private const int MatchInput = 2 + Hashed;
    private const int BiasInput = MatchInput + 2;
    private const int MatchMinimum = 6;
    private const uint CounterInit = 1u << 31;
    private const int MixerShift = 16;
    private const int ApmRate = 7;                // the APM stages move 1/128 of the way to each bit

    private readonly byte[] _table;               // Hashed tables of 2^_tableBits bytes each, 64-byte aligned from _tableBase
    private readonly int _tableBase;
    private readonly int _tableBits;
    private readonly uint[] _stateMaps;           // Hashed × 256 counters: probability of a 1 in each state, per context
    private readonly uint[] _t0;
    private readonly uint[] _t1;

    private readonly short[] _weights1;
    private readonly short[] _weights2;
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
    private int _st1;
    private int _st2;
    private int _p1;
    private int _p2;
    private int _apmIndex1;
    private int _apmIndex2;
    private int _p;

    /// <summary>A fresh model for a block of <paramref name="length"/> bytes at <paramref name="level"/> (1 … 9): the hashed tables
    /// hold 2^(16 + level) bytes each, or fewer when the block is short (never more than the block can fill), so a small block
    /// costs little memory.</summary>
    /// <exception cref="ArgumentOutOfRangeException">level is outside 1 … 9, or length &lt; 0.</exception>
    /// <param name="level">1 … 9; the hashed tables hold up to 2^(16 + level) bytes each.</param>
    /// <param name="length">The block's length in bytes (≥ 0), which caps the tables' size.</param>
    public CmModelV2(int level, int length) : this(level, length, null) { }

    /// <summary>A fresh model, as <see cref="CmModelV2(int, int)"/>, whose tables are taken from <paramref name="arena"/> (cleared,
    /// not reallocated) when it is given: the model then predicts exactly as a freshly allocated one. The arena serves one model
    /// at a time.</summary>
    internal CmModelV2(int level, int length, CmModelArena? arena)
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

        _weights1 = CmModelArena.Reuse(ref arena.Weights1, 512 * Width);
        _weights2 = CmModelArena.Reuse(ref arena.Weights2, 256 * Width);
        _weights1.AsSpan().Fill(1 << 13);
        _weights2.AsSpan().Fill(1 << 13);
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
            + 2L * 33 * ((1 << apm2Bits) + 256) + 4L * ((1 << 16) + 256 + Hashed * 256) + 2L * (512 + 256) * Width;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int P()
    {
        ref short x = ref MemoryMarshal.GetArrayDataReference(_x);
        int c0 = _c0;
        int c1 = (int)(_c4 & 0xFF);
        x = (short)Stretch(_t0[c0]);
        Unsafe.Add(ref x, 1) = (short)Stretch(_t1[(c1 << 8) | c0]);
        ref byte table = ref MemoryMarshal.GetArrayDataReference(_table);
        ref uint maps = ref MemoryMarshal.GetArrayDataReference(_stateMaps);
        for (int i = 0; i < Hashed; i++)
        {
            int s = Unsafe.Add(ref table, _slot[i] + _nibble);
            _state[i] = s;
            Unsafe.Add(ref x, 2 + i) = (short)Stretch(Unsafe.Add(ref maps, (i << 8) | s));
        }
        _matchSlot = -1;
        Unsafe.Add(ref x, MatchInput) = 0;
        Unsafe.Add(ref x, MatchInput + 1) = 0;
        if (_matchLength > 0)
        {
            int expected = _history[_matchPointer & _historyMask] | 256;
            if (expected >> (8 - _bitPosition) == c0)
            {
                int bit = (expected >> (7 - _bitPosition)) & 1;
                _matchSlot = (Math.Min(_matchLength, 31) << 1) | bit;
                Unsafe.Add(ref x, MatchInput) = (short)Stretch(_matchCounters[_matchSlot]);
                int strength = Math.Min(_matchLength, 32) << 5;
                Unsafe.Add(ref x, MatchInput + 1) = (short)(bit != 0 ? strength : -strength);
            }
            else _matchLength = 0;
        }

        _sel1 = (c0 | (_matchSlot >= 0 ? 256 : 0)) * Width;
        _st1 = Dot(_weights1, _sel1);
        _p1 = Logistic.Squash(_st1);
        _sel2 = c1 * Width;
        _st2 = Dot(_weights2, _sel2);
        _p2 = Logistic.Squash(_st2);
        int p = Logistic.Squash((_st1 + _st2) >> 1);

        int a1 = Apm(_apm1, c0, p, out _apmIndex1);
        int a2 = Apm(_apm2, ((c1 << 8) | c0) & _apm2Mask, p, out _apmIndex2);
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
            Train(ref Unsafe.Add(ref maps, (i << 8) | s), bit, 511);
            Unsafe.Add(ref table, _slot[i] + _nibble) = Unsafe.Add(ref next, (s << 1) | bit);
        }
        if (_matchSlot >= 0) Train(ref _matchCounters[_matchSlot], bit, 1023);

        Learn(_weights1, _sel1, bit, _p1);
        Learn(_weights2, _sel2, bit, _p2);
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
        else _nibble = (_nibble << 1) | bit;
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ByteContexts()
    {
        uint c4 = _c4, c8 = _c8;
        _contextHash[0] = Hash(c4 & 0xFFFF, 0, 2);
        _contextHash[1] = Hash(c4 & 0xFFFFFF, 0, 3);
        _contextHash[2] = Hash(c4, 0, 4);
        _contextHash[3] = Hash(_word, _previousWord, 9);
        _contextHash[4] = Hash(c4, c8 & 0xFFFF, 6);
        _contextHash[5] = _word != 0 ? Hash(_word, 0, 7) : Hash(_previousWord, c4 & 0xFF, 8);
    }

    // At the start of a nibble: each hashed context's 16-byte slot in its 64-byte line (CmShared.FindSlots).
    private void NibbleSlots() => FindSlots(_table, _tableBase, _tableBits, _contextHash.AsSpan(0, Hashed), _c0, _slot);

    // Σ x·w over the 16 inputs, in the stretch domain (weights: 1.0 = 2^13). AVX2: vpmaddwd; otherwise the same integers.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int Dot(short[] weights, int at)
    {
        ref short w = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(weights), at);
        ref short x = ref MemoryMarshal.GetArrayDataReference(_x);
        int sum;
        if (Avx2.IsSupported)
        {
            var products = Avx2.MultiplyAddAdjacent(Vector256.LoadUnsafe(ref x), Vector256.LoadUnsafe(ref w));
            sum = Vector256.Sum(products);
        }
        else
        {
            sum = 0;
            for (int i = 0; i < Width; i++) sum += Unsafe.Add(ref x, i) * Unsafe.Add(ref w, i);
        }
        return Math.Clamp(sum >> 13, -2047, 2047);
    }

    // w += round(x·e / 2^15), saturating at the short range (AVX2: vpmulhrsw + vpaddsw; otherwise the same integers).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly void Learn(short[] weights, int at, int bit, int p)
    {
        int e = ((bit << 12) - p) * 4;
        ref short w = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(weights), at);
        ref short x = ref MemoryMarshal.GetArrayDataReference(_x);
        if (Avx2.IsSupported)
        {
            var delta = Avx2.MultiplyHighRoundScale(Vector256.LoadUnsafe(ref x), Vector256.Create((short)e));
            Avx2.AddSaturate(Vector256.LoadUnsafe(ref w), delta).StoreUnsafe(ref w);
        }
        else
        {
            for (int i = 0; i < Width; i++)
            {
                int v = Unsafe.Add(ref w, i) + ((Unsafe.Add(ref x, i) * e + 0x4000) >> 15);
                Unsafe.Add(ref w, i) = (short)Math.Clamp(v, short.MinValue, short.MaxValue);
            }
        }
    }
}
