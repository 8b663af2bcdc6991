namespace Xent.Reports;

/// <summary>
/// <c>bench entropy|cross-entropy|kl</c>: the fastest run's time per element of a measure over n random doubles, and the
/// same for a plain streaming sum of the same arrays (the memory-bandwidth floor). <see cref="Value"/> is in nats.
/// </summary>
public sealed record MeasureBenchResult : InformationReport
{
    /// <summary>The measure timed ("entropy", "cross-entropy", "kl").</summary>
    public required string Measure { get; init; }

    /// <summary>Elements.</summary>
    public required int N { get; init; }

    /// <summary>Threads.</summary>
    public required int Threads { get; init; }

    /// <summary>Nanoseconds per element of the fastest run.</summary>
    public required double NsPerElement { get; init; }

    /// <summary>Bytes read per second, in GB (10^9 B).</summary>
    public required double GbPerSecond { get; init; }

    /// <summary>Timed runs.</summary>
    public required int Runs { get; init; }

    /// <summary>The measure's value on the random inputs (so the work cannot be skipped).</summary>
    public required double Value { get; init; }

    /// <summary>Nanoseconds per element of a plain vectorised sum over the same arrays, when measured.</summary>
    public double? StreamingSumNsPerElement { get; init; }
}

/// <summary><c>bench huffman</c>: in-memory Huffman encoding and decoding of a file's bytes, fastest run.</summary>
public sealed record HuffmanBenchResult
{
    /// <summary>The file coded.</summary>
    public required string File { get; init; }

    /// <summary>Its size.</summary>
    public required long Bytes { get; init; }

    /// <summary>The encoded size.</summary>
    public required long CompressedBytes { get; init; }

    /// <summary>bytes / compressed bytes (0 for an empty file).</summary>
    public required double Ratio { get; init; }

    /// <summary>The codeword length limit.</summary>
    public required int MaxLength { get; init; }

    /// <summary>Timed runs.</summary>
    public required int Runs { get; init; }

    /// <summary>Encoding speed, 10^6 input bytes per second.</summary>
    public required double EncodeMbPerS { get; init; }

    /// <summary>Decoding speed, 10^6 output bytes per second.</summary>
    public required double DecodeMbPerS { get; init; }
}

/// <summary><c>bench rans|rans1</c>: in-memory static rANS encoding and decoding of a file's bytes as one block, fastest run.</summary>
public sealed record RansBenchResult
{
    /// <summary>The file coded.</summary>
    public required string File { get; init; }

    /// <summary>Its size.</summary>
    public required long Bytes { get; init; }

    /// <summary>The encoded size (the whole block, header included).</summary>
    public required long CompressedBytes { get; init; }

    /// <summary>bytes / compressed bytes (0 for an empty file).</summary>
    public required double Ratio { get; init; }

    /// <summary>The context order: 0 or 1.</summary>
    public required int Order { get; init; }

    /// <summary>The frequency precision P, in bits.</summary>
    public required int Precision { get; init; }

    /// <summary>Timed runs.</summary>
    public required int Runs { get; init; }

    /// <summary>Encoding speed, 10^6 input bytes per second.</summary>
    public required double EncodeMbPerS { get; init; }

    /// <summary>Decoding speed, 10^6 output bytes per second.</summary>
    public required double DecodeMbPerS { get; init; }
}

/// <summary><c>bench cm</c>: in-memory compression and decompression of a file's bytes with the context-mixing codec, as a
/// <c>.xent</c> container of independent blocks coded in parallel, fastest run.</summary>
public sealed record CmBenchResult
{
    /// <summary>The file coded.</summary>
    public required string File { get; init; }

    /// <summary>Its size.</summary>
    public required long Bytes { get; init; }

    /// <summary>The compressed size (the whole container, headers and checksums included).</summary>
    public required long CompressedBytes { get; init; }

    /// <summary>bytes / compressed bytes (0 for an empty file).</summary>
    public required double Ratio { get; init; }

    /// <summary>The model's level, 1 … 9.</summary>
    public required int Level { get; init; }

    /// <summary>Original bytes per block (each block starts a fresh model).</summary>
    public required int BlockSize { get; init; }

    /// <summary>Threads coding blocks in parallel.</summary>
    public required int Threads { get; init; }

    /// <summary>Timed runs.</summary>
    public required int Runs { get; init; }

    /// <summary>Compression speed, 10^6 input bytes per second.</summary>
    public required double EncodeMbPerS { get; init; }

    /// <summary>Decompression speed, 10^6 output bytes per second.</summary>
    public required double DecodeMbPerS { get; init; }
}

/// <summary><c>bench softmax-ce</c>: softmax cross-entropy forward + backward on float logits [rows, classes], fastest run. The loss is in nats.</summary>
public sealed record SoftmaxCeBenchResult : InformationReport
{
    /// <summary>Nanoseconds per logit.</summary>
    public required double NsPerElement { get; init; }

    /// <summary>Batch size N.</summary>
    public required int Rows { get; init; }

    /// <summary>Classes C.</summary>
    public required int Classes { get; init; }

    /// <summary>Threads.</summary>
    public required int Threads { get; init; }

    /// <summary>The fastest run, in milliseconds.</summary>
    public required double BestMs { get; init; }

    /// <summary>Timed runs.</summary>
    public required int Runs { get; init; }

    /// <summary>The mean loss of the batch.</summary>
    public required double Loss { get; init; }
}

/// <summary>
/// <c>bench mi-table</c>: the mutual information of every column of a table with a target column, counted from the table
/// (Parquet decoded natively, or counted in a database with GROUP BY), fastest run. Figures in the report's unit.
/// </summary>
public sealed record MiTableBenchResult : InformationReport
{
    /// <summary>Rows counted per feature (the table's rows without missing values).</summary>
    public required long Rows { get; init; }

    /// <summary>Feature columns (every column but the target).</summary>
    public required int Features { get; init; }

    /// <summary>How the table was counted: "native parquet", "csv", "sql (duckdb)", "sql (postgresql)".</summary>
    public required string Engine { get; init; }

    /// <summary>Threads of a native count (a database uses its own).</summary>
    public required int Threads { get; init; }

    /// <summary>The fastest run (open, count every feature with the target, compute every MI), in seconds.</summary>
    public required double BestSeconds { get; init; }

    /// <summary>Timed runs.</summary>
    public required int Runs { get; init; }

    /// <summary>The feature with the largest mutual information with the target.</summary>
    public required string TopFeature { get; init; }

    /// <summary>Its mutual information I(feature; target).</summary>
    public required double TopMi { get; init; }

    /// <summary>The sum of the features' mutual informations (a checksum for comparing with a peer).</summary>
    public required double SumMi { get; init; }
}

/// <summary><c>bench tree</c>: the fastest of several decision-tree fits.</summary>
public sealed record TreeBenchResult
{
    /// <summary>Training rows.</summary>
    public required long Rows { get; init; }

    /// <summary>Numeric feature columns.</summary>
    public required int Features { get; init; }

    /// <summary>Threads of the split search.</summary>
    public required int Threads { get; init; }

    /// <summary>The depth limit, when one was set.</summary>
    public int? MaxDepth { get; init; }

    /// <summary>Timed fits.</summary>
    public required int Runs { get; init; }

    /// <summary>Wall-clock seconds of the fastest fit (the data already in memory).</summary>
    public required double Seconds { get; init; }

    /// <summary>Nodes of the fitted tree.</summary>
    public required int Nodes { get; init; }

    /// <summary>Leaves of the fitted tree.</summary>
    public required int Leaves { get; init; }

    /// <summary>Depth of the fitted tree.</summary>
    public required int Depth { get; init; }
}
