using System.Diagnostics;
using System.Text.Json;
using Xent.Cli;
using Xent.Cli.Commands;
using Xent.Tests.Reference;

namespace Xent.Tests.Measures;

/// <summary>
/// The narrower vector widths and the scalar path, which this AVX-512 machine never takes in-process: the runtime reads
/// DOTNET_Enable* only at start-up, so each configuration runs `xent bench … --json` in a child process (≈0.3 s each,
/// run concurrently) and its value is checked against the reference on the same seeded input.
/// </summary>
public class VectorPathsTests
{
    private const int N = 1003; // leaves a tail of 3 for 8 and 4 lanes, 1 for 2 lanes

    public static TheoryData<string> Configurations() => new()
    {
        "DOTNET_EnableAVX512=0",    // Vector256 path
        "DOTNET_EnableAVX=0",       // Vector128 path
        "DOTNET_EnableHWIntrinsic=0", // scalar path
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public async Task EveryMeasureMatchesTheReferenceWithWideVectorsSwitchedOff(string configuration)
    {
        var random = new Random(BenchCommand.Seed);
        double[] p = BenchCommand.RandomDistribution(random, N), q = BenchCommand.RandomDistribution(random, N);
        var expected = new Dictionary<string, double>
        {
            ["entropy"] = NaiveMeasures.Entropy(p),
            ["cross-entropy"] = NaiveMeasures.CrossEntropy(p, q),
            ["kl"] = NaiveMeasures.KlDivergence(p, q),
        };
        var runs = expected.Keys.Select(measure => RunChild(configuration, measure)).ToArray();
        var values = await Task.WhenAll(runs);
        foreach (var (measure, value) in expected.Keys.Zip(values))
            Assert.True(Math.Abs(value - expected[measure]) <= 1e-13 * expected[measure], $"{measure} with {configuration}: {value:R}, reference {expected[measure]:R}");
    }

    private static async Task<double> RunChild(string configuration, string measure)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { typeof(XentApp).Assembly.Location, "bench", measure, "--n", N.ToString(), "--runs", "1", "--json" })
            start.ArgumentList.Add(arg);
        var (name, value) = (configuration.Split('=')[0], configuration.Split('=')[1]);
        start.Environment[name] = value;
        using var process = Process.Start(start)!;
        string output = await process.StandardOutput.ReadToEndAsync();
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{configuration} {measure}: exit {process.ExitCode}: {error}");
        return JsonDocument.Parse(output).RootElement.GetProperty("value").GetDouble();
    }
}
