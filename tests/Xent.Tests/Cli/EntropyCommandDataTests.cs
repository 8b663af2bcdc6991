namespace Xent.Tests.Cli;

public class EntropyCommandDataTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void ProbabilitiesAsBeforeAndWithNormalize()
    {
        Assert.Equal(1.360964, CliRunner.Json("entropy", "0.5,0.4,0.1").GetProperty("entropy").GetDouble(), 6);
        // 1,1,2 renormalized is (¼, ¼, ½): 1.5 bits.
        Assert.Equal(1.5, CliRunner.Json("entropy", "1,1,2", "--normalize").GetProperty("entropy").GetDouble(), 12);
        var (exit, _, error) = CliRunner.Run("entropy", "1,1,2");
        Assert.Equal(2, exit);
        Assert.Contains("sums to 4", error);
    }

    [Fact]
    public void CountsWithEstimators()
    {
        // (2,1,1): plug-in 1.5 bits; Miller–Madow adds (3 − 1)/(2·4) nats = 0.25/ln 2 = 0.360674 bits.
        var plugIn = CliRunner.Json("entropy", "2,1,1", "--counts");
        Assert.Equal(1.5, plugIn.GetProperty("entropy").GetDouble(), 12);
        Assert.Equal(4, plugIn.GetProperty("n").GetInt64());
        Assert.Equal(3, plugIn.GetProperty("distinct").GetInt32());
        Assert.Equal("plugin", plugIn.GetProperty("estimator").GetString());
        Assert.Equal("bits", plugIn.GetProperty("unit").GetString());
        Assert.Equal(1.5 + 0.25 / Math.Log(2),
            CliRunner.Json("entropy", "2,1,1", "--counts", "--estimator", "miller-madow").GetProperty("entropy").GetDouble(), 12);
        // Laplace with a declared alphabet of 4, in nats: 1.320888 (see EntropyEstimatorsTests).
        Assert.Equal(1.320888, CliRunner.Json("entropy", "2,1,1", "--counts", "--estimator", "laplace", "--alphabet-size", "4", "--base", "e")
            .GetProperty("entropy").GetDouble(), 6);
        foreach (var name in new[] { "jeffreys", "james-stein", "chao-shen", "grassberger" })
            Assert.True(CliRunner.Json("entropy", "5,3,1,1", "--counts", "--estimator", name).GetProperty("entropy").GetDouble() > 0);
    }

    [Fact]
    public void BootstrapIntervalIsReproducibleWithASeed()
    {
        string[] args = ["entropy", "40,25,20,10,5", "--counts", "--ci", "0.9", "--bootstrap", "300", "--seed", "5"];
        var a = CliRunner.Json(args);
        var b = CliRunner.Json(args);
        Assert.Equal(a.GetProperty("ci_lower").GetDouble(), b.GetProperty("ci_lower").GetDouble());
        Assert.True(a.GetProperty("ci_lower").GetDouble() < a.GetProperty("ci_upper").GetDouble());
        Assert.Equal(0.9, a.GetProperty("confidence").GetDouble());
        Assert.Equal(300, a.GetProperty("bootstrap").GetInt32());
        var (exit, output, _) = CliRunner.Run(args);
        Assert.Equal(0, exit);
        Assert.Contains("90% CI [", output);
    }

    [Fact]
    public void FileGivesThePlugInEntropyOfItsBytes()
    {
        // 1,000 bytes: 500 × 'a', 250 × 'b', 250 × 'c' → 1.5 bits per byte, and 1.5·ln 2 nats.
        var bytes = new byte[1000];
        bytes.AsSpan(0, 500).Fill((byte)'a');
        bytes.AsSpan(500, 250).Fill((byte)'b');
        bytes.AsSpan(750).Fill((byte)'c');
        new Random(1).Shuffle(bytes);
        string path = _cli.Write("abc.bin", bytes);
        var json = CliRunner.Json("entropy", "--file", path);
        Assert.Equal(1.5, json.GetProperty("entropy").GetDouble(), 12);
        Assert.Equal(1000, json.GetProperty("n").GetInt64());
        Assert.Equal(3, json.GetProperty("distinct").GetInt32());
        Assert.Equal(1.5 * Math.Log(2), CliRunner.Json("entropy", "--file", path, "--base", "e").GetProperty("entropy").GetDouble(), 12);

        // Random bytes over several 1 MiB buffers: the plug-in entropy of the file's own histogram.
        var random = new byte[2_500_000];
        new Random(8).NextBytes(random);
        var counts = new long[256];
        foreach (byte b in random) counts[b]++;
        double expected = -counts.Where(c => c > 0).Sum(c => c / 2.5e6 * Math.Log2(c / 2.5e6));
        Assert.Equal(expected, CliRunner.Json("entropy", "--file", _cli.Write("random.bin", random)).GetProperty("entropy").GetDouble(), 12);
    }

    [Fact]
    public void FileCountsAreTheSameOnAnyThreadCountIncludingEveryCore()
    {
        // 9 MB: more than two 4 MiB chunks, so --threads 2, -1 and 0 (every core) really split the file.
        var bytes = new byte[9_000_000];
        new Random(9).NextBytes(bytes);
        for (int i = 0; i < bytes.Length; i += 3) bytes[i] = 0; // a skewed histogram, so the entropy is not ≈ 8 bits
        var counts = new long[256];
        foreach (byte b in bytes) counts[b]++;
        double expected = -counts.Where(c => c > 0).Sum(c => c / 9e6 * Math.Log2(c / 9e6));
        string path = _cli.Write("skewed.bin", bytes);
        foreach (var threads in new[] { "1", "2", "-1", "0" })
            Assert.Equal(expected, CliRunner.Json("entropy", "--file", path, "--threads", threads).GetProperty("entropy").GetDouble(), 12);
        var (exit, _, error) = CliRunner.Run("entropy", "--file", path, "--threads", "-2");
        Assert.Equal(2, exit);
        Assert.Contains("--threads -2 must be ≥ 1, or -1 or 0 for every core", error);
    }

    [Fact]
    public void CsvColumnIsCountedAsCategories()
    {
        string path = _cli.Write("t.csv", "colour,size\nred,1\nblue,2\nred,3\ngreen,1\n");
        // colour: red 2, blue 1, green 1 → (½, ¼, ¼), 1.5 bits.
        var json = CliRunner.Json("entropy", "--csv", path, "--column", "colour");
        Assert.Equal(1.5, json.GetProperty("entropy").GetDouble(), 12);
        Assert.Equal(4, json.GetProperty("n").GetInt64());
        Assert.Equal(3, json.GetProperty("distinct").GetInt32());
        var (exit, output, _) = CliRunner.Run("entropy", "--csv", path, "--column", "size", "--estimator", "grassberger");
        Assert.Equal(0, exit);
        Assert.Contains("grassberger", output);
    }

    [Theory]
    [InlineData("no column 'weight'; the columns are: colour, size", "entropy", "--csv", "{t}", "--column", "weight")]
    [InlineData("line 3 has 1 fields but the header has 2", "entropy", "--csv", "{ragged}", "--column", "colour")]
    [InlineData("no data rows", "entropy", "--csv", "{header}", "--column", "colour")]
    [InlineData("the file is empty", "entropy", "--csv", "{empty}", "--column", "colour")]
    [InlineData("no such file", "entropy", "--csv", "{missing}", "--column", "colour")]
    [InlineData("--csv F and --column C go together", "entropy", "--csv", "{t}")]
    [InlineData("exactly one input", "entropy")]
    [InlineData("exactly one input", "entropy", "0.5,0.5", "--file", "{t}")]
    [InlineData("is not a count", "entropy", "1.5,2", "--counts")]
    [InlineData("is not one of: plugin", "entropy", "1,2", "--counts", "--estimator", "magic")]
    [InlineData("apply to data", "entropy", "0.5,0.5", "--estimator", "laplace")]
    [InlineData("smaller than the 3 distinct", "entropy", "1,2,3", "--counts", "--alphabet-size", "2")]
    [InlineData("nothing was observed", "entropy", "0,0", "--counts")]
    [InlineData("--threads -3 must be ≥ 1", "entropy", "--file", "{t}", "--threads", "-3")]
    [InlineData("--ci 1.5 must be a confidence level in (0, 1)", "entropy", "1,2", "--counts", "--ci", "1.5")]
    public void BadInputExitsTwoWithOneLine(string expected, params string[] args)
    {
        var files = new Dictionary<string, string>
        {
            ["{t}"] = _cli.Write("t.csv", "colour,size\nred,1\n"),
            ["{ragged}"] = _cli.Write("ragged.csv", "colour,size\nred,1\nblue\n"),
            ["{header}"] = _cli.Write("header.csv", "colour,size\n"),
            ["{empty}"] = _cli.Write("empty.csv", ""),
            ["{missing}"] = Path.Combine(_cli.Directory, "missing.csv"),
        };
        var (exit, output, error) = CliRunner.Run(args.Select(a => files.GetValueOrDefault(a, a)).ToArray());
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(expected, error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }
}
