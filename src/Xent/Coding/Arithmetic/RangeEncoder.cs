using System.Runtime.CompilerServices;

namespace Xent.Coding;

/// <summary>
/// A multi-symbol range encoder with 32-bit range and carry propagation (Schindler's scheme as LZMA implements it: a 64-bit
/// low, the last byte held back with a count of pending 0xFF bytes until a carry is ruled out). A symbol with frequency f of a
/// total T ≤ 2^16 costs −log2(f / T) bits plus a loss below 2^−8 relative to the range (range / T is truncated; the range is
/// kept ≥ 2^24).
/// </summary>
/// <remarks>
/// <para>The coder knows no probabilities: <see cref="Encode(int, int, int)"/> takes an interval, and
/// <see cref="Encode{TModel}(int, ref TModel)"/> asks a model generic over a struct, then lets it learn the symbol.</para>
/// <para>LZMA's always-zero first byte is not written. <see cref="Finish"/> flushes the low bound in full, so the decoder reads
/// exactly the bytes written and ends with code = 0 (<see cref="RangeDecoder.IsFinishedOk"/>). When the destination is full
/// the encoder stops writing and sets <see cref="Overflowed"/>.</para>
/// </remarks>
public ref struct RangeEncoder
{
    /// <summary>The largest total frequency a model may use: 2^16.</summary>
    public const int MaxTotal = 1 << 16;

    private const uint Top = 1u << 24;

    private readonly Span<byte> _destination;
    private ulong _low;
    private uint _range;
    private byte _cache;
    private long _pending;
    private int _position;
    private bool _first;
    private bool _overflowed;

    /// <summary>An encoder writing into <paramref name="destination"/> from its start.</summary>
    /// <param name="destination">Receives the coded bytes. About (Σ −log2 q)/8 + 5 bytes for the symbols coded; when it is
    /// too small the encoder writes what fits and sets <see cref="Overflowed"/> instead of throwing.</param>
    public RangeEncoder(Span<byte> destination)
    {
        _destination = destination;
        _range = uint.MaxValue;
        _pending = 1;
        _first = true;
    }

    /// <summary>Bytes written so far (after <see cref="Finish"/>: the encoded size).</summary>
    public readonly int BytesWritten => _position;

    /// <summary>True when the destination was too small: the output is incomplete and must not be used.</summary>
    public readonly bool Overflowed => _overflowed;

    /// <summary>Codes the interval start … start + frequency − 1 of <paramref name="total"/> (1 ≤ frequency, start + frequency ≤
    /// total ≤ 2^16; not checked: the model's invariant).</summary>
    /// <param name="start">Fₛ, the cumulative frequency where the symbol's interval begins: 0 … total − frequency.</param>
    /// <param name="frequency">fₛ ≥ 1, the width of the symbol's interval: the symbol's probability is frequency / total.</param>
    /// <param name="total">The sum of the model's frequencies, 1 … <see cref="MaxTotal"/> (2^16); the decoder must use the
    /// same total for this symbol.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Encode(int start, int frequency, int total)
    {
        uint r = _range / (uint)total;
        _low += (ulong)r * (uint)start;
        _range = r * (uint)frequency;
        while (_range < Top)
        {
            _range <<= 8;
            ShiftLow();
        }
    }

    /// <summary>Codes <paramref name="symbol"/> with the frequencies of <paramref name="model"/>, then lets the model learn it.</summary>
    /// <typeparam name="TModel">The model's type: a struct, so the calls are devirtualized.</typeparam>
    /// <param name="symbol">The symbol to code, in the model's alphabet (0 … 255 for a byte model).</param>
    /// <param name="model">The adaptive model: its <see cref="IAdaptiveSymbolModel.Frequency"/> gives the interval, then
    /// <see cref="IAdaptiveSymbolModel.Update"/> learns <paramref name="symbol"/> (passed by reference, so its state advances).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Encode<TModel>(int symbol, ref TModel model) where TModel : struct, IAdaptiveSymbolModel
    {
        int f = model.Frequency(symbol, out int start);
        Encode(start, f, model.Total);
        model.Update(symbol);
    }

    /// <summary>Flushes the low bound; returns the total bytes written.</summary>
    public int Finish()
    {
        for (int i = 0; i < 5; i++) ShiftLow();
        return _position;
    }

    private void ShiftLow()
    {
        if ((uint)_low < 0xFF000000u || (_low >> 32) != 0)
        {
            byte carry = (byte)(_low >> 32);
            byte temp = _cache;
            do
            {
                Put((byte)(temp + carry));
                temp = 0xFF;
            }
            while (--_pending != 0);
            _cache = (byte)(_low >> 24);
        }
        _pending++;
        _low = (_low & 0x00FFFFFF) << 8;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Put(byte value)
    {
        if (_first) { _first = false; return; }
        if ((uint)_position < (uint)_destination.Length) _destination[_position++] = value;
        else _overflowed = true;
    }
}

/// <summary>
/// The decoder of <see cref="RangeEncoder"/>. It never reads outside its source (past the end it reads zeros and sets
/// <see cref="Truncated"/>), and a slot outside the model's total marks the input corrupt (<see cref="Corrupt"/>) instead of
/// throwing.
/// </summary>
public ref struct RangeDecoder
{
    private const uint Top = 1u << 24;

    private readonly ReadOnlySpan<byte> _source;
    private uint _range;
    private uint _code;
    private uint _r;
    private int _position;
    private bool _truncated;
    private bool _corrupt;

    /// <summary>A decoder reading <paramref name="source"/> from its start (the first 4 bytes are read at once).</summary>
    /// <param name="source">The bytes a <see cref="RangeEncoder"/> wrote, from their first byte; bytes after them are left
    /// unread. A short or corrupt source is never read past: check <see cref="Truncated"/>, <see cref="Corrupt"/> and
    /// <see cref="IsFinishedOk"/> after the last symbol.</param>
    public RangeDecoder(ReadOnlySpan<byte> source)
    {
        _source = source;
        _range = uint.MaxValue;
        for (int i = 0; i < 4; i++) _code = (_code << 8) | Next();
    }

    /// <summary>Bytes read so far.</summary>
    public readonly int BytesConsumed => _position;

    /// <summary>True when the decoder needed bytes past the end of its source.</summary>
    public readonly bool Truncated => _truncated;

    /// <summary>True when a decoded slot fell outside the model's total: the input is not an encoder's output.</summary>
    public readonly bool Corrupt => _corrupt;

    /// <summary>True when the stream ended as <see cref="RangeEncoder.Finish"/> leaves it: nothing read past the end, no corrupt
    /// slot, and code = 0.</summary>
    public readonly bool IsFinishedOk => !_truncated && !_corrupt && _code == 0;

    /// <summary>The slot 0 … total − 1 the next symbol's interval holds; then <see cref="Consume"/> that interval. A slot past
    /// the total (corrupt input) is clamped to total − 1 and sets <see cref="Corrupt"/>.</summary>
    /// <param name="total">The sum of the model's frequencies for this symbol, 1 … <see cref="RangeEncoder.MaxTotal"/>: the
    /// total the encoder used (not checked).</param>
    /// <returns>A slot in 0 … total − 1; the symbol is the one whose interval holds it.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Slot(int total)
    {
        _r = _range / (uint)total;
        uint slot = _code / _r;
        if (slot >= (uint)total)
        {
            _corrupt = true;
            slot = (uint)total - 1;
        }
        return (int)slot;
    }

    /// <summary>Removes the interval start … start + frequency − 1 found through <see cref="Slot"/>.</summary>
    /// <param name="start">Fₛ of the symbol whose interval holds the slot <see cref="Slot"/> returned.</param>
    /// <param name="frequency">fₛ ≥ 1 of that symbol, of the same total as the <see cref="Slot"/> call (not checked).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Consume(int start, int frequency)
    {
        _code -= _r * (uint)start;
        _range = _r * (uint)frequency;
        while (_range < Top)
        {
            _code = (_code << 8) | Next();
            _range <<= 8;
        }
    }

    /// <summary>Decodes one symbol with the frequencies of <paramref name="model"/>, then lets the model learn it.</summary>
    /// <typeparam name="TModel">The model's type: a struct, so the calls are devirtualized.</typeparam>
    /// <param name="model">The adaptive model, in the state the encoder's model had at this symbol: its
    /// <see cref="IAdaptiveSymbolModel.Find"/> maps the slot to a symbol, then <see cref="IAdaptiveSymbolModel.Update"/>
    /// learns it (passed by reference, so its state advances).</param>
    /// <returns>The symbol decoded (on corrupt input, some symbol of the model's alphabet, with <see cref="Corrupt"/> set).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Decode<TModel>(ref TModel model) where TModel : struct, IAdaptiveSymbolModel
    {
        int symbol = model.Find(Slot(model.Total), out int start, out int frequency);
        Consume(start, frequency);
        model.Update(symbol);
        return symbol;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint Next()
    {
        if ((uint)_position < (uint)_source.Length) return _source[_position++];
        _truncated = true;
        return 0;
    }
}
