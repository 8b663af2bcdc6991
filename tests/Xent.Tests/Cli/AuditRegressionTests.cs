using System.Globalization;

namespace Xent.Tests.Cli;

/// <summary>
/// Regression tests for the inputs of the hostile audit (issue 9, "What a hostile audit broke") that crashed, exhausted
/// memory, ran for minutes or gave wrong numbers: each either gives the right answer or exit 2 with one line naming the input.
/// </summary>
public class AuditRegressionTests
{
    // ---- Memory and time bounded before the work starts (--max-memory, --max-time) ----

    [Theory]
    [InlineData(new[] { "bench", "entropy", "--n", "2147483591" }, "--n 2147483591 needs about 16 GiB of memory, more than --max-memory 4G")]
    [InlineData(new[] { "bench", "kl", "--n", "1000000000" }, "--n 1000000000 needs about 14.9 GiB of memory")]
    [InlineData(new[] { "bench", "softmax-ce", "--rows", "46000", "--classes", "46000" }, "--rows 46000 --classes 46000 needs about 15.8 GiB of memory")]
    [InlineData(new[] { "entropy", "--counts", "5,4,1", "--ci", "0.95", "--bootstrap", "2000000000" }, "--bootstrap 2000000000 needs about 14.9 GiB of memory")]
    [InlineData(new[] { "bench", "entropy", "--n", "1000", "--runs", "2000000000" }, "--runs 2000000000 with --n 1000 would take ≥ 46 days, more than --max-time 600 s")]
    [InlineData(new[] { "entropy", "--counts", "5,4,1", "--ci", "0.95", "--bootstrap", "100000000", "--max-time", "1" }, "--bootstrap 100000000 over 3 categories would take ≥ 4 s, more than --max-time 1 s")]
    public void WorkWhoseSizeTheUserGaveIsCostedAndRefusedBeforeItStarts(string[] args, string fragment) =>
        CliRunner.AssertBadInput(CliRunner.Run(args), fragment);

    [Fact]
    public void LoglossBinsAreCostedAgainstMaxMemory()
    {
        using var cli = new CliRunner();
        string path = cli.Write("p.csv", "y,a,b\na,0.8,0.2\nb,0.3,0.7\n");
        CliRunner.AssertBadInput(CliRunner.Run("logloss", path, "--label", "y", "--probs", "a,b", "--bins", "100000000"),
            "--bins 100000000 needs about 11.9 GiB of memory, more than --max-memory 4G; ask for less, or raise --max-memory.");
        // The limit can be lowered (and so raised) by the option: 1000 bins at 128 bytes each is past 64K.
        CliRunner.AssertBadInput(CliRunner.Run("logloss", path, "--label", "y", "--probs", "a,b", "--bins", "1000", "--max-memory", "64K"),
            "--bins 1000 needs about 125 KiB of memory, more than --max-memory 64K");
        Assert.Equal(0, CliRunner.Run("logloss", path, "--label", "y", "--probs", "a,b", "--bins", "1000").Exit);
    }

    [Fact]
    public void RaisingMaxMemoryLetsTheRequestThrough()
    {
        // 2 × 8 bytes × 1000 doubles = 16 KB: refused under 8K, run under the default.
        CliRunner.AssertBadInput(CliRunner.Run("bench", "kl", "--n", "1000", "--runs", "1", "--max-memory", "8K"), "--n 1000 needs about 15.6 KiB");
        CliRunner.AssertBadInput(CliRunner.Run("bench", "kl", "--n", "1000", "--max-memory", "lots"), "--max-memory 'lots' is not a size");
    }

    // ---- Wrong numbers ----

    [Fact]
    public void EntropyOfCountsTenToTheEighteenAndOneIsRightInJsonAndText()
    {
        // H = (18 log2 10 + log2 e)/(10^18 + 1) bits: see DiscreteCountsTests.CountsOfTenToTheEighteenAndOneHoldToTwelveDigits.
        double expected = (18 * Math.Log2(10) + 1 / Math.Log(2)) / (1e18 + 1);
        double json = CliRunner.Json("entropy", "--counts", "1e18,1").GetProperty("entropy").GetDouble();
        Assert.Equal(expected, json, expected * 1e-12);
        var text = CliRunner.Run("entropy", "--counts", "1e18,1");
        Assert.Equal(0, text.Exit);
        Assert.StartsWith("H = " + expected.ToString("0.00e+00", CultureInfo.InvariantCulture) + " bits", text.Out); // not 0.000000
    }

    [Theory]
    [InlineData("cross-entropy", "cross_entropy", 1.0)]
    [InlineData("kl", "kl_divergence", 0.0)]
    public void SmoothingSoLargeItOverflowsQPlusAlphaGivesTheUniformQ(string command, string key, double expected)
    {
        var result = CliRunner.Json(command, "0.5,0.5", "0.5,0.5", "--smoothing", "1e308");
        Assert.Equal(expected, result.GetProperty(key).GetDouble(), 15);
    }
}
