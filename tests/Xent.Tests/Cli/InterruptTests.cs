using System.Diagnostics;
using Xent.Cli;
using Xent.Learning;
using Xent.Estimation;

namespace Xent.Tests.Cli;

/// <summary>
/// Ctrl-C and SIGTERM: the xent process is started as a child (signals need a process of their own), interrupted with
/// /bin/kill while it waits on a FIFO or a pipe, and must exit 130 leaving no temporary or partial file. The cooperative
/// path (a long loop seeing the token) is tested in-process, and the library's token parameters directly.
/// </summary>
public class InterruptTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static bool HasSignals => !OperatingSystem.IsWindows() && File.Exists("/bin/kill") && File.Exists("/usr/bin/mkfifo");

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Xent.Cli.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return Process.Start(start)!;
    }

    /// <summary>Waits (bounded) until the child has loaded the library: by then Main has registered its signal handlers.</summary>
    private static void WaitUntilRunning(Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if (File.ReadAllText($"/proc/{process.Id}/maps").Contains("/Xent.dll", StringComparison.Ordinal)) break;
            }
            catch (IOException) { }
            Thread.Sleep(50);
        }
        Thread.Sleep(300); // and into the blocking call
    }

    private static void Signal(Process process, string signal)
    {
        using var kill = Process.Start("/bin/kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    private static (int Exit, string Err) Finish(Process process)
    {
        var err = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(30_000), "the interrupted process did not exit");
        return (process.ExitCode, err.Result);
    }

    [SkippableTheory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void A_fifo_nobody_writes_is_interrupted_with_exit_130(string signal)
    {
        Skip.IfNot(HasSignals, "needs POSIX signals and mkfifo");
        string fifo = Path.Combine(_files.Directory, "fifo");
        using (var mkfifo = Process.Start("/usr/bin/mkfifo", [fifo])!) mkfifo.WaitForExit();
        using var process = Start("entropy", "--file", fifo);
        WaitUntilRunning(process);
        Signal(process, signal);
        var (exit, err) = Finish(process);
        Assert.Equal(XentApp.ExitInterrupted, exit);
        Assert.Contains("xent: interrupted.", err);
    }

    [SkippableTheory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void An_interrupted_output_leaves_no_temporary_or_partial_file(string signal)
    {
        Skip.IfNot(HasSignals, "needs POSIX signals");
        string model = _files.Write("model.json", TrainedModel());
        string outDir = Directory.CreateDirectory(Path.Combine(_files.Directory, "out")).FullName;
        string output = Path.Combine(outDir, "p.csv");
        using var process = Start("predict", model, "-", "--output", output);
        // Rows arrive, then the pipe stays open and silent: the command is mid-write when the signal comes.
        process.StandardInput.Write("x,y\n0,a\n5,b\n");
        process.StandardInput.Flush();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited && !Directory.EnumerateFiles(outDir, "*.tmp*").Any()) Thread.Sleep(50);
        Assert.NotEmpty(Directory.EnumerateFiles(outDir, "*.tmp*")); // the write had started
        Signal(process, signal);
        var (exit, _) = Finish(process);
        Assert.Equal(XentApp.ExitInterrupted, exit);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outDir));
    }

    [SkippableTheory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Serve_answers_until_interrupted_then_exits_130(string signal)
    {
        Skip.IfNot(HasSignals, "needs POSIX signals");
        using var process = Start("serve", "--port", "0");
        string? line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.StartsWith("Xent explorer: http://127.0.0.1:", line);
        using (var http = new HttpClient())
        {
            var page = await http.GetStringAsync(line!["Xent explorer: ".Length..]);
            Assert.Contains("H(P)", page);
        }
        Signal(process, signal);
        var (exit, err) = Finish(process);
        Assert.Equal(XentApp.ExitInterrupted, exit);
        Assert.Contains("xent: interrupted.", err);
    }

    [Theory]
    [InlineData("--port", "70000", "--port 70000 must be 0 … 65535.")]
    [InlineData("--host", "nowhere", "--host 'nowhere' is not an IP address")]
    public void Serve_rejects_a_bad_port_or_host(string option, string value, string message)
    {
        var result = CliRunner.Run("serve", option, value);
        Assert.Equal(2, result.Exit);
        Assert.Contains(message, result.Err);
    }

    private static string TrainedModel()
    {
        var model = LogisticRegression.Fit([0.0, 1, 4, 5], 1, [0, 0, 1, 1], 2, classNames: ["a", "b"], featureNames: ["x"]) with { Target = "y" };
        return model.ToJson();
    }

    [Fact]
    public void A_cancelled_run_exits_130_in_process()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var result = CliRunner.RunWith(null, cancelled.Token, "entropy", "--counts", "5,4,1", "--ci", "0.95", "--bootstrap", "100000");
        Assert.Equal(XentApp.ExitInterrupted, result.Exit);
        Assert.Equal("xent: interrupted.\n", result.Err.ReplaceLineEndings("\n"));
        Assert.Equal("", result.Out);

        var json = CliRunner.RunWith(null, cancelled.Token, "blocks", "0.5,0.3,0.2", "--max-n", "6", "--json");
        Assert.Equal(XentApp.ExitInterrupted, json.Exit);
        Assert.Contains("\"exit_code\": 130", json.Err.Replace("\":130", "\": 130"));
    }

    [Fact]
    public void An_interrupted_write_leaves_no_file()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        string model = _files.Write("m.json", TrainedModel());
        string output = Path.Combine(_files.Directory, "never.csv");
        var result = CliRunner.RunWith("x\n1\n2\n"u8.ToArray(), cancelled.Token, "predict", model, "-", "--output", output);
        Assert.Equal(XentApp.ExitInterrupted, result.Exit);
        Assert.Equal(["m.json"], Directory.EnumerateFileSystemEntries(_files.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public void The_library_loops_stop_on_a_cancelled_token()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var token = cancelled.Token;
        Assert.Throws<OperationCanceledException>(() => DenseCounts.ForBytes().AddStream(new MemoryStream(new byte[10]), token));
        string path = _files.Write("bytes.bin", new byte[100]);
        Assert.Throws<OperationCanceledException>(() => DenseCounts.OfFile(path, 1, token));
        Assert.Throws<OperationCanceledException>(() => EntropyEstimators.Bootstrap([5, 4, 1], resamples: 10, seed: 1, cancellationToken: token));
        Assert.Throws<OperationCanceledException>(() => LogisticRegression.Fit([0.0, 1, 4, 5], 1, [0, 0, 1, 1], 2, cancellationToken: token));
        Assert.Throws<OperationCanceledException>(() => Xent.Coding.BlockCode.ExpectedLength([0.5, 0.5], [0.5, 0.5], 3, cancellationToken: token));
        // Not cancelled: the same calls succeed.
        Assert.Equal(10, DenseCounts.ForBytes().AddStream(new MemoryStream(new byte[10]), CancellationToken.None));
    }

    [Fact]
    public void An_unwritable_directory_is_found_before_the_work_and_named()
    {
        // /sys (sysfs) refuses new files even to root; /dev and /proc paths are written through as devices instead.
        Skip.IfNot(Directory.Exists("/sys/kernel"), "needs a directory where no file can be created");
        var result = CliRunner.Run("train", _files.Write("t.csv", "x,y\n0,a\n1,a\n4,b\n5,b\n"), "--target", "y", "--save", "/sys/kernel/model.json");
        CliRunner.AssertBadInput(result, "--save '/sys/kernel/model.json': cannot create a file in the directory '/sys/kernel'");
        Assert.DoesNotContain(".tmp", result.Err);
    }

    [Fact]
    public void Progress_is_silent_when_stderr_is_not_a_terminal_or_quiet()
    {
        var bytes = new byte[3 << 20];
        new Random(3).NextBytes(bytes);
        string path = _files.Write("big.bin", bytes);
        var piped = CliRunner.Run("entropy", "--file", path);
        Assert.Equal(0, piped.Exit);
        Assert.Equal("", piped.Err);
        var fromStdin = CliRunner.RunWith(bytes, default, "entropy", "--file", "-", "--ci", "0.9", "--bootstrap", "50", "--seed", "1");
        Assert.Equal(0, fromStdin.Exit);
        Assert.Equal("", fromStdin.Err);

        // A terminal, but --quiet: nothing is drawn either.
        var stderr = new StringWriter();
        int exit = XentApp.Run(["entropy", "--file", path, "--quiet"], new StringWriter(), stderr, errorIsTerminal: true);
        Assert.Equal(0, exit);
        Assert.Equal("", stderr.ToString());
    }
}
