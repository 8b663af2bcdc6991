namespace Xent.Data.Tests;

public class ChunkedBufferTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(65_535)]
    [InlineData(65_536)]
    [InlineData(65_537)]
    [InlineData(200_003)]
    public void ToArrayReturnsTheValuesInOrderAcrossChunkBoundaries(int n)
    {
        var one = new ChunkedBuffer<long>();
        var spans = new ChunkedBuffer<long>();
        var reference = new List<long>();
        var rng = new Random(n);
        for (int i = 0; i < n; i++)
        {
            one.Add(i * 3L);
            reference.Add(i * 3L);
        }
        // Spans of random lengths straddle the chunk boundaries at arbitrary offsets.
        for (int at = 0; at < n;)
        {
            int length = Math.Min(rng.Next(1, 10_000), n - at);
            spans.Add(reference.ToArray().AsSpan(at, length));
            at += length;
        }
        Assert.Equal(n, one.Count);
        Assert.Equal(n, spans.Count);
        Assert.Equal(reference, one.ToArray());
        Assert.Equal(reference, spans.ToArray());
        Assert.Equal(0, one.Count); // emptied by ToArray
    }
}
