using System.Buffers;
using CsCheck;
using Xent.Coding;
using Xent.Tests.Properties;

namespace Xent.Tests.Coding;

public class VarintTests
{
    /// <summary>0, 1, and 2^k − 1, 2^k, 2^k + 1 for every k: every length boundary.</summary>
    private static IEnumerable<ulong> Boundaries()
    {
        yield return 0;
        yield return ulong.MaxValue;
        for (int k = 0; k < 64; k++)
        {
            ulong p = 1UL << k;
            yield return p - 1;
            yield return p;
            yield return p + 1;
        }
    }

    private static void RoundTrip(ulong value)
    {
        var buffer = new byte[Varint.MaxLength + 3];
        int length = Varint.Write(value, buffer);
        int bits = 64 - System.Numerics.BitOperations.LeadingZeroCount(value);
        Assert.Equal(Math.Max(1, (bits + 6) / 7), length);
        Assert.Equal(length, Varint.Length(value));
        Assert.Equal(OperationStatus.Done, Varint.TryRead(buffer, out ulong read, out int consumed));
        Assert.Equal(value, read);
        Assert.Equal(length, consumed);
        // Every truncation asks for more data.
        for (int cut = 0; cut < length; cut++)
        {
            Assert.Equal(OperationStatus.NeedMoreData, Varint.TryRead(buffer.AsSpan(0, cut), out read, out consumed));
            Assert.Equal(0UL, read);
            Assert.Equal(0, consumed);
        }
    }

    [Fact]
    public void BoundariesRoundTrip()
    {
        foreach (ulong value in Boundaries()) RoundTrip(value);
    }

    [Fact]
    public void RandomValuesRoundTrip() => Gen.ULong.SampleFixed(RoundTrip, seed: "0000000000v1", iter: 2000);

    [Fact]
    public void HandWorkedEncoding()
    {
        // 300 = 0b10_0101100: low group 0101100 with the "more" bit → 0xAC, then 0b10 → 0x02.
        var buffer = new byte[4];
        Assert.Equal(2, Varint.Write(300, buffer));
        Assert.Equal([0xAC, 0x02], buffer[..2]);
        Assert.Equal(10, Varint.Write(ulong.MaxValue, new byte[10]));
    }

    [Fact]
    public void OverlongAndOversizedAreInvalid()
    {
        Assert.Equal(OperationStatus.InvalidData, Varint.TryRead([0x80, 0x00], out _, out _)); // 0 in two bytes
        Assert.Equal(OperationStatus.InvalidData, Varint.TryRead([0xAC, 0x82, 0x00], out _, out _)); // 300 in three
        Assert.Equal(OperationStatus.InvalidData, Varint.TryRead([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02], out _, out _)); // 2^64 + …
        Assert.Equal(OperationStatus.InvalidData, Varint.TryRead(Enumerable.Repeat((byte)0x80, 11).ToArray(), out _, out _));
        Assert.Equal(OperationStatus.Done, Varint.TryRead([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01], out ulong top, out _));
        Assert.Equal(1UL << 63, top);
        Assert.Equal(OperationStatus.Done, Varint.TryRead([0x00, 0x00], out ulong zero, out int consumed)); // one 0, then anything
        Assert.Equal((0UL, 1), (zero, consumed));
    }

    [Fact]
    public void ShortDestinationThrows() =>
        Assert.Throws<ArgumentException>(() => Varint.Write(300, new byte[1]));
}
