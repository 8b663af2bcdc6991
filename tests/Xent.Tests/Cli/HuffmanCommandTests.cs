namespace Xent.Tests.Cli;

public class HuffmanCommandTests
{
    [Fact]
    public void WeatherTable()
    {
        var (exit, output, _) = CliRunner.Run("huffman", "0.5,0.4,0.1", "--symbols", "Cloudy,Rainy,Sunny");
        Assert.Equal(0, exit);
        Assert.Contains("Cloudy", output);
        Assert.Contains("Expected length L = 1.5 bits/symbol", output);
        Assert.Contains("Entropy H(P)     = 1.360964", output);
    }

    [Fact]
    public void WeatherJson()
    {
        var json = CliRunner.Json("huffman", "0.5,0.4,0.1");
        Assert.Equal(["0", "10", "11"], json.GetProperty("codewords").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([1, 2, 2], json.GetProperty("lengths").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(1.5, json.GetProperty("expected_length").GetDouble(), 12);
        Assert.Equal(1.0, json.GetProperty("kraft_sum").GetDouble(), 12);
        Assert.Equal(1.360964, json.GetProperty("entropy").GetDouble(), 6);
    }

    [Fact]
    public void BaseConvertsTheInformationFiguresButNotTheCodewordLengths()
    {
        // 1/2, 1/4, 1/4: L = H = 1.5 bits = 1.5·ln 2 nats; lengths and −log2 p stay bits.
        var bits = CliRunner.Json("huffman", "0.5,0.25,0.25");
        var nats = CliRunner.Json("huffman", "0.5,0.25,0.25", "--base", "e");
        Assert.Equal("nats", nats.GetProperty("unit").GetString());
        Assert.Equal(Math.E, nats.GetProperty("base").GetDouble(), 15);
        Assert.Equal(1.5 * Math.Log(2), nats.GetProperty("expected_length").GetDouble(), 14);
        Assert.Equal(1.5 * Math.Log(2), nats.GetProperty("entropy").GetDouble(), 14);
        Assert.Equal(0, nats.GetProperty("redundancy").GetDouble(), 14);
        Assert.Equal([1, 2, 2], nats.GetProperty("lengths").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([1.0, 2, 2], nats.GetProperty("surprisal_bits").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(bits.GetProperty("efficiency").GetDouble(), nats.GetProperty("efficiency").GetDouble());
        var text = CliRunner.Run("huffman", "0.5,0.25,0.25", "--base", "10").Out;
        Assert.Contains($"Entropy H(P)     = {1.5 * Math.Log10(2):0.000000} hartleys/symbol", text);
    }

    [Fact]
    public void LengthLimitedReportsItsCost()
    {
        // Dyadic 1/2, 1/4, …: Huffman lengths 1..5; limited to 3 bits the code costs more.
        var json = CliRunner.Json("huffman", "0.5,0.25,0.125,0.0625,0.03125,0.03125", "--max-length", "3");
        Assert.All(json.GetProperty("lengths").EnumerateArray(), e => Assert.InRange(e.GetInt32(), 1, 3));
        Assert.True(json.GetProperty("extra_bits_over_unlimited").GetDouble() > 0);
    }

    [Theory]
    [InlineData("0.5,0.4,0.2")]
    [InlineData("0.5,x")]
    [InlineData("0.5,0.4,0.1", "--max-length", "1")]
    [InlineData("0.5,0.4,0.1", "--symbols", "a,b")]
    public void BadInputExitsTwoWithOneLine(params string[] args)
    {
        var (exit, _, error) = CliRunner.Run(["huffman", .. args]);
        Assert.Equal(2, exit);
        Assert.Single(error.TrimEnd().Split('\n'));
    }
}
