using System.Buffers;
using System.Runtime.CompilerServices;

namespace Xent.Estimation;

public sealed partial class DenseCounts
{
    /// <summary>The buffer size <see cref="AddStream"/> reads with: 1 MiB, large enough that each read costs little, small enough to stay in L2/L3.</summary>
    public const int StreamBufferSize = 1 << 20;

    /// <summary>Counts every byte of <paramref name="bytes"/> as the symbol 0 … 255 (a growing table first grows to K ≥ 256).</summary>
    /// <remarks>
    /// Histogramming one array stalls when neighbouring bytes are equal (each increment waits for the previous store to the same
    /// counter). Four interleaved 32-bit count arrays, merged at the end, break that dependency: 8 bytes are loaded at once and
    /// spread over the four arrays. A span holds fewer than 2^31 bytes, so the 32-bit counters cannot overflow.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The declared alphabet has fewer than 256 symbols.</exception>
    [SkipLocalsInit]
    public unsafe void AddBytes(ReadOnlySpan<byte> bytes)
    {
        if (_size < 256)
        {
            if (!GrowsAlphabet) throw new InvalidOperationException($"byte counting needs an alphabet of at least 256 symbols; this one declares {_size}.");
            Grow(256);
        }
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
        for (int s = 0; s < 256; s++) _counts[s] = checked(_counts[s] + ((long)t0[s] + t1[s] + t2[s] + t3[s]));
        Total = checked(Total + bytes.Length);
    }

    /// <summary>
    /// Counts every byte of <paramref name="stream"/> from its current position to its end, reading <see cref="StreamBufferSize"/>
    /// bytes at a time: memory stays bounded whatever the length (files of many GB are fine). Returns the number of bytes read.
    /// </summary>
    /// <exception cref="InvalidOperationException">The declared alphabet has fewer than 256 symbols.</exception>
    public long AddStream(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = ArrayPool<byte>.Shared.Rent(StreamBufferSize);
        try
        {
            long read = 0;
            int n;
            while ((n = stream.Read(buffer, 0, StreamBufferSize)) > 0)
            {
                AddBytes(buffer.AsSpan(0, n));
                read += n;
            }
            return read;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The byte histogram of a file, read in <see cref="StreamBufferSize"/> pieces: memory stays bounded whatever the length.
    /// With <paramref name="threads"/> &gt; 1 and a seekable file, the file is cut into that many contiguous ranges, each counted
    /// into its own table on its own thread, and the tables are merged (counting is store-bound, about 1 GB/s per core).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">threads is below 1.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static DenseCounts OfFile(string path, int threads = 1)
    {
        if (threads < 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(threads), threads, "at least one thread is needed");
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        var counts = ForBytes();
        long length = file.CanSeek ? file.Length : 0;
        // Below a few buffers per thread the threads cost more than they save.
        if (threads == 1 || length < 4L * threads * StreamBufferSize)
        {
            counts.AddStream(file);
            return counts;
        }

        var parts = new DenseCounts[threads];
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            long start = length * t / threads, end = length * (t + 1) / threads;
            parts[t] = ForBytes();
            var buffer = ArrayPool<byte>.Shared.Rent(StreamBufferSize);
            try
            {
                for (long offset = start; offset < end;)
                {
                    int n = RandomAccess.Read(file.SafeFileHandle, buffer.AsSpan(0, (int)Math.Min(StreamBufferSize, end - offset)), offset);
                    if (n == 0) break; // the file shrank while being read: count what was there
                    parts[t].AddBytes(buffer.AsSpan(0, n));
                    offset += n;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        });
        foreach (var part in parts) counts.MergeFrom(part);
        return counts;
    }
}
