using System.Diagnostics;
using Xent;
using Xent.Measures;
using Xent.Tests.Cli;

namespace Xent.Tests;

/// <summary>
/// The file-based apps in <c>examples/</c> (.NET 10 <c>dotnet run FILE.cs</c>) build against the library's project
/// (<c>#:project ../src/Xent/Xent.csproj</c>, so they run from a fresh clone with no published package) and print what
/// their comments promise. Each is built and run once, in Release, sequentially (several seconds each).
/// </summary>
public class ExamplesTests
{
    private static readonly double[] P = [0.5, 0.4, 0.1], Q = [0.2, 0.1, 0.7];

    private static string F6(Information x) => x.Value.ToString("F6", System.Globalization.CultureInfo.CurrentCulture);

    public static TheoryData<string, string[]> Examples => new()
    {
        // The figures each example should print, computed here by the library from the example's inputs (not copied).
        { "entropy.cs", [$"H(P)   = {F6(Discrete.Entropy<double>(P))} bits", $"H(P,Q) = {F6(Discrete.CrossEntropy<double>(P, Q))} bits",
            $"D(P‖Q) = {F6(Discrete.KlDivergence<double>(P, Q))} bits", $"H(P) in nats = {F6(Discrete.Entropy<double>(P, LogBase.Nats))}"] },
        { "huffman.cs", ["symbol 0: p = 0.5, codeword 0", "symbol 2: p = 0.1, codeword 11", "expected length L = 1.500000 bits/symbol", "decoded equal"] },
        { "loss.cs", ["mean cross-entropy = ", "gradient rows sum to"] },
        { "compression.cs", ["9000 bytes, order-0 entropy", "round trip equal"] },
        { "logistic-regression.cs", ["classes: high, low, mid", "converged: True", "training log loss = "] },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task RunsAndPrintsWhatItPromises(string file, string[] expected)
    {
        string root = LossCommandsTestsData.Root();
        var start = new ProcessStartInfo("dotnet", ["run", "-c", "Release", Path.Combine("examples", file)])
        {
            WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string output = await process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(10)), $"{file} did not finish");
        string errors = await stderr;
        Assert.True(process.ExitCode == 0, $"{file} exited {process.ExitCode}: {output}{errors}");
        foreach (var line in expected) Assert.Contains(line, output);
        if (file == "loss.cs")
        {
            // Mean softmax CE of the two rows, computed here: log Σ exp z − z_y per row, averaged.
            static double Row(double[] z, int y) => Math.Log(z.Sum(Math.Exp)) - z[y];
            double mean = (Row([2.0, 1.0, 0.1], 0) + Row([0.5, 2.5, 0.2], 1)) / 2;
            Assert.Contains($"mean cross-entropy = {mean:F6} nats", output);
        }
    }
}
