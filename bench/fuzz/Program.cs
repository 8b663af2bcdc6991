using System.Diagnostics;
using System.Globalization;
using Xent.Fuzz;

// xent-fuzz [--seconds S] [--seed N] [--target NAME]: runs every target (or one) for S seconds each, one thread per target
// at a time, and reports executions per second and any crash or hang. A hang is an execution that has not returned after
// 10 seconds; its input is saved and the run stops (the thread cannot be aborted). Findings are saved as fuzz-*.bin.
// xent-fuzz --libfuzzer NAME: the coverage-guided mode, started by bench/fuzz/libfuzzer/driver.c (see bench/fuzz/coverage.sh):
// each input libFuzzer makes is decoded by the target; an exception other than the decoders' reports of corruption is a crash.
// xent-fuzz --write-corpus DIR --target NAME [--count N] [--seed N]: N valid encoded inputs, libFuzzer's starting corpus.
if (args.Length == 2 && args[0] == "--libfuzzer")
{
    if (args[1] == "canary")
    {
        // The harness's own check (coverage.sh --self-check): an input starting with "X" throws, and the driver must turn that
        // into a libFuzzer crash with the input saved. (This assembly is not instrumented, so the check proves the crash
        // path, not the coverage feedback — the growing feature counts of the real targets show that.)
        var huffman = Fuzzer.Targets[0]; // decoded first, so the instrumented library reports coverage to libFuzzer
        SharpFuzz.Fuzzer.LibFuzzer.Run(input =>
        {
            huffman.Decode(input.ToArray(), new Random(input.Length));
            if (input.Length >= 1 && input[0] == (byte)'X')
                throw new InvalidOperationException("canary: the planted bug was found");
        });
        return 0;
    }
    var target = Fuzzer.Targets.FirstOrDefault(t => t.Name == args[1]);
    if (target is null) { Console.Error.WriteLine($"unknown target '{args[1]}'"); return 2; }
    SharpFuzz.Fuzzer.LibFuzzer.Run(input => target.Decode(input.ToArray(), new Random(input.Length)));
    return 0;
}
if (args.Length >= 4 && args[0] == "--write-corpus")
{
    string directory = args[1];
    string? name = null;
    int count = 50, corpusSeed = 1;
    for (int i = 2; i + 1 < args.Length; i += 2)
    {
        switch (args[i])
        {
            case "--target": name = args[i + 1]; break;
            case "--count": count = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
            case "--seed": corpusSeed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
            default: Console.Error.WriteLine($"unknown argument '{args[i]}'"); return 2;
        }
    }
    var target = Fuzzer.Targets.FirstOrDefault(t => t.Name == name);
    if (target is null) { Console.Error.WriteLine($"unknown target '{name}'"); return 2; }
    Directory.CreateDirectory(directory);
    var rng = new Random(corpusSeed);
    for (int k = 0; k < count; k++)
    {
        var message = Fuzzer.Message(rng);
        if (message.Length > 4000) message = message[..4000]; // small seeds: libFuzzer mutates short inputs faster
        File.WriteAllBytes(Path.Combine(directory, $"seed-{k:D3}.bin"), target.Encode(message, rng));
    }
    return 0;
}

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
