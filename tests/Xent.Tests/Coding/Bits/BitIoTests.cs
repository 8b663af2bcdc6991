using CsCheck;
using Xent.Coding;
using Xent.Tests.Properties;

namespace Xent.Tests.Coding;

public class BitIoTests
{
    /// <summary>The obvious reference: bit i of the stream is bit i % 8 of byte i / 8; values go least significant bit first.</summary>
    private static byte[] NaiveWrite((ulong Value, int Width)[] items)
    {
        var bits = new List<bool>();
        foreach (var (value, width) in items)
            for (int b = 0; b < width; b++) bits.Add(((value >> b) & 1) == 1);
        var bytes = new byte[(bits.Count + 7) / 8];
        for (int i = 0; i < bits.Count; i++)
            if (bits[i]) bytes[i / 8] |= (byte)(1 << (i % 8));
        return bytes;
    }

    private static ulong Mask(ulong value, int width) => width == 64 ? value : value & ((1UL << width) - 1);

    private static byte[] Write((ulong Value, int Width)[] items, int slack = 0)
    {
        long bits = items.Sum(i => (long)i.Width);
        var buffer = new byte[(bits + 7) / 8 + slack];
        var writer = new BitWriter(buffer);
        foreach (var (value, width) in items) writer.WriteBits(value, width);
        int size = writer.Complete();
        Assert.Equal((bits + 7) / 8, size);
        return buffer[..size];
    }

    private static readonly Gen<(ulong, int)[]> Items =
        Gen.Select(Gen.Int[0, 64], Gen.ULong, (width, value) => (Mask(value, width), width)).Array[0, 300];

    [Fact]
    public void EveryWidthRoundTripsAndMatchesTheReference()
    {
        var rng = new Random(8);
        for (int width = 0; width <= 64; width++)
        {
            var items = Enumerable.Range(0, 100).Select(_ => (Mask((ulong)rng.NextInt64() ^ ((ulong)rng.NextInt64() << 1), width), width)).ToArray();
            var bytes = Write(items);
            Assert.Equal(NaiveWrite(items), bytes);
            var reader = new BitReader(bytes);
            foreach (var (value, w) in items) Assert.Equal(value, reader.ReadBits(w));
            Assert.False(reader.IsOverread);
            Assert.True(reader.IsAtPaddedEnd, $"width {width}");
            Assert.Equal(8L * bytes.Length - 100L * width, reader.BitsRemaining); // the zero padding
        }
    }

    [Fact]
    public void RandomWidthsRoundTrip() => Items.SampleFixed(items =>
    {
        var bytes = Write(items);
        Assert.Equal(NaiveWrite(items), bytes);
        var reader = new BitReader(bytes);
        long remaining = 8L * bytes.Length;
        Assert.Equal(remaining, reader.BitsRemaining);
        for (int i = 0; i < items.Length; i++)
        {
            var (value, width) = items[i];
            // Every third value is peeked and skipped instead of read.
            if (i % 3 == 1 && width <= BitReader.MinBitsAfterRefill)
            {
                Assert.Equal(value, reader.PeekBits(width));
                reader.SkipBits(width);
            }
            else
            {
                Assert.Equal(value, reader.ReadBits(width));
            }
            remaining -= width;
            Assert.Equal(remaining, reader.BitsRemaining);
        }
        Assert.False(reader.IsOverread);
        Assert.True(reader.IsAtPaddedEnd);
    }, seed: "0000000000b1", iter: 300);

    [Fact]
    public void UncheckedBatchesMatchTheCheckedReader() => Items.SampleFixed(items =>
    {
        // The decoders' pattern: RefillFast in batches of FastRefillsLeft, at most 56 bits consumed per refill.
        var small = items.Select(i => (Mask(i.Item1, Math.Min(i.Item2, 28)), Math.Min(i.Item2, 28))).ToArray();
        var bytes = Write(small);
        var reader = new BitReader(bytes);
        int next = 0;
        while (next < small.Length)
        {
            int batches = reader.FastRefillsLeft;
            if (batches == 0) break;
            for (int b = 0; b < batches && next < small.Length; b++)
            {
                reader.RefillFast();
                Assert.InRange(reader.BitsAvailable, 56, 63);
                for (int used = 0; next < small.Length && used + small[next].Item2 <= 56; next++)
                {
                    var (value, width) = small[next];
                    Assert.Equal(value, reader.Container & ((1UL << width) - 1));
                    reader.ConsumeUnchecked(width);
                    used += width;
                }
            }
        }
        for (; next < small.Length; next++) Assert.Equal(small[next].Item1, reader.ReadBits(small[next].Item2));
        Assert.True(reader.IsAtPaddedEnd);
    }, seed: "0000000000b2", iter: 300);

    [Fact]
    public void NeverReadsOutsideItsInput()
    {
        // The input is a slice of a larger buffer filled with ones: anything read past the slice would show as ones.
        var buffer = Enumerable.Repeat((byte)0xFF, 64).ToArray();
        for (int length = 0; length <= 20; length++)
        {
            Array.Fill(buffer, (byte)0xFF);
            buffer.AsSpan(8, length).Fill(0x5A);
            var reader = new BitReader(buffer.AsSpan(8, length));
            for (int i = 0; i < length; i++) Assert.Equal(0x5AUL, reader.ReadBits(8));
            Assert.False(reader.IsOverread);
            Assert.True(reader.IsAtPaddedEnd);
            Assert.Equal(0UL, reader.ReadBits(13)); // past the end: zeros
            Assert.True(reader.IsOverread);
            Assert.False(reader.IsAtPaddedEnd);
            Assert.Equal(-13, reader.BitsRemaining);
            Assert.Equal(0UL, reader.ReadBits(64));
            Assert.Equal(-77, reader.BitsRemaining);
            Assert.True(reader.IsOverread);
        }
    }

    [Fact]
    public void PaddedEndChecksThePadding()
    {
        // 11 bits written, then the 5 padding bits: zero padding is an end, a one in the padding is not; stopping early is not.
        Assert.True(EndsAfter(11, [0xFF, 0x07]));
        Assert.False(EndsAfter(11, [0xFF, 0x0F]));
        Assert.False(EndsAfter(8, [0xFF, 0x07]));
        Assert.True(EndsAfter(0, []));
        Assert.False(EndsAfter(0, [0x00]));

        static bool EndsAfter(int bits, byte[] input)
        {
            var reader = new BitReader(input);
            reader.ReadBits(bits);
            return reader.IsAtPaddedEnd;
        }
    }

    [Fact]
    public void WriterNeverWritesOutsideItsDestination()
    {
        var rng = new Random(3);
        for (int width = 1; width <= 64; width++)
        {
            var items = Enumerable.Range(0, 9).Select(_ => (Mask((ulong)rng.NextInt64(), width), width)).ToArray();
            int size = (9 * width + 7) / 8;
            var buffer = Enumerable.Repeat((byte)0xA5, size + 16).ToArray();
            var writer = new BitWriter(buffer.AsSpan(8, size));
            foreach (var (value, w) in items) writer.WriteBits(value, w);
            Assert.Equal(size, writer.Complete());
            Assert.Equal(NaiveWrite(items), buffer[8..(8 + size)]);
            Assert.All(buffer[..8], b => Assert.Equal(0xA5, b));
            Assert.All(buffer[(8 + size)..], b => Assert.Equal(0xA5, b));
        }
    }

    [Fact]
    public void FullDestinationAndBadArgumentsThrow()
    {
        Assert.Throws<ArgumentException>(() =>
        {
            var writer = new BitWriter(new byte[2]);
            writer.WriteBits(0x1FFFF, 17);
            writer.Complete();
        });
        Assert.Throws<ArgumentOutOfRangeException>(() => new BitWriter(new byte[8]).WriteBits(4, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BitWriter(new byte[8]).WriteBits(0, 65));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BitReader(new byte[8]).ReadBits(65));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BitReader(new byte[8]).PeekBits(57));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BitReader(new byte[8]).SkipBits(1)); // nothing loaded yet
        var ok = new BitWriter(new byte[2]);
        ok.WriteBits(0xFFFF, 16);
        Assert.Equal(16, ok.BitsWritten);
        Assert.Equal(2, ok.Complete());
    }
}
