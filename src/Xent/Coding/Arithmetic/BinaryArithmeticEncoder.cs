using System.Runtime.CompilerServices;

namespace Xent.Coding;

/// <summary>
/// A binary arithmetic encoder, carryless with 32-bit bounds (the coder of lpaq1 and paq8): each bit narrows the interval
/// [x1, x2] in proportion to its 12-bit probability, and the leading byte is written as soon as x1 and x2 agree on it, so no
/// carry ever propagates. A bit of probability q costs −log2 q bits plus a rounding loss below 2^−12 relative to the
/// interval (the interval is split at <c>x1 + (x2 − x1)·p / 4096</c>, computed exactly in two halves).
/// </summary>
/// <remarks>
/// <para>The coder knows no probabilities: <see cref="Encode(int, int)"/> takes one, <see cref="Encode{TModel}(int, ref TModel)"/>
/// asks a model (generic over a struct, so the call is devirtualized) and lets it learn the bit.</para>
/// <para><see cref="Finish"/> writes x1 in full (4 bytes), so <see cref="BinaryArithmeticDecoder"/> reads exactly the bytes
/// written and can check at the end that its state is the encoder's (<see cref="BinaryArithmeticDecoder.IsFinishedOk"/>).
/// When the destination is full the encoder stops writing and sets <see cref="Overflowed"/>; the caller then stores the
/// data instead.</para>
/// </remarks>
public ref struct BinaryArithmeticEncoder
{
    private readonly Span<byte> _destination;
    private uint _x1;
    private uint _x2;
    private int _position;
    private bool _overflowed;

    /// <summary>An encoder writing into <paramref name="destination"/> from its start.</summary>
    /// <param name="destination">Receives the coded bytes. About (Σ −log2 q)/8 + 4 bytes for the bits coded; when it is too
    /// small the encoder writes what fits and sets <see cref="Overflowed"/> instead of throwing.</param>
    public BinaryArithmeticEncoder(Span<byte> destination)
    {
        _destination = destination;
        _x1 = 0;
        _x2 = uint.MaxValue;
    }

    /// <summary>Bytes written so far (after <see cref="Finish"/>: the encoded size).</summary>
    public readonly int BytesWritten => _position;

    /// <summary>True when the destination was too small: the output is incomplete and must not be used.</summary>
    public readonly bool Overflowed => _overflowed;

    /// <summary>Codes <paramref name="bit"/> (0 or 1) when the probability that it is 1 is <paramref name="p"/> / 4096,
    /// 1 ≤ p ≤ 4095 (not checked: the model's invariant).</summary>
    /// <param name="bit">The bit to code: 0, or any other value for 1.</param>
    /// <param name="p">P(bit = 1) in units of 1/4096, 1 … 4095; the decoder must be given the same p. Outside that range
    /// the output is undefined (not checked).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Encode(int bit, int p)
    {
        uint range = _x2 - _x1;
        uint xmid = _x1 + (range >> 12) * (uint)p + (((range & 0xFFF) * (uint)p) >> 12);
        if (bit != 0) _x2 = xmid;
        else _x1 = xmid + 1;
        while (((_x1 ^ _x2) & 0xFF000000) == 0)
        {
            Put((byte)(_x2 >> 24));
            _x1 <<= 8;
            _x2 = (_x2 << 8) | 0xFF;
        }
    }

    /// <summary>Codes <paramref name="bit"/> with the prediction of <paramref name="model"/>, then lets the model learn it.</summary>
    /// <typeparam name="TModel">The model's type: a struct, so the calls are devirtualized.</typeparam>
    /// <param name="bit">The bit to code: 0 or 1.</param>
    /// <param name="model">The adaptive model: its <see cref="IBitModel.P"/> gives the probability, then
    /// <see cref="IBitModel.Update"/> learns <paramref name="bit"/> (passed by reference, so its state advances).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Encode<TModel>(int bit, ref TModel model) where TModel : struct, IBitModel
    {
        Encode(bit, model.P());
        model.Update(bit);
    }

    /// <summary>Writes the last 4 bytes (x1, most significant first); returns the total bytes written.</summary>
    public int Finish()
    {
        for (int i = 0; i < 4; i++)
        {
            Put((byte)(_x1 >> 24));
            _x1 <<= 8;
        }
        return _position;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Put(byte value)
    {
        if ((uint)_position < (uint)_destination.Length) _destination[_position++] = value;
        else _overflowed = true;
    }
}

/// <summary>
/// The decoder of <see cref="BinaryArithmeticEncoder"/>: given the same probabilities in the same order, it returns the
/// coded bits. It never reads outside its source: past the end it reads zeros and sets <see cref="Truncated"/>.
/// </summary>
public ref struct BinaryArithmeticDecoder
{
    private readonly ReadOnlySpan<byte> _source;
    private uint _x1;
    private uint _x2;
    private uint _x;
    private int _position;
    private bool _truncated;

    /// <summary>A decoder reading <paramref name="source"/> from its start (the first 4 bytes are read at once).</summary>
    /// <param name="source">The bytes a <see cref="BinaryArithmeticEncoder"/> wrote, from their first byte; bytes after them
    /// are left unread. A short or corrupt source is never read past: check <see cref="Truncated"/> and
    /// <see cref="IsFinishedOk"/> after the last bit.</param>
    public BinaryArithmeticDecoder(ReadOnlySpan<byte> source)
    {
        _source = source;
        _x1 = 0;
        _x2 = uint.MaxValue;
        for (int i = 0; i < 4; i++) _x = (_x << 8) | Next();
    }

    /// <summary>Bytes read so far.</summary>
    public readonly int BytesConsumed => _position;

    /// <summary>True when the decoder needed bytes past the end of its source.</summary>
    public readonly bool Truncated => _truncated;

    /// <summary>
    /// True when the stream ended as an encoder's <see cref="BinaryArithmeticEncoder.Finish"/> leaves it: nothing read past the
    /// end and the decoder's state equal to the encoder's final x1. Corrupt input passes this check with probability about
    /// 2^−24 or less.
    /// </summary>
    public readonly bool IsFinishedOk => !_truncated && _x == _x1;

    /// <summary>Decodes one bit whose probability of being 1 is <paramref name="p"/> / 4096 (1 ≤ p ≤ 4095).</summary>
    /// <param name="p">P(bit = 1) in units of 1/4096, 1 … 4095: the value the encoder was given for this bit (not checked).</param>
    /// <returns>The bit: 0 or 1.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Decode(int p)
    {
        uint range = _x2 - _x1;
        uint xmid = _x1 + (range >> 12) * (uint)p + (((range & 0xFFF) * (uint)p) >> 12);
        int bit;
        if (_x <= xmid) { bit = 1; _x2 = xmid; }
        else { bit = 0; _x1 = xmid + 1; }
        while (((_x1 ^ _x2) & 0xFF000000) == 0)
        {
            _x1 <<= 8;
            _x2 = (_x2 << 8) | 0xFF;
            _x = (_x << 8) | Next();
        }
        return bit;
    }

    /// <summary>Decodes one bit with the prediction of <paramref name="model"/>, then lets the model learn it.</summary>
    /// <typeparam name="TModel">The model's type: a struct, so the calls are devirtualized.</typeparam>
    /// <param name="model">The adaptive model, in the state the encoder's model had at this bit: its
    /// <see cref="IBitModel.P"/> gives the probability, then <see cref="IBitModel.Update"/> learns the decoded bit (passed
    /// by reference, so its state advances).</param>
    /// <returns>The bit: 0 or 1.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Decode<TModel>(ref TModel model) where TModel : struct, IBitModel
    {
        int bit = Decode(model.P());
        model.Update(bit);
        return bit;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint Next()
    {
        if ((uint)_position < (uint)_source.Length) return _source[_position++];
        _truncated = true;
        return 0;
    }
}
