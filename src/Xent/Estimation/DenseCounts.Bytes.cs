using System.Buffers;
using System.Runtime.CompilerServices;
using Microsoft.Win32.SafeHandles;
using Xent.Numerics;

namespace Xent.Estimation;

public sealed partial class DenseCounts
{
    /// <summary>The buffer size <see cref="AddStream"/> reads with: 1 MiB, large enough that each read costs little, small enough to stay in L2/L3.</summary>
    public const int StreamBufferSize = 1 << 20;

    /// <summary>Counts every byte of <paramref name="bytes"/> as the symbol 0 … 255 (a growing table first grows to K ≥ 256).</summary>
    /// <remarks>The counting loop is <see cref="ByteHistogram"/>, shared with the Huffman coder.</remarks>
    /// <exception cref="InvalidOperationException">The declared alphabet has fewer than 256 symbols.</exception>
    /// <param name="bytes">The bytes to count, each as symbol 0 … 255; not kept.</param>
    public void AddBytes(ReadOnlySpan<byte> bytes)
    {
        if (_size < 256)
        {
            if (!GrowsAlphabet) throw new InvalidOperationException($"byte counting needs an alphabet of at least 256 symbols; this one declares {_size}.");
            Grow(256);
        }
        ByteHistogram.Add(bytes, _counts);
        Total = checked(Total + bytes.Length);
    }

    /// <summary>
    /// Counts every byte of <paramref name="stream"/> from its current position to its end, reading <see cref="StreamBufferSize"/>
    /// bytes at a time: memory stays bounded whatever the length (files of many GB are fine). Returns the number of bytes read.
    /// </summary>
    /// <param name="stream">The bytes to count, read to the end.</param>
    /// <param name="cancellationToken">Checked before each buffer is read: a cancelled count throws <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="InvalidOperationException">The declared alphabet has fewer than 256 symbols.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public long AddStream(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = ArrayPool<byte>.Shared.Rent(StreamBufferSize);
        try
        {
            long read = 0;
            int n;
            while (!ThrowIfCancelled(cancellationToken) && (n = stream.Read(buffer, 0, StreamBufferSize)) > 0)
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
    /// With more than one thread and a seekable file, the file is cut into contiguous ranges, each counted into its own table
    /// on its own thread, and the tables are merged (counting is store-bound, about 1 GB/s per core).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="maxDegreeOfParallelism">
    /// The most threads this may use: 1 (the default) runs on the calling thread, −1 means every core
    /// (<see cref="Environment.ProcessorCount"/>), and 0 or a value below −1 is rejected with <see cref="ArgumentOutOfRangeException"/>.
    /// The work is cut into equal contiguous chunks whose partial results are combined in chunk order, so the result is
    /// bit-identical from run to run for a given input and thread count.
    /// Here a chunk has at least 4 MiB of the file, and counts are exact, so the result is the
    /// same for every thread count.
    /// </param>
    /// <param name="cancellationToken">Checked by every thread before each buffer is read (every 1 MiB): a cancelled count throws <see cref="OperationCanceledException"/>.</param>
    /// <param name="progress">Called after each buffer (1 MiB) with the bytes counted so far by all threads together, from
    /// whichever thread counted it (so it must be thread-safe); null (default) for none.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below −1.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static DenseCounts OfFile(string path, int maxDegreeOfParallelism = 1, CancellationToken cancellationToken = default,
        Action<long>? progress = null)
    {
        ParallelChunks.CheckDegree(maxDegreeOfParallelism, nameof(maxDegreeOfParallelism));
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        if (!file.CanSeek)
        {
            var counts = ForBytes();
            counts.AddStream(file, cancellationToken);
            return counts;
        }
        return ParallelChunks.Run<FileRange, DenseCounts>(new FileRange { File = file.SafeFileHandle, Cancellation = cancellationToken, Progress = progress, Done = new StrongBox<long>() }, file.Length,
            MinBytesPerThread, maxDegreeOfParallelism, alignment: StreamBufferSize);
    }

    /// <summary>Throws when cancelled; false otherwise (so it can lead a loop condition).</summary>
    private static bool ThrowIfCancelled(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return false;
    }

    /// <summary>The fewest bytes of a file one thread counts: below a few buffers per thread the threads cost more than they save.</summary>
    private const int MinBytesPerThread = 4 * StreamBufferSize;

    /// <summary>Counts the bytes [start, end) of a file into a table of its own.</summary>
    private struct FileRange : IChunkJob<DenseCounts>
    {
        public SafeFileHandle File;
        public CancellationToken Cancellation;
        public Action<long>? Progress;
        public StrongBox<long> Done; // bytes counted by every chunk, for Progress

        public readonly DenseCounts Run(long start, long end)
        {
            var counts = ForBytes();
            var buffer = ArrayPool<byte>.Shared.Rent(StreamBufferSize);
            try
            {
                for (long offset = start; offset < end;)
                {
                    Cancellation.ThrowIfCancellationRequested();
                    int n = RandomAccess.Read(File, buffer.AsSpan(0, (int)Math.Min(StreamBufferSize, end - offset)), offset);
                    if (n == 0) break; // the file shrank while being read: count what was there
                    counts.AddBytes(buffer.AsSpan(0, n));
                    offset += n;
                    if (Progress is not null) Progress(Interlocked.Add(ref Done.Value, n));
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            return counts;
        }

        public static void Combine(ref DenseCounts total, in DenseCounts next) => total.MergeFrom(next);
    }
}
