namespace Xent.Coding;

/// <summary>How <see cref="XentContainer.Compress(Stream, Stream, XentContainerOptions?, CancellationToken)"/> codes: the
/// codec and its level, the block size and the threads. Decompression takes only the threads; the rest is in the file.</summary>
public sealed record XentContainerOptions
{
    /// <summary>The default block size of the static and adaptive codecs: 1 MiB.</summary>
    public const int DefaultBlockSize = 1 << 20;

    /// <summary>The default block size of the context-mixing codec: 8 MiB. A CM model starts empty in every block and learns
    /// as it codes, so a longer block compresses better (on a few MB of text, one block is 1–20% smaller than 1–2 MiB blocks);
    /// memory stays bounded: each thread holds one model (about 60 MiB at the default level) and two blocks.</summary>
    public const int DefaultCmBlockSize = 8 << 20;

    /// <summary>The largest block size the format allows: 64 MiB (a reader rejects a header claiming more, so a corrupt
    /// header never makes it allocate more than a few blocks of this size).</summary>
    public const int MaxBlockSize = 64 << 20;

    /// <summary>The codec; <see cref="XentCodec.Huffman"/> by default.</summary>
    public XentCodec Codec { get; init; } = XentCodec.Huffman;

    /// <summary>The codec's level, 1 (default, fastest) … the codec's maximum.</summary>
    public int Level { get; init; } = 1;

    /// <summary>Original bytes per block, 1 … <see cref="MaxBlockSize"/>; every block but the last is exactly this long. Unless
    /// set, the codec's default (<see cref="DefaultBlockSizeFor"/>), which follows <see cref="Codec"/>.</summary>
    public int BlockSize { get => _blockSize ?? DefaultBlockSizeFor(Codec); init => _blockSize = value; }

    private readonly int? _blockSize;

    /// <summary>A codec's default block size: <see cref="DefaultCmBlockSize"/> for <see cref="XentCodec.Cm"/>,
    /// <see cref="DefaultBlockSize"/> for the others.</summary>
    /// <param name="codec">The codec.</param>
    public static int DefaultBlockSizeFor(XentCodec codec) => codec == XentCodec.Cm ? DefaultCmBlockSize : DefaultBlockSize;

    /// <summary>
    /// The most threads this may use: 1 (the default) runs on the calling thread, −1 means every core
    /// (<see cref="Environment.ProcessorCount"/>), and 0 or a value below −1 is rejected with <see cref="ArgumentOutOfRangeException"/>.
    /// The work is cut into equal contiguous chunks whose partial results are combined in chunk order, so the result is
    /// bit-identical from run to run for a given input and thread count.
    /// Here the chunks are the blocks, cut at multiples of the block size whatever the thread count and coded alone, so
    /// the bytes written are the same for every thread count.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;
}

/// <summary>What a compression or decompression did: sizes, blocks, threads, the byte counts of the original and what the
/// codec's model paid for them.</summary>
public sealed record XentContainerSummary
{
    /// <summary>Bytes read.</summary>
    public required long InputBytes { get; init; }

    /// <summary>Bytes written.</summary>
    public required long OutputBytes { get; init; }

    /// <summary>Bytes of the original (the input when compressing, the output when decompressing).</summary>
    public required long OriginalBytes { get; init; }

    /// <summary>Bytes of the container.</summary>
    public required long ContainerBytes { get; init; }

    /// <summary>Blocks in the container.</summary>
    public required long Blocks { get; init; }

    /// <summary>The codec.</summary>
    public required XentCodec Codec { get; init; }

    /// <summary>The block size.</summary>
    public required int BlockSize { get; init; }

    /// <summary>Threads used.</summary>
    public required int Threads { get; init; }

    /// <summary>How often each byte value occurs in the original (256 entries).</summary>
    public required long[] ByteCounts { get; init; }

    /// <summary>Σ −log2 q over the original under the codec's model (each block's own), in bits, headers excluded; blocks
    /// stored raw (where coding would not have saved anything) count as what the model would have paid for them, the same
    /// figure when compressing and when decompressing.</summary>
    public required double ModelBits { get; init; }
}
