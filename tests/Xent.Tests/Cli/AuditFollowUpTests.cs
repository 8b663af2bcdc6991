using Xent.Cli;

namespace Xent.Tests.Cli;

/// <summary>
/// Regression tests for what a second pass of the issue-9 audit found on a fresh build: <c>--version</c> and
/// <c>xent help</c>, nested commands in messages, limits refused when malformed, work costed in time before it runs for
/// minutes, output withheld until the input is known good, and messages that name what the user typed instead of .NET
/// types, JSON reader positions or the library's placeholder names.
/// </summary>
public class AuditFollowUpTests
{
    // ---- --version and help at every level ----

    [Theory]
    [InlineData("--version")]
    [InlineData("entropy", "--version")]
    [InlineData("bench", "entropy", "--version")]
    public void VersionPrintsTheVersionAndExitsZero(params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.Equal(0, result.Exit);
        Assert.Equal("", result.Err);
        Assert.Equal(XentApp.Version, result.Out.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Out);
    }

    [Fact]
    public void VersionAfterDoubleDashIsAnArgumentNotTheOption()
    {
        // "--" ends the options: what follows is data, as in every Unix tool.
        var result = CliRunner.Run("entropy", "--", "--version");
        Assert.Equal(2, result.Exit);
        Assert.Contains("'--version' is not a number", result.Err);
    }

    [Theory]
    [InlineData(new[] { "help" }, "Commands:")]
    [InlineData(new[] { "help", "entropy" }, "xent entropy [<P>] [options]")]
    [InlineData(new[] { "help", "bench", "entropy" }, "xent bench entropy [options]")]
    [InlineData(new[] { "-h" }, "Commands:")]
    [InlineData(new[] { "entropy", "-h" }, "xent entropy [<P>] [options]")]
    [InlineData(new[] { "bench", "--help" }, "xent bench [command] [options]")]
    [InlineData(new[] { "bench", "kl", "-?" }, "xent bench kl [options]")]
    public void HelpIsShownOnStdoutAtEveryLevel(string[] args, string usage)
    {
        var result = CliRunner.Run(args);
        Assert.Equal(0, result.Exit);
        Assert.Contains(usage, result.Out);
        Assert.Contains("Exit codes:", result.Out);
    }

    [Fact]
    public void ANestedCommandShowsItsOwnExamplesNotThoseOfTheTopLevelCommandOfTheSameName()
    {
        var result = CliRunner.Run("bench", "entropy", "--help");
        Assert.DoesNotContain("xent entropy 0.5,0.25,0.25", result.Out);
        Assert.Contains("xent entropy 0.5,0.25,0.25", CliRunner.Run("entropy", "--help").Out);
    }

    [Fact]
    public void HelpForAMistypedCommandSuggestsTheNearest()
    {
        CliRunner.AssertBadInput(CliRunner.Run("help", "entrpy"), "'entrpy' is not a command; did you mean 'entropy'?");
        CliRunner.AssertBadInput(CliRunner.Run("help", "bench", "entrpy"), "'entrpy' is not a command of 'xent bench'; did you mean 'entropy'?");
    }

    [Fact]
    public void ACommandGroupWithoutItsCommandNamesTheCommandsItTakes()
    {
        var result = CliRunner.Run("bench");
        CliRunner.AssertBadInput(result, "'xent bench' needs a command: entropy, cross-entropy, kl");
        Assert.DoesNotContain("Required command was not provided", result.Err);
    }

    [Fact]
    public void AMistypedNestedCommandGetsTheNearestAndItsHelp()
    {
        var result = CliRunner.Run("bench", "entrpy", "--n", "10");
        Assert.Equal(2, result.Exit);
        Assert.StartsWith("xent: 'entrpy' is not a command of 'xent bench'; did you mean 'entropy'?", result.Err);
        Assert.Contains("xent bench entropy [options]", result.Err);
    }

    [Fact]
    public void AParseErrorOfANestedCommandPointsAtItsHelp()
    {
        var result = CliRunner.Run("bench", "huffman", "--n", "5");
        Assert.Equal(2, result.Exit);
        Assert.Contains("(see 'xent bench huffman --help')", result.Err);
    }

    // ---- Limits are options like any other: a malformed one is refused, whatever the work ----

    [Theory]
    [InlineData("--max-memory", "5Q", "--max-memory '5Q' is not a size")]
    [InlineData("--max-memory", "0", "--max-memory '0' is not a size")]
    [InlineData("--max-memory", "-1", "--max-memory '-1' is not a size")]
    [InlineData("--max-time", "-1", "--max-time -1 must be a number of seconds > 0.")]
    [InlineData("--max-time", "NaN", "--max-time NaN must be a number of seconds > 0.")]
    public void AMalformedLimitIsRefusedEvenWhenTheWorkIsSmall(string option, string value, string fragment)
    {
        using var cli = new CliRunner();
        string data = cli.Write("t.csv", "a,b\n1,2\n3,4\n");
        CliRunner.AssertBadInput(CliRunner.Run("entropy", "--csv", data, "--column", "a", option, value), fragment);
    }

    // ---- Work costed in time, not only in memory ----

    [Theory]
    [InlineData("--permutations", "2000000000", "--permutations 2000000000 and --bootstrap 100 over 2 features × 6 rows would take ≥")]
    [InlineData("--bootstrap", "2000000000", "--permutations 100 and --bootstrap 2000000000 over 2 features × 6 rows would take ≥")]
    public void RankFeaturesRefusesPermutationsOrResamplesPastMaxTime(string option, string value, string fragment)
    {
        // A fixed cost per estimate, not only per row: on 6 rows these ran past a minute (killed) instead of being refused.
        using var cli = new CliRunner();
        string data = cli.Write("t.csv", "a,b,y\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n2,2,0\n9,1,1\n");
        CliRunner.AssertBadInput(CliRunner.Run("rank-features", data, "--target", "y", option, value), fragment);
        Assert.Contains("more than --max-time 600 s; ask for less, or raise --max-time.", CliRunner.Run("rank-features", data, "--target", "y", option, value).Err);
    }

    [Fact]
    public void BlocksIsCostedInTimeBeforeItStarts()
    {
        // Σₙ C(n + 7, 7) = 3.1 million compositions up to n = 20 for 8 symbols: at ≥ 0.1 µs each, more than 0.1 s.
        CliRunner.AssertBadInput(CliRunner.Run("blocks", "0.125,0.125,0.125,0.125,0.125,0.125,0.125,0.125", "--max-n", "20", "--max-time", "0.1"),
            "--max-n 20 with 8 symbols would take ≥ 0.31 s, more than --max-time 0.1 s; ask for less, or raise --max-time.");
        Assert.Equal(0, CliRunner.Run("blocks", "0.9,0.1", "--max-n", "8", "--max-time", "0.1").Exit);
    }

    // ---- Devices read like cat reads them ----

    [Fact]
    public void ADeviceWithoutALengthIsReadAsAStreamUntilInterrupted()
    {
        // /dev/zero seeks but reports length 0: it was refused at once as "empty". Now it is read as cat reads it, until
        // Ctrl-C (here: the token cancelled), which exits 130 with no output.
        if (!OperatingSystem.IsLinux()) return;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var result = CliRunner.RunWith(null, cancel.Token, "entropy", "--file", "/dev/zero");
        Assert.Equal(XentApp.ExitInterrupted, result.Exit);
        Assert.Equal("xent: interrupted.\n", result.Err.ReplaceLineEndings("\n"));
        Assert.Equal("", result.Out);
        // A /proc file also reports length 0 but has bytes: they are counted.
        Assert.True(CliRunner.Json("entropy", "--file", "/proc/self/status").GetProperty("n").GetInt64() > 0);
    }

    [Fact]
    public void AnEmptyRegularFileIsStillNamedEmpty()
    {
        using var cli = new CliRunner();
        string empty = cli.Write("empty.bin", []);
        CliRunner.AssertBadInput(CliRunner.Run("entropy", "--file", empty), $"--file '{empty}' is empty: no bytes to count.");
    }

    // ---- No partial output, messages in the user's terms ----

    [Fact]
    public void PredictWritesNothingWhenTheFileLacksTheModelsColumns()
    {
        using var cli = new CliRunner();
        string data = cli.Write("t.csv", "a,b,y\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n2,2,0\n9,1,1\n");
        string model = Path.Combine(cli.Directory, "m.json");
        Assert.Equal(0, CliRunner.Run("train", data, "--target", "y", "--save", model).Exit);
        string other = cli.Write("other.csv", "label,p0,p1\n0,0.3,0.7\n");
        var result = CliRunner.Run("predict", model, other);
        CliRunner.AssertBadInput(result, "no column 'a'; the columns are: label, p0, p1.");
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void AnOutputThatIsAPipeThroughProcFdIsWrittenThrough()
    {
        // /dev/stdout → /proc/self/fd/1 → "pipe:[…]" when standard output is a pipe: the link's final target is no path,
        // and following it by hand failed ("could not find file"); the path as given is opened, as cp and zstd do.
        if (!OperatingSystem.IsLinux()) return;
        using var cli = new CliRunner();
        string data = cli.Write("t.csv", "a,b,y\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n2,2,0\n9,1,1\n");
        string model = Path.Combine(cli.Directory, "m.json");
        Assert.Equal(0, CliRunner.Run("train", data, "--target", "y", "--save", model).Exit);
        using var server = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.In);
        using var client = server.ClientSafePipeHandle;
        string fdPath = $"/proc/self/fd/{client.DangerousGetHandle()}";
        var result = CliRunner.Run("predict", model, data, "--output", fdPath);
        Assert.True(result.Exit == 0, result.Err);
        server.DisposeLocalCopyOfClientHandle();
        using var reader = new StreamReader(server);
        string written = reader.ReadToEnd();
        Assert.StartsWith("line,y,p_0,p_1,predicted", written);
        Assert.Equal(7, written.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("{\"kind\":\"nonsense\"}", "bad.json: not a model written by 'xent train --save' or 'xent tree --save': ")]
    [InlineData("{", "bad.json: not a model written by 'xent train --save' or 'xent tree --save': not valid JSON (line 1, byte 2).")]
    [InlineData("a,b\n1,2\n", "bad.json: not a model written by 'xent train --save' or 'xent tree --save': not valid JSON (line 1, byte 1).")]
    public void ABadModelFileIsNamedWithoutDotNetTypesOrReaderPositions(string content, string fragment)
    {
        using var cli = new CliRunner();
        string model = cli.Write("bad.json", content);
        string data = cli.Write("t.csv", "a,b\n1,2\n");
        var result = CliRunner.Run("predict", model, data);
        CliRunner.AssertBadInput(result, fragment);
        Assert.DoesNotContain("Xent.", result.Err);
        Assert.DoesNotContain("System.", result.Err);
        Assert.DoesNotContain("LineNumber", result.Err);
        Assert.DoesNotContain("BytePositionInLine", result.Err);
    }

    [Fact]
    public void ACorruptContainerIsNamedByTheFileTheUserGave()
    {
        using var cli = new CliRunner();
        string original = cli.Write("notes.txt", "hello hello hello hello\n");
        Assert.Equal(0, CliRunner.Run("compress", original).Exit);
        byte[] container = File.ReadAllBytes(original + ".xent");
        string truncated = cli.Write("cut.xent", container[..^20]); // the end of block 0 and the trailer cut off
        CliRunner.AssertBadInput(CliRunner.Run("decompress", truncated, "-o", Path.Combine(cli.Directory, "out.txt")), $"{truncated}: truncated in block 0.");
        Assert.False(File.Exists(Path.Combine(cli.Directory, "out.txt")));
        CliRunner.AssertBadInput(CliRunner.Run("compress", "-d", original, "-o", Path.Combine(cli.Directory, "x")), $"{original}: not a .xent file");
    }

    [Fact]
    public void LoglossRefusesABadBaseBeforeReadingSoTheRefusalIsTheOneLine()
    {
        // Before: the label-mapping note was printed, then the refusal (two lines for one bad input).
        using var cli = new CliRunner();
        string data = cli.Write("p.csv", "label,p0,p1\n0,0.3,0.7\n1,0.6,0.4\n");
        CliRunner.AssertBadInput(CliRunner.Run("logloss", data, "--label", "label", "--probs", "p0,p1", "--base", "0.5"),
            "--base '0.5' is not 2, e, 10 or a number greater than 1.");
    }

    [Fact]
    public void HuffmanNamesANegativeMaxLengthPlainly() =>
        CliRunner.AssertBadInput(CliRunner.Run("huffman", "0.5,0.5", "--max-length", "-1"), "--max-length -1 must be ≥ 1 (bits).");

    [Fact]
    public void CountsAreReadExactlyAndNamedAsTyped()
    {
        // 2^53 + 1 is not a double: read as one it became 2^53, and n was off by one.
        var json = CliRunner.Json("entropy", "--counts", "9007199254740993,1");
        Assert.Equal(9007199254740994L, json.GetProperty("n").GetInt64());
        CliRunner.AssertBadInput(CliRunner.Run("entropy", "--counts", "99999999999999999999999,1"),
            "P: item 1 '99999999999999999999999' is not a count (a whole number from 0 to 9223372036854775807).");
        Assert.Equal(1000000000000000001L, CliRunner.Json("entropy", "--counts", "1e18,1").GetProperty("n").GetInt64());
    }
}
