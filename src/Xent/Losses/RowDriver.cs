using System.Buffers;
using Xent.Numerics;

namespace Xent.Losses;

/// <summary>One row of a batched loss: computes row <c>row</c>'s loss (writing its gradient if asked) and returns it.</summary>
internal interface IRowJob
{
    double Row(int row);
}

/// <summary>
/// Runs a row job over a batch, on one thread or several (<see cref="ParallelChunks"/>), and returns Σ ℓ_i. Rows are summed
/// in blocks of <see cref="BlockRows"/> (compensated), blocks in index order, and chunks hold whole blocks, so the result is
/// the same for any thread count.
/// </summary>
internal static class RowDriver
{
    private const int BlockRows = 16;

    /// <summary>
    /// A chunk has at least this many logits (≈ 0.05 ms of work): below it, waking another thread costs more than it saves.
    /// </summary>
    private const long MinChunkElements = 1 << 17;

    public static double Sum<TJob>(TJob job, int rows, int rowLength, int maxDegreeOfParallelism) where TJob : struct, IRowJob
    {
        int blocks = (rows + BlockRows - 1) / BlockRows;
        long minChunkRows = Math.Max(BlockRows, (MinChunkElements + rowLength - 1) / Math.Max(1, rowLength));
        if (ParallelChunks.ChunkCount(rows, minChunkRows, maxDegreeOfParallelism) == 1)
        {
            CompensatedSum total = default;
            for (int b = 0; b < blocks; b++) total.Add(Block(ref job, b, rows));
            return total.Value;
        }
        return SumParallel(job, rows, blocks, minChunkRows, maxDegreeOfParallelism);
    }

    // The blocks' sums are kept and added in block order afterwards, exactly as one thread adds them.
    private static double SumParallel<TJob>(TJob job, int rows, int blocks, long minChunkRows, int maxDegreeOfParallelism)
        where TJob : struct, IRowJob
    {
        double[] partial = ArrayPool<double>.Shared.Rent(blocks);
        try
        {
            ParallelChunks.Run<Blocks<TJob>, bool>(new Blocks<TJob> { Job = job, Rows = rows, BlockSums = partial },
                rows, minChunkRows, maxDegreeOfParallelism, alignment: BlockRows);
            CompensatedSum total = default;
            for (int b = 0; b < blocks; b++) total.Add(partial[b]);
            return total.Value;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(partial);
        }
    }

    /// <summary>The blocks of a chunk of rows (a whole number of blocks: chunks are aligned to <see cref="BlockRows"/>).</summary>
    private struct Blocks<TJob> : IChunkJob<bool> where TJob : struct, IRowJob
    {
        public TJob Job;
        public int Rows;
        public double[] BlockSums;

        public bool Run(long start, long end)
        {
            for (int b = (int)(start / BlockRows); b * (long)BlockRows < end; b++) BlockSums[b] = Block(ref Job, b, Rows);
            return true;
        }

        public static void Combine(ref bool total, in bool next) { }
    }

    private static double Block<TJob>(ref TJob job, int block, int rows) where TJob : struct, IRowJob
    {
        CompensatedSum sum = default;
        int end = Math.Min(rows, (block + 1) * BlockRows);
        for (int r = block * BlockRows; r < end; r++) sum.Add(job.Row(r));
        return sum.Value;
    }
}
