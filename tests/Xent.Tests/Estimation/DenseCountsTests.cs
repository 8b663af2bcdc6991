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
        Assert.False(counts.GrowsAlphabet);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DenseCounts(0));
    }

    [Fact]
    public void GrowingAlphabet()
    {
        var counts = DenseCounts.Growable();
        Assert.Equal(0, counts.AlphabetSize);
        Assert.True(counts.GrowsAlphabet);
        counts.Add(3);
        counts.AddRange([0, 7, 7]);
        Assert.Equal(8, counts.AlphabetSize);
        Assert.Equal([1L, 0, 0, 1, 0, 0, 0, 2], counts.Counts.ToArray());
        Assert.Equal(0, counts[100]); // beyond K of a growing table: never seen
        counts.Add(9, 0);             // a zero count still declares the symbol
        Assert.Equal(10, counts.AlphabetSize);
        Assert.Equal(4, counts.Total);
        Assert.Throws<ArgumentOutOfRangeException>(() => counts.Add(-1));
        Assert.Contains("symbols[1] = -2", Assert.Throws<ArgumentException>(() => counts.AddRange([1, -2])).Message);
        Assert.Equal(4, counts.Total);
        counts.AddBytes([200, 200]);  // bytes grow it to the byte alphabet
        Assert.Equal(256, counts.AlphabetSize);
        Assert.Equal(2, counts[200]);
        for (int s = 0; s < 5000; s++) counts.Add(s); // one symbol at a time: geometric growth
        Assert.Equal(5000, counts.AlphabetSize);
        Assert.Equal(3, counts[200]);
    }

    private static readonly Gen<(int[] Symbols, int Cut1, int Cut2, int Declared)> SplitSamples =
        from symbols in Gen.Int[0, 40].Array[0, 200]
        from cut1 in Gen.Int[0, symbols.Length]
        from cut2 in Gen.Int[cut1, symbols.Length]
        from extra in Gen.Int[0, 5]
        select (symbols, cut1, cut2, 41 + extra);

    private static DenseCounts Count(ReadOnlySpan<int> symbols, int declared)
    {
        var counts = declared > 0 ? new DenseCounts(declared) : DenseCounts.Growable();
        counts.AddRange(symbols);
        return counts;
    }

    private static void AssertSame(DenseCounts expected, DenseCounts actual)
    {
        Assert.Equal(expected.AlphabetSize, actual.AlphabetSize);
        Assert.Equal(expected.GrowsAlphabet, actual.GrowsAlphabet);
        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(expected.Counts.ToArray(), actual.Counts.ToArray());
    }

    [Fact]
    public void MergeIsAssociativeCommutativeAndSplitMergeIsTheWhole() => SplitSamples.SampleFixed(t =>
    {
        var symbols = t.Symbols.AsSpan();
        foreach (int declared in new[] { 0, t.Declared })
        {
            var all = Count(symbols, declared);
            var a = Count(symbols[..t.Cut1], declared);
            var b = Count(symbols[t.Cut1..t.Cut2], declared);
            var c = Count(symbols[t.Cut2..], declared);
            AssertSame(all, DenseCounts.Merge(DenseCounts.Merge(a, b), c));
            AssertSame(all, DenseCounts.Merge(a, DenseCounts.Merge(b, c)));
            AssertSame(all, DenseCounts.Merge(c, DenseCounts.Merge(b, a)));
            var inPlace = Count(symbols[..t.Cut1], declared);
            inPlace.MergeFrom(b);
            inPlace.MergeFrom(c);
            AssertSame(all, inPlace);
        }
        // Growing parts merge into a declared one in any order and grouping.
        var whole = Count(symbols, t.Declared);
        var (d, g1, g2) = (Count(symbols[..t.Cut1], t.Declared), Count(symbols[t.Cut1..t.Cut2], 0), Count(symbols[t.Cut2..], 0));
        AssertSame(whole, DenseCounts.Merge(DenseCounts.Merge(g1, d), g2));
        AssertSame(whole, DenseCounts.Merge(g2, DenseCounts.Merge(g1, d)));
        AssertSame(whole, DenseCounts.Merge(DenseCounts.Merge(g1, g2), d));
    }, seed: "0000000000d1", iter: 200);

    [Fact]
    public void ByteMergeEqualsCountingTheUnion() =>
        Gen.Byte.Array[0, 300].Select(Gen.Int[0, 300]).SampleFixed((bytes, cut) =>
        {
            cut = Math.Min(cut, bytes.Length);
            var a = DenseCounts.ForBytes();
            var b = DenseCounts.Growable();
            a.AddBytes(bytes.AsSpan(0, cut));
            b.AddBytes(bytes.AsSpan(cut));
            Assert.Equal(NaiveHistogram(bytes), DenseCounts.Merge(a, b).Counts.ToArray());
            AssertSame(DenseCounts.Merge(a, b), DenseCounts.Merge(b, a));
            Assert.False(DenseCounts.Merge(b, a).GrowsAlphabet);
        }, seed: "0000000000d4", iter: 200);

    [Fact]
    public void IncompatibleAlphabetsAreRefused()
    {
        var four = new DenseCounts(4);
        var bytes = DenseCounts.ForBytes();
        var grown = DenseCounts.Growable();
        grown.Add(9);
        Assert.Contains("the alphabet of a declares 4 symbols and that of b declares 256", Assert.Throws<ArgumentException>(() => DenseCounts.Merge(four, bytes)).Message);
        Assert.Contains("the alphabet of b grew to 10 symbols, beyond the 4 that a declares", Assert.Throws<ArgumentException>(() => DenseCounts.Merge(four, grown)).Message);
        Assert.Throws<ArgumentException>(() => grown.MergeFrom(four));
        Assert.Equal(10, grown.AlphabetSize);
        Assert.True(grown.GrowsAlphabet);
        grown.MergeFrom(bytes);   // fits: it becomes a declared byte table
        Assert.Equal(256, grown.AlphabetSize);
        Assert.False(grown.GrowsAlphabet);
    }

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
        // "XCNT", version 2, flags 0, reserved 0 0, kind 1, options 0, reserved 0 0, L = 52, K = 2, N = 4, counts 3 and 1, CRC.
        Assert.Equal("XCNT"u8.ToArray(), bytes[..4]);
        Assert.Equal([2, 0, 0, 0, 1, 0, 0, 0, 52, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 3], bytes[4..33]);
        Assert.Equal(52, bytes.Length);
        Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32(bytes.AsSpan(0, 48)), BitConverter.ToUInt32(bytes, 48));
        AssertSame(counts, DenseCounts.ReadFrom(new MemoryStream(bytes)));

        var random = DenseCounts.ForBytes();
        var data = new byte[10_000];
        new Random(2).NextBytes(data);
        random.AddBytes(data);
        AssertSame(random, DenseCounts.ReadFrom(new MemoryStream(Serialize(random))));
        var grown = DenseCounts.Growable();
        AssertSame(grown, DenseCounts.ReadFrom(new MemoryStream(Serialize(grown)))); // K = 0
        grown.AddRange([5, 1, 5]);
        var back = DenseCounts.ReadFrom(new MemoryStream(Serialize(grown)));
        AssertSame(grown, back);
        back.Add(8);                                                                  // still grows
        Assert.Equal(9, back.AlphabetSize);
    }

    [Fact]
    public void VersionOneFilesStillRead()
    {
        // The version-1 layout: "XCNT", 1, 3 reserved bytes, K uint32, N uint64, K uint64 counts, CRC-32 of the rest.
        var v1 = new byte[20 + 8 * 3 + 4];
        "XCNT"u8.CopyTo(v1);
        v1[4] = 1;
        BitConverter.TryWriteBytes(v1.AsSpan(8), 3u);
        BitConverter.TryWriteBytes(v1.AsSpan(12), 7L);
        BitConverter.TryWriteBytes(v1.AsSpan(20), 2L);
        BitConverter.TryWriteBytes(v1.AsSpan(36), 5L);
        BitConverter.TryWriteBytes(v1.AsSpan(44), System.IO.Hashing.Crc32.HashToUInt32(v1.AsSpan(0, 44)));
        var counts = DenseCounts.ReadFrom(new MemoryStream(v1));
        Assert.Equal([2L, 0, 5], counts.Counts.ToArray());
        Assert.False(counts.GrowsAlphabet);
        Assert.Equal(7, counts.Total);
        CountTableFuzz.AssertEveryCorruptionRejected(v1, b => DenseCounts.ReadFrom(new MemoryStream(b)));
    }

    [Fact]
    public void EveryTruncationAndBitFlipIsInvalidData()
    {
        var counts = new DenseCounts(5);
        counts.AddRange([0, 4, 4, 2]);
        CountTableFuzz.AssertEveryCorruptionRejected(Serialize(counts), b => DenseCounts.ReadFrom(new MemoryStream(b)));
        var grown = DenseCounts.Growable();
        grown.AddRange([1, 3]);
        CountTableFuzz.AssertEveryCorruptionRejected(Serialize(grown), b => DenseCounts.ReadFrom(new MemoryStream(b)));
    }

    [Fact]
    public void ACorruptLengthCannotMakeTheReaderAllocateMoreThanTheStreamHolds()
    {
        // A header declaring a 2 GB table, then nothing: rejected as truncated from the stream length, or, for a stream that
        // cannot seek, after reading what is there (the buffer grows only with the data).
        var bytes = Serialize(new DenseCounts(1));
        BitConverter.TryWriteBytes(bytes.AsSpan(12), (ulong)Array.MaxLength);
        var e = Assert.Throws<InvalidDataException>(() => DenseCounts.ReadFrom(new MemoryStream(bytes)));
        Assert.Contains("truncated", e.Message);
        long before = GC.GetAllocatedBytesForCurrentThread();
        e = Assert.Throws<InvalidDataException>(() => DenseCounts.ReadFrom(new NonSeekable(bytes)));
        Assert.Contains("truncated", e.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "the reader allocated for the declared length");
    }

    private sealed class NonSeekable(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
