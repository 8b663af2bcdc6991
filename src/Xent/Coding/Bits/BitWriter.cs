using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Xent.Coding;

/// <summary>
/// Writes a bit stream least significant bit first (the first bit written is bit 0 of byte 0), through a 64-bit container
/// that is stored to the destination 8 bytes at a time; <see cref="BitReader"/> reads it back.
/// </summary>
/// <remarks>
/// <para>Bits are added above the pending ones; a flush stores all 8 bytes of the container at the next position and
/// advances by the whole bytes it held, keeping the 0 … 7 bits of the partial byte:</para>
/// <code>
///  63              count            0
/// ┌────────────────┬─────────────────┐
/// │ 0              │ pending bits    │   add: bits |= value &lt;&lt; count; count += width
/// └────────────────┴─────────────────┘   flush: store 8 bytes, advance count / 8 bytes, keep count mod 8 bits
/// </code>
/// <para>So after a flush at least 56 bits can be added before the next. Within the last 7 bytes of the destination a flush
/// stores byte by byte instead; nothing is written outside the destination, but a flush may write zeros into up to 8 bytes
/// after <see cref="BytesWritten"/> (they are overwritten by the next bits). <see cref="Complete"/> pads the last byte with
/// zero bits and returns the size.</para>
/// <para>The writer is a mutable ref struct: keep it in a local and pass it by <c>ref</c>. Hot loops in this assembly use
/// <see cref="AddUnchecked"/> and <see cref="FlushFast"/> where the destination is known to have room (a coder's
/// worst-case bound plus 8 bytes of slack); the JIT then keeps the container, the count and the position in registers.</para>
/// </remarks>
public ref struct BitWriter
{
    /// <summary>The most bits that always fit after a flush: 56 (the container holds at most 63 pending bits).</summary>
    public const int MaxBitsAfterFlush = 56;

    private readonly ref byte _start;
    private readonly int _length;
    private ref byte _next;
    private ulong _bits;
    private int _count;

    /// <summary>A writer at the start of <paramref name="destination"/>.</summary>
    /// <param name="destination">Where the bits go, from its first byte; not copied, so it must outlive the writer. Size it with the stream's MaxEncodedLength.</param>
    public BitWriter(Span<byte> destination)
    {
        _start = ref MemoryMarshal.GetReference(destination);
        _next = ref _start;
        _length = destination.Length;
    }

    /// <summary>Bytes stored so far (whole bytes); after <see cref="Complete"/>, the size of the stream.</summary>
    public readonly int BytesWritten => (int)Unsafe.ByteOffset(ref _start, ref _next);

    /// <summary>Bits written so far: the stored bytes and the bits still pending in the container.</summary>
    public readonly long BitsWritten => 8L * BytesWritten + _count;

    /// <summary>Bits pending in the container (0 … 63).</summary>
    public readonly int PendingBits => _count;

    /// <summary>
    /// Writes the low <paramref name="count"/> bits of <paramref name="value"/> (0 … 64 bits), least significant first,
    /// flushing when the container is full.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">count is outside 0 … 64, or value has bits at or above count.</exception>
    /// <exception cref="ArgumentException">The destination is full.</exception>
    /// <param name="value">The bits to write, in its low count bits (no bit set at or above count).</param>
    /// <param name="count">How many bits, 0 … 64.</param>
    public void WriteBits(ulong value, int count)
    {
        if ((uint)count > 64) ThrowHelper.ThrowArgumentOutOfRange(nameof(count), count, "a write is 0 … 64 bits");
        if (count < 64 && value >> count != 0)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(value), value, $"the value has bits above the {count} to write");
        if (count > MaxBitsAfterFlush)
        {
            WriteBits(value & uint.MaxValue, 32);
            WriteBits(value >> 32, count - 32);
            return;
        }
        if (_count + count > 63) Flush();
        AddUnchecked(value, count);
    }

    /// <summary>Stores the whole bytes of the container (one 8-byte store while 8 bytes of room remain, else byte by byte);
    /// at most 7 bits stay pending.</summary>
    /// <exception cref="ArgumentException">The destination has no room for a whole byte that is pending.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Flush()
    {
        if (_length - BytesWritten >= 8) FlushFast();
        else FlushSlow();
    }

    /// <summary>
    /// Flushes, pads the partial byte with zero bits and stores it, so the stream ends on a byte boundary; returns
    /// <see cref="BytesWritten"/>, the stream's size. Writing may continue after it, from the next byte.
    /// </summary>
    /// <exception cref="ArgumentException">The destination is too short for the stream.</exception>
    public int Complete()
    {
        Flush();
        if (_count > 0)
        {
            if (BytesWritten >= _length) ThrowFull();
            _next = (byte)_bits;
            _next = ref Unsafe.Add(ref _next, 1);
            _bits = 0;
            _count = 0;
        }
        return BytesWritten;
    }

    /// <summary>How many <see cref="FlushFast"/> calls in a row stay inside the destination: each advances by at most 7
    /// bytes and stores 8.</summary>
    internal readonly int FastFlushesLeft
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            int remaining = _length - BytesWritten;
            return remaining < 8 ? 0 : (remaining - 8) / 7 + 1;
        }
    }

    /// <summary>Adds <paramref name="count"/> bits; the caller guarantees value &lt; 2^count and
    /// <see cref="PendingBits"/> + count ≤ 63.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddUnchecked(ulong value, int count)
    {
        Debug.Assert(_count + count <= 63 && (count == 64 || value >> count == 0));
        _bits |= value << _count;
        _count += count;
    }

    /// <summary>The branch-free flush; the caller guarantees 8 bytes of room (<see cref="FastFlushesLeft"/> &gt; 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void FlushFast()
    {
        Debug.Assert(_length - BytesWritten >= 8);
        Unsafe.WriteUnaligned(ref _next, BitConverter.IsLittleEndian ? _bits : BinaryPrimitives.ReverseEndianness(_bits));
        _next = ref Unsafe.Add(ref _next, (uint)_count >> 3);
        _bits >>= _count & ~7;
        _count &= 7;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void FlushSlow()
    {
        while (_count >= 8)
        {
            if (BytesWritten >= _length) ThrowFull();
            _next = (byte)_bits;
            _next = ref Unsafe.Add(ref _next, 1);
            _bits >>= 8;
            _count -= 8;
        }
    }

    private readonly void ThrowFull() =>
        ThrowHelper.ThrowArgument("destination", $"the destination of {_length} bytes is full: {BitsWritten} bits are written and more are pending.");
}
