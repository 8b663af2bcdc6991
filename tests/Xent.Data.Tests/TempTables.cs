namespace Xent.Data.Tests;

/// <summary>A temporary directory of table files, deleted with the instance.</summary>
public sealed class TempTables : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("xent-data-").FullName;

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
