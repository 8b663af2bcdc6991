using Xent.Coding;

namespace Xent.Tests.Coding;

/// <summary>The coders alone, with fixed and hand-made probabilities: exact round trips, cost = −log2 q.</summary>
public class BinaryCoderTests
{
    [Fact]
    public void BinaryCoderRoundTripsBitsUnderAnyProbabilities()
    {
        var rng = new Random(3);
        var bits = new int[20000];
        var p = new int[bits.Length];
        for (int i = 0; i < bits.Length; i++)
        {
            p[i] = i % 100 == 0 ? (i % 200 == 0 ? 1 : 4095) : rng.Next(1, 4096);
            bits[i] = rng.Next(4096) < p[i] ? 1 : 0;
            if (i % 37 == 0) bits[i] ^= 1; // some surprises, including against p = 1 and 4095
        }
        var buffer = new byte[bits.Length];
        var encoder = new BinaryArithmeticEncoder(buffer);
        double cost = 0;
        for (int i = 0; i < bits.Length; i++)
        {
            encoder.Encode(bits[i], p[i]);
            cost -= Math.Log2((bits[i] == 1 ? p[i] : 4096 - p[i]) / 4096.0);
        }
        int written = encoder.Finish();
        Assert.False(encoder.Overflowed);
        Assert.InRange(written * 8.0, cost, cost * 1.001 + 40);

        var decoder = new BinaryArithmeticDecoder(buffer.AsSpan(0, written));
        for (int i = 0; i < bits.Length; i++) Assert.Equal(bits[i], decoder.Decode(p[i]));
        Assert.True(decoder.IsFinishedOk);
        Assert.Equal(written, decoder.BytesConsumed);
    }

    [Fact]
    public void RangeCoderRoundTripsIntervalsOfAnyTotal()
    {
        var rng = new Random(4);
        int n = 20000;
        var starts = new int[n]; var freqs = new int[n]; var totals = new int[n];
        double cost = 0;
        for (int i = 0; i < n; i++)
        {
            totals[i] = rng.Next(1, RangeEncoder.MaxTotal + 1);
            freqs[i] = i % 50 == 0 ? 1 : rng.Next(1, totals[i] + 1);
            starts[i] = rng.Next(0, totals[i] - freqs[i] + 1);
            cost -= Math.Log2(freqs[i] / (double)totals[i]);
        }
        var buffer = new byte[n * 4];
        var encoder = new RangeEncoder(buffer);
        for (int i = 0; i < n; i++) encoder.Encode(starts[i], freqs[i], totals[i]);
        int written = encoder.Finish();
        Assert.InRange(written * 8.0, cost, cost * 1.001 + 40);
        var decoder = new RangeDecoder(buffer.AsSpan(0, written));
        for (int i = 0; i < n; i++)
        {
            int slot = decoder.Slot(totals[i]);
            Assert.InRange(slot, starts[i], starts[i] + freqs[i] - 1);
            decoder.Consume(starts[i], freqs[i]);
        }
        Assert.True(decoder.IsFinishedOk);
        Assert.Equal(written, decoder.BytesConsumed);
    }

    [Fact]
    public void EncodersReportOverflowInsteadOfWritingPastTheDestination()
    {
        var small = new byte[8];
        var encoder = new BinaryArithmeticEncoder(small.AsSpan(0, 4));
        for (int i = 0; i < 1000; i++) encoder.Encode(i & 1, 4000);
        encoder.Finish();
        Assert.True(encoder.Overflowed);
        Assert.Equal(0, small[4]);
        var range = new RangeEncoder(small.AsSpan(0, 4));
        for (int i = 0; i < 1000; i++) range.Encode(0, 1, 1000);
        range.Finish();
        Assert.True(range.Overflowed);
    }

    [Fact]
    public void AdaptiveByteModelKeepsItsInvariants()
    {
        foreach (int order in new[] { 0, 1, 2 })
        {
            var model = new AdaptiveByteModel(order);
            var rng = new Random(order);
            for (int i = 0; i < 50000; i++)
            {
                int s = rng.Next(10) == 0 ? rng.Next(256) : 'e';
                int total = model.Total;
                Assert.InRange(total, 256, RangeEncoder.MaxTotal);
                int f = model.Frequency(s, out int start);
                Assert.True(f >= 1 && start + f <= total);
                Assert.Equal(s, model.Find(start + f - 1, out int start2, out int f2));
                Assert.Equal((start, f), (start2, f2));
                Assert.Equal(Math.Log2(total / (double)f), model.CodeLength(s), 1e-12);
                model.Update(s);
            }
        }
    }

    [Fact]
    public void SquashAndStretchAreInverse()
    {
        for (int p = 1; p < 4096; p++)
            Assert.InRange(Logistic.Squash(Logistic.Stretch(p)), p - 40, p + 40);
        for (int d = -2047; d <= 2047; d++)
            Assert.Equal(Logistic.Squash(d), Logistic.Squash(Logistic.Stretch(Logistic.Squash(d))));
        Assert.Equal(2047, Logistic.Squash(0));
    }
}
