using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Xent.Coding;

namespace Xent.Tests.Coding;

public class XentContainerTests
{
    private const int Block = 1000;

    /// <summary>Skewed random bytes: byte b with probability about (1 − skew)·skew^b.</summary>
    internal static byte[] Skewed(int length, int seed, double skew = 0.8)
    {
        var rng = new Random(seed);
        var m = new byte[length];
        for (int i = 0; i < length; i++) m[i] = (byte)Math.Min(255, (int)(Math.Log(1 - rng.NextDouble()) / Math.Log(skew)));
        return m;
    }

    private static XentContainerOptions Options(int threads = 1, int blockSize = Block, XentCodec codec = XentCodec.Huffman) =>
        new() { BlockSize = blockSize, MaxDegreeOfParallelism = threads, Codec = codec };

    private static readonly int[] LengthRows = [0, 1, 2, Block - 1, Block, Block + 1, 3 * Block, 3 * Block + 7];

    /// <summary>Every registered codec at every block-boundary length.</summary>
    public static TheoryData<XentCodec, int> Lengths
    {
        get
        {
            var rows = new TheoryData<XentCodec, int>();
            foreach (var (codec, _, _) in XentContainer.Codecs)
                foreach (int length in LengthRows) rows.Add(codec, length);
            return rows;
        }
    }

    public static TheoryData<XentCodec> AllCodecs => [.. XentContainer.Codecs.Select(c => c.Codec)];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void RoundTripsAtBlockBoundaries(XentCodec codec, int length)
    {
        foreach (var data in new[] { Skewed(length, length), new byte[length], Enumerable.Range(0, length).Select(i => (byte)i).ToArray() })
        {
            var packed = XentContainer.Compress(data, Options(codec: codec));
            Assert.Equal(data, XentContainer.Decompress(packed));
            // A stream that cannot seek gets "length unknown" in its header, and decodes the same.
            var streamed = new MemoryStream();
            var summary = XentContainer.Compress(new ForwardOnly(new MemoryStream(data)), streamed, Options(codec: codec));
            Assert.Equal(data, XentContainer.Decompress(streamed.ToArray()));
            Assert.Equal(data.Length, summary.InputBytes);
            Assert.Equal(streamed.Length, summary.OutputBytes);
            Assert.Equal((length + Block - 1) / Block, summary.Blocks);
            Assert.Equal(data.Length, summary.ByteCounts.Sum());
        }
    }

    [Fact]
    public void OutputDoesNotDependOnTheThreads()
    {
        var data = Skewed(10 * Block + 123, 7);
        var one = XentContainer.Compress(data, Options(1));
        Assert.Equal(one, XentContainer.Compress(data, Options(2)));
        Assert.Equal(one, XentContainer.Compress(data, Options(3)));
        Assert.Equal(one, XentContainer.Compress(data, Options(-1)));
        foreach (int threads in new[] { 1, 2, 3 }) Assert.Equal(data, XentContainer.Decompress(one, threads));
        var s1 = XentContainer.Compress(new MemoryStream(data), new MemoryStream(), Options(1));
        var s3 = XentContainer.Compress(new MemoryStream(data), new MemoryStream(), Options(3));
        Assert.Equal(s1.ModelBits, s3.ModelBits);
        Assert.Equal(3, s3.Threads);
    }

    [Theory]
    [InlineData(XentCodec.Huffman)]
    [InlineData(XentCodec.Rans1)]
    [InlineData(XentCodec.Cm)]
    public void ManyBlocksInFlightComeOutInOrder(XentCodec codec)
    {
        // 41 blocks of different kinds (skewed, text-like, random: coded and stored, so workers finish out of order), through
        // 1, 2, 3 and 8 threads (2, 4, 6 and 16 blocks in flight): the same bytes, the same model bits and byte counts.
        var rng = new Random(9);
        var data = new List<byte>();
        for (int b = 0; b < 40; b++)
        {
            var block = new byte[Block];
            if (b % 3 == 0) rng.NextBytes(block);
            else Skewed(Block, b, b % 3 == 1 ? 0.5 : 0.95).CopyTo(block, 0);
            data.AddRange(block);
        }
        data.AddRange(Skewed(123, 77));
        var bytes = data.ToArray();
        var one = new MemoryStream();
        var s1 = XentContainer.Compress(new MemoryStream(bytes), one, Options(1, Block, codec));
        Assert.Equal(41, s1.Blocks);
        foreach (int threads in new[] { 2, 3, 8 })
        {
            var many = new MemoryStream();
            var s = XentContainer.Compress(new MemoryStream(bytes), many, Options(threads, Block, codec));
            Assert.Equal(one.ToArray(), many.ToArray());
            Assert.Equal(s1.ModelBits, s.ModelBits);
            Assert.Equal(s1.ByteCounts, s.ByteCounts);
            var back = new MemoryStream();
            var d = XentContainer.Decompress(new MemoryStream(many.ToArray()), back, threads);
            Assert.Equal(bytes, back.ToArray());
            Assert.Equal(s1.ModelBits, d.ModelBits);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void ABadBlockAmongManyStopsAfterTheBlocksBeforeIt(int threads)
    {
        // Block 17 of 30 has a wrong checksum: whatever the threads, blocks 0 … 16 are written, in order, and nothing after.
        var data = Skewed(30 * Block, 12);
        var packed = XentContainer.Compress(data, Options(threads));
        packed[Offsets(packed)[18] - 1] ^= 1; // the last byte of block 17's XXH64
        var output = new MemoryStream();
        var error = Assert.Throws<InvalidDataException>(() => XentContainer.Decompress(new MemoryStream(packed), output, threads));
        Assert.Contains("checksum mismatch in block 17", error.Message);
        Assert.Equal(data.AsSpan(0, 17 * Block).ToArray(), output.ToArray());
    }

    [Fact]
    public void CancellingStopsBetweenBlocksWithEveryWorkerDone()
    {
        // The token is cancelled while the input is being read (after the 10th block's read): the call throws, and returns
        // only once no worker still writes into its buffers (a second compression with the same data is unaffected).
        var data = Skewed(40 * Block, 13);
        using var cts = new CancellationTokenSource();
        var input = new CancelAfterReads(data, 10, cts);
        Assert.ThrowsAny<OperationCanceledException>(() => XentContainer.Compress(input, new MemoryStream(), Options(3), cts.Token));
        Assert.Equal(XentContainer.Compress(data, Options(1)), XentContainer.Compress(data, Options(3)));
    }

    // A memory stream that cancels a token once it has served a given number of reads.
    private sealed class CancelAfterReads(byte[] data, int reads, CancellationTokenSource cts) : MemoryStream(data)
    {
        private int _reads;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (++_reads == reads) cts.Cancel();
            return base.Read(buffer, offset, count);
        }

        public override int Read(Span<byte> buffer)
        {
            if (++_reads == reads) cts.Cancel();
            return base.Read(buffer);
        }
    }

    [Fact]
    public void IncompressibleBlocksAreStoredAndSmallBlocksStillDecode()
    {
        var random = new byte[3 * Block];
        new Random(3).NextBytes(random);
        var packed = XentContainer.Compress(random, Options());
        // Header 8 + 2 + 1 + 2 + 3 + 4 = 20 bytes, then per block n (2) + kind (1) + 8-byte hash, end 1 + 8.
        Assert.True(packed.Length <= random.Length + 20 + 3 * 11 + 9, $"{packed.Length}");
        Assert.Equal(random, XentContainer.Decompress(packed));
        var tiny = Skewed(100, 5);
        Assert.Equal(tiny, XentContainer.Decompress(XentContainer.Compress(tiny, Options(2, blockSize: 1))));
    }

    [Fact]
    public void ModelBitsAreTheCodeLengthsOfEachBlock()
    {
        var data = Skewed(4 * Block, 11);
        var summary = XentContainer.Compress(new MemoryStream(data), new MemoryStream(), Options());
        double expected = 0;
        for (int b = 0; b < 4; b++)
        {
            var block = data.AsSpan(b * Block, Block);
            var code = HuffmanStream.Encode(block);
            var lengths = new int[256];
            Assert.Equal(System.Buffers.OperationStatus.Done, HuffmanStream.TryGetCodeLengths(code, lengths, out _));
            foreach (byte x in block) expected += lengths[x];
        }
        Assert.Equal(expected, summary.ModelBits);
        // The same figure comes back when decoding.
        var packed = XentContainer.Compress(data, Options());
        var back = XentContainer.Decompress(new MemoryStream(packed), new MemoryStream(), 1);
        Assert.Equal(expected, back.ModelBits);
        Assert.Equal(packed.Length, back.InputBytes);
    }

    [Theory]
    [InlineData(XentCodec.Rans, 1)]
    [InlineData(XentCodec.Rans1, 3)]
    [InlineData(XentCodec.Cm, 7)]
    [InlineData(XentCodec.Cm, 8)]
    [InlineData(XentCodec.Order2, 1)]
    public void ModelBitsAreEachModelsCrossEntropy(XentCodec codec, int level)
    {
        // Blocks large enough that every one is coded, not stored (a stored block decodes without its model).
        const int size = 20 * Block;
        var data = Skewed(2 * size + size / 2 + 17, 13);
        double expected = 0;
        for (int start = 0; start < data.Length; start += size)
        {
            var block = data.AsSpan(start, Math.Min(size, data.Length - start));
            expected += codec switch
            {
                XentCodec.Cm => CmStream.CodeLength(block, level).Bits,
                XentCodec.Order2 => AdaptiveStream.CodeLength(block, 2).Bits,
                // Order 0 at level 1 lets each block choose its P; the block states it.
                XentCodec.Rans when level == 1 => RansModelBits(block, 0, RansStream.Encode(block, 0)[1]),
                _ => RansModelBits(block, codec == XentCodec.Rans ? 0 : 1, RansStream.DefaultPrecision + level - 1),
            };
        }
        var options = new XentContainerOptions { BlockSize = size, MaxDegreeOfParallelism = 1, Codec = codec, Level = level };
        var packed = new MemoryStream();
        var summary = XentContainer.Compress(new MemoryStream(data), packed, options);
        Assert.Equal(expected, summary.ModelBits, expected * 1e-12);
        var back = XentContainer.Decompress(new MemoryStream(packed.ToArray()), new MemoryStream(), 1);
        Assert.Equal(expected, back.ModelBits, expected * 1e-12);
    }

    [Theory]
    [MemberData(nameof(AllCodecs))]
    public void StoredBlocksCountTheSameModelBitsWhenDecompressing(XentCodec codec)
    {
        // Random bytes: every block is stored raw, and the model bits are what the model would have paid, both ways.
        var random = new byte[3 * Block + 5];
        new Random(17).NextBytes(random);
        var options = Options(codec: codec) with { Level = XentContainer.DefaultLevel(codec) };
        var packed = new MemoryStream();
        var summary = XentContainer.Compress(new MemoryStream(random), packed, options);
        Assert.True(packed.Length > random.Length); // stored
        var codecInstance = BlockCodecs.Create(codec, options.Level);
        double expected = 0;
        for (int start = 0; start < random.Length; start += Block)
        {
            var block = random.AsSpan(start, Math.Min(Block, random.Length - start));
            var costs = new double[block.Length];
            codecInstance.CodeLengths(block, costs);
            expected += costs.Sum();
        }
        // Not 8 bits a byte: a static model's bits leave out its tables, and rans1's 256 tables fit 1000 random bytes closely.
        Assert.True(expected > 0);
        Assert.Equal(expected, summary.ModelBits, expected * 1e-9);
        var back = XentContainer.Decompress(new MemoryStream(packed.ToArray()), new MemoryStream(), 2);
        Assert.Equal(summary.ModelBits, back.ModelBits, expected * 1e-12);
    }

    [Theory]
    [MemberData(nameof(AllCodecs))]
    public void EachBytesCodeLengthSumsToTheBlocksModelBits(XentCodec codec)
    {
        // Lengths around the 32 rANS lanes (order-1 segments), and a text-like block.
        foreach (int length in new[] { 1, 31, 32, 33, 95, 1000, 4099 })
        {
            var block = Skewed(length, length);
            var instance = BlockCodecs.Create(codec, XentContainer.DefaultLevel(codec));
            var encoded = new byte[instance.MaxEncodedLength(length)];
            instance.Encode(block, encoded, out double modelBits);
            var costs = new double[length];
            instance.CodeLengths(block, costs);
            Assert.Equal(modelBits, costs.Sum(), Math.Max(1e-9, modelBits * 1e-12));
            Assert.All(costs, c => Assert.True(c >= 0 && double.IsFinite(c)));
        }
    }

    /// <summary>The naive reference: Σ count(c, s)·−log2(f(s | c) / 2^P) over the tables read back from the encoded block.</summary>
    private static double RansModelBits(ReadOnlySpan<byte> block, int order, int precision)
    {
        // The contexts as the encoder assigns them: order 1 splits the block into 32 segments whose first byte has context 0.
        int n = block.Length, lanes = n >= 32 ? 32 : 1, segment = n >= 32 ? n / 32 : n;
        var counts = new long[256 * 256];
        for (int i = 0; i < n; i++)
        {
            int context = order == 0 || i == 0 || (i % segment == 0 && i / segment < lanes) ? 0 : block[i - 1];
            counts[context * 256 + block[i]]++;
        }
        double bits = 0;
        for (int c = 0; c < 256; c++)
        {
            var row = counts.AsSpan(c * 256, 256);
            if (!row.ContainsAnyExcept(0L)) continue;
            var table = FrequencyTable.Quantize(row, precision);
            for (int s = 0; s < 256; s++) if (row[s] > 0) bits += row[s] * -Math.Log2(table.Frequencies[s] / (double)(1 << precision));
        }
        return bits;
    }

    [Theory]
    [MemberData(nameof(AllCodecs))]
    public void EveryTruncationAndEveryBitFlipFailsCleanly(XentCodec codec)
    {
        var data = Encoding.UTF8.GetBytes("entropy is the floor, cross-entropy is what you pay; " + string.Concat(Enumerable.Repeat("abcab", 30)));
        var packed = XentContainer.Compress(data, Options(1, blockSize: 64, codec: codec));
        for (int cut = 0; cut < packed.Length; cut++)
            Assert.Throws<InvalidDataException>(() => XentContainer.Decompress(packed.AsSpan(0, cut), 1));
        for (int bit = 0; bit < packed.Length * 8; bit++)
        {
            var flipped = (byte[])packed.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            byte[]? decoded = null;
            var e = Record.Exception(() => decoded = XentContainer.Decompress(flipped, 1));
            // A flip in bits the decoder never reads (the arithmetic coder's last bytes) may still yield the original.
            Assert.True(e is InvalidDataException || (e is null && decoded!.AsSpan().SequenceEqual(data)), $"bit {bit}: {e?.GetType().Name ?? "decoded"}");
        }
        Assert.Throws<InvalidDataException>(() => XentContainer.Decompress([.. packed, 0], 1));
    }

    [Fact]
    public void MessagesNameWhatIsWrong()
    {
        var data = Skewed(3 * Block, 2);
        var packed = XentContainer.Compress(data, Options());
        string Message(byte[] bytes) => Assert.Throws<InvalidDataException>(() => XentContainer.Decompress(bytes, 1)).Message;

        Assert.Contains("not a .xent file", Message("hello world"u8.ToArray()));
        Assert.Contains("it is empty", Message([]));
        Assert.Contains("this is a count table", Message([.. "XCNT"u8, 1, 0, 0, 0]));
        var newer = (byte[])packed.Clone();
        newer[4] = 2;
        Assert.Contains("made by a newer version of Xent: format version 2", Message(newer));
        Assert.Contains("truncated after block 1", Message(packed.AsSpan(0, Offsets(packed)[2]).ToArray()));
        Assert.Contains("truncated in block 2", Message(packed.AsSpan(0, Offsets(packed)[2] + 5).ToArray()));
        var badHash = (byte[])packed.Clone();
        badHash[Offsets(packed)[2] - 1] ^= 1; // the last byte of block 1's XXH64
        Assert.Contains("checksum mismatch in block 1", Message(badHash));
        var badHeader = (byte[])packed.Clone();
        badHeader[11] ^= 1; // inside the block size
        Assert.Contains("header is corrupt", Message(badHeader));
    }

    [Fact]
    public void HeadersClaimingHugeSizesAllocateNothing()
    {
        // A valid header (CRC and all) declaring 2^62 original bytes and the largest block size, then nothing.
        var header = Header(blockSize: XentContainerOptions.MaxBlockSize, declared: 1L << 62, codec: 1, parameters: [11]);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Contains("truncated after the header", Assert.Throws<InvalidDataException>(() => XentContainer.Decompress(header, 1)).Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20);
        // A block claiming the largest block size whose payload is absent: truncated, before any block-sized buffer.
        byte[] claim = [.. header, 0x80, 0x80, 0x80, 0x20, 0];
        before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Contains("truncated in block 0", Assert.Throws<InvalidDataException>(() => XentContainer.Decompress(claim, 1)).Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20);
        Assert.Contains("block size is corrupt or above", Assert.Throws<InvalidDataException>(() =>
            XentContainer.Decompress(Header(blockSize: XentContainerOptions.MaxBlockSize + 1, declared: 5, codec: 1, parameters: [11]), 1)).Message);
        Assert.Contains("codec id 200 is unknown", Assert.Throws<InvalidDataException>(() =>
            XentContainer.Decompress(Header(blockSize: 10, declared: 5, codec: 200, parameters: []), 1)).Message);
        Assert.Contains("parameters (10) are invalid", Assert.Throws<InvalidDataException>(() =>
            XentContainer.Decompress(Header(blockSize: 10, declared: 5, codec: 1, parameters: [16]), 1)).Message);
    }

    [Fact]
    public void RejectsBadOptions()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => XentContainer.Compress([1], new XentContainerOptions { BlockSize = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => XentContainer.Compress([1], new XentContainerOptions { Level = 6 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => XentContainer.Compress([1], new XentContainerOptions { MaxDegreeOfParallelism = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => XentContainer.Compress([1], new XentContainerOptions { Codec = (XentCodec)99 }));
    }

    /// <summary>10^8 generated bytes through a forward-only stream, compressed to a file and decompressed into a hash: the data
    /// is never held whole, and what comes out is what went in.</summary>
    [Fact]
    public void StreamsOneHundredMillionBytes()
    {
        const long length = 100_000_000;
        using var files = new TempFiles();
        string path = Path.Combine(files.Directory, "big.xent");
        var source = new Generated(length);
        XentContainerSummary packed;
        using (var file = File.Create(path)) packed = XentContainer.Compress(source, file, new XentContainerOptions { MaxDegreeOfParallelism = 2 });
        Assert.Equal(length, packed.InputBytes);
        Assert.Equal(96, packed.Blocks); // ⌈10^8 / 2^20⌉
        var sink = new HashingSink();
        using (var file = File.OpenRead(path)) XentContainer.Decompress(file, sink, 2);
        Assert.Equal(length, sink.Length);
        Assert.Equal(source.Hash, sink.Hash.GetCurrentHashAsUInt64());
    }

    [Fact]
    public void GoldenFilesDecode()
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "Coding", "Container", "golden");
        var files = Directory.GetFiles(dir, "*.xent");
        Assert.True(files.Length >= 9, $"{files.Length} golden files in {dir}");
        foreach (var file in files)
        {
            var original = File.ReadAllBytes(file[..^".xent".Length]);
            Assert.Equal(original, XentContainer.Decompress(File.ReadAllBytes(file)));
        }
        // Every codec has a golden file of its own.
        var codecs = files.Select(f => XentContainer.Decompress(new MemoryStream(File.ReadAllBytes(f)), Stream.Null, 1).Codec).ToHashSet();
        Assert.All(XentContainer.Codecs, c => Assert.Contains(c.Codec, codecs));
    }

    /// <summary>The byte offset where each block starts (and, last, the end marker), parsed by hand from the format.</summary>
    private static List<int> Offsets(byte[] packed)
    {
        int pos = 8 + 1;
        pos += 1 + packed[pos];
        Varint.TryRead(packed.AsSpan(pos), out _, out int used);
        pos += used;
        Varint.TryRead(packed.AsSpan(pos), out _, out used);
        pos += used + 4;
        var offsets = new List<int>();
        while (true)
        {
            offsets.Add(pos);
            Varint.TryRead(packed.AsSpan(pos), out ulong n, out used);
            pos += used;
            if (n == 0) return offsets;
            byte kind = packed[pos++];
            ulong c = n;
            if (kind == 1)
            {
                Varint.TryRead(packed.AsSpan(pos), out c, out used);
                pos += used;
            }
            pos += (int)c + 8;
        }
    }

    /// <summary>A header with a correct CRC-32 and any field values.</summary>
    internal static byte[] Header(long blockSize, long declared, byte codec, byte[] parameters)
    {
        var bytes = new List<byte>([.. "XENT"u8, 1, 0, 0, 0, codec, (byte)parameters.Length, .. parameters]);
        var v = new byte[10];
        bytes.AddRange(v.AsSpan(0, Varint.Write((ulong)blockSize, v)).ToArray());
        bytes.AddRange(v.AsSpan(0, Varint.Write((ulong)declared + 1, v)).ToArray());
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(crc, Crc32.HashToUInt32(bytes.ToArray()));
        return [.. bytes, .. crc];
    }

    /// <summary>Wraps a stream so that it cannot seek (as a pipe).</summary>
    internal sealed class ForwardOnly(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A forward-only stream of <c>length</c> skewed pseudo-random bytes (xorshift), hashing what it hands out.</summary>
    private sealed class Generated(long length) : Stream
    {
        private readonly XxHash64 _hash = new();
        private ulong _state = 0x9E3779B97F4A7C15;
        private long _left = length;

        public ulong Hash => _hash.GetCurrentHashAsUInt64();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Min(count, _left);
            for (int i = 0; i < n; i++)
            {
                _state ^= _state << 13;
                _state ^= _state >> 7;
                _state ^= _state << 17;
                // Two low bits AND-ed: a skewed distribution over 16 values, about 3 bits per byte.
                buffer[offset + i] = (byte)((_state & (_state >> 4) & (_state >> 8)) & 0xF);
            }
            _hash.Append(buffer.AsSpan(offset, n));
            _left -= n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A write-only stream that keeps only the XXH64 and the length of what it is given.</summary>
    private sealed class HashingSink : Stream
    {
        public XxHash64 Hash { get; } = new();
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Hash.Append(buffer);
            _length += buffer.Length;
        }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
