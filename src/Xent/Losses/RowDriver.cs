using System.Buffers;
using System.Runtime.ExceptionServices;
using Xent.Numerics;

namespace Xent.Losses;

/// <summary>One row of a batched loss: computes row <c>row</c>'s loss (writing its gradient if asked) and returns it.</summary>
internal interface IRowJob
{
    double Row(int row);
}

/// <summary>
/// Runs a row job over a batch, on one thread or several, and returns Σ ℓ_i. Rows are summed in blocks of
/// <see cref="BlockRows"/> (compensated), blocks in index order, so the result is the same for any thread count.
/// </summary>
internal static class RowDriver
{
    private const int BlockRows = 16;

    /// <summary>Below this many elements in the whole batch (≈ 0.1 ms of work) waking a second thread costs more than it saves.</summary>
    private const long ParallelThreshold = 1 << 18;

    public static double Sum<TJob>(TJob job, int rows, int rowLength, int threads) where TJob : struct, IRowJob
    {
        int blocks = (rows + BlockRows - 1) / BlockRows;
        CompensatedSum total = default;
        if (threads <= 1 || blocks <= 1 || (long)rows * rowLength < ParallelThreshold)
        {
            for (int b = 0; b < blocks; b++) total.Add(Block(ref job, b, rows));
            return total.Value;
        }
        return SumParallel(job, rows, blocks, threads);
    }

    // Separate so that the closure Parallel.For needs is allocated only on this path, never on one thread.
    private static double SumParallel<TJob>(TJob job, int rows, int blocks, int threads) where TJob : struct, IRowJob
    {
        CompensatedSum total = default;
        double[] partial = ArrayPool<double>.Shared.Rent(blocks);
        try
        {
            Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads }, b =>
            {
                var local = job;
                partial[b] = Block(ref local, b, rows);
            });
            for (int b = 0; b < blocks; b++) total.Add(partial[b]);
            return total.Value;
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            throw;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(partial);
        }
    }

    private static double Block<TJob>(ref TJob job, int block, int rows) where TJob : struct, IRowJob
    {
        CompensatedSum sum = default;
        int end = Math.Min(rows, (block + 1) * BlockRows);
        for (int r = block * BlockRows; r < end; r++) sum.Add(job.Row(r));
        return sum.Value;
    }
}
