using System.Diagnostics;
using System.Runtime.Intrinsics;
using System.Text.RegularExpressions;

namespace Xent.Tests.Numerics;

/// <summary>The trait that marks the kernel-against-reference tests, which <see cref="VectorPathsTests"/> reruns on narrower paths.</summary>
public static class VectorPaths
{
    public const string Trait = "Category";
    public const string Kernels = "Kernels";

    /// <summary>The switches a child run may be given, and the widest vector each leaves accelerated.</summary>
    public static readonly (string Variable, int WidestBits)[] Switches =
    [
        ("DOTNET_EnableAVX512", 256),
        ("DOTNET_EnableAVX", 128),
        ("DOTNET_EnableHWIntrinsic", 0),
    ];
}

/// <summary>
/// Proof, inside a child run, that the runtime really took the path the parent asked for: a width switched off by a
/// DOTNET_Enable* variable must not be accelerated. Skipped where no such variable is set (the ordinary run).
/// </summary>
[Trait(VectorPaths.Trait, VectorPaths.Kernels)]
public class VectorWidthTests
{
    [SkippableFact]
    public void TheWidthsSwitchedOffAreNotAccelerated()
    {
        var set = VectorPaths.Switches.Where(s => Environment.GetEnvironmentVariable(s.Variable) == "0").ToArray();
        Skip.If(set.Length == 0, "no DOTNET_Enable* switch is set: every width the machine has is in use");
        int widest = set.Min(s => s.WidestBits);
        Assert.False(widest < 512 && Vector512.IsHardwareAccelerated, "Vector512 is accelerated");
        Assert.False(widest < 256 && Vector256.IsHardwareAccelerated, "Vector256 is accelerated");
        Assert.False(widest < 128 && Vector128.IsHardwareAccelerated, "Vector128 is accelerated");
    }
}

/// <summary>
/// Every kernel on the narrower paths this AVX-512 machine never takes in-process: the runtime reads DOTNET_Enable* only at
/// start-up, so each configuration reruns this test assembly's <see cref="VectorPaths.Kernels"/> tests (every kernel
/// against its reference: measures, losses, the vector log and exp, counting) in a child `dotnet test` with the variable set.
/// </summary>
public class VectorPathsTests
{
    public static TheoryData<string> Configurations() => new()
    {
        "DOTNET_EnableAVX512=0",      // Vector256 path
        "DOTNET_EnableAVX=0",         // Vector128 path
        "DOTNET_EnableHWIntrinsic=0", // scalar path
    };

    // The first case starts every child, so the three run side by side (each is mostly one thread of work).
    private static readonly Lazy<Dictionary<string, Task<(int ExitCode, string Log)>>> Children =
        new(() => ((IEnumerable<object[]>)Configurations()).Select(row => (string)row[0]).ToDictionary(c => c, RunChild));

    [Theory]
    [MemberData(nameof(Configurations))]
    public async Task EveryKernelMatchesItsReferenceWithWideVectorsSwitchedOff(string configuration)
    {
        var (exitCode, log) = await Children.Value[configuration];
        Assert.True(exitCode == 0, $"{configuration}: exit {exitCode}:\n{log}");
        // The console logger's closing lines ("Passed: N", and "Failed: N" when any failed).
        int Count(string outcome) => Regex.Match(log, $@"^\s*{outcome}:\s+(\d+)", RegexOptions.Multiline) is { Success: true } m ? int.Parse(m.Groups[1].Value) : 0;
        Assert.Equal(0, Count("Failed"));
        Assert.True(Count("Passed") > 0, $"{configuration}: no kernel test ran:\n{log}");
        Assert.Matches(@"Passed\s+Xent\.Tests\.Numerics\.VectorWidthTests\.TheWidthsSwitchedOffAreNotAccelerated", log);
    }

    private static async Task<(int ExitCode, string Log)> RunChild(string configuration)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "test", typeof(VectorPathsTests).Assembly.Location, "--filter", $"{VectorPaths.Trait}={VectorPaths.Kernels}",
                     "--logger", "console;verbosity=normal" })
            start.ArgumentList.Add(arg);
        var (name, value) = (configuration.Split('=')[0], configuration.Split('=')[1]);
        start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
