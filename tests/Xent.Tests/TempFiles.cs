namespace Xent.Tests;

/// <summary>A temporary directory of input files, deleted with the instance (shared by the CLI and data-layer tests).</summary>
public sealed class TempFiles : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("xent-").FullName;

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

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
