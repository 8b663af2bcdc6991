using System.Buffers;
using System.CommandLine;
using Xent.Cli.Data;
using Xent.Cli.Rendering;
using Xent.Coding;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>bench huffman: in-memory encode and decode of a file's bytes with <see cref="HuffmanStream"/>, like <c>zstd -b</c>.</summary>
internal static class BenchHuffmanCommand
{
    /// <summary>The <c>huffman</c> subcommand of <c>bench</c>.</summary>
    public static Command Create()
    {
        var file = new Option<string>("--file") { Description = "The file whose bytes are coded.", Required = true };
        var maxLength = new Option<int>("--max-length") { Description = "Longest codeword, in bits (8..15).", DefaultValueFactory = _ => HuffmanStream.DefaultMaxLength };
        var runs = new Option<int>("--runs") { Description = "Timed runs after one warm-up; the fastest is reported.", DefaultValueFactory = _ => 7 };
        var json = Inputs.Json();
        var command = new Command("huffman", "Time Huffman encoding and decoding of a file in memory: MB/s (10^6 bytes) of the fastest run.") { file, maxLength, runs, json };
        command.SetAction(parse =>
        {
            int limit = parse.GetValue(maxLength), r = parse.GetValue(runs);
            if (limit < 8 || limit > HuffmanStream.MaxCodeLength) throw new UsageException($"--max-length {limit} is not in 8..{HuffmanStream.MaxCodeLength}.");
            if (r < 1) throw new UsageException("--runs must be ≥ 1.");
            string path = InputFile.Check(parse.GetValue(file)!, "--file");
            var data = File.ReadAllBytes(path);
            var result = Run(data, limit, r);
            var output = parse.InvocationConfiguration.Output;
            ResultOutput.Write(output, new HuffmanBenchResult
            {
                File = path, Bytes = data.Length, CompressedBytes = result.Compressed, Ratio = result.Ratio, MaxLength = limit, Runs = r,
                EncodeMbPerS = result.EncodeMBps, DecodeMbPerS = result.DecodeMBps,
            }, parse.GetValue(json), ResultText.Write);
            return 0;
        });
        return command;
    }

    private static CodecTiming.Result Run(byte[] data, int maxLength, int runs)
    {
        var encoded = new byte[HuffmanStream.MaxEncodedLength(data.Length, 256, maxLength)];
        var decoded = new byte[data.Length];
        return CodecTiming.Run(data.Length, runs, () => HuffmanStream.Encode(data, encoded, maxLength), size =>
            HuffmanStream.TryDecode(encoded.AsSpan(0, size), decoded, out _, out _) == OperationStatus.Done,
                () => decoded.AsSpan().SequenceEqual(data));
    }
}
