using System.Runtime.ExceptionServices;

namespace Xent.Numerics;

/// <summary>
/// The work of one chunk, [start, end) of the whole range, and how two chunks' partial results combine. Each chunk's
/// <see cref="Run"/> may be called on its own thread at the same time as the others', so it must not mutate shared state
/// other than its own part of an output.
/// </summary>
internal interface IChunkJob<TPartial>
{
    TPartial Run(long start, long end);

    /// <summary>Folds the next chunk's partial result into the running total; called in chunk order, on one thread.</summary>
    static abstract void Combine(ref TPartial total, in TPartial next);
}

/// <summary>
/// The one way Xent splits work across threads (measures, losses, counting). Static equal chunks, each at least the caller's
/// minimum length, their partial results combined in chunk order: the result depends only on the input and the number of
/// chunks, never on scheduling, so it is bit-identical from run to run for a given degree of parallelism. One chunk runs
/// inline on the calling thread and allocates nothing.
/// </summary>
internal static class ParallelChunks
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless the value is ≥ 1 or −1.</summary>
    public static void CheckDegree(int maxDegreeOfParallelism, string paramName)
    {
        if (maxDegreeOfParallelism is 0 or < -1)
            ThrowHelper.ThrowArgumentOutOfRange(paramName, maxDegreeOfParallelism, "the degree of parallelism must be ≥ 1, or -1 for every core");
    }

    /// <summary>The number of threads a degree asks for: −1 is <see cref="Environment.ProcessorCount"/>.</summary>
    public static int Threads(int maxDegreeOfParallelism) =>
        maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : Math.Max(1, maxDegreeOfParallelism);

    /// <summary>How many chunks [0, length) is cut into: at most the threads asked for, each at least <paramref name="minChunkLength"/> long.</summary>
    public static int ChunkCount(long length, long minChunkLength, int maxDegreeOfParallelism) =>
        (int)Math.Max(1, Math.Min(Threads(maxDegreeOfParallelism), length / Math.Max(1, minChunkLength)));

    /// <summary>
    /// Chunk <paramref name="index"/> of <paramref name="chunks"/>: every chunk but the last is ⌊length / chunks⌋ rounded up to a
    /// multiple of <paramref name="alignment"/>, so every chunk starts on a multiple of it; the last takes the rest.
    /// </summary>
    public static (long Start, long End) Bounds(long length, int chunks, int index, int alignment)
    {
        long size = (length / chunks + alignment - 1) / alignment * alignment;
        long start = Math.Min(length, index * size);
        return (start, index == chunks - 1 ? length : Math.Min(length, start + size));
    }

    /// <summary>
    /// Runs <paramref name="job"/> over [0, <paramref name="length"/>) in <see cref="ChunkCount"/> chunks, one per thread, and
    /// returns the partial results combined in chunk order. If chunks throw, every chunk still runs to its end and the
    /// exception of the first failing chunk is rethrown as it was — the one a single thread would have met first.
    /// </summary>
    public static TPartial Run<TJob, TPartial>(TJob job, long length, long minChunkLength, int maxDegreeOfParallelism, int alignment = 1)
        where TJob : struct, IChunkJob<TPartial>
    {
        int chunks = ChunkCount(length, minChunkLength, maxDegreeOfParallelism);
        return chunks == 1 ? job.Run(0, length) : RunParallel<TJob, TPartial>(job, length, chunks, alignment);
    }

    // Separate so that the closure and arrays are allocated only here, never on one thread.
    private static TPartial RunParallel<TJob, TPartial>(TJob job, long length, int chunks, int alignment)
        where TJob : struct, IChunkJob<TPartial>
    {
        var partials = new TPartial[chunks];
        var errors = new ExceptionDispatchInfo?[chunks];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = chunks }, k =>
        {
            var (start, end) = Bounds(length, chunks, k, alignment);
            var local = job;
            try
            {
                partials[k] = local.Run(start, end);
            }
            catch (Exception e)
            {
                errors[k] = ExceptionDispatchInfo.Capture(e);
            }
        });
        foreach (var error in errors) error?.Throw();
        var total = partials[0];
        for (int k = 1; k < chunks; k++) TJob.Combine(ref total, partials[k]);
        return total;
    }
}
