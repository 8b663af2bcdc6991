using System.Buffers;
using System.CommandLine;
using Xent.Cli.Data;
using Xent.Cli.Rendering;
using Xent.Coding;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>bench rans / bench rans1: in-memory encode and decode of a file's bytes as one static rANS block
/// (<see cref="RansStream"/>, order 0 or 1), like <c>zstd -b</c>.</summary>
internal static class BenchRansCommand
{
    /// <summary>The <c>rans</c> (order 0) or <c>rans1</c> (order 1) subcommand of <c>bench</c>.</summary>
    public static Command Create(int order)
    {
        var file = new Option<string>("--file") { Description = "The file whose bytes are coded (as one block).", Required = true };
        var precision = new Option<int?>("--precision") { Description = $"Frequency precision P in bits ({RansStream.MinPrecision}..{RansStream.MaxPrecision}; default: chosen per block as `xent compress` does, order 0 {RansStream.AutoMinPrecision}..{RansStream.AutoMaxPrecision}, order 1 {RansStream.DefaultPrecision})." };
        var runs = new Option<int>("--runs") { Description = "Timed runs after one warm-up; the fastest is reported.", DefaultValueFactory = _ => 7 };
        var json = Inputs.Json();
        string name = order == 0 ? "rans" : "rans1";
        var command = new Command(name, $"Time static rANS order-{order} encoding and decoding of a file in memory: MB/s (10^6 bytes) of the fastest run.") { file, precision, runs, json };
        command.SetAction(parse =>
        {
            int? given = parse.GetValue(precision);
            int p = given ?? RansStream.AutoPrecision, r = parse.GetValue(runs);
            if (given is < RansStream.MinPrecision or > RansStream.MaxPrecision) throw new UsageException($"--precision {p} is not in {RansStream.MinPrecision}..{RansStream.MaxPrecision}.");
            if (r < 1) throw new UsageException("--runs must be ≥ 1.");
            string path = InputFile.Check(parse.GetValue(file)!, "--file");
            var data = File.ReadAllBytes(path);
            var encoded = new byte[RansStream.MaxEncodedLength(data.Length, order)];
            var decoded = new byte[data.Length];
            var result = CodecTiming.Run(data.Length, r, () => RansStream.Encode(data, encoded, order, p), size =>
                RansStream.TryDecode(encoded.AsSpan(0, size), decoded, out _, out _) == OperationStatus.Done,
                () => decoded.AsSpan().SequenceEqual(data));
            ResultOutput.Write(parse.InvocationConfiguration.Output, new RansBenchResult
            {
                File = path, Bytes = data.Length, CompressedBytes = result.Compressed, Ratio = result.Ratio, Order = order, Precision = encoded[1], Runs = r,
                EncodeMbPerS = result.EncodeMBps, DecodeMbPerS = result.DecodeMBps,
            }, parse.GetValue(json), ResultText.Write);
            return 0;
        });
        return command;
    }
}
