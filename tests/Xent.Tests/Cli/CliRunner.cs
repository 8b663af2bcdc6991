using Xent.Cli;

namespace Xent.Tests.Cli;

/// <summary>Runs the CLI in-process and captures its exit code and output; owns a temporary directory for input files.</summary>
internal sealed class CliRunner : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("xent-cli-").FullName;

    public string Write(string name, string content)
    {
        string path = Path.Combine(Directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public string Write(string name, byte[] content)
    {
        string path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = XentApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public static System.Text.Json.JsonElement Json(params string[] args)
    {
        var (exit, output, error) = Run([.. args, "--json"]);
        Assert.True(exit == 0, error);
        return System.Text.Json.JsonDocument.Parse(output).RootElement;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
