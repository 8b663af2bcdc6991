using Xent.Coding;
using Xent.Estimation;
using Xent.Reports;

namespace Xent.Tests.Estimation;

/// <summary>
/// The progress callbacks behind the CLI's percentage bars: each long job whose size is known reports a count that grows
/// to exactly that size (so the bar reaches 100 %), never past it.
/// </summary>
public class ProgressReportTests
{
    [Fact]
    public void BootstrapReportsEveryResampleInOrder()
    {
        var seen = new List<int>();
        EntropyEstimators.Bootstrap([5, 4, 1], resamples: 37, seed: 3, progress: seen.Add);
        Assert.Equal(Enumerable.Range(1, 37), seen);
    }

    [Fact]
    public void BlockCodesReportEveryBlockLength()
    {
        var seen = new List<int>();
        BlockCodesResult.Build([0.5, 0.4, 0.1], null, 5, progress: seen.Add);
        Assert.Equal([1, 2, 3, 4, 5], seen);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void FileCountReachesTheFileLength(int threads)
    {
        string path = Path.GetTempFileName();
        try
        {
            var bytes = new byte[9 * DenseCounts.StreamBufferSize + 123]; // more than one chunk per thread, a partial last buffer
            new Random(4).NextBytes(bytes);
            File.WriteAllBytes(path, bytes);
            var seen = new System.Collections.Concurrent.ConcurrentBag<long>();
            var counts = DenseCounts.OfFile(path, threads, progress: seen.Add);
            Assert.Equal(bytes.Length, counts.Total);
            Assert.Equal(bytes.Length, seen.Max());
            Assert.All(seen, done => Assert.InRange(done, 1, bytes.Length));
            Assert.Equal(seen.Count, seen.Distinct().Count()); // a running total: every report is a new count
        }
        finally
        {
            File.Delete(path);
        }
    }
}
