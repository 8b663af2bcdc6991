namespace Xent.Tests.Cli;

public class BlocksCommandTests
{
    [Fact]
    public void SeedFiguresAsJson()
    {
        var json = CliRunner.Json("blocks", "0.5,0.4,0.1", "--q", "0.2,0.1,0.7", "--max-n", "10");
        var rows = json.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(10, rows.Length);
        Assert.Equal(1.5, rows[0].GetProperty("bits_per_symbol").GetDouble(), 12);
        Assert.Equal(1.9, rows[0].GetProperty("q_code_bits_per_symbol").GetDouble(), 12);
        Assert.Equal(1.364, Math.Round(rows[9].GetProperty("bits_per_symbol").GetDouble(), 3));
        Assert.Equal(2.54, Math.Round(json.GetProperty("cross_entropy").GetDouble(), 2));
        Assert.Equal(1.361, Math.Round(json.GetProperty("entropy").GetDouble(), 3));
    }

    [Fact]
    public void BaseConvertsTheEntropiesAndKeepsTheRowsInBits()
    {
        var bits = CliRunner.Json("blocks", "0.5,0.4,0.1", "--q", "0.2,0.1,0.7", "--max-n", "3");
        var nats = CliRunner.Json("blocks", "0.5,0.4,0.1", "--q", "0.2,0.1,0.7", "--max-n", "3", "--base", "e");
        Assert.Equal("nats", nats.GetProperty("unit").GetString());
        Assert.Equal(bits.GetProperty("entropy").GetDouble() * Math.Log(2), nats.GetProperty("entropy").GetDouble(), 14);
        Assert.Equal(bits.GetProperty("cross_entropy").GetDouble() * Math.Log(2), nats.GetProperty("cross_entropy").GetDouble(), 14);
        Assert.Equal(1.5, nats.GetProperty("rows")[0].GetProperty("bits_per_symbol").GetDouble(), 12);
        var text = CliRunner.Run("blocks", "0.5,0.4,0.1", "--max-n", "2", "--base", "e").Out;
        Assert.Contains("(bits/symbol)", text);
        Assert.Contains("nats/symbol", text);
    }

    [Fact]
    public void PlotsPngAndRefusesToOverwrite()
    {
        using var runner = new CliRunner();
        string path = Path.Combine(runner.Directory, "blocks.png");
        Assert.Equal(0, CliRunner.Run("blocks", "0.5,0.4,0.1", "--q", "0.2,0.1,0.7", "--max-n", "4", "--plot", path).Exit);
        var png = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var (exit, _, error) = CliRunner.Run("blocks", "0.5,0.4,0.1", "--max-n", "4", "--plot", path);
        Assert.Equal(2, exit);
        Assert.Contains("--force", error);
        Assert.Equal(0, CliRunner.Run("blocks", "0.5,0.4,0.1", "--max-n", "4", "--plot", path, "--force").Exit);
        string svg = Path.Combine(runner.Directory, "blocks.svg");
        Assert.Equal(0, CliRunner.Run("blocks", "0.5,0.4,0.1", "--max-n", "3", "--plot", svg).Exit);
        Assert.Contains("<svg", File.ReadAllText(svg));
    }

    [Theory]
    [InlineData("0.5,0.4,0.2")]
    [InlineData("0.5,0.4,0.1", "--max-n", "40")]
    [InlineData("0.5,0.4,0.1", "--max-n", "0")]
    [InlineData("0.5,0.4,0.1", "--q", "0.5,0.5")]
    [InlineData("0.5,0.4,0.1", "--plot", "out.gif")]
    public void BadInputExitsTwo(params string[] args)
    {
        var (exit, _, error) = CliRunner.Run(["blocks", .. args]);
        Assert.Equal(2, exit);
        Assert.Single(error.TrimEnd().Split('\n'));
    }
}
