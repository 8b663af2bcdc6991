using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

using static Xent.Coding.CmShared;

namespace Xent.Coding;

/// <summary>
/// A context-mixing model of bytes, bit by bit, in the lpaq family (versions 6, 7 and 8 of the CM block format; levels 1 …
/// 7 write version 8): an order-0 and an order-1 table of counters, eight hashed contexts holding bit-history states (orders 2, 3 and 4, the
/// current word, the word pair, an order-2 indirect context, and two shapes of the last eight bytes — each byte's class,
/// digit, lower or upper letter or itself — that see dates, version numbers and addresses whatever their digits and
/// letters), and a match model. Their stretched predictions (and, for a hashed context whose history is one-sided, that
/// prediction again as a second input) are mixed by four small logistic neural mixers (weights chosen by the partial
/// current byte and whether a match is predicting, by the previous byte, by the match length and the classes of the two
/// previous bytes, and by the column and the classes of the byte above and the previous byte), whose outputs a fifth, final
/// mixer selected by the partial byte combines; three adaptive probability maps (SSE; the third keyed by the shape) refine
/// the result. Predictions are 12-bit probabilities that the next bit is 1.
/// </summary>
/// <remarks>
/// <para>Version 6 is version 5's model made cheap to compute: the eight hashed contexts are one 256-bit vector of lanes
/// from the hash of a byte's contexts to the states' probabilities and their updates (gathers with AVX2; the same integers
/// through Vector256's portable path without it, 128-bit vectors for the mixers), the four mixers' sums are reduced together, the contexts of both possible next bytes —
/// and the slot lines of both possible next nibbles — are computed once, a bit ahead, for the prefetch and then kept. It
/// drops version 5's four line-and-column contexts and order 6, and adds the final mixer: at level 7 it codes English text
/// within 0.5–0.9 % of version 5 at level 8 (legal, man and docs of `bench/peers/cm.sh`) in about two thirds of its time.</para>
/// <para>Bits of a byte are modelled most significant first; the context of a bit is the previous bytes plus the bits of the
/// current byte already seen. Each hashed context selects, at the start of each nibble, a 16-byte slot (a check byte and 15
/// one-byte bit-history states, one per node of the nibble's binary tree) among the four slots of one 64-byte cache line; on
/// a miss the slot whose history is shortest is replaced. Bit-history states and the state maps that turn them into
/// probabilities are those of versions 2 … 5 (<see cref="States"/>); a state map's counter moves by 2/(2n + 3) of the
/// error after its n-th update (n capped at 1023).</para>
/// <para>All arithmetic is integer, so the encoder and the decoder compute the same prediction on every machine. The model
/// is the whole of a block's state: it starts fresh for each block and sees the bytes of that block only. Memory:
/// <see cref="MemoryBytes"/>.</para>
/// </remarks>
public unsafe struct CmModelV6 : ICostedBitModel
{
    /// <summary>The lowest level: hashed tables of 2^17 bytes per context.</summary>
    public const int MinLevel = 1;

    /// <summary>The highest level: hashed tables of 2^25 bytes (32 MiB) per context.</summary>
    public const int MaxLevel = 9;

    /// <summary>The default level: hashed tables of 2^23 bytes (8 MiB) per context, about 80 MiB in all for a long block.</summary>
    public const int DefaultLevel = 7;

    private const int Hashed = 8;                  // orders 2, 3, 4, the word pair, the word, indirect, 2 shapes: one Vector256
    private const int Width = CmShared.Width;      // mixer inputs: [order 0, order 1, match ×2, bias, 0 × 11 | 8 hashed, 8 one-sided]
    private const int ApmMatchContexts = 16 << 9;  // APM 1: match length 0 … 15 × predicted bit × c0
    private const uint CounterInit = 1u << 31;
    private const int ApmRate = 6;                 // the APM stages move 1/64 of the way to each bit
    private const int MapLimit = 1023;             // a state map's counter: step 2/(2n + 3), n ≤ 1023
    private const int FinalOne = 1 << 14;          // the final mixer's weight 1.0
    private const int FinalLimit = 1 << 17;        // |final weight| ≤ 8.0: Σ 4 × 2047 × 2^17 fits an int
    private const int MatchOnlyCounters = 128 + 2 * (1 << 16); // by length bucket × bit, by order-1 hash, by order-3 hash
    private const int MatchOnlyWeight = 22000;     // each of the three inputs' initial weight (1.0 = 2^16)
    private const int MatchOnlyLimit = 30;         // the match-only counters move by at least 2/63 of the error
    private const int MatchOnlyRate = 12;          // weight step: input × error × 12 / 2^16
    private const int CounterLimit = 1023;         // the order-0 and order-1 counters' step 2/(2n + 3), n ≤ 1023 (versions 6, 7)
    private const int FastOrder0Limit = 6;         // version 8: n ≤ 6 for order 0 (each step ≥ 2/15 of the error)
    private const int FastOrder1Limit = 20;        // version 8: n ≤ 20 for order 1 (each step ≥ 2/43)
    private const int MixerRate = 3;               // the four mixers: w += round(x · err · rate / 2^15)
    private const int RampRate = 8;                // version 8: the rate over a block's first RampBytes (err · 8 still fits a short)
    private const int RampBytes = 1 << 15;

    private readonly byte[] _table;                // Hashed tables of 2^tableBits bytes each, 64-byte aligned from _lineBase's lane 0, pinned
    private readonly uint[] _stateMaps;            // Hashed × 256 counters: probability of a 1 in each state, per context
    private readonly uint[] _t0;
    private readonly uint[] _t1;

    private readonly short[] _weights1;
    private readonly short[] _weights2;
    private readonly short[] _weights3;
    private readonly short[] _weights4;
    private readonly int[] _final;                 // 256 rows (by c0) of 4 weights for the four mixers' outputs
    private readonly short[] _x;
    private readonly ushort[] _apm1;
    private readonly ushort[] _apm2;
    private readonly int _apm2Mask;
    private readonly ushort[] _apm3;
    private readonly int _apm3Shift;

    private readonly byte[] _history;
    private readonly int _historyMask;
    private readonly int[] _matchTable;
    private readonly int _matchShift;
    private readonly uint[] _matchCounters;
    private readonly ushort[] _indirect2;          // per order-2 context: the last two bytes that followed it

    private readonly Vector256<int> _lineBase;     // lane i: where context i's table starts (the aligned base + i · 2^tableBits)
    private readonly int _lineShift;               // a nibble hash's top (tableBits − 6) bits pick the line
    private Vector256<uint> _contextHash;          // the byte's context hashes (also the first nibble's line hashes)
    private Vector256<uint> _nextByte0;            // the context hashes after the byte ending in bit 0 / bit 1 (from bit 7)
    private Vector256<uint> _nextByte1;
    private Vector256<uint> _nextNibble0;          // the second nibble's line hashes after bit 3 = 0 / 1
    private Vector256<uint> _nextNibble1;
    private Vector256<int> _slots;                 // per hashed context: the table index of its current 16-byte slot
    private Vector256<byte> _slots04;              // with AVX2, the current slots themselves while their nibble is coded:
    private Vector256<byte> _slots15;              // contexts 0 and 4 in one register, 1 and 5, 2 and 6, 3 and 7 (P reads a
    private Vector256<byte> _slots26;              // state with a byte shuffle, Update writes one with a blend; the table
    private Vector256<byte> _slots37;              // gets them back at the nibble's end, before the next slot search)
    private Vector256<int> _states;                // per hashed context: the state read by P
    private Vector256<uint> _counters;             // per hashed context: its state map's counter read by P
    private Vector128<int> _st;                    // the four mixers' outputs (stretch domain)
    private Vector128<int> _pm;                    // and their probabilities

    private int _c0;
    private int _bitPosition;
    private int _nibble;
    private uint _c4;
    private uint _c8;
    private uint _word;
    private uint _previousWord;
    private ulong _shapes;                         // the class of each of the last 8 bytes: '0' digit, 'a' lower, 'A' upper, else itself
    private ulong _tokens;                         // the last 8 classes, a run of digits (or of lower or upper letters) counted once
    private int _position;
    private int _lineStart;                        // the position of the current line's first byte
    private int _previousLineStart;
    private int _matchPointer;
    private int _matchLength;
    private int _matchSlot;
    private int _sel1;
    private int _sel2;
    private int _sel3;
    private int _sel4;
    private int _classes3;                         // per byte: the third mixer's row without the match bucket
    private int _pFinal;
    private uint _apm3Key;                         // the hash of _shapes that keys APM 3, with c0 added per bit
    private int _apm2Context;                      // the next bit's APM 2 and 3 rows (computed, and prefetched, in Update)
    private int _apm3Context;
    private int _apmIndex1;
    private int _apmIndex2;
    private int _apmIndex3;
    private int _p;
    private readonly int _version;                 // 6, 7 or 8: the CM block format version whose bitstream the model reproduces
    private readonly int _longMatch;               // versions 7 and 8: a byte that starts inside a match this long is coded by the match alone; version 6: never
    private readonly int _order0Limit;             // the order-0 and order-1 counters' limits: CounterLimit, or version 8's fast ones
    private readonly int _order1Limit;
    private readonly int _rampBytes;               // version 8: the mixers learn at RampRate until this position; else 0
    private int _rate;                             // the four mixers' learning rate for the current byte
    private bool _inMatch;                         // the current byte is coded by the match alone (until a bit differs from the match's)
    private int _expected;                         // the byte the match predicts, | 256
    private readonly uint[] _matchOnly;            // counters of "the bit agrees with the match": by length, by order 1, by order 3
    private readonly int[] _matchOnlyWeights;      // 16 rows (by length) of 4 weights mixing them, 1.0 = 2^16
    private int _matchIndex0, _matchIndex1, _matchIndex2, _matchP;
    private int _matchRow;                         // per byte: its weights' row (by length bucket)
    private int _matchRow0, _matchRow1, _matchRow3; // per byte: where its length, order-1 and order-3 counters are (| or ^ the bit position)
    private int _matchSt0, _matchSt1, _matchSt2;

    /// <summary>A fresh model for a block of <paramref name="length"/> bytes at <paramref name="level"/> (1 … 9): the hashed tables
    /// hold 2^(16 + level) bytes each, or fewer when the block is short (never more than the block can fill), so a small block
    /// costs little memory.</summary>
    /// <exception cref="ArgumentOutOfRangeException">level is outside 1 … 9, or length &lt; 0.</exception>
    /// <param name="level">1 … 9; the hashed tables hold up to 2^(16 + level) bytes each.</param>
    /// <param name="length">The block's length in bytes (≥ 0), which caps the tables' size.</param>
    public CmModelV6(int level, int length) : this(level, length, null) { }

    /// <summary>A fresh model of format <paramref name="version"/> 6, 7 or 8 for a block of <paramref name="length"/> bytes at
    /// <paramref name="level"/>: version 7 codes a byte that starts inside a match of <see cref="LongMatch"/> bytes or more by
    /// the match alone; version 8 is version 7 with faster order-0 and order-1 counters (their step stops shrinking at 2/15
    /// and 2/43 of the error instead of 2/2049) and mixers that learn at 8/3 of their rate over a block's first 32 KiB.</summary>
    /// <exception cref="ArgumentOutOfRangeException">level is outside 1 … 9, length &lt; 0, or version is not 6, 7 or 8.</exception>
    /// <param name="level">1 … 9; the hashed tables hold up to 2^(16 + level) bytes each.</param>
    /// <param name="length">The block's length in bytes (≥ 0), which caps the tables' size.</param>
    /// <param name="version">6, 7 or 8, the CM block format version whose bitstream the model reproduces.</param>
    public CmModelV6(int level, int length, int version) : this(level, length, null, version) { }

    /// <summary>The match length from which version 7 codes a byte by the match alone: 48 bytes. Inside such matches the match
    /// model predicts nearly every byte of English text right (98.6 % from 32 bytes, 99.6 % from 64, on Debian's docs), and
    /// the full model learns little from text it has already seen.</summary>
    public const int LongMatch = 48;

    /// <summary>A fresh model, as <see cref="CmModelV6(int, int)"/>, whose tables are taken from <paramref name="arena"/> (cleared,
    /// not reallocated) when it is given: the model then predicts exactly as a freshly allocated one. The arena serves one model
    /// at a time.</summary>
    internal CmModelV6(int level, int length, CmModelArena? arena, int version = 6)
    {
        if (level < MinLevel || level > MaxLevel) ThrowHelper.ThrowArgumentOutOfRange(nameof(level), level, $"the level must be in {MinLevel} … {MaxLevel}");
        if (length < 0) ThrowHelper.ThrowArgumentOutOfRange(nameof(length), length, "the block length must be ≥ 0");
        if (version is not (6 or 7 or 8)) ThrowHelper.ThrowArgumentOutOfRange(nameof(version), version, "the version must be 6, 7 or 8");
        arena ??= new CmModelArena();
        int tableBits = TableBits(level, length);
        _table = arena.Table(Hashed << tableBits, out int tableBase);
        _lineBase = Vector256.Create(tableBase) + Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7) * (1 << tableBits);
        _lineShift = 32 - (tableBits - 6);
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
        _final = CmModelArena.Reuse(ref arena.Final, 256 * 4);
        _final.AsSpan(0, 256 * 4).Fill(FinalOne / 4);

        _x = CmModelArena.Reuse(ref arena.X, Width);
        _x.AsSpan().Clear();
        _apm1 = InitApm(CmModelArena.Reuse(ref arena.Apm1, ApmMatchContexts * 33), ApmMatchContexts);
        int apm2Bits = Apm2Bits(length);
        _apm2 = InitApm(CmModelArena.Reuse(ref arena.Apm2, (1 << apm2Bits) * 33), 1 << apm2Bits);
        _apm2Mask = (1 << apm2Bits) - 1;
        _apm3Shift = 32 - Apm3Bits(length);
        _apm3 = InitApm(CmModelArena.Reuse(ref arena.Apm3, (1 << Apm3Bits(length)) * 33), 1 << Apm3Bits(length));
        _indirect2 = CmModelArena.Reuse(ref arena.Indirect2, 1 << 16);
        _indirect2.AsSpan().Clear();

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

        _version = version;
        _longMatch = version >= 7 ? LongMatch : int.MaxValue;
        _order0Limit = version >= 8 ? FastOrder0Limit : CounterLimit;
        _order1Limit = version >= 8 ? FastOrder1Limit : CounterLimit;
        _rampBytes = version >= 8 ? RampBytes : 0;
        _rate = version >= 8 ? RampRate : MixerRate;
        _matchOnly = CmModelArena.Reuse(ref arena.MatchOnly, MatchOnlyCounters);
        _matchOnly.AsSpan(0, MatchOnlyCounters).Fill(CounterInit);
        _matchOnlyWeights = CmModelArena.Reuse(ref arena.MatchOnlyWeights, 16 * 4);
        for (int i = 0; i < 16 * 4; i++) _matchOnlyWeights[i] = (i & 3) == 3 ? 0 : MatchOnlyWeight;

        _c0 = 1;
        _nibble = 1;
        _matchSlot = -1;
        _apm3Key = Hash(0, 0, 40);
        NextApmRows();
        _contextHash = Contexts(0, 0, 0, 0, 0, 0);
        ByteSelectors();
        FindSlots(_contextHash);
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
            + 2L * 33 * ((1 << apm2Bits) + ApmMatchContexts + (1 << Apm3Bits(length))) + 4L * ((1 << 16) + 256 + Hashed * 256 + 256 * 4)
            + 2L * (512 + 3 * 256) * Width + 2L * (1 << 16) + 4L * 64 + 2L * Width + 4L * (MatchOnlyCounters + 16 * 4);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int P()
    {
        if (_inMatch) return PMatchOnly();
        int c0 = _c0;
        int c1 = (int)(_c4 & 0xFF);

        // The eight hashed contexts, one lane each: state → state map counter → 12-bit probability → stretch, and the
        // stretch again where the state is one-sided.
        Vector256<int> states, st, oneSided;
        Vector256<uint> counters;
        fixed (byte* table = _table)
        fixed (uint* maps = _stateMaps)
        {
            states = Avx2.IsSupported ? SlotStates() : GatherBytes(table, _slots + Vector256.Create(_nibble));
            counters = Gather((int*)maps, states | MapOffsets).AsUInt32();
            st = Gather(Tables.Stretch, Vector256.ShiftRightLogical(counters, 20).AsInt32());
            oneSided = Gather(Tables.OneSidedMask, states);
        }
        _states = states;
        _counters = counters;
        var high = Vector256.Narrow(st, st & oneSided);

        _matchSlot = MatchInputs(_history, _historyMask, _matchPointer, _matchLength, _matchCounters, _bitPosition, c0, out short m0, out short m1);
        var low = Vector256.Create(
            Vector128.Create((short)Stretch(_t0[c0]), (short)Stretch(_t1[(c1 << 8) | c0]), m0, m1, (short)256, 0, 0, 0),
            Vector128<short>.Zero);
        ref short x = ref MemoryMarshal.GetArrayDataReference(_x);
        low.StoreUnsafe(ref x);
        high.StoreUnsafe(ref x, 16);

        _sel1 = (c0 | (_matchSlot >= 0 ? 256 : 0)) * Width;
        int lengthBucket = _matchSlot < 0 ? 0 : _matchLength < 16 ? 1 : _matchLength < 32 ? 2 : 3;
        _sel3 = ((lengthBucket << 6) | _classes3) * Width;
        var sums = Dot4(low, high, _sel1, _sel2, _sel3, _sel4);
        var stm = Vector128.Clamp(Vector128.ShiftRightArithmetic(sums, 13), Vector128.Create(-2047), Vector128.Create(2047));
        _st = stm;
        _pm = Vector128.Create(Logistic.Squash(stm.GetElement(0)), Logistic.Squash(stm.GetElement(1)),
            Logistic.Squash(stm.GetElement(2)), Logistic.Squash(stm.GetElement(3)));

        // The final mixer, selected by c0.
        var fw = Vector128.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(_final), (nuint)(c0 * 4));
        int stFinal = Math.Clamp(Vector128.Sum(fw * stm) >> 14, -2047, 2047);
        int p = Logistic.Squash(stFinal);
        _pFinal = p;

        // APM 1: keyed by c0, and while the match model predicts, by its length (up to 15) and predicted bit as well.
        int apm1Context = _matchSlot < 0 ? c0 : (Math.Min(_matchLength, 15) << 9) | ((_matchSlot & 1) << 8) | c0;
        int a1 = ApmStretched(_apm1, apm1Context, stFinal, out _apmIndex1);
        int a2 = ApmStretched(_apm2, _apm2Context, stFinal, out _apmIndex2);
        int a3 = ApmStretched(_apm3, _apm3Context, stFinal, out _apmIndex3);
        p = (p + 2 * a1 + 3 * a2 + 2 * a3 + 4) >> 3;
        _p = Math.Clamp(p, 1, 4095);
        return _p;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Update(int bit)
    {
        if (_inMatch) { UpdateMatchOnly(bit); return; }
        int c0 = _c0;
        int c1 = (int)(_c4 & 0xFF);
        Train(ref _t0[c0], bit, _order0Limit);
        Train(ref _t1[(c1 << 8) | c0], bit, _order1Limit);

        // The hashed contexts' state maps and bit histories, lane by lane.
        Vector256<int> states = _states;
        Vector256<int> counters = _counters.AsInt32();
        Vector256<int> n = counters & Vector256.Create(1023);
        Vector256<int> p = Vector256.ShiftRightLogical(counters, 10);
        Vector256<int> next;
        fixed (byte* table = _table)
        fixed (uint* maps = _stateMaps)
        {
            Vector256<int> step = Gather(Tables.Reciprocal, n);
            p += Vector256.ShiftRightArithmetic(Vector256.ShiftRightArithmetic(Vector256.Create(bit != 0 ? (1 << 22) - 1 : 0) - p, 6) * step, 9);
            p = Vector256.Clamp(p, Vector256<int>.Zero, Vector256.Create((1 << 22) - 1));
            n = Vector256.Min(n + Vector256<int>.One, Vector256.Create(MapLimit));
            Scatter((int*)maps, states | MapOffsets, Vector256.ShiftLeft(p, 10) | n);
            next = Gather(Tables.Next, Vector256.ShiftLeft(states, 1) | Vector256.Create(bit));
            if (Avx2.IsSupported) SetSlotStates(next);
            else ScatterBytes(table, _slots + Vector256.Create(_nibble), next);
        }
        if (_matchSlot >= 0) Train(ref _matchCounters[_matchSlot], bit, CounterLimit);

        var pm = _pm;
        Learn(_weights1, _sel1, bit, pm.GetElement(0));
        Learn(_weights2, _sel2, bit, pm.GetElement(1));
        Learn(_weights3, _sel3, bit, pm.GetElement(2));
        Learn(_weights4, _sel4, bit, pm.GetElement(3));
        ref int fw = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_final), c0 * 4);
        var w = Vector128.LoadUnsafe(ref fw) + Vector128.ShiftRightArithmetic(_st * Vector128.Create((bit << 12) - _pFinal), 15);
        Vector128.Clamp(w, Vector128.Create(-FinalLimit), Vector128.Create(FinalLimit)).StoreUnsafe(ref fw);
        LearnApm(_apm1, _apmIndex1, bit, ApmRate);
        LearnApm(_apm2, _apmIndex2, bit, ApmRate);
        LearnApm(_apm3, _apmIndex3, bit, ApmRate);

        _c0 = (c0 << 1) | bit;
        _bitPosition++;
        if (_bitPosition == 8)
        {
            StoreSlots();
            NextByte();
        }
        else if (_bitPosition == 4)
        {
            _nibble = 1;
            StoreSlots();
            FindSlots(bit != 0 ? _nextNibble1 : _nextNibble0);
        }
        else
        {
            _nibble = (_nibble << 1) | bit;
            if (_bitPosition == 3) PrepareSecondNibble();
            else if (_bitPosition == 7) PrepareNextByte();
        }
        NextApmRows();
    }

    // The next bit's APM 2 and 3 rows (by the previous byte and c0, by the shape hash and c0), asked for at once.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void NextApmRows()
    {
        _apm2Context = ((int)((_c4 & 0xFF) << 8) | _c0) & _apm2Mask;
        _apm3Context = (int)(Mix(_apm3Key + (uint)_c0 * 0x6F4F2A4Bu) >> _apm3Shift);
        PrefetchApmRow(_apm2, _apm2Context);
        PrefetchApmRow(_apm3, _apm3Context);
    }

    /// <summary>−log2 of the probability the last <see cref="P"/> gave <paramref name="bit"/>, in bits.</summary>
    internal readonly double CodeLength(int bit) => Logistic.Cost[bit != 0 ? _p : 4096 - _p];

    readonly double ICostedBitModel.CodeLength(int bit) => CodeLength(bit);

    // After a byte's last bit (its slots, if any were loaded, back in the table): the byte ends, and the next one starts —
    // at its first nibble's slots, unless a long match codes it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void NextByte()
    {
        EndByte((byte)_c0);
        _c0 = 1;
        _bitPosition = 0;
        _nibble = 1;
        if (!_inMatch) FindSlots(_contextHash);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EndByte(byte b)
    {
        _history[_position & _historyMask] = b;
        _position++;
        _c8 = (_c8 << 8) | (_c4 >> 24);
        _indirect2[_c4 & 0xFFFF] = (ushort)(_indirect2[_c4 & 0xFFFF] << 8 | b);
        _c4 = (_c4 << 8) | b;
        if (b == '\n') { _previousLineStart = _lineStart; _lineStart = _position; }
        AdvanceWord(ref _word, ref _previousWord, b);
        AdvanceShapes(ref _shapes, ref _tokens, b);

        AdvanceMatch(ref _matchLength, ref _matchPointer, _history, _historyMask, _matchTable, _matchShift, _position, _c4, _c8, b);
        // The contexts of this byte were computed after its seventh bit, for both values of the last — unless the match
        // alone coded the byte to its end (a long-match byte skips that step): then they are computed now, for b.
        _contextHash = _inMatch ? Contexts(_c4, _word, _previousWord, _indirect2[_c4 & 0xFFFF], _shapes, _tokens)
            : (b & 1) != 0 ? _nextByte1 : _nextByte0;
        _apm3Key = Hash((uint)_shapes, (uint)(_shapes >> 32), 40);
        _rate = _position < _rampBytes ? RampRate : MixerRate;
        ByteSelectors();
        _inMatch = _matchLength >= _longMatch;
        if (_inMatch)
        {
            _expected = _history[_matchPointer & _historyMask] | 256;
            // The byte's rows of counters — by length bucket, order 1, order 3 (the bit position picks the entry within) — and
            // of weights (by length bucket).
            uint order1 = (uint)(_expected & 0xFF) | ((_c4 & 0xFF) << 8);
            uint order3 = (order1 | (_c4 & 0xFF00) << 8) ^ ((_c4 >> 16) & 0xFF) * 0x85EBCA77u;
            int length = Math.Min(_matchLength, 63) >> 2;
            _matchRow0 = length << 3;
            _matchRow = length * 4;
            _matchRow1 = 128 + (int)(Mix(order1 * 0x9E3779B1u) >> 16);
            _matchRow3 = 128 + (1 << 16) + (int)(Mix(order3 * 0x9E3779B1u) >> 16);
        }
    }

    // Versions 7 and 8, a byte that starts inside a long match: each bit is coded by how often the match's bit was right — for
    // this length (in 16 buckets of 4), after this previous byte, and after these three — the three stretched counters
    // mixed by weights chosen by the length. The hashed contexts, mixers and APMs neither predict nor learn; the byte still
    // enters the history, the match table and the contexts of the next byte. The first bit that differs from the match's
    // hands the rest of the byte to the full model.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int PMatchOnly()
    {
        int position = _bitPosition;
        int expected = (_expected >> (7 - position)) & 1;
        _matchIndex0 = _matchRow0 | position;
        _matchIndex1 = _matchRow1 ^ position;
        _matchIndex2 = _matchRow3 ^ position;
        ref uint counters = ref MemoryMarshal.GetArrayDataReference(_matchOnly);
        _matchSt0 = Stretch(Unsafe.Add(ref counters, _matchIndex0));
        _matchSt1 = Stretch(Unsafe.Add(ref counters, _matchIndex1));
        _matchSt2 = Stretch(Unsafe.Add(ref counters, _matchIndex2));
        ref int w = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_matchOnlyWeights), _matchRow);
        // Summed in 64 bits: the weights are not clamped (they reached ±4.6, 2^16 = 1.0, on the corpus of bench/peers/cm.sh,
        // where three inputs of ±2047 already make 1.8·10^9 of int's 2.1·10^9), so an int sum could wrap on other data.
        long dot = ((long)_matchSt0 * w + (long)_matchSt1 * Unsafe.Add(ref w, 1) + (long)_matchSt2 * Unsafe.Add(ref w, 2) + 256L * Unsafe.Add(ref w, 3)) >> 16;
        int p = Logistic.Squash((int)Math.Clamp(dot, -2047, 2047));
        _matchP = p;
        _p = Math.Clamp(expected != 0 ? p : 4096 - p, 1, 4095);
        return _p;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UpdateMatchOnly(int bit)
    {
        int agrees = bit == ((_expected >> (7 - _bitPosition)) & 1) ? 1 : 0;
        ref uint counters = ref MemoryMarshal.GetArrayDataReference(_matchOnly);
        Train(ref Unsafe.Add(ref counters, _matchIndex0), agrees, MatchOnlyLimit);
        Train(ref Unsafe.Add(ref counters, _matchIndex1), agrees, MatchOnlyLimit);
        Train(ref Unsafe.Add(ref counters, _matchIndex2), agrees, MatchOnlyLimit);
        int error = ((agrees << 12) - _matchP) * MatchOnlyRate;
        ref int w = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_matchOnlyWeights), _matchRow);
        w += (_matchSt0 * error) >> 16;
        Unsafe.Add(ref w, 1) += (_matchSt1 * error) >> 16;
        Unsafe.Add(ref w, 2) += (_matchSt2 * error) >> 16;
        Unsafe.Add(ref w, 3) += (256 * error) >> 16;

        _c0 = (_c0 << 1) | bit;
        _bitPosition++;
        if (_bitPosition == 8)
        {
            NextByte();
            // Version 8: a byte the full model codes after one the match coded to its end reads APM 2 and 3 at its own rows
            // (version 7 kept the rows of the last bit the full model had coded).
            if (!_inMatch && _version >= 8) NextApmRows();
            return;
        }
        if (agrees != 0) return;
        // The byte left the match: the full model codes its remaining bits, from the node of the nibble they are in.
        _inMatch = false;
        int k = _bitPosition;
        if (k < 4)
        {
            _nibble = _c0;
            FindSlots(_contextHash);
            if (k == 3) PrepareSecondNibble();
        }
        else
        {
            _nibble = (1 << (k - 4)) | (_c0 & ((1 << (k - 4)) - 1));
            FindSlots(SecondNibbleHashes(_c0 >> (k - 4)));
            if (k == 7) PrepareNextByte();
        }
        NextApmRows();
    }

    // The mixer rows chosen once a byte: by the previous byte, by the classes of the two previous bytes (with the match
    // bucket added per bit), and by the column and the classes of the byte above and the previous byte.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ByteSelectors()
    {
        int c1 = (int)(_c4 & 0xFF);
        ref byte classes = ref MemoryMarshal.GetArrayDataReference(Tables.Class);
        uint column = (uint)(_position - _lineStart);
        uint above = column < (uint)(_lineStart - _previousLineStart) ? _history[(_previousLineStart + (int)column) & _historyMask] : 0u;
        int columnBucket = column == 0 ? 0 : column < 4 ? 1 : column < 16 ? 2 : 3;
        _sel2 = c1 * Width;
        _classes3 = (Unsafe.Add(ref classes, c1) << 3) | Unsafe.Add(ref classes, (int)(_c4 >> 8) & 0xFF);
        _sel4 = ((columnBucket << 6) | (Unsafe.Add(ref classes, (int)above) << 3) | Unsafe.Add(ref classes, c1)) * Width;
    }

    // The eight context hashes after a byte, one lane each: orders 2, 3, 4, the word pair, the word (or, between words, the
    // previous word with the byte after it), the order-2 indirect context, the shapes and the tokens.
    private static Vector256<uint> Contexts(uint c4, uint word, uint previousWord, uint indirect2, ulong shapes, ulong tokens)
    {
        var a = Vector256.Create(c4 & 0xFFFF, c4 & 0xFFFFFF, c4, word, word != 0 ? word : previousWord, c4 & 0xFFFF, (uint)shapes, (uint)tokens);
        var b = Vector256.Create(0u, 0u, 0u, previousWord, word != 0 ? 0u : (c4 & 0xFF) | 0x100u, indirect2, (uint)(shapes >> 32), (uint)(tokens >> 32));
        return MixLanes((a * 0x9E3779B1u) ^ (b * 0x85EBCA77u + ContextSalt));
    }

    // After bit 7: the contexts of both possible bytes, kept for EndByte, and their first nibble's lines and match-table
    // entries asked for. (Asking two bits ahead, for four bytes, measured no faster.)
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PrepareNextByte()
    {
        for (int bit = 0; bit <= 1; bit++)
        {
            byte b = (byte)((_c0 << 1) | bit);
            uint word = _word, previousWord = _previousWord;
            AdvanceWord(ref word, ref previousWord, b);
            ulong shapes = _shapes, tokens = _tokens;
            AdvanceShapes(ref shapes, ref tokens, b);
            uint c4 = (_c4 << 8) | b;
            // EndByte writes b into indirect2[c2 c1] before this is read at [c1 b]: the same entry when c2 = c1 = b.
            uint indirect = _indirect2[c4 & 0xFFFF];
            if ((c4 & 0xFFFF) == (_c4 & 0xFFFF)) indirect = (ushort)(indirect << 8 | b);
            var hashes = Contexts(c4, word, previousWord, indirect, shapes, tokens);
            if (bit == 0) _nextByte0 = hashes; else _nextByte1 = hashes;
            Prefetch(hashes);
            if (Sse.IsSupported)
            {
                uint h = Mix(c4 * 0x9E3779B1u ^ (((_c8 << 8) | (_c4 >> 24)) & 0xFFFF) * 0x85EBCA77u) >> _matchShift;
                fixed (int* match = _matchTable) Sse.Prefetch0(match + h);
            }
        }
    }

    // After bit 3: the second nibble's line hashes for both values of the bit, kept for Update, their lines asked for.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PrepareSecondNibble()
    {
        _nextNibble0 = SecondNibbleHashes(_c0 << 1);
        _nextNibble1 = SecondNibbleHashes((_c0 << 1) | 1);
        Prefetch(_nextNibble0);
        Prefetch(_nextNibble1);
    }

    // The second nibble's line hashes once the first nibble is known (c0: a 1 and its four bits).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly Vector256<uint> SecondNibbleHashes(int c0) => MixLanes(_contextHash + Vector256.Create((uint)c0 * 0x6F4F2A4Bu));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly Vector256<int> Lines(Vector256<uint> hashes) =>
        _lineBase + Vector256.ShiftLeft(Vector256.ShiftRightLogical(hashes, _lineShift), 6).AsInt32();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private readonly void Prefetch(Vector256<uint> hashes)
    {
        if (!Sse.IsSupported) return;
        var lines = Lines(hashes);
        fixed (byte* table = _table)
        {
            Sse.Prefetch0(table + lines.GetElement(0));
            Sse.Prefetch0(table + lines.GetElement(1));
            Sse.Prefetch0(table + lines.GetElement(2));
            Sse.Prefetch0(table + lines.GetElement(3));
            Sse.Prefetch0(table + lines.GetElement(4));
            Sse.Prefetch0(table + lines.GetElement(5));
            Sse.Prefetch0(table + lines.GetElement(6));
            Sse.Prefetch0(table + lines.GetElement(7));
        }
    }

    // At the start of a nibble: each hashed context's 16-byte slot among the four of the 64-byte line its hash picks (the
    // check byte is the hash's low byte, made odd so 0 means empty); on a miss the slot whose history is shortest (an empty
    // one first) is cleared and taken.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FindSlots(Vector256<uint> hashes)
    {
        var lines = Lines(hashes);
        if (Avx2.IsSupported)
        {
            // The four check bytes of every line at once; the first way that matches wins, as in the loop below, and only
            // the contexts with no match take the loop's victim search.
            var checks = (hashes | Vector256<uint>.One).AsInt32() & Vector256.Create(0xFF);
            Vector256<int> w0, w1, w2, w3;
            fixed (byte* t = _table)
            {
                w0 = GatherBytes(t, lines);
                w1 = GatherBytes(t, lines + Vector256.Create(16));
                w2 = GatherBytes(t, lines + Vector256.Create(32));
                w3 = GatherBytes(t, lines + Vector256.Create(48));
            }
            var m0 = Vector256.Equals(w0, checks);
            var m1 = Vector256.Equals(w1, checks);
            var m2 = Vector256.Equals(w2, checks);
            var m3 = Vector256.Equals(w3, checks);
            var found = Vector256.ConditionalSelect(m0, lines, Vector256.ConditionalSelect(m1, lines + Vector256.Create(16),
                Vector256.ConditionalSelect(m2, lines + Vector256.Create(32), lines + Vector256.Create(48))));
            uint missed = ~(m0 | m1 | m2 | m3).ExtractMostSignificantBits() & 0xFF;
            if (missed != 0)
            {
                ref int foundOf = ref Unsafe.As<Vector256<int>, int>(ref found);
                ref int lineAt = ref Unsafe.As<Vector256<int>, int>(ref lines);
                ref int checkOf = ref Unsafe.As<Vector256<int>, int>(ref checks);
                do
                {
                    int i = BitOperations.TrailingZeroCount(missed);
                    missed &= missed - 1;
                    Unsafe.Add(ref foundOf, i) = Replace(Unsafe.Add(ref lineAt, i), (byte)Unsafe.Add(ref checkOf, i));
                }
                while (missed != 0);
            }
            _slots = found;
            LoadSlots();
            return;
        }
        Vector256<int> slots = default;
        ref int slot = ref Unsafe.As<Vector256<int>, int>(ref slots);
        ref int lineOf = ref Unsafe.As<Vector256<int>, int>(ref lines);
        ref uint hashOf = ref Unsafe.As<Vector256<uint>, uint>(ref hashes);
        ref byte table = ref MemoryMarshal.GetArrayDataReference(_table);
        for (int i = 0; i < Hashed; i++)
        {
            int line = Unsafe.Add(ref lineOf, i);
            byte check = (byte)(Unsafe.Add(ref hashOf, i) | 1);
            int found = -1;
            for (int at = line; at < line + 64; at += 16)
                if (Unsafe.Add(ref table, at) == check) { found = at; break; }
            Unsafe.Add(ref slot, i) = found >= 0 ? found : Replace(line, check);
        }
        _slots = slots;
    }

    // The eight current slots into the four registers (AVX2 only), and back (a no-op without AVX2, where P and Update read and
    // write the table itself).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void LoadSlots()
    {
        var s = _slots;
        fixed (byte* t = _table)
        {
            _slots04 = Vector256.Create(Vector128.Load(t + s.GetElement(0)), Vector128.Load(t + s.GetElement(4)));
            _slots15 = Vector256.Create(Vector128.Load(t + s.GetElement(1)), Vector128.Load(t + s.GetElement(5)));
            _slots26 = Vector256.Create(Vector128.Load(t + s.GetElement(2)), Vector128.Load(t + s.GetElement(6)));
            _slots37 = Vector256.Create(Vector128.Load(t + s.GetElement(3)), Vector128.Load(t + s.GetElement(7)));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly void StoreSlots()
    {
        if (!Avx2.IsSupported) return;
        var s = _slots;
        fixed (byte* t = _table)
        {
            _slots04.GetLower().Store(t + s.GetElement(0)); _slots04.GetUpper().Store(t + s.GetElement(4));
            _slots15.GetLower().Store(t + s.GetElement(1)); _slots15.GetUpper().Store(t + s.GetElement(5));
            _slots26.GetLower().Store(t + s.GetElement(2)); _slots26.GetUpper().Store(t + s.GetElement(6));
            _slots37.GetLower().Store(t + s.GetElement(3)); _slots37.GetUpper().Store(t + s.GetElement(7));
        }
    }

    // The eight states at the current position (_nibble) of the slots held in registers, one per 32-bit lane: each register's
    // byte at that position spread over its halves, then lanes i and i + 4 taken from the register that holds them.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly Vector256<int> SlotStates()
    {
        var at = Vector256.Create((byte)_nibble);
        var s04 = Avx2.Shuffle(_slots04, at).AsInt32();
        var s15 = Avx2.Shuffle(_slots15, at).AsInt32();
        var s26 = Avx2.Shuffle(_slots26, at).AsInt32();
        var s37 = Avx2.Shuffle(_slots37, at).AsInt32();
        var low = Avx2.Blend(s04, s15, 0b0010_0010);
        var high = Avx2.Blend(s26, s37, 0b1000_1000);
        return Avx2.Blend(low, high, 0b1100_1100) & Vector256.Create(0xFF);
    }

    // Writes the eight next states (lane i's low byte) at the current position of the slots held in registers.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetSlotStates(Vector256<int> next)
    {
        var bytes = next.AsByte();
        var position = Vector256.Equals(Vector256.Create((byte)0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), Vector256.Create((byte)_nibble));
        _slots04 = Avx2.BlendVariable(_slots04, Avx2.Shuffle(bytes, Vector256.Create((byte)0)), position);
        _slots15 = Avx2.BlendVariable(_slots15, Avx2.Shuffle(bytes, Vector256.Create((byte)4)), position);
        _slots26 = Avx2.BlendVariable(_slots26, Avx2.Shuffle(bytes, Vector256.Create((byte)8)), position);
        _slots37 = Avx2.BlendVariable(_slots37, Avx2.Shuffle(bytes, Vector256.Create((byte)12)), position);
    }

    // A context whose line holds no slot with its check byte: the slot whose history is shortest (an empty one first, the
    // first of equals) is cleared and given the check byte.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private readonly int Replace(int line, byte check)
    {
        ref byte table = ref MemoryMarshal.GetArrayDataReference(_table);
        ref byte priority = ref MemoryMarshal.GetArrayDataReference(States.Priority);
        int victim = line, victimPriority = int.MaxValue;
        for (int at = line; at < line + 64; at += 16)
        {
            byte head = Unsafe.Add(ref table, at);
            int pr = head == 0 ? -1 : Unsafe.Add(ref priority, Unsafe.Add(ref table, at + 1));
            if (pr < victimPriority) { victimPriority = pr; victim = at; }
        }
        Unsafe.InitBlockUnaligned(ref Unsafe.Add(ref table, victim), 0, 16);
        Unsafe.Add(ref table, victim) = check;
        return victim;
    }

    // Σ x·w over the four mixers' rows at once (AVX2: vpmaddwd, and one horizontal reduction for all four; otherwise the
    // same integers — a sum of int products wraps the same way in any order).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly Vector128<int> Dot4(Vector256<short> low, Vector256<short> high, int at1, int at2, int at3, int at4)
    {
        ref short w1 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_weights1), at1);
        ref short w2 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_weights2), at2);
        ref short w3 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_weights3), at3);
        ref short w4 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_weights4), at4);
        if (Avx2.IsSupported)
        {
            var d1 = Avx2.Add(Avx2.MultiplyAddAdjacent(low, Vector256.LoadUnsafe(ref w1)), Avx2.MultiplyAddAdjacent(high, Vector256.LoadUnsafe(ref w1, 16)));
            var d2 = Avx2.Add(Avx2.MultiplyAddAdjacent(low, Vector256.LoadUnsafe(ref w2)), Avx2.MultiplyAddAdjacent(high, Vector256.LoadUnsafe(ref w2, 16)));
            var d3 = Avx2.Add(Avx2.MultiplyAddAdjacent(low, Vector256.LoadUnsafe(ref w3)), Avx2.MultiplyAddAdjacent(high, Vector256.LoadUnsafe(ref w3, 16)));
            var d4 = Avx2.Add(Avx2.MultiplyAddAdjacent(low, Vector256.LoadUnsafe(ref w4)), Avx2.MultiplyAddAdjacent(high, Vector256.LoadUnsafe(ref w4, 16)));
            var s = Avx2.HorizontalAdd(Avx2.HorizontalAdd(d1, d2), Avx2.HorizontalAdd(d3, d4));
            return s.GetLower() + s.GetUpper();
        }
        return Vector128.Create(DotRow(ref w1, low, high), DotRow(ref w2, low, high), DotRow(ref w3, low, high), DotRow(ref w4, low, high));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Gather(int* table, Vector256<int> index)
    {
        if (Avx2.IsSupported) return Avx2.GatherVector256(table, index, 4);
        return Vector256.Create(table[index.GetElement(0)], table[index.GetElement(1)], table[index.GetElement(2)], table[index.GetElement(3)],
            table[index.GetElement(4)], table[index.GetElement(5)], table[index.GetElement(6)], table[index.GetElement(7)]);
    }

    // The bytes at table + index (the hashed table has at least 3 bytes after its last slot, so the 4-byte gather stays inside).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> GatherBytes(byte* table, Vector256<int> index)
    {
        if (Avx2.IsSupported) return Avx2.GatherVector256((int*)table, index, 1) & Vector256.Create(0xFF);
        return Vector256.Create(table[index.GetElement(0)], table[index.GetElement(1)], table[index.GetElement(2)], table[index.GetElement(3)],
            table[index.GetElement(4)], table[index.GetElement(5)], table[index.GetElement(6)], (int)table[index.GetElement(7)]);
    }

    // The lanes are stored once and read back one by one (GetElement with a variable index stores the vector each time).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Scatter(int* table, Vector256<int> index, Vector256<int> values)
    {
        int* i = (int*)&index, v = (int*)&values;
        table[i[0]] = v[0]; table[i[1]] = v[1]; table[i[2]] = v[2]; table[i[3]] = v[3];
        table[i[4]] = v[4]; table[i[5]] = v[5]; table[i[6]] = v[6]; table[i[7]] = v[7];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ScatterBytes(byte* table, Vector256<int> index, Vector256<int> values)
    {
        int* i = (int*)&index, v = (int*)&values;
        table[i[0]] = (byte)v[0]; table[i[1]] = (byte)v[1]; table[i[2]] = (byte)v[2]; table[i[3]] = (byte)v[3];
        table[i[4]] = (byte)v[4]; table[i[5]] = (byte)v[5]; table[i[6]] = (byte)v[6]; table[i[7]] = (byte)v[7];
    }

    // h ^= h >> 16; h *= 0x7FEB352D; h ^= h >> 15; h *= 0x846CA68B; h ^= h >> 16, in every lane (CmShared.Mix).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> MixLanes(Vector256<uint> h)
    {
        h ^= Vector256.ShiftRightLogical(h, 16);
        h *= 0x7FEB352Du;
        h ^= Vector256.ShiftRightLogical(h, 15);
        h *= 0x846CA68Bu;
        return h ^ Vector256.ShiftRightLogical(h, 16);
    }

    private static Vector256<uint> ContextSalt => Vector256.Create(1u, 2, 3, 4, 5, 6, 7, 8) * 0xC2B2AE3Du;

    private static Vector256<int> MapOffsets => Vector256.Create(0, 256, 512, 768, 1024, 1280, 1536, 1792);

    // The mixers learn at the byte's rate (MixerRate, or RampRate early in a version-8 block): w += round(x·rate·err / 2^15).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly void Learn(short[] weights, int at, int bit, int p) => CmShared.Learn(weights, at, _x, ((bit << 12) - p) * _rate);

    // The mixer weights a fresh model starts with: 1.0 for each stretched prediction, 0 for the other inputs.
    private static short[] InitWeights(short[] weights)
    {
        Span<short> row = stackalloc short[Width];
        row.Clear();
        row[..2].Fill(1 << 13);      // order 0, order 1
        row[2] = 1 << 13;            // the match model's two
        row[3] = 1 << 13;
        row[16..24].Fill(1 << 13);   // the eight hashed contexts
        for (int at = 0; at < weights.Length; at += Width) row.CopyTo(weights.AsSpan(at, Width));
        return weights;
    }

    // Pinned lookup tables as 32-bit entries, for gathers.
    private static class Tables
    {
        private static readonly List<int[]> Keep = [];
        public static readonly int* Stretch = Build(4096, p => Logistic.Stretch(p));
        public static readonly int* OneSidedMask = Build(256, s => -States.OneSided[s]);
        public static readonly int* Next = Build(512, i => States.Next[i]);
        public static readonly int* Reciprocal = Build(1024, n => 65536 / (2 * n + 3));
        public static readonly byte[] Class = BuildClass();

        private static int* Build(int count, Func<int, int> f)
        {
            var array = GC.AllocateArray<int>(count, pinned: true);
            for (int i = 0; i < count; i++) array[i] = f(i);
            Keep.Add(array);
            return (int*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        }

        private static byte[] BuildClass()
        {
            var classes = new byte[256];
            for (int c = 0; c < 256; c++) classes[c] = (byte)ByteClass(c);
            return classes;
        }
    }
}
