using System.Buffers;
using Xent.Coding;

namespace Xent.Tests.Coding;

public class PrefixCodeCodingTests
{
    [Fact]
    public void FirstBitOfEachCodewordIsSentFirst()
    {
        // Canonical code for lengths [1, 2, 2]: 0, 10, 11. Symbols 1, 2, 0 send the bits 1 0 1 1 0 (LSB-first stream).
        var code = PrefixCode.Canonical([1, 2, 2]);
        var bytes = new byte[code.MaxEncodedLength(3)];
        int written = code.Encode([1, 2, 0], bytes);
        Assert.Equal(1, written);
        Assert.Equal(0b01101, bytes[0]);
        Assert.Equal(5, code.EncodedBitLength([1, 2, 0]));
        var decoded = new int[3];
        Assert.Equal(1, code.Decode(bytes.AsSpan(0, written), decoded));
        Assert.Equal([1, 2, 0], decoded);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(5, 3)]
    [InlineData(40, 4)]
    [InlineData(300, 5)]
    public void HuffmanCodesRoundTripRandomMessages(int alphabet, int seed)
    {
        var random = new Random(seed);
        var counts = new long[alphabet];
        for (int i = 0; i < alphabet; i++) counts[i] = 1 + random.Next(1000) * random.Next(3);
        var code = Huffman.Build(counts);
        foreach (int n in new[] { 0, 1, 7, 64, 1000 })
        {
            var symbols = Enumerable.Range(0, n).Select(_ => random.Next(alphabet)).ToArray();
            var bytes = new byte[code.MaxEncodedLength(n)];
            int written = code.Encode(symbols, bytes);
            Assert.Equal((code.EncodedBitLength(symbols) + 7) / 8, written);
            var decoded = new int[n];
            Assert.Equal(written, code.Decode(bytes.AsSpan(0, written), decoded));
            Assert.Equal(symbols, decoded);
        }
    }

    [Fact]
    public void NonCanonicalAndSixtyFourBitCodesRoundTrip()
    {
        // A hand-made code (not canonical): 11, 0, 10.
        var handMade = PrefixCode.Create([2, 1, 2], [0b11, 0b0, 0b10]);
        RoundTrip(handMade, [0, 1, 2, 2, 1, 0, 0]);

        // Lengths 1, 2, …, 63, 64, 64: the longest codewords fill a whole ulong.
        var lengths = Enumerable.Range(1, 64).Append(64).ToArray();
        var deep = PrefixCode.Canonical(lengths);
        Assert.Equal(64, deep.MaxLength);
        RoundTrip(deep, [64, 63, 0, 64, 5, 62]);
    }

    [Fact]
    public void EncodesIntoAnOpenBitStreamBetweenOtherFields()
    {
        var code = PrefixCode.Canonical([2, 2, 2, 3, 3]);
        var buffer = new byte[32];
        var writer = new BitWriter(buffer);
        writer.WriteBits(0b101, 3);
        code.Encode([4, 0, 3], ref writer);
        writer.WriteBits(0x5A, 8);
        int size = writer.Complete();

        var reader = new BitReader(buffer.AsSpan(0, size));
        Assert.Equal(0b101UL, reader.ReadBits(3));
        var decoded = new int[3];
        Assert.Equal(OperationStatus.Done, code.TryDecode(ref reader, decoded, out int count));
        Assert.Equal(3, count);
        Assert.Equal([4, 0, 3], decoded);
        Assert.Equal(0x5AUL, reader.ReadBits(8));
    }

    [Fact]
    public void CorruptAndTruncatedInputsAreReportedNotMisdecoded()
    {
        // Incomplete code 0, 10 (Kraft 3/4): the bits 11 follow no codeword.
        var incomplete = PrefixCode.Canonical([1, 2]);
        var decoded = new int[2];
        var reader = new BitReader([0b11]);
        Assert.Equal(OperationStatus.InvalidData, incomplete.TryDecode(ref reader, decoded, out int written));
        Assert.Equal(0, written);
        Assert.Throws<InvalidDataException>(() => incomplete.Decode([0b11], decoded));

        var code = PrefixCode.Canonical([1, 2, 2]);
        var bytes = new byte[code.MaxEncodedLength(20)];
        int size = code.Encode(Enumerable.Repeat(2, 20).ToArray(), bytes);
        reader = new BitReader(bytes.AsSpan(0, size - 1));
        Assert.Equal(OperationStatus.NeedMoreData, code.TryDecode(ref reader, new int[20], out written));
        Assert.True(written < 20);
        var e = Assert.Throws<InvalidDataException>(() => code.Decode(bytes.AsSpan(0, size - 1), new int[20]));
        Assert.Contains("of 20 symbols", e.Message);
        // Non-zero padding after the last codeword.
        Assert.Throws<InvalidDataException>(() => code.Decode([0b1000_0000], new int[1]));
    }

    [Fact]
    public void SymbolsWithoutCodewordsAreRefusedNamingTheIndex()
    {
        var code = PrefixCode.Canonical([1, 0, 1]);
        var bytes = new byte[8];
        var e = Assert.Throws<ArgumentException>(() => code.Encode([0, 2, 1], bytes));
        Assert.Contains("symbols[2] = 1 has no codeword", e.Message);
        e = Assert.Throws<ArgumentException>(() => code.EncodedBitLength([0, 3]));
        Assert.Contains("symbols[1] = 3 is outside", e.Message);
        Assert.Throws<ArgumentException>(() => code.Encode([0, 2, 0, 2, 0, 2, 0, 2, 0], new byte[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => code.MaxEncodedLength(-1));
    }

    private static void RoundTrip(PrefixCode code, int[] symbols)
    {
        var bytes = new byte[code.MaxEncodedLength(symbols.Length)];
        int written = code.Encode(symbols, bytes);
        var decoded = new int[symbols.Length];
        Assert.Equal(written, code.Decode(bytes.AsSpan(0, written), decoded));
        Assert.Equal(symbols, decoded);
    }
}
