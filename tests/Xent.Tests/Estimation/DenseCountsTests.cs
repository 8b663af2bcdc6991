using CsCheck;
using Xent.Tests.Properties;
using Xent.Estimation;

namespace Xent.Tests.Estimation;

public class DenseCountsTests
{
    private static long[] NaiveHistogram(ReadOnlySpan<byte> bytes)
    {
        var counts = new long[256];
        foreach (byte b in bytes) counts[b]++;
        return counts;
    }

    [Trait(Numerics.VectorPaths.Trait, Numerics.VectorPaths.Kernels)]
    [Fact]
    public void ByteCountingMatchesANaiveHistogramForEveryTailLength()
    {
        // Lengths 0..80 cover every remainder of the 16-byte unrolled loop; runs of one value stress the interleaving.
        var random = new Random(9);
        for (int n = 0; n <= 80; n++)
        {
            var bytes = new byte[n];
            random.NextBytes(bytes);
            if (n > 20) bytes.AsSpan(3, 17).Fill(0xAB);
            var counts = DenseCounts.ForBytes();
            counts.AddBytes(bytes);
            Assert.Equal(NaiveHistogram(bytes), counts.Counts.ToArray());
            Assert.Equal(n, counts.Total);
        }
    }

    [Trait(Numerics.VectorPaths.Trait, Numerics.VectorPaths.Kernels)]
    [Fact]
    public void StreamIsReadInBuffersAndMatches()
    {
        // 3 MiB + 17 bytes: three full buffers and a short one.
        var bytes = new byte[3 * DenseCounts.StreamBufferSize + 17];
        new Random(4).NextBytes(bytes);
        var counts = DenseCounts.ForBytes();
        Assert.Equal(bytes.Length, counts.AddStream(new MemoryStream(bytes)));
        Assert.Equal(NaiveHistogram(bytes), counts.Counts.ToArray());
        Assert.Equal(256, counts.Distinct);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void FileCountedOnSeveralThreadsMatches(int threads)
    {
        // 13 MiB + 5 bytes: enough for 3 threads to split (≥ 4 buffers each), with ragged range ends.
        var bytes = new byte[13 * DenseCounts.StreamBufferSize + 5];
        new Random(6).NextBytes(bytes);
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, bytes);
            var counts = DenseCounts.OfFile(path, threads);
            Assert.Equal(NaiveHistogram(bytes), counts.Counts.ToArray());
            Assert.Equal(bytes.Length, counts.Total);
        }
        finally
        {
            File.Delete(path);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => DenseCounts.OfFile(path, 0));
    }

    [Fact]
    public void IntSymbolsAndValidation()
    {
        var counts = new DenseCounts(4);
        counts.AddRange([0, 3, 3, 1]);
        counts.Add(2, 5);
        Assert.Equal([1L, 1, 5, 2], counts.Counts.ToArray());
        Assert.Equal(9, counts.Total);
        Assert.Equal(4, counts.Distinct);
        var e = Assert.Throws<ArgumentException>(() => counts.AddRange([1, 4]));
        Assert.Contains("symbols[1] = 4", e.Message);
        Assert.Equal(9, counts.Total);
        Assert.Throws<ArgumentOutOfRangeException>(() => counts.Add(-1));
        Assert.Throws<InvalidOperationException>(() => counts.AddBytes([1, 2]));
        Assert.Throws<ArgumentException>(() => counts.MergeFrom(DenseCounts.ForBytes()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DenseCounts(0));
    }

    [Fact]
    public void MergeEqualsCountingTheUnion() =>
        Gen.Byte.Array[0, 300].Select(Gen.Int[0, 300]).SampleFixed((bytes, cut) =>
        {
            cut = Math.Min(cut, bytes.Length);
            var a = DenseCounts.ForBytes();
            var b = DenseCounts.ForBytes();
            a.AddBytes(bytes.AsSpan(0, cut));
            b.AddBytes(bytes.AsSpan(cut));
            Assert.Equal(NaiveHistogram(bytes), DenseCounts.Merge(a, b).Counts.ToArray());
            Assert.Equal(DenseCounts.Merge(a, b).Counts.ToArray(), DenseCounts.Merge(b, a).Counts.ToArray());
            Assert.Equal(bytes.Length, DenseCounts.Merge(b, a).Total);
        }, seed: "0000000000d1", iter: 200);

    private static byte[] Serialize(DenseCounts counts)
    {
        using var stream = new MemoryStream();
        counts.WriteTo(stream);
        return stream.ToArray();
    }

    [Fact]
    public void BinaryRoundTripAndLayout()
    {
        var counts = new DenseCounts(2);
        counts.Add(0, 3);
        counts.Add(1);
        var bytes = Serialize(counts);
        Assert.Equal(DenseCounts.SerializedSize(2), bytes.Length);
        // "XCNT", version 1, 3 reserved zeros, K = 2, N = 4, counts 3 and 1, then the CRC.
        Assert.Equal("XCNT"u8.ToArray(), bytes[..4]);
        Assert.Equal([1, 0, 0, 0, 2, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 3], bytes[4..21]);
        var back = DenseCounts.ReadFrom(new MemoryStream(bytes));
        Assert.Equal(counts.Counts.ToArray(), back.Counts.ToArray());
        Assert.Equal(4, back.Total);

        var random = DenseCounts.ForBytes();
        var data = new byte[10_000];
        new Random(2).NextBytes(data);
        random.AddBytes(data);
        Assert.Equal(random.Counts.ToArray(), DenseCounts.ReadFrom(new MemoryStream(Serialize(random))).Counts.ToArray());
    }

    [Fact]
    public void CorruptOrTruncatedBinaryIsInvalidData()
    {
        var counts = DenseCounts.ForBytes();
        counts.AddBytes("hello, world"u8);
        var bytes = Serialize(counts);
        for (int i = 0; i < bytes.Length; i += 97)
        {
            var flipped = (byte[])bytes.Clone();
            flipped[i] ^= 0x10;
            Assert.Throws<InvalidDataException>(() => DenseCounts.ReadFrom(new MemoryStream(flipped)));
        }
        foreach (int length in new[] { 0, 10, 20, bytes.Length - 1 })
            Assert.Throws<InvalidDataException>(() => DenseCounts.ReadFrom(new MemoryStream(bytes[..length])));
    }
}
