using System.CommandLine;
using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Xent.Explorer;

namespace Xent.Cli.Commands;

/// <summary>
/// serve: the interactive explorer (<see cref="ExplorerServer"/>) on this machine until Ctrl-C, which stops it and exits 130
/// as every interrupted command does. Loopback only unless --host says otherwise.
/// </summary>
internal static class ServeCommand
{
    public const int DefaultPort = 5117;

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = $"The port to listen on, 0 … 65535 (default {DefaultPort}; 0 takes any free port).", DefaultValueFactory = _ => DefaultPort };
        var host = new Option<string>("--host")
        {
            Description = "The address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 or :: shows the page to the network).",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var open = new Option<bool>("--open") { Description = "Open the page in the default browser." };
        var command = new Command("serve", "Serve the interactive explorer: move P and Q and watch entropy, cross-entropy, KL, the codes and the loss respond.")
            { port, host, open };
        command.SetAction(parse =>
        {
            int p = parse.GetValue(port);
            string h = parse.GetValue(host)!.Trim();
            if (p is < 0 or > 65535) throw new UsageException($"--port {p} must be 0 … 65535.");
            var token = CliSession.Current.Cancellation;
            WebApplication app;
            try { app = ExplorerServer.Create(h, p); }
            catch (ArgumentException e) { throw new UsageException(e.Message); }
            try
            {
                try { app.StartAsync(token).GetAwaiter().GetResult(); }
                catch (Exception e) when (e is IOException or SocketException)
                {
                    throw new UsageException($"cannot listen on {h} port {p}: {(e.InnerException ?? e).Message.TrimEnd('.')}; choose another with --port (0: any free port).");
                }
                string url = ExplorerServer.Url(app);
                var output = parse.InvocationConfiguration.Output;
                output.WriteLine($"Xent explorer: {url}");
                output.WriteLine(h is "127.0.0.1" or "::1" or "localhost" ? "Listening on this machine only. Ctrl-C stops it." : $"Listening on {h}: other machines can reach it. Ctrl-C stops it.");
                output.Flush();
                if (parse.GetValue(open)) OpenBrowser(url, parse.InvocationConfiguration.Error);
                token.WaitHandle.WaitOne();
                token.ThrowIfCancellationRequested();
                return 0;
            }
            finally
            {
                // The process exits 130 a second after the signal; stop well within it.
                using (var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(500))) app.StopAsync(stop.Token).GetAwaiter().GetResult();
                app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        });
        return command;
    }

    private static void OpenBrowser(string url, TextWriter error)
    {
        try { Process.Start(new ProcessStartInfo(url) { UseShellExecute = true })?.Dispose(); }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            error.WriteLine($"xent serve: could not open a browser ({e.Message.TrimEnd('.')}); open {url} yourself.");
        }
    }
}
