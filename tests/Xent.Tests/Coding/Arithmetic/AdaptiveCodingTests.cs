using System.Buffers;
using Xent.Coding;

namespace Xent.Tests.Coding;

/// <summary>Round trips, corruption and cross-entropy = coded size for every adaptive model × coder: the order-0/1/2
/// <see cref="AdaptiveStream"/> (range coder) and the context-mixing <see cref="CmStream"/> (binary arithmetic coder).</summary>
public class AdaptiveCodingTests
{
    /// <summary>A codec under test: encode, decode, and the model's cross-entropy in bits.</summary>
    public sealed record Codec(string Name, Func<byte[], byte[]> Encode, TryDecoder TryDecode, Func<byte[], double> Bits)
    {
        public override string ToString() => Name;
    }

    public delegate OperationStatus TryDecoder(ReadOnlySpan<byte> source, Span<byte> destination, out int consumed, out int written);

    public static TheoryData<Codec> Codecs()
    {
        var data = new TheoryData<Codec>();
        for (int order = 0; order <= 2; order++)
        {
            int o = order;
            data.Add(new Codec($"order{o}", d => AdaptiveStream.Encode(d, o), AdaptiveStream.TryDecode, d => AdaptiveStream.CodeLength(d, o).Value));
        }
        foreach (int level in new[] { 1, CmStream.DefaultLevel, CmStream.StrongLevel })
        {
            int l = level;
            data.Add(new Codec($"cm{l}", d => CmStream.Encode(d, l), CmStream.TryDecode, d => CmStream.CodeLength(d, l).Value));
        }
        return data;
    }

    private static byte[] Text(int length)
    {
        const string words = "the model pays the cross entropy of the data under it and a better model makes a smaller file ";
        var rng = new Random(7);
        var sb = new System.Text.StringBuilder();
        while (sb.Length < length)
        {
            int start = rng.Next(words.Length - 20);
            sb.Append(words, start, 5 + rng.Next(15)).Append(rng.Next(10) == 0 ? ".\n" : " ");
        }
        return System.Text.Encoding.ASCII.GetBytes(sb.ToString()[..length]);
    }

    private static byte[] Random(int length, int seed)
    {
        var b = new byte[length];
        new Random(seed).NextBytes(b);
        return b;
    }

    public static IEnumerable<(string Name, byte[] Data)> Messages()
    {
        yield return ("empty", []);
        yield return ("one byte", [42]);
        yield return ("all equal", Enumerable.Repeat((byte)'a', 5000).ToArray());
        yield return ("all 256", Enumerable.Range(0, 256).Select(i => (byte)i).ToArray());
        yield return ("all 256 twice reversed", Enumerable.Range(0, 512).Select(i => (byte)(i < 256 ? i : 511 - i)).ToArray());
        yield return ("random", Random(3000, 1));
        yield return ("text", Text(20000));
        yield return ("runs", Enumerable.Range(0, 8000).Select(i => (byte)(i / 700 % 3 * 80)).ToArray());
        yield return ("zeros and 255", Enumerable.Range(0, 3000).Select(i => (byte)(i % 7 == 0 ? 255 : 0)).ToArray());
    }

    private static void AssertRoundTrip(Codec codec, byte[] data, string what)
    {
        var encoded = codec.Encode(data);
        var output = new byte[data.Length + 3];
        var status = codec.TryDecode(encoded, output, out int consumed, out int written);
        Assert.True(status == OperationStatus.Done, $"{codec} {what}: {status}");
        Assert.Equal(encoded.Length, consumed);
        Assert.Equal(data.Length, written);
        Assert.True(output.AsSpan(0, written).SequenceEqual(data), $"{codec} {what}: decoded bytes differ");
        // Trailing bytes after a block are not read.
        var padded = encoded.Concat(new byte[] { 1, 2, 3 }).ToArray();
        Assert.Equal(OperationStatus.Done, codec.TryDecode(padded, output, out consumed, out _));
        Assert.Equal(encoded.Length, consumed);
    }

    [Theory, MemberData(nameof(Codecs))]
    public void RoundTripsSpecialMessages(Codec codec)
    {
        foreach (var (name, data) in Messages()) AssertRoundTrip(codec, data, name);
    }

    [Theory, MemberData(nameof(Codecs))]
    public void RoundTripsManyLengths(Codec codec)
    {
        var text = Text(3000);
        var noise = Random(3000, 5);
        for (int n = 0; n <= 300; n += n < 40 ? 1 : 13)
        {
            AssertRoundTrip(codec, text[..n], $"text[..{n}]");
            AssertRoundTrip(codec, noise[..n], $"random[..{n}]");
        }
        AssertRoundTrip(codec, text, "text 3000");
    }

    [Theory, MemberData(nameof(Codecs))]
    public void CodedSizeIsTheCrossEntropy(Codec codec)
    {
        foreach (var data in new[] { Text(20000), Enumerable.Range(0, 30000).Select(i => (byte)(i * i % 251 % 17)).ToArray() })
        {
            var encoded = codec.Encode(data);
            double bits = codec.Bits(data);
            int header = Varint.Length((ulong)data.Length) + 1;
            double payloadBits = (encoded.Length - header) * 8.0;
            // The coder pays the cross-entropy within 0.1 %, plus its flush (4 bytes) and the last partial byte.
            Assert.InRange(payloadBits, bits - 8, bits * 1.001 + 5 * 8);
            Assert.True(bits < data.Length * 8, $"{codec}: the model learned nothing ({bits} bits)");
        }
    }

    [Theory, MemberData(nameof(Codecs))]
    public void RandomDataIsStoredWithinTheBound(Codec codec)
    {
        var data = Random(2000, 9);
        var encoded = codec.Encode(data);
        Assert.True(encoded.Length <= BlockBound(data.Length));
        Assert.Equal(0x80, encoded[Varint.Length(2000)]);
        AssertRoundTrip(codec, data, "random stored");
    }

    private static int BlockBound(int n) => AdaptiveStream.MaxEncodedLength(n);

    [Theory, MemberData(nameof(Codecs))]
    public void EveryTruncationFailsCleanly(Codec codec)
    {
        foreach (var data in new[] { Text(400), Random(300, 3) })
        {
            var encoded = codec.Encode(data);
            var output = new byte[data.Length];
            for (int cut = 0; cut < encoded.Length; cut++)
            {
                var status = codec.TryDecode(encoded.AsSpan(0, cut), output, out _, out _);
                Assert.True(status is OperationStatus.NeedMoreData or OperationStatus.InvalidData, $"{codec}: cut at {cut} gave {status}");
            }
        }
    }

    [Theory, MemberData(nameof(Codecs))]
    public void EveryBitFlipFailsCleanlyOrYieldsTheOriginal(Codec codec)
    {
        foreach (var data in new[] { Text(150), Random(100, 4) })
        {
            var encoded = codec.Encode(data);
            var output = new byte[data.Length + 64];
            for (int bit = 0; bit < encoded.Length * 8; bit++)
            {
                var flipped = (byte[])encoded.Clone();
                flipped[bit / 8] ^= (byte)(1 << (bit % 8));
                var status = codec.TryDecode(flipped, output, out int consumed, out int written);
                if (status == OperationStatus.Done)
                    Assert.True(consumed <= flipped.Length && output.AsSpan(0, written).SequenceEqual(data), $"{codec}: flip of bit {bit} decoded to other data");
                else
                    Assert.True(status is OperationStatus.NeedMoreData or OperationStatus.InvalidData or OperationStatus.DestinationTooSmall, $"{codec}: flip {bit}: {status}");
            }
        }
    }

    [Theory, MemberData(nameof(Codecs))]
    public void RandomBytesNeverCrashTheDecoder(Codec codec)
    {
        var rng = new Random(11);
        var output = new byte[512];
        for (int i = 0; i < 300; i++)
        {
            var junk = new byte[rng.Next(0, 64)];
            rng.NextBytes(junk);
            if (junk.Length > 1) junk[0] = (byte)rng.Next(0, 128);
            _ = codec.TryDecode(junk, output, out _, out _);
        }
    }

    [Theory, MemberData(nameof(Codecs))]
    public void AHugeClaimedLengthAllocatesNothing(Codec codec)
    {
        // varint 2^31 − 1, a mode byte, four bytes: the decoder refuses before allocating.
        var header = new byte[16];
        int pos = Varint.Write(int.MaxValue, header);
        header[pos] = codec.Name.StartsWith("cm") ? (byte)9 : (byte)2;
        long before = GC.GetAllocatedBytesForCurrentThread();
        var status = codec.TryDecode(header, new byte[100], out _, out _);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(OperationStatus.DestinationTooSmall, status);
        Assert.True(allocated < 1 << 20, $"{allocated} bytes allocated");
        Assert.Equal(OperationStatus.Done, AdaptiveStream.TryGetDecodedLength(header, out int n));
        Assert.Equal(int.MaxValue, n);
    }

    [Fact]
    public void WholeBlockDecodesCheckTheClaimedLengthBeforeAllocating()
    {
        // A 7-byte header claiming 2^31 − 1 bytes: the array-returning decoders refuse it by the limit, allocating nothing.
        var header = new byte[16];
        int pos = Varint.Write(int.MaxValue, header);
        header[pos] = 2;
        foreach (Func<byte[]> decode in new Func<byte[]>[] { () => AdaptiveStream.Decode(header), () => CmStream.Decode(header) })
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var e = Assert.Throws<InvalidDataException>(decode);
            Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20);
            Assert.Contains($"claims {int.MaxValue} decoded bytes; at most {1 << 26}", e.Message);
        }
        // A long run compresses to a few bytes: the limit is the caller's to raise.
        var run = new byte[100_000];
        var encoded = AdaptiveStream.Encode(run, 0);
        Assert.Throws<InvalidDataException>(() => AdaptiveStream.Decode(encoded, maxLength: 99_999));
        Assert.Equal(run, AdaptiveStream.Decode(encoded, maxLength: 100_000));
    }

    [Fact]
    public void ThrowingDecodersNameTheProblem()
    {
        var encoded = CmStream.Encode(Text(500));
        Assert.Equal(Text(500), CmStream.Decode(encoded));
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => CmStream.Decode(encoded.AsSpan(0, encoded.Length - 2))).Message);
        Assert.Contains("follow", Assert.Throws<InvalidDataException>(() => CmStream.Decode([.. encoded, 0])).Message);
        var a = AdaptiveStream.Encode(Text(500), 2);
        Assert.Equal(Text(500), AdaptiveStream.Decode(a));
        a[^3] ^= 0x10;
        Assert.Throws<InvalidDataException>(() => AdaptiveStream.Decode(a));
    }

    [Fact]
    public void BadArgumentsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AdaptiveStream.Encode([1, 2], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => CmStream.Encode([1, 2], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CmStream.Encode([1, 2], 10));
        Assert.Throws<ArgumentException>(() => CmStream.Encode(new byte[10], new byte[10]));
        Assert.Throws<ArgumentOutOfRangeException>(() => CmStream.MaxEncodedLength(-1));
        Assert.Throws<ArgumentException>(() => CmStream.CodeLength(new byte[10], 5, new double[3]));
    }

    [Fact]
    public void PerByteCostsSumToTheCrossEntropy()
    {
        var data = Text(3000);
        var costs = new double[data.Length];
        double total = CmStream.CodeLength(data, 3, costs).Value;
        Assert.Equal(total, costs.Sum(), 1e-6);
        var costs0 = new double[data.Length];
        double total0 = AdaptiveStream.CodeLength(data, 0, costs0).Value;
        Assert.Equal(total0, costs0.Sum(), 1e-6);
        // The first byte under the fresh order-0 model costs log2 256 = 8 bits.
        Assert.Equal(8, costs0[0], 12);
    }

    [Fact]
    public void HigherOrdersAndMixingCompressTextBetter()
    {
        var data = Text(30000);
        double o0 = AdaptiveStream.CodeLength(data, 0).Value, o1 = AdaptiveStream.CodeLength(data, 1).Value;
        double o2 = AdaptiveStream.CodeLength(data, 2).Value, cm = CmStream.CodeLength(data).Value;
        Assert.True(o0 > o1 && o1 > o2 && o2 > cm, $"{o0} {o1} {o2} {cm}");
    }
    [Fact]
    public void Order2TablesReusedOnAThreadGiveTheBytesOfAFreshModel()
    {
        // A model's order-2 tables go back to a per-thread spare when it finishes and the next model takes them: its output
        // must be what a model with fresh tables on a new thread writes, whatever the previous model left in them.
        var random = new Random(11);
        var first = new byte[300_000];
        random.NextBytes(first); // many contexts: the spare grows large and full of other counts
        var text = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("the quick brown fox jumps over the lazy dog; ", 2000)));
        byte[] fresh = [];
        double freshBits = 0;
        var thread = new Thread(() =>
        {
            fresh = AdaptiveStream.Encode(text, 2);
            freshBits = AdaptiveStream.CodeLength(text, 2).Value;
        });
        thread.Start();
        thread.Join();
        AdaptiveStream.Encode(first, 2);
        Assert.Equal(fresh, AdaptiveStream.Encode(text, 2));
        AdaptiveStream.CodeLength(first, 2);
        Assert.Equal(freshBits, AdaptiveStream.CodeLength(text, 2).Value);
        AdaptiveStream.Encode(first, 2);
        Assert.Equal(text, AdaptiveStream.Decode(fresh));
        Assert.Equal(text, AdaptiveStream.Decode(fresh));
    }
}
