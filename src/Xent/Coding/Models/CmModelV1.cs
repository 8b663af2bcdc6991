using System.Numerics;
using System.Runtime.CompilerServices;

using static Xent.Coding.CmShared;

namespace Xent.Coding;

/// <summary>
/// Version 1 of the CM block format's model, kept so blocks written before version 2 still decode (the encoder no longer
/// uses it). A context-mixing model of bytes, bit by bit, in the lpaq family: predictions from an order-0 and an order-1 table, five
/// hashed contexts of orders 2, 3, 4, 5 and 6, a whole-word context and a match model are stretched, mixed by two small
/// logistic neural mixers (weights chosen by the partial current byte and by the previous byte), and refined by two
/// adaptive probability maps (SSE). Predictions are 12-bit probabilities that the next bit is 1.
/// </summary>
/// <remarks>
/// <para>Bits of a byte are modelled most significant first; the context of a bit is the previous bytes plus the bits of the
/// current byte already seen (the "partial byte" c0 = 1 followed by them). Each hashed context selects, at the start of each
/// nibble, a 64-byte bucket (a check word and 15 counters, one per node of the nibble's binary tree), so one cache line serves
/// four bits; two candidate buckets are tried and the one seen less often is replaced on a miss.</para>
/// <para>A counter is a 22-bit probability with a 10-bit count n: it moves toward each bit by 1/(n + 1.5), so it averages
/// while young and tracks a drifting source once n reaches its limit. The mixer output and the SSE stages are integer
/// arithmetic only, so the encoder and the decoder compute the same prediction on every machine.</para>
/// <para>The model is the whole of a block's state: it starts fresh for each block and sees the bytes of that block only.</para>
/// </remarks>
internal struct CmModelV1 : ICostedBitModel
{
    /// <summary>The lowest level: tables of 2^17 counters per context.</summary>
    public const int MinLevel = 1;

    /// <summary>The highest level: tables of 2^24 counters (64 MiB) per hashed context.</summary>
    public const int MaxLevel = 9;

    /// <summary>The default level: 2^22 counters (16 MiB) per hashed context, about 110 MiB in all.</summary>
    public const int DefaultLevel = 7;

    private const int Hashed = 6;            // orders 2, 3, 4, 5, 6 and the word
    private const int Inputs = 2 + Hashed + 1 + 1;  // + order 0, order 1, match, bias
    private const int MatchMinimum = 6;
    private const int MatchInput = 2 + Hashed;
    private const int Bias = 256;
    private const uint CounterInit = 1u << 31;
    private const int ApmRate = 7;

    private readonly CmStages _stages;
    private readonly int _hashedLimit;
    private readonly int _mixerRate;

    private readonly uint[] _t0;
    private readonly uint[] _t1;
    private readonly uint[] _hashed;
    private readonly int _bucketShift;
    private readonly int _tableCounters;

    private readonly int[] _weights1;
    private readonly int[] _weights2;
    private readonly ushort[] _apm1;
    private readonly ushort[] _apm2;

    private readonly byte[] _history;
    private readonly int _historyMask;
    private readonly int[] _matchTable;
    private readonly int _matchShift;
    private readonly uint[] _matchCounters;

    private readonly uint[] _contextHash;
    private readonly int[] _bucket;
    private readonly int[] _x;
    private readonly int[] _slot;

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
    private int _st1;
    private int _st2;
    private int _p1;
    private int _p2;
    private int _apmIndex1;
    private int _apmIndex2;
    private int _p;

    /// <summary>A fresh model for a block of <paramref name="length"/> bytes at <paramref name="level"/> (1 … 9): the hashed tables
    /// hold 2^(15 + level) counters each, or fewer when the block is short (never more than the block can fill), so a small
    /// block costs little memory.</summary>
    /// <exception cref="ArgumentOutOfRangeException">level is outside 1 … 9, or length &lt; 0.</exception>
    public CmModelV1(int level, int length) : this(level, length, CmStages.All) { }

    internal CmModelV1(int level, int length, CmStages stages)
    {
        if (level < MinLevel || level > MaxLevel) ThrowHelper.ThrowArgumentOutOfRange(nameof(level), level, $"the level must be in {MinLevel} … {MaxLevel}");
        if (length < 0) ThrowHelper.ThrowArgumentOutOfRange(nameof(length), length, "the block length must be ≥ 0");
        _stages = stages;
        _hashedLimit = 127;
        _mixerRate = 6;
        // Two nibbles per byte, one bucket of 16 counters each: 32 counters per byte at most.
        int fill = 64 - BitOperations.LeadingZeroCount((ulong)Math.Max(length, 1) * 32 - 1);
        int counterBits = Math.Clamp(fill, 12, 15 + level);
        _tableCounters = 1 << counterBits;
        _bucketShift = 32 - (counterBits - 4);
        _hashed = new uint[Hashed * _tableCounters];
        _t0 = new uint[256];
        _t1 = new uint[1 << 16];
        _t0.AsSpan().Fill(CounterInit);
        _t1.AsSpan().Fill(CounterInit);

        _weights1 = new int[256 * Inputs];
        _weights2 = new int[256 * Inputs];
        _weights1.AsSpan().Fill(1 << 14);
        _weights2.AsSpan().Fill(1 << 14);
        _apm1 = InitApm(new ushort[256 * 33]);
        _apm2 = InitApm(new ushort[(1 << 16) * 33], 1 << 16);

        int historyBits = HistoryBits(length);
        _history = new byte[1 << historyBits];
        _historyMask = (1 << historyBits) - 1;
        int matchBits = MatchBits(level, length);
        _matchTable = new int[1 << matchBits];
        _matchShift = 32 - matchBits;
        _matchCounters = new uint[64];
        _matchCounters.AsSpan().Fill(CounterInit);

        _contextHash = new uint[Hashed];
        _bucket = new int[Hashed];
        _x = new int[Inputs];
        _slot = new int[Inputs];
        _c0 = 1;
        _nibble = 1;
        _matchSlot = -1;
        ByteContexts();
        NibbleBuckets();
    }

    /// <summary>The bytes this model allocates for a block of <paramref name="length"/> bytes at <paramref name="level"/>.</summary>
    public static long MemoryBytes(int level, int length)
    {
        int fill = 64 - BitOperations.LeadingZeroCount((ulong)Math.Max(length, 1) * 32 - 1);
        int counterBits = Math.Clamp(fill, 12, 15 + level);
        int historyBits = HistoryBits(length);
        int matchBits = MatchBits(level, length);
        return (4L * Hashed << counterBits)
            + 4L * ((1 << 16) + 256) + 2L * 33 * ((1 << 16) + 256) + (1L << historyBits) + (4L << matchBits) + 2L * 4 * 256 * Inputs;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int P()
    {
        var x = _x;
        int c0 = _c0;
        int c1 = (int)(_c4 & 0xFF);
        _slot[0] = c0;
        x[0] = Stretch(_t0[c0]);
        _slot[1] = (c1 << 8) | c0;
        x[1] = Stretch(_t1[_slot[1]]);
        for (int i = 0; i < Hashed; i++)
        {
            int slot = _bucket[i] + _nibble;
            _slot[2 + i] = slot;
            x[2 + i] = (_stages & CmStages.Order2To6) == 0 && i < 5 || (_stages & CmStages.Word) == 0 && i == 5 ? 0 : Stretch(_hashed[slot]);
        }
        _matchSlot = -1;
        x[MatchInput] = 0;
        if (_matchLength > 0 && (_stages & CmStages.Match) != 0)
        {
            int expected = _history[_matchPointer & _historyMask] | 256;
            if (expected >> (8 - _bitPosition) == c0)
            {
                int bit = (expected >> (7 - _bitPosition)) & 1;
                _matchSlot = (Math.Min(_matchLength, 31) << 1) | bit;
                x[MatchInput] = Stretch(_matchCounters[_matchSlot]);
            }
            else _matchLength = 0;
        }
        x[Inputs - 1] = Bias;

        _st1 = Dot(_weights1, c0 * Inputs);
        _p1 = Logistic.Squash(_st1);
        int p;
        if ((_stages & CmStages.SecondMixer) != 0)
        {
            _st2 = Dot(_weights2, c1 * Inputs);
            _p2 = Logistic.Squash(_st2);
            p = Logistic.Squash((_st1 + _st2) >> 1);
        }
        else p = _p1;

        if ((_stages & CmStages.Apm) != 0)
        {
            int a1 = Apm(_apm1, c0, p, out _apmIndex1);
            int a2 = Apm(_apm2, (c1 << 8) | c0, p, out _apmIndex2);
            // Measured on text, man pages and ELF files: the order-1 map deserves most of the weight, the mixer's own output none.
            p = (a1 + 3 * a2 + 2) >> 2;
        }
        _p = Math.Clamp(p, 1, 4095);
        return _p;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Update(int bit)
    {
        Train(ref _t0[_slot[0]], bit, 1023);
        Train(ref _t1[_slot[1]], bit, 1023);
        for (int i = 0; i < Hashed; i++) Train(ref _hashed[_slot[2 + i]], bit, _hashedLimit);
        if (_matchSlot >= 0) Train(ref _matchCounters[_matchSlot], bit, 1023);

        int c0 = _c0;
        Learn(_weights1, c0 * Inputs, bit, _p1);
        if ((_stages & CmStages.SecondMixer) != 0) Learn(_weights2, (int)(_c4 & 0xFF) * Inputs, bit, _p2);
        if ((_stages & CmStages.Apm) != 0)
        {
            LearnApm(_apm1, _apmIndex1, bit, ApmRate);
            LearnApm(_apm2, _apmIndex2, bit, ApmRate);
        }

        _c0 = (c0 << 1) | bit;
        _nibble = (_nibble << 1) | bit;
        _bitPosition++;
        if (_bitPosition == 8)
        {
            EndByte((byte)_c0);
            _c0 = 1;
            _bitPosition = 0;
            _nibble = 1;
            NibbleBuckets();
        }
        else if (_bitPosition == 4)
        {
            _nibble = 1;
            NibbleBuckets();
        }
    }

    /// <summary>−log2 of the probability the last <see cref="P"/> gave <paramref name="bit"/>, in bits.</summary>
    public readonly double CodeLength(int bit) => Logistic.Cost[bit != 0 ? _p : 4096 - _p];

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
                if (candidate > 0 && _position - candidate < _history.Length - 1)
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
        _contextHash[3] = Hash(c4, c8 & 0xFF, 5);
        _contextHash[4] = Hash(c4, c8 & 0xFFFF, 6);
        _contextHash[5] = _word != 0 ? Hash(_word, 0, 7) : Hash(_previousWord, c4 & 0xFF, 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void NibbleBuckets()
    {
        uint nibbleContext = (uint)(_bitPosition == 0 ? 0 : _c0) * 0x6F4F2A4Bu;
        for (int i = 0; i < Hashed; i++)
        {
            uint h = Mix(_contextHash[i] + nibbleContext);
            int table = i * _tableCounters;
            int b0 = table + (int)(h >> _bucketShift << 4);
            int b1 = table + ((int)(h >> _bucketShift << 4) ^ 16);
            uint check = h | 1;
            var t = _hashed;
            if (t[b0] == check) _bucket[i] = b0;
            else if (t[b1] == check) _bucket[i] = b1;
            else
            {
                int victim = (t[b0 + 1] & 1023) <= (t[b1 + 1] & 1023) ? b0 : b1;
                t[victim] = check;
                t.AsSpan(victim + 1, 15).Fill(CounterInit);
                _bucket[i] = victim;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int Dot(int[] weights, int at)
    {
        long sum = 0;
        var w = weights.AsSpan(at, Inputs);
        var x = _x.AsSpan(0, Inputs);
        for (int i = 0; i < x.Length; i++) sum += (long)x[i] * w[i];
        return (int)Math.Clamp(sum >> 16, -2047, 2047);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly void Learn(int[] weights, int at, int bit, int p)
    {
        int error = ((bit << 12) - p) * _mixerRate;
        var w = weights.AsSpan(at, Inputs);
        var x = _x.AsSpan(0, Inputs);
        for (int i = 0; i < x.Length; i++) w[i] += (x[i] * error + 2048) >> 12;
    }
}

/// <summary>The stages of <see cref="CmModelV1"/> that can be switched off, to measure what each contributes (docs/coding/context-mixing.md).</summary>
[Flags]
internal enum CmStages
{
    None = 0,
    Order2To6 = 1,
    Word = 2,
    Match = 4,
    SecondMixer = 8,
    Apm = 16,
    All = Order2To6 | Word | Match | SecondMixer | Apm,
}
