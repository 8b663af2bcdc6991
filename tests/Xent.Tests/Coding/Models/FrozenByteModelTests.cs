using System.Buffers;
using System.Text;
using Xent.Coding;
using Xent.Estimation;

namespace Xent.Tests.Coding;

public class FrozenByteModelTests
{
    private static FrozenByteModel Train(string text, int order, double smoothing)
    {
        var counts = new ByteContextCounts(order);
        counts.Add(Encoding.ASCII.GetBytes(text));
        return FrozenByteModel.Train(counts, smoothing);
    }

    [Fact]
    public void HandWorkedCodeLengths()
    {
        // Order 0 on "abab" without smoothing: q(a) = q(b) = 1/2, so each byte costs exactly 1 bit; "c" was never seen.
        var model = Train("abab", 0, 0);
        var costs = new double[3];
        Assert.Equal(3, model.CodeLength("aba"u8, costs).Bits);
        Assert.Equal([1.0, 1.0, 1.0], costs);
        Assert.False(model.CanCode("abc"u8));
        Assert.Equal(double.PositiveInfinity, model.CodeLength("abc"u8).Bits);
        Assert.Throws<ArgumentException>(() => model.Encode("abc"u8, new byte[FrozenByteModel.MaxEncodedLength(3)]));

        // Order 1 on "aab" with α = 1: after 'a' the counts are a:1, b:1 → q = 2/258 each; after 'b' nothing → 1/256; the
        // first byte's context is 0, never seen (the zero padding counts one 'a' there) → q(a | 0) = 2/257.
        model = Train("aab", 1, 1);
        model.CodeLength("ab"u8, costs);
        // Quantized to 16 bits: 65536·2/257 = 510.0 and the 255 others 255.0 each leave one unit, which goes to 'a' (511),
        // the largest gain in Σ c log f; so −log2(511/65536). After 'a': 65536·2/258 = 508.0 → 508 (the rest 254 each).
        Assert.Equal(16 - Math.Log2(511), costs[0], 1e-12);
        Assert.Equal(-Math.Log2(2.0 / 257), costs[0], 0.003);
        Assert.Equal(-Math.Log2(2.0 / 258), costs[1], 0.003);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void RoundTripsAndPaysItsCrossEntropy(int order)
    {
        var model = Train(string.Concat(Enumerable.Repeat("the quick brown fox jumps over the lazy dog; ", 50)), order, 0.5);
        foreach (var text in new[] { "", "t", "the lazy fox", "ZZZ unseen bytes \u0001\u00ff", string.Concat(Enumerable.Repeat("pack my box with five dozen liquor jugs ", 300)) })
        {
            var data = Encoding.Latin1.GetBytes(text);
            var coded = new byte[FrozenByteModel.MaxEncodedLength(data.Length)];
            int size = model.Encode(data, coded);
            double bits = model.CodeLength(data).Bits;
            Assert.True(Math.Abs(8.0 * size - bits) <= 0.001 * bits + 40, $"{size} bytes for {bits} bits");
            var back = new byte[data.Length];
            Assert.Equal(OperationStatus.Done, model.TryDecode(coded.AsSpan(0, size), back, out int consumed));
            Assert.Equal(size, consumed);
            Assert.Equal(data, back);
            // Every truncation fails cleanly.
            for (int cut = 0; cut < size; cut++)
                Assert.NotEqual(OperationStatus.Done, model.TryDecode(coded.AsSpan(0, cut), back, out _));
        }
    }

    [Fact]
    public void RejectsBadSmoothing()
    {
        var counts = new ByteContextCounts(0);
        Assert.Throws<ArgumentOutOfRangeException>(() => FrozenByteModel.Train(counts, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrozenByteModel.Train(counts, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrozenByteModel.Train(counts, double.PositiveInfinity));
    }
}
