namespace Xent.Tests.Measures;

public class LogBaseTests
{
    [Fact]
    public void DefaultIsBits() => Assert.Equal("bits", default(LogBase).Unit);

    [Theory]
    [InlineData("2", "bits")]
    [InlineData("e", "nats")]
    [InlineData("10", "hartleys")]
    [InlineData("3", "log3 units")]
    public void ParsesNamesAndNumbers(string text, string unit)
    {
        Assert.True(LogBase.TryParse(text, out var b));
        Assert.Equal(unit, b.Unit);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0.5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("x")]
    public void RejectsBasesNotAboveOne(string text) => Assert.False(LogBase.TryParse(text, out _));

    [Fact]
    public void ConvertsBetweenUnits()
    {
        var oneBit = new Information(1, LogBase.Bits);
        Assert.Equal(Math.Log(2), oneBit.Nats, 15);
        Assert.Equal(Math.Log10(2), oneBit.In(LogBase.Hartleys).Value, 15);
        Assert.Equal(1, oneBit.In(LogBase.Nats).Bits, 15);
    }
}
