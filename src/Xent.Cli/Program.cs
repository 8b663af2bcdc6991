using System.Runtime.InteropServices;
using Xent.Cli;

// Ctrl-C (SIGINT) and SIGTERM cancel the run's token; the command stops at its next check, removes its temporary files
// and exits 130. A command blocked in a system call (opening a FIFO nobody writes, reading a silent pipe) cannot see the
// token: after a grace period the process removes the temporary files itself and exits 130. A second signal exits at once.
using var cancel = new CancellationTokenSource();
int signals = 0;
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    if (Interlocked.Increment(ref signals) == 1)
    {
        cancel.Cancel();
        new Thread(() => { Thread.Sleep(TimeSpan.FromSeconds(1)); Interrupted(); }) { IsBackground = true }.Start();
    }
    else Interrupted();
}
static void Interrupted()
{
    CliSession.DeletePendingFiles();
    Console.Error.WriteLine($"{XentApp.Name}: interrupted.");
    Environment.Exit(XentApp.ExitInterrupted);
}
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
return XentApp.Run(args, Console.Out, Console.Error, CliSession.Console(cancel.Token));
