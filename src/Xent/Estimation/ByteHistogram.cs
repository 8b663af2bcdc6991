using System.Runtime.CompilerServices;

namespace Xent.Estimation;

/// <summary>
/// The byte histogram, written once: <see cref="DenseCounts.AddBytes"/> and the Huffman coder's counting both call it.
/// </summary>
/// <remarks>
/// Histogramming into one array stalls when neighbouring bytes are equal (each increment waits for the previous store to the
/// same counter). Four interleaved 32-bit count arrays, merged at the end, break that dependency: 16 bytes are loaded as two
/// 64-bit words and spread over the four arrays. A span holds fewer than 2^31 bytes, so the 32-bit counters cannot overflow.
/// </remarks>
internal static class ByteHistogram
{
    /// <summary>Adds the count of each byte value of <paramref name="bytes"/> to <paramref name="counts"/>[value] (256 entries).</summary>
    /// <exception cref="OverflowException">A count would exceed <see cref="long.MaxValue"/>.</exception>
    [SkipLocalsInit]
    public static unsafe void Add(ReadOnlySpan<byte> bytes, Span<long> counts)
    {
        if (counts.Length < 256) ThrowHelper.ThrowDestinationTooShort(nameof(counts), 256, counts.Length);
        uint* tables = stackalloc uint[4 * 256];
        new Span<uint>(tables, 4 * 256).Clear();
        uint* t0 = tables, t1 = tables + 256, t2 = tables + 512, t3 = tables + 768;
        fixed (byte* start = bytes)
        {
            byte* p = start, end = start + bytes.Length;
            for (; end - p >= 16; p += 16)
            {
                ulong a = Unsafe.ReadUnaligned<ulong>(p), b = Unsafe.ReadUnaligned<ulong>(p + 8);
                t0[(byte)a]++; t1[(byte)(a >> 8)]++; t2[(byte)(a >> 16)]++; t3[(byte)(a >> 24)]++;
                t0[(byte)(a >> 32)]++; t1[(byte)(a >> 40)]++; t2[(byte)(a >> 48)]++; t3[(byte)(a >> 56)]++;
                t0[(byte)b]++; t1[(byte)(b >> 8)]++; t2[(byte)(b >> 16)]++; t3[(byte)(b >> 24)]++;
                t0[(byte)(b >> 32)]++; t1[(byte)(b >> 40)]++; t2[(byte)(b >> 48)]++; t3[(byte)(b >> 56)]++;
            }
            for (; p < end; p++) t0[*p]++;
        }
        for (int s = 0; s < 256; s++) counts[s] = checked(counts[s] + ((long)t0[s] + t1[s] + t2[s] + t3[s]));
    }
}
