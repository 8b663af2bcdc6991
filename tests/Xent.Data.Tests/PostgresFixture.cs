using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Xent.Data.Tests;

/// <summary>
/// A throwaway PostgreSQL server from Debian's <c>postgresql</c> package: <c>initdb</c> into a temporary directory (as the
/// <c>postgres</c> user when the tests run as root, since PostgreSQL refuses root), started with <c>pg_ctl</c> on a free
/// loopback port with its socket in that directory, stopped and deleted at the end (also when a test fails). When the server
/// binaries are not installed, <see cref="SkipReason"/> says so and the tests that need it report themselves skipped.
/// </summary>
public sealed class PostgresFixture : IDisposable
{
    private readonly string? _bin;
    private readonly string? _data;
    private readonly bool _asPostgres;

    public PostgresFixture()
    {
        // XENT_TEST_NO_POSTGRES=1 acts as a machine without the server (to see the tests skip).
        _bin = Environment.GetEnvironmentVariable("XENT_TEST_NO_POSTGRES") is "1" ? null
            : Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (_bin is null)
        {
            SkipReason = "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql; ./test does it)";
            return;
        }
        _asPostgres = Environment.UserName == "root";
        _data = Directory.CreateTempSubdirectory("xent-pg-").FullName;
        try
        {
            if (_asPostgres) Run("chown", "postgres:postgres", _data);
            Port = FreePort();
            Pg("initdb", "-D", _data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8");
            Pg("pg_ctl", "-D", _data, "-l", Path.Combine(_data, "log"), "-w", "-t", "60",
                "-o", $"-p {Port} -k {_data} -c listen_addresses=127.0.0.1 -c fsync=off", "start");
            ConnectionString = $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Why the server is not there, or null when it runs.</summary>
    public string? SkipReason { get; }

    public int Port { get; }

    public string ConnectionString { get; } = "";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Pg(string tool, params string[] args)
    {
        string exe = Path.Combine(_bin!, tool);
        if (_asPostgres) Run("runuser", ["-u", "postgres", "--", exe, .. args]);
        else Run(exe, args);
    }

    private static void Run(string exe, params string[] args)
    {
        var info = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{exe} did not finish in 120 s");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{exe} {string.Join(' ', args)} exited with {process.ExitCode}: {stderr.Result}{stdout.Result}");
    }

    public void Dispose()
    {
        if (_data is null || !Directory.Exists(_data)) return;
        try
        {
            if (File.Exists(Path.Combine(_data, "postmaster.pid"))) Pg("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
