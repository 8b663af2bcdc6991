using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Xent.Coding;

/// <summary>
/// Reads a bit stream written by <see cref="BitWriter"/>: least significant bit first (the first bit of the stream is bit 0
/// of byte 0), through a 64-bit container whose low <see cref="BitsAvailable"/> bits are the next bits of the stream.
/// </summary>
/// <remarks>
/// <para>A refill ("variant 4" of Fabian Giesen's bit readers) loads 8 bytes above the valid bits and advances by the whole
/// bytes that fit, leaving 56 to 63 valid bits, without a branch or a loop:</para>
/// <code>
///  container after a refill, count = 56 … 63
///  63            count            0
/// ┌──────────────┬─────────────────┐
/// │ following or │ next bits, LSB = │   a reader peeks the low bits and shifts right; the bits above count
/// │ 0            │   next bit      │   are the stream's following bits (loaded again later) or 0
/// └──────────────┴─────────────────┘
/// </code>
/// <para>That load needs 8 bytes at the next position; within the last 7 bytes of the input the refill loads byte by
/// byte instead, and past the end it loads nothing. Nothing is ever read outside the input. Consuming more bits than the
/// input holds is an <em>over-read</em>: the missing bits read as zeros, the bit count goes negative and
/// <see cref="IsOverread"/> stays true, so a decoder checks once at the end (or once per slow refill) instead of at every
/// symbol.</para>
/// <para>The reader is a mutable ref struct: keep it in a local and pass it by <c>ref</c>. Decoders in this assembly run
/// their hot loops on the unchecked members (<see cref="FastRefillsLeft"/>, <see cref="RefillFast"/>,
/// <see cref="Container"/>, <see cref="ConsumeUnchecked"/>); a decoder of several interleaved streams, whose readers do not
/// all fit the registers as structs, holds each state in three locals for a batch and refills them with
/// <see cref="Refill(ref ulong, ref int, ulong)"/>, the same step (<see cref="HuffmanStream"/> does).</para>
/// </remarks>
public ref struct BitReader
{
    /// <summary>The fewest bits <see cref="Refill()"/> leaves available while the input lasts: 56.</summary>
    public const int MinBitsAfterRefill = 56;

    /// <summary>How far below zero the bit count may go after an over-read (it saturates there, so it cannot wrap).</summary>
    private const int OverreadFloor = -(1 << 30);

    // The hot three first; the end is only read to bound the fast path.
    private ref byte _next;
    private ulong _bits;
    private int _count;
    private readonly ref byte _end;

    /// <summary>A reader positioned at the first bit of <paramref name="source"/>, with no bits loaded yet.</summary>
    /// <param name="source">The bytes to read, least significant bit of each byte first; must stay alive and unchanged while the reader is used (it is not copied).</param>
    public BitReader(ReadOnlySpan<byte> source)
    {
        _next = ref MemoryMarshal.GetReference(source);
        _end = ref Unsafe.Add(ref _next, source.Length);
    }

    /// <summary>The number of bits in the container, ready to be peeked or consumed (0 … 64).</summary>
    public readonly int BitsAvailable => Math.Max(_count, 0);

    /// <summary>The bits of the input not consumed yet: 8 × the bytes not loaded + <see cref="BitsAvailable"/>. Negative
    /// after an over-read: minus the number of bits consumed past the end (saturating at −2^30).</summary>
    public readonly long BitsRemaining => 8L * BytesLeft + _count;

    /// <summary>True once more bits were consumed than the input holds: the stream was truncated or corrupt. The bits past
    /// the end read as zeros.</summary>
    public readonly bool IsOverread => _count < 0;

    /// <summary>
    /// True when the stream ended exactly at the end of the input with zero padding: every byte loaded, fewer than 8 bits
    /// left (so at least one bit of the last byte was consumed), none consumed past the end, and the bits left are 0 (as
    /// <see cref="BitWriter.Complete"/> pads). An empty input from which nothing was consumed is at its end too.
    /// </summary>
    public readonly bool IsAtPaddedEnd => BytesLeft == 0 && (uint)_count < 8 && (_bits & ~(ulong.MaxValue << _count)) == 0;

    /// <summary>The bytes of the input not loaded into the container yet.</summary>
    internal readonly int BytesLeft => (int)Unsafe.ByteOffset(ref _next, ref _end);

    /// <summary>
    /// Tops the container up to at least <see cref="MinBitsAfterRefill"/> bits: one 8-byte load while 8 bytes remain,
    /// else byte by byte until the input ends. Nothing is read outside the input.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Refill()
    {
        if (BytesLeft >= 8) RefillFast();
        else RefillSlow();
    }

    /// <summary>The next <paramref name="count"/> bits (0 … 56) as an integer, the first bit least significant, without
    /// consuming them; refills when fewer are available. Bits past the end of the input are zeros.</summary>
    /// <exception cref="ArgumentOutOfRangeException">count is outside 0 … 56.</exception>
    /// <param name="count">How many bits, 0 … 56.</param>
    public ulong PeekBits(int count)
    {
        if ((uint)count > MinBitsAfterRefill) ThrowHelper.ThrowArgumentOutOfRange(nameof(count), count, $"a peek is 0 … {MinBitsAfterRefill} bits");
        if (_count < count) Refill();
        return _bits & ~(ulong.MaxValue << count);
    }

    /// <summary>Consumes <paramref name="count"/> bits (0 … <see cref="BitsAvailable"/>) already in the container.</summary>
    /// <exception cref="ArgumentOutOfRangeException">count is negative or above <see cref="BitsAvailable"/>.</exception>
    /// <param name="count">How many bits, 0 … BitsAvailable.</param>
    public void SkipBits(int count)
    {
        if ((uint)count > (uint)BitsAvailable) ThrowHelper.ThrowArgumentOutOfRange(nameof(count), count, $"only {BitsAvailable} bits are available");
        ConsumeUnchecked(count);
    }

    /// <summary>
    /// Reads the next <paramref name="count"/> bits (0 … 64) as an integer, the first bit least significant, refilling as
    /// needed. Past the end of the input the bits are zeros and <see cref="IsOverread"/> becomes true.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">count is outside 0 … 64.</exception>
    /// <param name="count">How many bits, 0 … 56.</param>
    public ulong ReadBits(int count)
    {
        if ((uint)count > 64) ThrowHelper.ThrowArgumentOutOfRange(nameof(count), count, "a read is 0 … 64 bits");
        if (count > MinBitsAfterRefill)
        {
            ulong low = ReadBits(32);
            return low | ReadBits(count - 32) << 32;
        }
        if (_count < count) Refill();
        ulong value = _bits & ~(ulong.MaxValue << count);
        ConsumeUnchecked(count);
        return value;
    }

    /// <summary>
    /// How many <see cref="RefillFast"/> calls in a row stay inside the input, whatever is consumed between them: each
    /// advances by at most 7 bytes and needs 8. A batch loop runs that many refills without testing the position.
    /// </summary>
    internal readonly int FastRefillsLeft
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            int left = BytesLeft;
            return left < 8 ? 0 : (left - 8) / 7 + 1;
        }
    }

    /// <summary>The container: its low <see cref="BitsAvailable"/> bits are the next bits of the stream (the bits above
    /// are the stream's following bits or zeros).</summary>
    internal readonly ulong Container
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _bits;
    }

    /// <summary>The branch-free refill; the caller guarantees 8 bytes remain (<see cref="FastRefillsLeft"/> &gt; 0), so
    /// 0 ≤ <see cref="BitsAvailable"/> &lt; 64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void RefillFast()
    {
        Debug.Assert(BytesLeft >= 8 && (uint)_count < 64);
        _next = ref Unsafe.Add(ref _next, Refill(ref _bits, ref _count, LoadLittleEndian(ref _next)));
    }

    /// <summary>
    /// The refill step on a reader's state held in locals (<paramref name="bits"/>, <paramref name="count"/>): ORs the 8
    /// bytes <paramref name="word"/> loaded at the next position above the valid bits, sets the count to 56 … 63 and returns
    /// how many whole bytes the position advances (0 … 7). Multi-stream decoders whose four readers do not fit the
    /// registers as structs run their hot loop on locals with this, then <see cref="Restore"/> the readers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static nint Refill(ref ulong bits, ref int count, ulong word)
    {
        bits |= word << count;
        nint advance = (nint)((uint)(63 - count) >> 3);
        count |= 56;
        return advance;
    }

    /// <summary>The next byte to load, for a hot loop that holds the state in locals.</summary>
    internal readonly ref byte Next => ref _next;

    /// <summary>The bit count (negative after an over-read), for a hot loop that holds the state in locals.</summary>
    internal readonly int Count => _count;

    /// <summary>Puts back the state a hot loop advanced in locals: the position moved <paramref name="advance"/> bytes
    /// (within the input), and the container and count.</summary>
    internal void Restore(nint advance, ulong bits, int count)
    {
        Debug.Assert(advance >= 0 && advance <= BytesLeft);
        _next = ref Unsafe.Add(ref _next, advance);
        _bits = bits;
        _count = count;
    }

    /// <summary>Consumes <paramref name="count"/> bits (0 … 63); the caller guarantees count ≤ <see cref="BitsAvailable"/>
    /// or that the input is exhausted (then the count goes negative: an over-read).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void ConsumeUnchecked(int count)
    {
        _bits >>= count;
        _count -= count;
    }

    /// <summary>8 bytes at <paramref name="source"/> as a little-endian integer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong LoadLittleEndian(ref byte source)
    {
        ulong value = Unsafe.ReadUnaligned<ulong>(ref source);
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RefillSlow()
    {
        if (_count < 0)
        {
            _count = Math.Max(_count, OverreadFloor);
            return;
        }
        while (_count < MinBitsAfterRefill && BytesLeft > 0)
        {
            _bits |= (ulong)_next << _count;
            _next = ref Unsafe.Add(ref _next, 1);
            _count += 8;
        }
    }
}
