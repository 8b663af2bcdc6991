using System.Text.Json;
using Xent.Cli;

namespace Xent.Tests.Cli;

/// <summary>Runs the xent command line in-process and captures what it prints.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;
    }

    public static Result Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = XentApp.Run(args, stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Asserts the run failed as bad input: exit 2, exactly one line on stderr containing <paramref name="fragment"/>, nothing on stdout.</summary>
    public static void AssertBadInput(Result result, string fragment)
    {
        Assert.Equal(XentApp.ExitBadInput, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(fragment, lines[0]);
        Assert.DoesNotContain(" at ", lines[0]);
    }
}
