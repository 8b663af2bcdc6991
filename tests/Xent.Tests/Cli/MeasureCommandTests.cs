namespace Xent.Tests.Cli;

public class MeasureCommandTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void EntropyOfTheWeatherInBits()
    {
        var r = CliRunner.Run("entropy", "0.5,0.4,0.1", "--json");
        Assert.Equal(0, r.Exit);
        // −(0.5 log2 0.5 + 0.4 log2 0.4 + 0.1 log2 0.1)
        double expected = -(0.5 * Math.Log2(0.5) + 0.4 * Math.Log2(0.4) + 0.1 * Math.Log2(0.1));
        Assert.Equal(expected, r.Json.GetProperty("entropy").GetDouble(), Tolerance);
        Assert.Equal("bits", r.Json.GetProperty("unit").GetString());
    }

    [Fact]
    public void CrossEntropyOfTheBarcelonaModelInLondon()
    {
        var r = CliRunner.Run("cross-entropy", "0.5,0.4,0.1", "0.2,0.1,0.7", "--json");
        double expected = -(0.5 * Math.Log2(0.2) + 0.4 * Math.Log2(0.1) + 0.1 * Math.Log2(0.7));
        Assert.Equal(expected, r.Json.GetProperty("cross_entropy").GetDouble(), Tolerance);
    }

    [Fact]
    public void KlInNatsBothWays()
    {
        var pq = CliRunner.Run("kl", "0.5,0.3,0.2", "0.4,0.4,0.2", "--base", "e", "--json").Json;
        var qp = CliRunner.Run("kl", "0.4,0.4,0.2", "0.5,0.3,0.2", "--base", "e", "--json").Json;
        Assert.Equal(0.5 * Math.Log(0.5 / 0.4) + 0.3 * Math.Log(0.3 / 0.4), pq.GetProperty("kl_divergence").GetDouble(), Tolerance);
        Assert.Equal(0.4 * Math.Log(0.4 / 0.5) + 0.4 * Math.Log(0.4 / 0.3), qp.GetProperty("kl_divergence").GetDouble(), Tolerance);
        Assert.Equal("nats", pq.GetProperty("unit").GetString());
    }

    [Fact]
    public void ImpossibleOutcomeGivesInfinityUnlessClipped()
    {
        var raw = CliRunner.Run("cross-entropy", "0.7,0.3", "0,1", "--json").Json;
        Assert.Equal("Infinity", raw.GetProperty("cross_entropy").GetString());
        var clipped = CliRunner.Run("cross-entropy", "0.7,0.3", "0,1", "--clip", "1e-10", "--json").Json;
        Assert.Equal(-0.7 * Math.Log2(1e-10), clipped.GetProperty("cross_entropy").GetDouble(), 1e-9);
    }

    [Fact]
    public void JsOfDisjointDistributionsIsOneBit() =>
        Assert.Equal(1.0, CliRunner.Run("js", "1,0", "0,1", "--json").Json.GetProperty("js_divergence").GetDouble(), Tolerance);

    [Fact]
    public void SurprisalOfAFairCoinIsOneBit() =>
        // "surprisal" is an array even for one probability (it was a number for one and an array for several).
        Assert.Equal(1.0, CliRunner.Run("surprisal", "0.5", "--json").Json.GetProperty("surprisal")[0].GetDouble(), Tolerance);

    [Theory]
    [InlineData("0.5,x", "item 2 'x' is not a number")]
    [InlineData("0.5,-0.1,0.6", "p[1] = -0.1")]
    [InlineData("0.5,NaN,0.5", "p[1] = NaN")]
    [InlineData("0.5,0.4,0.2", "sums to 1.1")]
    public void EntropyRejectsBadDistributions(string p, string fragment) =>
        CliRunner.AssertBadInput(CliRunner.Run("entropy", p), fragment);

    [Fact]
    public void MismatchedLengthsAreBadInput() =>
        CliRunner.AssertBadInput(CliRunner.Run("kl", "0.5,0.5", "0.3,0.3,0.4"), "same length");

    [Fact]
    public void UnknownBaseIsBadInput() =>
        CliRunner.AssertBadInput(CliRunner.Run("entropy", "0.5,0.5", "--base", "1"), "--base '1'");

    [Fact]
    public void UnknownCommandIsBadInput() =>
        Assert.Equal(2, CliRunner.Run("entropyy", "0.5,0.5").Exit);

    [Fact]
    public void NormalizeAcceptsCounts()
    {
        var r = CliRunner.Run("cross-entropy", "5,4,1", "2,1,7", "--normalize", "--json").Json;
        double expected = -(0.5 * Math.Log2(0.2) + 0.4 * Math.Log2(0.1) + 0.1 * Math.Log2(0.7));
        Assert.Equal(expected, r.GetProperty("cross_entropy").GetDouble(), Tolerance);
    }
}
