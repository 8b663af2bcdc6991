using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Serialization;
using Xent.Coding;
using Xent.Estimation;

namespace Xent.Reports;

/// <summary>
/// <c>bits</c>: "entropy is the floor, cross-entropy is what you pay" on a real file — the empirical order-0/1/2 entropies of
/// its bytes, the cross-entropy of a model on it, and the real size of the file coded with that model. Trained on the file
/// itself, each model is a codec of the <c>.xent</c> container run on the file (order0: static rANS, each block's own
/// quantized byte frequencies; order1: static order-1 rANS; order2: the adaptive order-2 model; cm: context mixing), and
/// the cross-entropy is what that codec's model pays, Σ −log2 q(xᵢ | context), so the file's size is the cross-entropy plus
/// headers, tables and the coder's rounding. Trained on another file (<c>--train-on</c>, order0/1/2), the model is frozen
/// and codes the file with a range coder. Figures in bits per byte of the file; 0 for an empty file here (the per-byte
/// figures have no value there), which <c>xent bits</c> refuses instead (exit 2: "FILE … is empty (0 bytes)").
/// </summary>
public sealed record BitsResult
{
    /// <summary>The models <c>Build</c> knows, by name.</summary>
    public static IReadOnlyList<string> Models { get; } = ["order0", "order1", "order2", "cm"];

    /// <summary>The file measured.</summary>
    public required string File { get; init; }

    /// <summary>The file the model was trained on (the measured file itself unless <c>--train-on</c>).</summary>
    public required string TrainedOn { get; init; }

    /// <summary>The model: "order0", "order1", "order2" or "cm".</summary>
    public required string Model { get; init; }

    /// <summary>What coded the file: a container codec ("rans", "rans1", "o2", "cm") or, for a frozen model, "frozen orderK
    /// (range coder)".</summary>
    public required string Codec { get; init; }

    /// <summary>The pseudo-count α of the static model q(x | c) = (m(c,x) + α) / (m(c) + 256α) (the frozen model, and
    /// <see cref="StaticModelCrossEntropyBitsPerByte"/>).</summary>
    public required double Smoothing { get; init; }

    /// <summary>The file's size.</summary>
    public required long InputBytes { get; init; }

    /// <summary>The size of the file coded with the model: the whole <c>.xent</c> container (headers, tables and checksums
    /// included), or the frozen model's coded bytes (the decoder must hold the model); absent when the frozen model gives
    /// a byte of the file probability 0 (α = 0), so it cannot be coded.</summary>
    public long? OutputBytes { get; init; }

    /// <summary>OutputBytes × 8 / InputBytes: what the real coded file costs per byte; absent with <see cref="OutputBytes"/>.</summary>
    public double? BitsPerByte { get; init; }

    /// <summary>H(X_i), the entropy of the byte frequencies.</summary>
    public required double Order0EntropyBitsPerByte { get; init; }

    /// <summary>H(X_i | X_{i−1}), bytes before the start counted as 0.</summary>
    public required double Order1EntropyBitsPerByte { get; init; }

    /// <summary>H(X_i | X_{i−2} X_{i−1}).</summary>
    public required double Order2EntropyBitsPerByte { get; init; }

    /// <summary>The cross-entropy of the model that coded the file: Σ −log2 q(xᵢ | context) / n, headers excluded (+∞ when
    /// the frozen model gives a byte probability 0). The real size is this plus headers, tables and rounding.</summary>
    public required double ModelCrossEntropyBitsPerByte { get; init; }

    /// <summary>For order0/1/2: the cross-entropy of the whole-file static order-k model with pseudo-count α trained on
    /// <see cref="TrainedOn"/>, exact (not quantized, no table paid for); with α = 0 trained on the file itself it is the
    /// order-k entropy. Absent for cm.</summary>
    public double? StaticModelCrossEntropyBitsPerByte { get; init; }

    /// <summary>Blocks coded (each starts the model afresh).</summary>
    public required long Blocks { get; init; }

    /// <summary>Original bytes per block.</summary>
    public required int BlockSize { get; init; }

    /// <summary>Wall-clock seconds.</summary>
    public required double Seconds { get; init; }

    /// <summary>Threads used for the coding.</summary>
    public required int Threads { get; init; }

    /// <summary>Whether the model was trained on another file and frozen (<see cref="FrozenByteModel"/>), rather than being
    /// a container codec run on the file (the JSON says it through <see cref="Codec"/>).</summary>
    [JsonIgnore]
    public bool Frozen => Codec.StartsWith("frozen", StringComparison.Ordinal);

    /// <summary>The model's cost along the file (when asked for): mean bits per byte over consecutive windows.</summary>
    [JsonIgnore]
    public BitsProfile? Profile { get; init; }

    /// <summary>As <see cref="Build(string, string?, string, double, int, int, Func{string, Stream}?, CancellationToken)"/> for
    /// data in memory (nothing is written anywhere: the container is counted, not kept), the model run on the data itself.</summary>
    /// <param name="name">What the report calls the data.</param>
    /// <param name="data">The bytes measured.</param>
    /// <param name="model">The model's name (<see cref="Models"/>).</param>
    /// <param name="smoothing">The static model's pseudo-count α ≥ 0.</param>
    /// <exception cref="ArgumentException">An unknown model, or smoothing negative or not finite.</exception>
    public static BitsResult BuildFromMemory(string name, byte[] data, string model, double smoothing)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Build(name, null, model, smoothing, open: _ => new MemoryStream(data, writable: false));
    }

    /// <summary>
    /// Measures <paramref name="path"/> under <paramref name="model"/> ("order0", "order1", "order2", "cm") trained on
    /// <paramref name="trainOn"/> (null: the file itself, coded by the model's container codec; otherwise order0/1/2 frozen
    /// from the other file with pseudo-count <paramref name="smoothing"/>), on <paramref name="threads"/> threads (1 by
    /// default, −1: every core). Memory is bounded whatever the files' sizes: the order-2 count tables (128 MiB, twice when
    /// trained elsewhere), the frozen model's tables, and a few blocks.
    /// </summary>
    /// <param name="path">The file measured.</param>
    /// <param name="trainOn">The file the model is trained on and frozen from, or null.</param>
    /// <param name="model">The model's name (<see cref="Models"/>).</param>
    /// <param name="smoothing">The static model's pseudo-count α ≥ 0.</param>
    /// <param name="threads">Threads for the container codec.</param>
    /// <param name="profilePoints">When &gt; 0, also measure the cost along the file in about this many windows
    /// (<see cref="Profile"/>; one more pass over the file).</param>
    /// <param name="open">Opens a file for reading (default <see cref="System.IO.File.OpenRead"/>): a front end wraps it to
    /// show progress. Each pass over a file opens it again.</param>
    /// <param name="cancellationToken">Checked between blocks.</param>
    /// <exception cref="ArgumentException">An unknown model, cm with <paramref name="trainOn"/> (the cm model learns as it
    /// codes and cannot be frozen), smoothing negative or not finite, or threads invalid.</exception>
    public static BitsResult Build(string path, string? trainOn, string model, double smoothing, int threads = 1, int profilePoints = 0,
        Func<string, Stream>? open = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(model);
        int order = model switch { "order0" => 0, "order1" => 1, "order2" => 2, "cm" => -1, _ => -2 };
        if (order == -2) ThrowHelper.ThrowArgument(nameof(model), $"'{model}' is not one of {string.Join(", ", Models)}.");
        if (order < 0 && trainOn is not null)
            ThrowHelper.ThrowArgument(nameof(trainOn), "the cm model learns as it codes and has no frozen form; train on another file with order0, order1 or order2.");
        if (!(smoothing >= 0) || double.IsInfinity(smoothing)) ThrowHelper.ThrowArgumentOutOfRange(nameof(smoothing), smoothing, "the smoothing must be a finite pseudo-count ≥ 0");
        open ??= System.IO.File.OpenRead;
        var clock = Stopwatch.StartNew();

        ByteContextCounts counts;
        using (var file = open(path)) counts = ByteContextCounts.Of(file, ByteContextCounts.MaxOrder);
        var order1 = counts.Reduce(1);
        var order0 = order1.Reduce(0);
        long n = counts.Total;
        var data = order switch { 0 => order0, 1 => order1, _ => counts };
        var profile = profilePoints > 0 ? new ProfileBuilder(n, profilePoints) : null;

        long? outputBytes;
        double modelBits;
        long blocks;
        int blockSize = XentContainerOptions.DefaultBlockSize, usedThreads;
        string codecName;
        double? staticModel = null;
        if (trainOn is null)
        {
            var codec = order switch { 0 => XentCodec.Rans, 1 => XentCodec.Rans1, 2 => XentCodec.Order2, _ => XentCodec.Cm };
            var options = new XentContainerOptions { Codec = codec, Level = XentContainer.DefaultLevel(codec), MaxDegreeOfParallelism = threads };
            blockSize = options.BlockSize;
            XentContainerSummary packed;
            using (var file = open(path)) packed = XentContainer.Compress(file, Stream.Null, options, cancellationToken);
            (outputBytes, modelBits, blocks, usedThreads, codecName) = (packed.ContainerBytes, packed.ModelBits, packed.Blocks, packed.Threads, BlockCodecs.Name(codec));
            if (profile is not null)
            {
                var blockCodec = BlockCodecs.Create(codec, options.Level);
                using var file = open(path);
                ForEachBlock(file, blockSize, cancellationToken, (block, costs) => blockCodec.CodeLengths(block, costs), profile);
            }
            if (order >= 0) staticModel = data.CrossEntropy(data, smoothing).Value;
        }
        else
        {
            ByteContextCounts trained;
            using (var file = open(trainOn)) trained = ByteContextCounts.Of(file, order);
            staticModel = data.CrossEntropy(trained, smoothing).Value;
            var frozen = FrozenByteModel.Train(trained, smoothing);
            var sum = new Numerics.CompensatedSum();
            long coded = 0;
            bool codable = true;
            blocks = 0;
            var buffer = new byte[FrozenByteModel.MaxEncodedLength(blockSize)];
            using (var file = open(path))
                ForEachBlock(file, blockSize, cancellationToken, (block, costs) =>
                {
                    double bits = frozen.CodeLength(block, costs).Value;
                    sum.Add(bits);
                    blocks++;
                    if (!double.IsFinite(bits)) codable = false;
                    if (codable) coded += frozen.Encode(block, buffer);
                }, profile);
            modelBits = sum.Value;
            outputBytes = codable ? coded : null;
            usedThreads = 1;
            codecName = $"frozen order{order} (range coder)";
        }

        return new BitsResult
        {
            File = path,
            TrainedOn = trainOn ?? path,
            Model = model,
            Codec = codecName,
            Smoothing = smoothing,
            InputBytes = n,
            OutputBytes = outputBytes,
            BitsPerByte = outputBytes is long o ? (n == 0 ? 0 : 8.0 * o / n) : null,
            Order0EntropyBitsPerByte = order0.ConditionalEntropy().Value,
            Order1EntropyBitsPerByte = order1.ConditionalEntropy().Value,
            Order2EntropyBitsPerByte = counts.ConditionalEntropy().Value,
            ModelCrossEntropyBitsPerByte = n == 0 ? 0 : modelBits / n,
            StaticModelCrossEntropyBitsPerByte = staticModel,
            Blocks = blocks,
            BlockSize = blockSize,
            Seconds = clock.Elapsed.TotalSeconds,
            Threads = usedThreads,
            Profile = profile?.Build(),
        };
    }

    /// <summary>Reads <paramref name="stream"/> in blocks of <paramref name="blockSize"/> and hands each to
    /// <paramref name="work"/> with a buffer for its per-byte costs, which <paramref name="profile"/> (if any) then adds up.</summary>
    private static void ForEachBlock(Stream stream, int blockSize, CancellationToken cancellationToken, BlockWork work, ProfileBuilder? profile)
    {
        var block = new byte[blockSize];
        var costs = new double[blockSize];
        int read;
        while ((read = stream.ReadAtLeast(block, blockSize, throwOnEndOfStream: false)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            work(block.AsSpan(0, read), costs.AsSpan(0, read));
            profile?.Add(costs.AsSpan(0, read));
            if (read < blockSize) break;
        }
    }

    private delegate void BlockWork(ReadOnlySpan<byte> block, Span<double> costs);

    /// <summary>
    /// The chart of <see cref="Profile"/>: the model's bits per byte along the file (mean over each window), with the
    /// model's cross-entropy over the whole file, the order-0 entropy and 8 bits (a byte stored as it is) as reference lines.
    /// </summary>
    /// <exception cref="InvalidOperationException">The result was built without a profile.</exception>
    public PlotSpec ProfilePlot()
    {
        var p = Profile ?? throw new InvalidOperationException("this result has no profile: build it with profilePoints > 0.");
        var c = CultureInfo.InvariantCulture;
        string trained = Frozen ? $", trained on {Path.GetFileName(TrainedOn)}" : "";
        return new PlotSpec($"{Model} model{trained} along {Path.GetFileName(File)}", new PlotAxis("Position in the file", "bytes"),
            new PlotAxis("Model cost", "bits per byte") { Min = 0 })
        {
            Series = [new PlotSeries(string.Create(c, $"{Model} ({Codec}), mean over {p.Window:N0}-byte windows"), p.Offsets, p.BitsPerByte)],
            References =
            [
                ReferenceLine.Horizontal(ModelCrossEntropyBitsPerByte, string.Create(c, $"cross-entropy over the file = {ModelCrossEntropyBitsPerByte:0.###} bits")),
                ReferenceLine.Horizontal(Order0EntropyBitsPerByte, string.Create(c, $"order-0 entropy = {Order0EntropyBitsPerByte:0.###} bits")),
                ReferenceLine.Horizontal(8, "8 bits (a byte stored as it is)"),
            ],
            Legend = LegendPosition.UpperRight,
        };
    }

    /// <summary>Adds per-byte costs into consecutive windows of a file of known length.</summary>
    private sealed class ProfileBuilder
    {
        private readonly long _window;
        private readonly double[] _sums;
        private readonly long[] _counts;
        private long _offset;

        public ProfileBuilder(long length, int points)
        {
            _window = Math.Max(1, (length + points - 1) / points);
            int bins = (int)Math.Max(1, (length + _window - 1) / _window);
            _sums = new double[bins];
            _counts = new long[bins];
        }

        public void Add(ReadOnlySpan<double> costs)
        {
            foreach (double bits in costs)
            {
                long bin = Math.Min(_offset / _window, _sums.Length - 1);
                _sums[bin] += bits;
                _counts[bin]++;
                _offset++;
            }
        }

        public BitsProfile Build()
        {
            int used = Array.FindLastIndex(_counts, x => x > 0) + 1;
            var offsets = new double[used];
            var values = new double[used];
            for (int b = 0; b < used; b++)
            {
                offsets[b] = b * _window + _counts[b] / 2.0;
                values[b] = _sums[b] / _counts[b];
            }
            return new BitsProfile(_window, offsets, values);
        }
    }
}

/// <summary>A model's cost along a file: the mean bits per byte over consecutive windows of <paramref name="Window"/> bytes.</summary>
/// <param name="Window">Bytes per window (the last one may be shorter).</param>
/// <param name="Offsets">The middle of each window, in bytes from the start of the file.</param>
/// <param name="BitsPerByte">Σ −log2 q(xᵢ | context) over the window's bytes / their number (+∞ where a byte has probability 0).</param>
public sealed record BitsProfile(long Window, double[] Offsets, double[] BitsPerByte);
