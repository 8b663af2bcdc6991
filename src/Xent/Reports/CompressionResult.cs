using Xent.Coding;
using Xent.Measures;

namespace Xent.Reports;

/// <summary>
/// <c>compress</c> / <c>decompress</c>: the sizes, the rate the container achieved in bits per original byte, the floor the
/// original's order-0 entropy sets for a code without context, and what the codec's model paid (its cross-entropy on the
/// data, headers excluded). Figures in bits per byte of the original; 0 for an empty original.
/// </summary>
public sealed record CompressionResult
{
    /// <summary>"compress" or "decompress".</summary>
    public required string Operation { get; init; }

    /// <summary>The codec ("huffman").</summary>
    public required string Codec { get; init; }

    /// <summary>The input path, or "-" for standard input.</summary>
    public required string Input { get; init; }

    /// <summary>The output path, or "-" for standard output.</summary>
    public required string Output { get; init; }

    /// <summary>Bytes read.</summary>
    public required long InputBytes { get; init; }

    /// <summary>Bytes written.</summary>
    public required long OutputBytes { get; init; }

    /// <summary>Container bytes × 8 / original bytes: what the file costs per original byte, headers and checksums included.</summary>
    public required double BitsPerByte { get; init; }

    /// <summary>H₀ = −Σ p(b) log2 p(b) of the original's byte frequencies, bits per byte.</summary>
    public required double Order0EntropyBitsPerByte { get; init; }

    /// <summary>Σ −log2 q(byte | context) under the codec's model over the original, per byte: headers and a static codec's
    /// stored tables excluded; a block stored raw counts what the model would have paid for it (the same figure when
    /// compressing and decompressing).</summary>
    public required double ModelCrossEntropyBitsPerByte { get; init; }

    /// <summary>Blocks in the container.</summary>
    public required long Blocks { get; init; }

    /// <summary>Wall-clock seconds.</summary>
    public required double Seconds { get; init; }

    /// <summary>Threads used.</summary>
    public required int Threads { get; init; }

    /// <summary>The record of a container run's summary.</summary>
    /// <param name="operation">"compress" or "decompress".</param>
    /// <param name="input">The input path, or "-" for standard input.</param>
    /// <param name="output">The output path, or "-" for standard output.</param>
    /// <param name="summary">What the container run read, wrote and chose (codec, level, blocks, threads).</param>
    /// <param name="seconds">Wall-clock time of the run, in seconds (≥ 0).</param>
    public static CompressionResult From(string operation, string input, string output, XentContainerSummary summary, double seconds)
    {
        double n = summary.OriginalBytes;
        return new CompressionResult
        {
            Operation = operation,
            Codec = BlockCodecs.Name(summary.Codec),
            Input = input,
            Output = output,
            InputBytes = summary.InputBytes,
            OutputBytes = summary.OutputBytes,
            BitsPerByte = n == 0 ? 0 : 8.0 * summary.ContainerBytes / n,
            Order0EntropyBitsPerByte = Discrete.Entropy(summary.ByteCounts).Value,
            ModelCrossEntropyBitsPerByte = n == 0 ? 0 : summary.ModelBits / n,
            Blocks = summary.Blocks,
            Seconds = seconds,
            Threads = summary.Threads,
        };
    }
}
