using System.CommandLine;
using Xent.Cli.Data;
using Xent.Cli.Rendering;
using Xent.Coding;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>bench cm: in-memory compression and decompression of a file's bytes with the context-mixing codec, as a .xent
/// container (independent blocks, coded in parallel on --threads), like <c>zstd -b</c>.</summary>
internal static class BenchCmCommand
{
    public static Command Create()
    {
        var file = new Option<string>("--file") { Description = "The file whose bytes are coded.", Required = true };
        var level = new Option<int>("--level") { Description = $"The model's level, {CmStream.MinLevel} … {CmStream.MaxLevel}.", DefaultValueFactory = _ => CmStream.DefaultLevel };
        var blockSize = new Option<int>("--block-size", "-B")
        {
            Description = $"Original bytes per block, 1 … {XentContainerOptions.MaxBlockSize} (default {XentContainerOptions.DefaultCmBlockSize}, as compress).",
            DefaultValueFactory = _ => XentContainerOptions.DefaultCmBlockSize,
        };
        var threads = Inputs.Threads("Threads coding blocks in parallel", 1);
        var runs = new Option<int>("--runs") { Description = "Timed runs after one warm-up; the fastest is reported.", DefaultValueFactory = _ => 3 };
        var json = Inputs.Json();
        var command = new Command("cm", "Time context-mixing compression and decompression of a file in memory: MB/s (10^6 bytes) of the fastest run.")
            { file, level, blockSize, threads, runs, json };
        command.SetAction(parse =>
        {
            int l = parse.GetValue(level), b = parse.GetValue(blockSize), r = parse.GetValue(runs), t = Inputs.ParseThreads(parse.GetValue(threads));
            if (l < CmStream.MinLevel || l > CmStream.MaxLevel) throw new UsageException($"--level {l} is not in {CmStream.MinLevel}..{CmStream.MaxLevel}.");
            if (b < 1 || b > XentContainerOptions.MaxBlockSize) throw new UsageException($"--block-size {b} must be 1 … {XentContainerOptions.MaxBlockSize}.");
            if (r < 1) throw new UsageException("--runs must be ≥ 1.");
            string path = InputFile.Check(parse.GetValue(file)!, "--file");
            var data = File.ReadAllBytes(path);
            var options = new XentContainerOptions { Codec = XentCodec.Cm, Level = l, BlockSize = b, MaxDegreeOfParallelism = t };
            var packed = new MemoryStream();
            var unpacked = new MemoryStream(data.Length);
            XentContainerSummary summary = default!;
            var result = WorkProgress.Run($"timing cm level {l}, {r} runs", () => CodecTiming.Run(data.Length, r, () =>
            {
                packed.SetLength(0);
                summary = XentContainer.Compress(new MemoryStream(data, writable: false), packed, options, CliSession.Current.Cancellation);
                return (int)packed.Length;
            }, size =>
            {
                unpacked.SetLength(0);
                XentContainer.Decompress(new MemoryStream(packed.GetBuffer(), 0, size, writable: false), unpacked, t, CliSession.Current.Cancellation);
                return true;
            }, () => unpacked.GetBuffer().AsSpan(0, (int)unpacked.Length).SequenceEqual(data)));
            ResultOutput.Write(parse.InvocationConfiguration.Output, new CmBenchResult
            {
                File = path, Bytes = data.Length, CompressedBytes = result.Compressed, Ratio = result.Ratio, Level = l, BlockSize = b,
                Threads = summary.Threads, Runs = r, EncodeMbPerS = result.EncodeMBps, DecodeMbPerS = result.DecodeMBps,
            }, parse.GetValue(json), ResultText.Write);
            return 0;
        });
        return command;
    }
}
