using System.Diagnostics;

namespace Xent.Cli.Commands;

/// <summary>The timing loop of the codec benchmarks (<c>bench huffman</c>, <c>bench rans</c>), like <c>zstd -b</c>: one warm-up, then
/// the fastest of several in-memory encodes and decodes of the same bytes, each decode checked against the input.</summary>
internal static class CodecTiming
{
    /// <summary>The result: encoded size, input/encoded ratio (0 when empty), and MB/s (10^6 input bytes per second) of the fastest runs.</summary>
    public readonly record struct Result(int Compressed, double Ratio, double EncodeMBps, double DecodeMBps);

    /// <summary>
    /// Times <paramref name="encode"/> (returns the encoded size) and <paramref name="decode"/> (decodes that many encoded bytes,
    /// returns whether it succeeded) <paramref name="runs"/> times after a warm-up; <paramref name="matches"/> (whether the
    /// decoded bytes equal the input) is checked after each decode, outside the timing, as the peers' drivers do.
    /// </summary>
    /// <exception cref="InvalidOperationException">A decode did not give the input back.</exception>
    public static Result Run(int length, int runs, Func<int> encode, Func<int, bool> decode, Func<bool> matches)
    {
        int size = 0;
        double encodeBest = double.MaxValue, decodeBest = double.MaxValue;
        for (int run = 0; run <= runs; run++) // run 0 is the warm-up
        {
            CliSession.Current.Cancellation.ThrowIfCancellationRequested();
            long start = Stopwatch.GetTimestamp();
            size = encode();
            double encodeSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            start = Stopwatch.GetTimestamp();
            bool decoded = decode(size);
            double decodeSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (!decoded || !matches()) throw new InvalidOperationException("the decoded bytes differ from the input.");
            if (run == 0) continue;
            encodeBest = Math.Min(encodeBest, encodeSeconds);
            decodeBest = Math.Min(decodeBest, decodeSeconds);
        }
        double mb = length / 1e6;
        return new Result(size, size == 0 ? 0 : (double)length / size, mb / encodeBest, mb / decodeBest);
    }
}
