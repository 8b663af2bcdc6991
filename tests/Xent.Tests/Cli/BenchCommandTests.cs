using System.Text.Json;
using Xent.Cli;

namespace Xent.Tests.Cli;

public class BenchCommandTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = XentApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("entropy")]
    [InlineData("cross-entropy")]
    [InlineData("kl")]
    public void PrintsNanosecondsPerElementAsJson(string measure)
    {
        var (exit, output, _) = Run("bench", measure, "--n", "1000", "--threads", "2", "--runs", "1", "--json");
        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(measure, json.GetProperty("measure").GetString());
        Assert.Equal(1000, json.GetProperty("n").GetInt32());
        Assert.Equal(2, json.GetProperty("threads").GetInt32());
        Assert.True(json.GetProperty("ns_per_element").GetDouble() > 0);
        Assert.True(json.GetProperty("gb_per_second").GetDouble() > 0);
        Assert.True(json.GetProperty("streaming_sum_ns_per_element").GetDouble() > 0);
    }

    [Fact]
    public void PrintsALineWithoutJson()
    {
        var (exit, output, _) = Run("bench", "entropy", "--n", "100", "--runs", "1");
        Assert.Equal(0, exit);
        Assert.Contains("ns per element", output);
    }

    [Theory]
    [InlineData("--n", "0")]
    [InlineData("--threads", "-2")]
    [InlineData("--runs", "-1")]
    public void RejectsCountsBelowOne(string option, string value)
    {
        var (exit, _, error) = Run("bench", "kl", option, value);
        Assert.Equal(2, exit);
        Assert.Contains("must be ≥ 1", error);
    }
}
