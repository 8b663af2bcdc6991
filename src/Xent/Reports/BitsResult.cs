using System.Diagnostics;
using Xent.Coding;
using Xent.Estimation;

namespace Xent.Reports;

/// <summary>
/// <c>bits</c>: "entropy is the floor, cross-entropy is what you pay" on a real file — the empirical order-0/1/2 entropies of
/// its bytes, the cross-entropy of an order-k model (trained on the file itself or on another file, then frozen), and the
/// real size of the file compressed into a <c>.xent</c> container. Figures in bits per byte.
/// </summary>
public sealed record BitsResult
{
    /// <summary>The file measured.</summary>
    public required string File { get; init; }

    /// <summary>The file the model was trained on (the measured file itself unless <c>--train-on</c>).</summary>
    public required string TrainedOn { get; init; }

    /// <summary>The model: "order0", "order1" or "order2".</summary>
    public required string Model { get; init; }

    /// <summary>The model's additive pseudo-count α: q(x | c) = (m(c,x) + α) / (m(c) + 256α).</summary>
    public required double Smoothing { get; init; }

    /// <summary>The file's size.</summary>
    public required long InputBytes { get; init; }

    /// <summary>The size of the file compressed into a .xent container with <see cref="Codec"/>.</summary>
    public required long OutputBytes { get; init; }

    /// <summary>The container's codec.</summary>
    public required string Codec { get; init; }

    /// <summary>OutputBytes × 8 / InputBytes: what the real compressed file costs per byte (0 for an empty file).</summary>
    public required double BitsPerByte { get; init; }

    /// <summary>H(X_i), the entropy of the byte frequencies.</summary>
    public required double Order0EntropyBitsPerByte { get; init; }

    /// <summary>H(X_i | X_{i−1}), bytes before the start counted as 0.</summary>
    public required double Order1EntropyBitsPerByte { get; init; }

    /// <summary>H(X_i | X_{i−2} X_{i−1}).</summary>
    public required double Order2EntropyBitsPerByte { get; init; }

    /// <summary>The model's cross-entropy on the file: Σ −log2 q(x_i | context) / n (+∞ when α = 0 and the file holds a byte the model never saw in its context).</summary>
    public required double ModelCrossEntropyBitsPerByte { get; init; }

    /// <summary>Wall-clock seconds.</summary>
    public required double Seconds { get; init; }

    /// <summary>Threads used for the compression.</summary>
    public required int Threads { get; init; }

    /// <summary>Measures <paramref name="path"/> under the order-<paramref name="order"/> model trained on
    /// <paramref name="trainOn"/> (null: the file itself) with pseudo-count <paramref name="smoothing"/>, and compresses it
    /// with <paramref name="codec"/> at level 1 on <paramref name="threads"/> threads (1 by default, −1: every core). Memory is bounded
    /// (two 128 MiB order-2 tables at most), whatever the files' sizes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">order outside 0 … 2, smoothing negative or not finite, or threads invalid.</exception>
    public static BitsResult Build(string path, string? trainOn, int order, double smoothing, XentCodec codec = XentCodec.Huffman, int threads = 1) =>
        Build(path, () => System.IO.File.OpenRead(path), trainOn, trainOn is null ? null : () => System.IO.File.OpenRead(trainOn), order, smoothing, codec, threads);

    /// <summary>As <see cref="Build(string, string?, int, double, XentCodec, int)"/> for data in memory (nothing is written
    /// anywhere: the container is counted, not kept), the model trained on the data itself.</summary>
    /// <param name="name">What the report calls the data.</param>
    /// <param name="data">The bytes measured.</param>
    /// <param name="order">The model's order, 0 … 2.</param>
    /// <param name="smoothing">The model's pseudo-count α ≥ 0.</param>
    /// <param name="codec">The container's codec.</param>
    /// <exception cref="ArgumentOutOfRangeException">order outside 0 … 2, or smoothing negative or not finite.</exception>
    public static BitsResult Build(string name, byte[] data, int order, double smoothing, XentCodec codec = XentCodec.Huffman) =>
        Build(name, () => new MemoryStream(data, writable: false), null, null, order, smoothing, codec, 1);

    private static BitsResult Build(string path, Func<Stream> open, string? trainOn, Func<Stream>? openTrainOn, int order, double smoothing, XentCodec codec, int threads)
    {
        if (order < 0 || order > ByteContextCounts.MaxOrder) ThrowHelper.ThrowArgumentOutOfRange(nameof(order), order, "the model's order must be 0, 1 or 2");
        var clock = Stopwatch.StartNew();
        ByteContextCounts counts;
        using (var file = open()) counts = ByteContextCounts.Of(file, ByteContextCounts.MaxOrder);
        var order1 = counts.Reduce(1);
        var order0 = order1.Reduce(0);
        var data = order switch { 0 => order0, 1 => order1, _ => counts };
        ByteContextCounts model = data;
        if (openTrainOn is not null)
            using (var file = openTrainOn()) model = ByteContextCounts.Of(file, order);
        double crossEntropy = data.CrossEntropy(model, smoothing).Value;
        XentContainerSummary packed;
        using (var file = open())
            packed = XentContainer.Compress(file, Stream.Null, new XentContainerOptions { Codec = codec, MaxDegreeOfParallelism = threads });
        long n = counts.Total;
        return new BitsResult
        {
            File = path,
            TrainedOn = trainOn ?? path,
            Model = $"order{order}",
            Smoothing = smoothing,
            InputBytes = n,
            OutputBytes = packed.ContainerBytes,
            Codec = BlockCodecs.Name(codec),
            BitsPerByte = n == 0 ? 0 : 8.0 * packed.ContainerBytes / n,
            Order0EntropyBitsPerByte = order0.ConditionalEntropy().Value,
            Order1EntropyBitsPerByte = order1.ConditionalEntropy().Value,
            Order2EntropyBitsPerByte = counts.ConditionalEntropy().Value,
            ModelCrossEntropyBitsPerByte = crossEntropy,
            Seconds = clock.Elapsed.TotalSeconds,
            Threads = packed.Threads,
        };
    }
}
