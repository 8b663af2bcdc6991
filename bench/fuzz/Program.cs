using System.Diagnostics;
using System.Globalization;
using Xent.Fuzz;

// xent-fuzz [--seconds S] [--seed N] [--target NAME]: runs every target (or one) for S seconds each, one thread per target
// at a time, and reports executions per second and any crash or hang. A hang is an execution that has not returned after
// 10 seconds; its input is saved and the run stops (the thread cannot be aborted). Findings are saved as fuzz-*.bin.
double seconds = 10;
int seed = 1;
string? only = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seconds": seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--target": only = args[++i]; break;
        default: Console.Error.WriteLine($"unknown argument '{args[i]}'; use --seconds S --seed N --target NAME"); return 2;
    }
}
int exit = 0;
foreach (var target in Fuzzer.Targets.Where(t => only is null || t.Name == only))
{
    var clock = Stopwatch.StartNew();
    byte[]? current = null;
    long lastProgress = 0, executions = 0;
    List<FuzzFinding> findings = [];
    var worker = new Thread(() =>
    {
        (executions, findings) = Fuzzer.Run(target, seed, long.MaxValue, () =>
        {
            Volatile.Write(ref lastProgress, clock.ElapsedMilliseconds);
            return clock.Elapsed.TotalSeconds >= seconds;
        }, input => current = input);
    }) { IsBackground = true };
    worker.Start();
    while (!worker.Join(500))
    {
        if (clock.ElapsedMilliseconds - Volatile.Read(ref lastProgress) > 10_000)
        {
            string path = $"fuzz-{target.Name}-hang.bin";
            File.WriteAllBytes(path, current ?? []);
            Console.WriteLine($"{target.Name}: HANG — an execution has not returned for 10 s; input saved to {path}");
            return 1;
        }
    }
    double rate = executions / clock.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{target.Name,-10} {executions,10} executions in {clock.Elapsed.TotalSeconds:0.0} s = {rate,9:0} exec/s, {findings.Count} findings"));
    for (int k = 0; k < findings.Count && k < 20; k++)
    {
        string path = $"fuzz-{target.Name}-{k}.bin";
        File.WriteAllBytes(path, findings[k].Input);
        Console.WriteLine($"  {findings[k].Mutation}: {findings[k].What} (input saved to {path})");
        exit = 1;
    }
}
return exit;
