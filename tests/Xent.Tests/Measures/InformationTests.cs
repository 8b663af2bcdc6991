using System.Globalization;

namespace Xent.Tests.Measures;

public class InformationTests
{
    private static readonly Information OneBit = new(1, LogBase.Bits);
    private static readonly Information OneNat = new(1, LogBase.Nats);

    [Fact]
    public void AddsInTheLeftOperandsUnit()
    {
        var sum = OneBit + OneNat;
        Assert.Equal(LogBase.Bits, sum.Base);
        Assert.Equal(1 + 1 / Math.Log(2), sum.Value, 14);

        var reversed = OneNat + OneBit;
        Assert.Equal(LogBase.Nats, reversed.Base);
        Assert.Equal(sum.Nats, reversed.Nats, 14);
    }

    [Fact]
    public void SubtractsInTheLeftOperandsUnit()
    {
        var difference = OneNat - OneBit;
        Assert.Equal(LogBase.Nats, difference.Base);
        Assert.Equal(1 - Math.Log(2), difference.Value, 15);
        Assert.Equal(0, (OneBit - OneBit).Value);
    }

    [Fact]
    public void InfinityMinusInfinityThrowsInsteadOfNaN()
    {
        var infinite = new Information(double.PositiveInfinity, LogBase.Bits);
        var ex = Assert.Throws<ArithmeticException>(() => infinite - new Information(double.PositiveInfinity, LogBase.Nats));
        Assert.Contains("∞ bits", ex.Message);
        Assert.Throws<ArithmeticException>(() => infinite + new Information(double.NegativeInfinity, LogBase.Bits));
        Assert.Equal(double.PositiveInfinity, (infinite - OneBit).Value);
        Assert.Equal(double.PositiveInfinity, (infinite + infinite).Value);
    }

    [Fact]
    public void ComparesAmountsAcrossUnits()
    {
        Assert.True(OneBit < OneNat);
        Assert.True(OneNat > OneBit);
        var sameBit = new Information(1, LogBase.Bits);
        Assert.True(OneBit <= sameBit);
        Assert.True(OneBit >= sameBit);
        Assert.False(OneNat <= OneBit);
        var oneBitInNats = OneBit.In(LogBase.Nats);
        Assert.Equal(0, OneBit.CompareTo(new Information(Math.Log(2), LogBase.Nats)));
        Assert.Equal(0, OneBit.CompareTo(oneBitInNats));
        Assert.True(new Information(double.PositiveInfinity, LogBase.Hartleys) > new Information(1e300, LogBase.Bits));
        Assert.True(OneBit.CompareTo((object?)null) > 0);
        Assert.Throws<ArgumentException>(() => OneBit.CompareTo((object)1.0));

        Information[] sorted = [OneNat, new(0.5, LogBase.Bits), OneBit.In(LogBase.Hartleys)];
        Array.Sort(sorted);
        Assert.Equal([LogBase.Bits, LogBase.Hartleys, LogBase.Nats], sorted.Select(i => i.Base).ToArray());
        Assert.Equal(0.5, sorted[0].Value);
    }

    [Fact]
    public void FormatsValueThenUnit()
    {
        var h = new Information(1.3609640474436813, LogBase.Bits);
        Assert.Equal("1.360964 bits", h.ToString());
        Assert.Equal("1.36 bits", h.ToString("F2"));
        Assert.Equal("1,36 bits", h.ToString("F2", CultureInfo.GetCultureInfo("de-DE")));
        Assert.Equal("1.36 bits", h.ToString("F2", null));
        Assert.Equal("1.360964 bits", h.ToString(null, null));
        Assert.Equal("∞ nats", new Information(double.PositiveInfinity, LogBase.Nats).ToString("F2", null));
        Assert.Equal("-∞ bits", new Information(double.NegativeInfinity, LogBase.Bits).ToString());
        Assert.Equal("H = 1.361 bits", string.Create(CultureInfo.InvariantCulture, $"H = {h:F3}"));
    }

    [Fact]
    public void TryFormatWritesTheSameAsToStringOrReportsShortDestination()
    {
        var h = new Information(0.25, LogBase.Hartleys);
        Span<char> buffer = stackalloc char[64];
        Assert.True(h.TryFormat(buffer, out var written, "F3", null));
        Assert.Equal(h.ToString("F3"), buffer[..written].ToString());

        var exact = h.ToString("F3").Length;
        Assert.True(h.TryFormat(buffer[..exact], out written, "F3", null));
        Assert.Equal(exact, written);
        Assert.False(h.TryFormat(buffer[..(exact - 1)], out written, "F3", null));
        Assert.Equal(0, written);

        var infinite = new Information(double.PositiveInfinity, LogBase.Bits);
        Assert.True(infinite.TryFormat(buffer, out written, default, null));
        Assert.Equal("∞ bits", buffer[..written].ToString());
        Assert.False(infinite.TryFormat(buffer[..3], out _, default, null));
    }
}
