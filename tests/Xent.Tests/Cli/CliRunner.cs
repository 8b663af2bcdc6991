using System.Text.Json;
using Xent.Cli;

namespace Xent.Tests.Cli;

/// <summary>Runs the xent command line in-process and captures what it prints; an instance owns a temporary directory for input files.</summary>
public sealed class CliRunner : IDisposable
{
    public sealed record Result(int Exit, string Out, string Err)
    {
        public JsonElement Json => JsonDocument.Parse(Out).RootElement;
    }

    private readonly TempFiles _files = new();

    public string Directory => _files.Directory;

    public string Write(string name, string content) => _files.Write(name, content);

    public string Write(string name, byte[] content) => _files.Write(name, content);

    public static Result Run(params string[] args) => RunWith(null, default, args);

    /// <summary>Runs with <paramref name="stdin"/> as standard input (for the file name "-").</summary>
    public static Result RunWithInput(string stdin, params string[] args) => RunWith(System.Text.Encoding.UTF8.GetBytes(stdin), default, args);

    /// <summary>Runs with the given standard input (null: empty) and cancellation token.</summary>
    public static Result RunWith(byte[]? stdin, CancellationToken cancellation, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = XentApp.Run(args, stdout, stderr, () => new MemoryStream(stdin ?? [], writable: false), cancellation);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs with <c>--json</c> appended, asserts success, and parses the output.</summary>
    public static JsonElement Json(params string[] args)
    {
        var result = Run([.. args, "--json"]);
        Assert.True(result.Exit == 0, result.Err);
        return result.Json;
    }

    /// <summary>Asserts the run failed as bad input: exit 2, exactly one line on stderr containing <paramref name="fragment"/>.</summary>
    public static void AssertBadInput(Result result, string fragment)
    {
        Assert.Equal(XentApp.ExitBadInput, result.Exit);
        var lines = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(fragment, lines[0]);
        Assert.DoesNotContain(" at ", lines[0]);
    }

    public void Dispose() => _files.Dispose();
}
