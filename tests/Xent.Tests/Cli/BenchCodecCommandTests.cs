using System.Text;
using Xent.Coding;

namespace Xent.Tests.Cli;

/// <summary><c>bench rans|rans1|cm --file F</c>: zstd -b's in-memory timing; the sizes are checked against the library, the
/// speeds only for being positive and finite (tests never judge time).</summary>
public class BenchCodecCommandTests
{
    [Theory]
    [InlineData("rans")]
    [InlineData("rans1")]
    [InlineData("cm")]
    public void ReportsSpeedsAndTheCompressedSizeAsJson(string codec)
    {
        using var cli = new CliRunner();
        var data = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 400).Select(i => $"block {i} of text to code; ")));
        string file = cli.Write("f.txt", data);
        var json = CliRunner.Json("bench", codec, "--file", file, "--runs", "2");
        long expected = codec switch
        {
            "rans" => RansStream.Encode(data, 0).Length,
            "rans1" => RansStream.Encode(data, 1).Length,
            _ => XentContainer.Compress(data, new XentContainerOptions { Codec = XentCodec.Cm, Level = CmStream.DefaultLevel }).Length,
        };
        Assert.Equal(expected, json.GetProperty("compressed_bytes").GetInt64());
        Assert.Equal(data.Length, json.GetProperty("bytes").GetInt64());
        Assert.Equal(2, json.GetProperty("runs").GetInt32());
        foreach (var key in new[] { "encode_mb_per_s", "decode_mb_per_s" })
        {
            double speed = json.GetProperty(key).GetDouble();
            Assert.True(speed > 0 && double.IsFinite(speed), $"{key} = {speed}");
        }
        Assert.Contains("MB/s", CliRunner.Run("bench", codec, "--file", file, "--runs", "1").Out);
        CliRunner.AssertBadInput(CliRunner.Run("bench", codec, "--file", file, "--runs", "0"), "--runs");
        CliRunner.AssertBadInput(CliRunner.Run("bench", codec, "--file", Path.Combine(cli.Directory, "missing")), "no such file");
    }

    [Fact]
    public void CmTakesLevelBlockSizeAndThreads()
    {
        using var cli = new CliRunner();
        var data = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("two blocks on two threads. ", 200)));
        string file = cli.Write("g.txt", data);
        var json = CliRunner.Json("bench", "cm", "--file", file, "--runs", "1", "--level", "2", "-B", "2000", "--threads", "2");
        Assert.Equal(2, json.GetProperty("level").GetInt32());
        Assert.Equal(2000, json.GetProperty("block_size").GetInt32());
        Assert.Equal(2, json.GetProperty("threads").GetInt32());
        var options = new XentContainerOptions { Codec = XentCodec.Cm, Level = 2, BlockSize = 2000 };
        Assert.Equal(XentContainer.Compress(data, options).Length, json.GetProperty("compressed_bytes").GetInt64());
        CliRunner.AssertBadInput(CliRunner.Run("bench", "cm", "--file", file, "--level", "10"), "--level 10");
    }
}
