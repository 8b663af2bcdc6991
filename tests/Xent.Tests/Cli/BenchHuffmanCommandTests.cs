namespace Xent.Tests.Cli;

public class BenchHuffmanCommandTests
{
    [Fact]
    public void ReportsSizesAndSpeeds()
    {
        using var runner = new CliRunner();
        var data = new byte[100_000];
        new Random(4).NextBytes(data.AsSpan(0, 1000));
        string path = runner.Write("data.bin", data);
        var json = CliRunner.Json("bench", "huffman", "--file", path, "--runs", "1");
        Assert.True(json.GetProperty("compressed_bytes").GetInt32() < data.Length / 4);
        Assert.True(json.GetProperty("encode_mb_per_s").GetDouble() > 0);
        Assert.True(json.GetProperty("decode_mb_per_s").GetDouble() > 0);
    }

    [Fact]
    public void MissingFileExitsTwo() =>
        Assert.Equal(2, CliRunner.Run("bench", "huffman", "--file", "/nonexistent/xent-file").Exit);
}
