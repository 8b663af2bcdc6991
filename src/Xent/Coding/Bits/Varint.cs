using System.Buffers;
using System.Numerics;

namespace Xent.Coding;

/// <summary>
/// Unsigned LEB128 varints, the variable-length integers of every Xent block header: 7 bits per byte, the low group first,
/// the high bit of a byte set when another byte follows. 0…127 take one byte, 2^63 … 2^64 − 1 take ten.
/// <code>
/// 300 = 0b10_0101100 → 1010_1100 0000_0010 = AC 02
///                      └more┘└low 7┘ └end┘└high 7┘
/// </code>
/// </summary>
/// <remarks>Encodings are canonical: the writer produces the shortest one, and the reader rejects a longer one (a last byte
/// of 0 after the first, "overlong", as UTF-8 rejects overlong sequences) and any value above 2^64 − 1, so every value has
/// exactly one encoding and a header cannot be rewritten without changing its bytes.</remarks>
public static class Varint
{
    /// <summary>The longest encoding: 10 bytes (a 64-bit value).</summary>
    public const int MaxLength = 10;

    /// <summary>The number of bytes <paramref name="value"/> takes: ⌈bits / 7⌉, at least 1.</summary>
    /// <param name="value">Any unsigned 64-bit value.</param>
    public static int Length(ulong value) => (64 - BitOperations.LeadingZeroCount(value | 1) + 6) / 7;

    /// <summary>Writes <paramref name="value"/> at the start of <paramref name="destination"/>; returns the bytes written (1…10).</summary>
    /// <exception cref="ArgumentException">destination is shorter than <see cref="Length"/>(value).</exception>
    /// <param name="value">Any unsigned 64-bit value.</param>
    /// <param name="destination">Where the varint goes; at least Length(value) bytes (10 always suffice).</param>
    public static int Write(ulong value, Span<byte> destination)
    {
        int length = Length(value);
        if (destination.Length < length) ThrowHelper.ThrowDestinationTooShort(nameof(destination), length, destination.Length);
        int i = 0;
        for (; value >= 0x80; value >>= 7) destination[i++] = (byte)(value | 0x80);
        destination[i++] = (byte)value;
        return i;
    }

    /// <summary>
    /// Reads the varint at the start of <paramref name="source"/>.
    /// </summary>
    /// <returns><see cref="OperationStatus.Done"/> with the value and its length in <paramref name="bytesConsumed"/>;
    /// <see cref="OperationStatus.NeedMoreData"/> when the source ends inside the varint (including an empty source);
    /// <see cref="OperationStatus.InvalidData"/> when it is overlong (ends in a 0 byte after the first) or exceeds 64 bits.
    /// On failure <paramref name="value"/> and <paramref name="bytesConsumed"/> are 0. Reads at most 10 bytes.</returns>
    /// <param name="source">Bytes starting with the varint; bytes after it are not read.</param>
    /// <param name="value">The value read, or 0 on failure.</param>
    /// <param name="bytesConsumed">The varint's length in bytes (1 … 10), or 0 on failure.</param>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out ulong value, out int bytesConsumed)
    {
        value = 0;
        bytesConsumed = 0;
        ulong result = 0;
        for (int i = 0; i < MaxLength; i++)
        {
            if (i >= source.Length) return OperationStatus.NeedMoreData;
            byte b = source[i];
            result |= (ulong)(b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                // A last group of 0 means a shorter encoding existed; the tenth byte holds only bit 63.
                if ((b == 0 && i > 0) || (i == MaxLength - 1 && b > 1)) return OperationStatus.InvalidData;
                value = result;
                bytesConsumed = i + 1;
                return OperationStatus.Done;
            }
        }
        return OperationStatus.InvalidData;
    }

    /// <summary>
    /// Reads a varint at <paramref name="position"/> that must not exceed <paramref name="maxValue"/>, and advances the position
    /// past it: the cursor form block-header readers use. Exceeding the maximum is <see cref="OperationStatus.InvalidData"/>.
    /// </summary>
    internal static OperationStatus TryRead(ReadOnlySpan<byte> source, ref int position, ulong maxValue, out ulong value)
    {
        var status = TryRead(source[position..], out value, out int consumed);
        if (status != OperationStatus.Done) return status;
        if (value > maxValue)
        {
            value = 0;
            return OperationStatus.InvalidData;
        }
        position += consumed;
        return OperationStatus.Done;
    }

    /// <summary>Writes <paramref name="value"/> at <paramref name="position"/> and advances the position past it.</summary>
    internal static void Write(ulong value, Span<byte> destination, ref int position) =>
        position += Write(value, destination[position..]);
}
