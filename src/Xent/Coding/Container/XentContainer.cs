using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using Xent.Estimation;
using Xent.Numerics;

namespace Xent.Coding;

/// <summary>
/// The <c>.xent</c> compressed-file container (docs/formats/xent-container.md): a header naming the codec, its parameters,
/// the block size and the original length, then independent blocks — each with its original and compressed length and an
/// XXH64 of its original bytes — an end marker and the XXH64 of the whole original.
/// </summary>
/// <remarks>
/// <para>Streams go through in bounded memory: with T threads at most 2T blocks are in flight — T workers code blocks while
/// the calling thread reads the next ones and writes finished ones in order — so memory is about 4 × T × block size (an
/// input and an output buffer per block) whatever the input's length; with one thread, one block at a time on the calling
/// thread.
/// Blocks are independent and always cut at multiples of the block size, so the bytes written do not depend on the number
/// of threads.</para>
/// <para>Corrupt, truncated or foreign input is an expected outcome: decoding throws <see cref="InvalidDataException"/>
/// naming what is wrong and where ("not a .xent file", "checksum mismatch in block 3", "truncated after block 2",
/// "made by a newer version of Xent"); it never allocates more than the format's bounds allow (a block is at most
/// <see cref="XentContainerOptions.MaxBlockSize"/>, its payload at most the codec's bound for it), whatever a header claims.</para>
/// </remarks>
public static class XentContainer
{
    /// <summary>The format version this build writes (and the newest it reads): 1.</summary>
    public const byte Version = 1;

    /// <summary>Block kinds: the original bytes as they are, or coded by the header's codec.</summary>
    private const byte KindStored = 0, KindCoded = 1;

    private const int HashLength = 8;

    /// <summary>The codecs this build writes and reads: id, command-line name ("huffman") and highest level.</summary>
    public static IReadOnlyList<(XentCodec Codec, string Name, int MaxLevel)> Codecs => BlockCodecs.All;

    /// <summary>
    /// The codec chosen for the user from a sample of the input (its first block): <see cref="XentCodec.Cm"/> for text-like
    /// input — at least 90% of the bytes printable ASCII (0x20 … 0x7E), tab, CR, LF or UTF-8 lead and continuation bytes
    /// (0x80 … 0xF4) — and <see cref="XentCodec.Rans1"/> otherwise (binaries, an empty sample).
    /// </summary>
    /// <param name="sample">Bytes from the start of the input, of any length (the container looks at its first block); only
    /// their byte values are counted, so the result does not depend on where the sample is cut within text.</param>
    /// <returns><see cref="XentCodec.Cm"/> or <see cref="XentCodec.Rans1"/>.</returns>
    public static XentCodec ChooseCodec(ReadOnlySpan<byte> sample)
    {
        if (sample.IsEmpty) return XentCodec.Rans1;
        long textLike = 0;
        foreach (byte b in sample)
            if (b is (>= 0x20 and <= 0x7E) or (byte)'\t' or (byte)'\r' or (byte)'\n' or (>= 0x80 and <= 0xF4)) textLike++;
        return textLike * 10 >= sample.Length * 9L ? XentCodec.Cm : XentCodec.Rans1;
    }

    /// <summary>A codec's default level: <see cref="CmStream.DefaultLevel"/> for <see cref="XentCodec.Cm"/>, 1 (the fastest)
    /// for every other codec.</summary>
    /// <param name="codec">The codec whose default is asked; a value that is not a known codec also gets 1.</param>
    /// <returns>The level <see cref="XentContainerOptions"/> uses when none is given: 1 … the codec's highest level
    /// (<see cref="Codecs"/>).</returns>
    public static int DefaultLevel(XentCodec codec) => codec == XentCodec.Cm ? CmStream.DefaultLevel : 1;

    /// <summary>
    /// Compresses <paramref name="input"/> (read to its end) into <paramref name="output"/> as one <c>.xent</c> container.
    /// The original length goes into the header when <paramref name="input"/> can seek; otherwise the header says "unknown"
    /// and the end marker closes the blocks.
    /// </summary>
    /// <param name="input">The original bytes, read from its current position to its end (a pipe, a file, a memory
    /// stream); not closed.</param>
    /// <param name="output">Where the container is written, from its current position; only written to (never sought, so a
    /// pipe is fine) and not closed. On an exception it holds a partial container, which the caller should delete.</param>
    /// <param name="options">The codec, its level, the block size and the threads; null for the defaults of
    /// <see cref="XentContainerOptions"/> (<see cref="XentCodec.Huffman"/> level 1, 1 MiB blocks, one thread; the library
    /// does not pick a codec: call <see cref="ChooseCodec"/> for that).</param>
    /// <param name="cancellationToken">Checked before each block is read.</param>
    /// <returns>Sizes, blocks, threads, the byte counts of the input and what the codec's model paid for it.</returns>
    /// <exception cref="ArgumentNullException">input or output is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (block size, level, threads, codec).</exception>
    /// <exception cref="IOException">A seekable input changed length while it was read.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled (checked before each block is read).</exception>
    public static XentContainerSummary Compress(Stream input, Stream output, XentContainerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        options ??= new XentContainerOptions();
        int blockSize = options.BlockSize;
        if (blockSize < 1 || blockSize > XentContainerOptions.MaxBlockSize)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(options.BlockSize), blockSize, $"the block size must be 1 … {XentContainerOptions.MaxBlockSize}");
        ParallelChunks.CheckDegree(options.MaxDegreeOfParallelism, nameof(options.MaxDegreeOfParallelism));
        var codec = BlockCodecs.Create(options.Codec, options.Level);
        int threads = ParallelChunks.Threads(options.MaxDegreeOfParallelism);
        long? declared = input.CanSeek ? input.Length - input.Position : null;

        long written = WriteHeader(output, codec, blockSize, declared);
        var batch = new Batch(threads, blockSize, codec.MaxEncodedLength(blockSize), declared);
        var whole = new XxHash64();
        var counts = new long[256];
        double modelBits = 0;
        long original = 0, blocks = 0;
        Span<byte> head = stackalloc byte[2 * Varint.MaxLength + 1];
        try
        {
            bool end = false;
            long next = 0;
            while (true)
            {
                // Read ahead while a slot is free (its block written), and hand each block to the workers.
                while (!end && batch.InFlight < batch.Size)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    int k = batch.Slot(next);
                    int n = ReadFull(input, batch.ReadTarget(k, next * blockSize));
                    if (n == 0) { end = true; break; }
                    batch.Lengths[k] = n;
                    if (n < blockSize) end = true;
                    batch.Start(k, b =>
                    {
                        var source = b.InputBuffers[k].AsSpan(0, b.Lengths[k]);
                        int c = codec.Encode(source, b.OutputBuffers[k], out b.ModelBits[k]);
                        b.Kinds[k] = c < source.Length ? KindCoded : KindStored;
                        b.Coded[k] = c;
                        b.Hashes[k] = XxHash64.HashToUInt64(source);
                        Array.Clear(b.Counts[k]);
                        ByteHistogram.Add(source, b.Counts[k]);
                    });
                    next++;
                }
                if (batch.InFlight == 0) break;
                // Write the oldest block once it is coded, while the others are.
                {
                    int k = batch.Finish();
                    int n = batch.Lengths[k];
                    var source = batch.InputBuffers[k].AsSpan(0, n);
                    int pos = 0;
                    Varint.Write((ulong)n, head, ref pos);
                    head[pos++] = batch.Kinds[k];
                    if (batch.Kinds[k] == KindCoded) Varint.Write((ulong)batch.Coded[k], head, ref pos);
                    output.Write(head[..pos]);
                    var payload = batch.Kinds[k] == KindCoded ? batch.OutputBuffers[k].AsSpan(0, batch.Coded[k]) : source;
                    output.Write(payload);
                    WriteHash(output, batch.Hashes[k]);
                    written += pos + payload.Length + HashLength;
                    whole.Append(source);
                    for (int s = 0; s < 256; s++) counts[s] += batch.Counts[k][s];
                    modelBits += batch.ModelBits[k];
                    original += n;
                    blocks++;
                }
            }
        }
        finally
        {
            batch.Return();
        }
        if (declared is long d && d != original)
            throw new IOException($"the input changed while it was read: it was {d} bytes long when compression started, {original} at the end.");
        output.WriteByte(0);
        WriteHash(output, whole.GetCurrentHashAsUInt64());
        written += 1 + HashLength;
        output.Flush();
        return new XentContainerSummary
        {
            InputBytes = original, OutputBytes = written, OriginalBytes = original, ContainerBytes = written, Blocks = blocks,
            Codec = codec.Id, BlockSize = blockSize, Threads = threads, ByteCounts = counts, ModelBits = modelBits,
        };
    }

    /// <summary>
    /// Decompresses one <c>.xent</c> container from <paramref name="input"/> into <paramref name="output"/>, checking every
    /// block's XXH64, the whole original's XXH64, the declared length, and that nothing follows the container.
    /// </summary>
    /// <param name="input">The container, read to its end.</param>
    /// <param name="output">Where the original goes.</param>
    /// <param name="maxDegreeOfParallelism">
    /// The most threads this may use: 1 (the default) runs on the calling thread, −1 means every core
    /// (<see cref="Environment.ProcessorCount"/>), and 0 or a value below −1 is rejected with <see cref="ArgumentOutOfRangeException"/>.
    /// The work is cut into equal contiguous chunks whose partial results are combined in chunk order, so the result is
    /// bit-identical from run to run for a given input and thread count.
    /// Here the chunks are the blocks, cut at multiples of the block size whatever the thread count and coded alone, so
    /// the bytes written are the same for every thread count.
    /// </param>
    /// <param name="cancellationToken">Checked before each block is read.</param>
    /// <returns>Sizes, blocks, threads, the byte counts of the original and what the codec's model paid for it.</returns>
    /// <exception cref="InvalidDataException">The input is not a .xent file, was made by a newer version, is truncated or
    /// corrupt; the message names the block and what is wrong. Blocks before the bad one may already have been written.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static XentContainerSummary Decompress(Stream input, Stream output, int maxDegreeOfParallelism = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ParallelChunks.CheckDegree(maxDegreeOfParallelism, nameof(maxDegreeOfParallelism));
        int threads = ParallelChunks.Threads(maxDegreeOfParallelism);
        var reader = new Reader(input);
        var (codec, blockSize, declared) = ReadHeader(reader);
        int bound = codec.MaxEncodedLength(blockSize);
        var batch = new Batch(threads, blockSize, bound, declared);
        var whole = new XxHash64();
        var counts = new long[256];
        double modelBits = 0;
        long original = 0, blocks = 0;
        bool shortBlock = false;
        try
        {
            bool end = false;
            long next = 0, pending = 0;
            while (true)
            {
                // Read ahead while a slot is free (its block written), and hand each block to the workers.
                while (!end && batch.InFlight < batch.Size)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    long index = next;
                    int k = batch.Slot(index);
                    string after = index == 0 ? "the header" : $"block {index - 1}";
                    ulong n = reader.Varint((ulong)blockSize, $"truncated after {after}", $"block {index}: its length is corrupt or larger than the block size {blockSize}");
                    if (n == 0) { end = true; break; }
                    if (shortBlock) Corrupt($"block {index} follows block {index - 1}, which was shorter than the block size {blockSize}");
                    if (declared is long dl && pending + (long)n > dl)
                        Corrupt($"block {index} goes past the original length {dl} the header declares");
                    int kind = reader.Byte($"truncated in block {index}");
                    if (kind is not (KindStored or KindCoded)) Corrupt($"block {index} has an unknown kind {kind}");
                    int c = kind == KindCoded
                        ? (int)reader.Varint((ulong)bound, $"truncated in block {index}", $"block {index}: its compressed length is corrupt (more than the codec's bound {bound})")
                        : (int)n;
                    batch.ReadPayload(k, c, reader, $"truncated in block {index}");
                    batch.Hashes[k] = reader.UInt64($"truncated in block {index}");
                    batch.Kinds[k] = (byte)kind;
                    batch.Coded[k] = c;
                    batch.Lengths[k] = (int)n;
                    batch.Index[k] = index;
                    shortBlock = (int)n < blockSize;
                    pending += (long)n;
                    next++;
                    batch.Start(k, b => DecodeBlock(codec, k, b));
                }
                if (batch.InFlight == 0) break;
                // Write the oldest block once it is decoded and checked, while the others are.
                {
                    int k = batch.Finish();
                    if (batch.Errors[k] is string error) Corrupt(error);
                    var decoded = batch.Kinds[k] == KindStored
                        ? batch.PayloadBuffers[k].AsSpan(0, batch.Lengths[k])
                        : batch.InputBuffers[k].AsSpan(0, batch.Lengths[k]);
                    output.Write(decoded);
                    whole.Append(decoded);
                    for (int s = 0; s < 256; s++) counts[s] += batch.Counts[k][s];
                    modelBits += batch.ModelBits[k];
                    original += decoded.Length;
                    blocks++;
                }
            }
        }
        finally
        {
            batch.Return();
        }
        ulong stored = reader.UInt64($"truncated after the end marker (after block {blocks - 1}): the checksum of the whole file is missing");
        if (declared is long d && d != original) Corrupt($"the header declares {d} original bytes but the blocks hold {original}");
        if (stored != whole.GetCurrentHashAsUInt64()) Corrupt("checksum mismatch of the whole file: the XXH64 of the decoded bytes differs from the stored one");
        if (reader.AtEnd() is false) Corrupt($"data follows the end of the container at byte {reader.Position}");
        output.Flush();
        return new XentContainerSummary
        {
            InputBytes = reader.Position, OutputBytes = original, OriginalBytes = original, ContainerBytes = reader.Position, Blocks = blocks,
            Codec = codec.Id, BlockSize = blockSize, Threads = threads, ByteCounts = counts, ModelBits = modelBits,
        };
    }

    // Decodes block k of the batch and checks its XXH64; a problem goes into b.Errors[k] (a message naming the block), for
    // the calling thread to raise once the blocks before it are written.
    private static void DecodeBlock(IBlockCodec codec, int k, Batch b)
    {
        int n = b.Lengths[k];
        var payload = b.PayloadBuffers[k].AsSpan(0, b.Coded[k]);
        ReadOnlySpan<byte> decoded;
        b.Errors[k] = null;
        b.ModelBits[k] = 0;
        if (b.Kinds[k] == KindStored) decoded = payload;
        else
        {
            var target = b.Original(k, n);
            var status = codec.TryDecode(payload, target, out int consumed, out int got, out b.ModelBits[k]);
            if (status != OperationStatus.Done || consumed != payload.Length || got != n)
            {
                if (status == OperationStatus.InvalidData && codec.NewerVersion(payload) is string newer)
                {
                    b.Errors[k] = $"block {b.Index[k]} {newer}: made by a newer version of Xent";
                    return;
                }
                b.Errors[k] = $"block {b.Index[k]} is corrupt: the {BlockCodecs.Name(codec.Id)} decoder " + (status switch
                {
                    OperationStatus.Done when consumed != payload.Length => $"used {consumed} of its {payload.Length} bytes",
                    OperationStatus.Done => $"gave {got} bytes, not {n}",
                    OperationStatus.NeedMoreData => "ran out of data",
                    OperationStatus.DestinationTooSmall => $"gave more than {n} bytes",
                    _ => "found invalid data",
                });
                return;
            }
            decoded = target;
        }
        if (XxHash64.HashToUInt64(decoded) != b.Hashes[k])
        {
            b.Errors[k] = $"checksum mismatch in block {b.Index[k]}: the XXH64 of its {n} decoded bytes differs from the stored one";
            return;
        }
        // A stored block records no model bits: what the codec's model would have paid for it is what the
        // encoder counted, so it is measured again (coding into the spare buffer), as compression reported it.
        if (b.Kinds[k] == KindStored) codec.Encode(decoded, b.OutputBuffers[k], out b.ModelBits[k]);
        Array.Clear(b.Counts[k]);
        ByteHistogram.Add(decoded, b.Counts[k]);
    }

    /// <summary>Compresses <paramref name="source"/> into a new array (see <see cref="Compress(Stream, Stream, XentContainerOptions?, CancellationToken)"/>).</summary>
    /// <param name="source">The original bytes, all of them in memory (so the header declares their length).</param>
    /// <param name="options">The codec, its level, the block size and the threads; null for the defaults of
    /// <see cref="XentContainerOptions"/>.</param>
    /// <returns>The whole container.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (block size, level, threads, codec).</exception>
    public static byte[] Compress(ReadOnlySpan<byte> source, XentContainerOptions? options = null)
    {
        var output = new MemoryStream();
        unsafe
        {
            fixed (byte* p = source)
            {
                using Stream input = source.IsEmpty ? new MemoryStream([]) : new UnmanagedMemoryStream(p, source.Length);
                Compress(input, output, options);
            }
        }
        return output.ToArray();
    }

    /// <summary>Decompresses a whole container held in <paramref name="source"/> into a new array.</summary>
    /// <param name="source">Exactly one container, nothing before or after it (trailing bytes are reported as corrupt input).</param>
    /// <param name="maxDegreeOfParallelism">
    /// The most threads this may use: 1 (the default) runs on the calling thread, −1 means every core
    /// (<see cref="Environment.ProcessorCount"/>), and 0 or a value below −1 is rejected with <see cref="ArgumentOutOfRangeException"/>.
    /// The work is cut into equal contiguous chunks whose partial results are combined in chunk order, so the result is
    /// bit-identical from run to run for a given input and thread count.
    /// Here the chunks are the blocks, decoded alone, so the bytes returned are the same for every thread count.
    /// </param>
    /// <returns>The original bytes, after every block's and the whole original's XXH64 matched.</returns>
    /// <exception cref="ArgumentOutOfRangeException">maxDegreeOfParallelism is 0 or below −1.</exception>
    /// <exception cref="InvalidDataException">As <see cref="Decompress(Stream, Stream, int, CancellationToken)"/>.</exception>
    public static byte[] Decompress(ReadOnlySpan<byte> source, int maxDegreeOfParallelism = 1)
    {
        var output = new MemoryStream();
        unsafe
        {
            fixed (byte* p = source)
            {
                using Stream input = source.IsEmpty ? new MemoryStream([]) : new UnmanagedMemoryStream(p, source.Length);
                Decompress(input, output, maxDegreeOfParallelism);
            }
        }
        return output.ToArray();
    }

    private static long WriteHeader(Stream output, IBlockCodec codec, int blockSize, long? declared)
    {
        var parameters = codec.Parameters;
        Span<byte> header = stackalloc byte[BinaryFormat.PreambleLength + 2 + 255 + 2 * Varint.MaxLength + BinaryFormat.ChecksumLength];
        BinaryFormat.WritePreamble(header, XentFormat.Container, Version);
        int pos = BinaryFormat.PreambleLength;
        header[pos++] = (byte)codec.Id;
        header[pos++] = (byte)parameters.Length;
        parameters.CopyTo(header[pos..]);
        pos += parameters.Length;
        Varint.Write((ulong)blockSize, header, ref pos);
        Varint.Write(declared is long d ? (ulong)d + 1 : 0, header, ref pos);
        pos += BinaryFormat.ChecksumLength;
        BinaryFormat.SealChecksum(header[..pos]);
        output.Write(header[..pos]);
        return pos;
    }

    private static (IBlockCodec Codec, int BlockSize, long? Declared) ReadHeader(Reader reader)
    {
        Span<byte> preamble = stackalloc byte[BinaryFormat.PreambleLength];
        int got = reader.UpTo(preamble);
        if (got == 0) Corrupt("not a .xent file: it is empty");
        if (got >= 4 && !preamble[..4].SequenceEqual(BinaryFormat.Magic(XentFormat.Container)) || got < 4 && !BinaryFormat.Magic(XentFormat.Container).StartsWith(preamble[..got]))
        {
            var other = BinaryFormat.Detect(preamble[..got]);
            Corrupt(other == XentFormat.Unknown
                ? "not a .xent file: it does not start with \"XENT\""
                : $"not a .xent file: this is a {BinaryFormat.Describe(other)}");
        }
        var (_, flags) = BinaryFormat.ReadPreamble(preamble[..got], XentFormat.Container, Version);
        if (flags != 0) Corrupt($"header flags 0x{flags:X2} are unknown to this build (format version {Version} defines none)");
        if (preamble[6] != 0 || preamble[7] != 0) Corrupt("the header's reserved bytes are not 0");
        reader.StartChecksum(preamble);
        byte id = reader.Byte("truncated in the header");
        int parameterLength = reader.Byte("truncated in the header");
        Span<byte> parameters = stackalloc byte[parameterLength];
        reader.Exactly(parameters, "truncated in the header");
        ulong blockSize = reader.Varint(XentContainerOptions.MaxBlockSize, "truncated in the header", $"the header's block size is corrupt or above {XentContainerOptions.MaxBlockSize}");
        ulong length = reader.Varint(long.MaxValue, "truncated in the header", "the header's original length is corrupt");
        uint crc = reader.StopChecksum();
        if (reader.UInt32("truncated in the header") != crc) Corrupt("the header is corrupt: its CRC-32 does not match");
        if (blockSize == 0) Corrupt("the header's block size is 0");
        if (!BlockCodecs.Knows(id)) Corrupt($"codec id {id} is unknown to this build (made by a newer version of Xent?)");
        var codec = BlockCodecs.Read(id, parameters) ?? Corrupt<IBlockCodec>($"the {BlockCodecs.Name((XentCodec)id)} codec's parameters ({Convert.ToHexString(parameters)}) are invalid");
        return (codec, (int)blockSize, length == 0 ? null : (long)length - 1);
    }

    private static void Corrupt(string message) => ThrowHelper.ThrowInvalidData($".xent: {message}.");

    private static T Corrupt<T>(string message)
    {
        Corrupt(message);
        return default!;
    }

    private static void WriteHash(Stream output, ulong hash)
    {
        Span<byte> bytes = stackalloc byte[HashLength];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, hash);
        output.Write(bytes);
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends; returns the bytes read.</summary>
    private static int ReadFull(Stream input, Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = input.Read(buffer[total..]);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    /// <summary>The input, read with the failure message of each truncation; counts its position and can CRC the header.</summary>
    private sealed class Reader(Stream stream)
    {
        private Crc32? _crc;

        public long Position { get; private set; }

        public int UpTo(Span<byte> buffer)
        {
            int n = ReadFull(stream, buffer);
            Position += n;
            _crc?.Append(buffer[..n]);
            return n;
        }

        public void Exactly(Span<byte> buffer, string truncated)
        {
            if (UpTo(buffer) != buffer.Length) Corrupt(truncated);
        }

        public byte Byte(string truncated)
        {
            Span<byte> one = stackalloc byte[1];
            Exactly(one, truncated);
            return one[0];
        }

        public ulong UInt64(string truncated)
        {
            Span<byte> bytes = stackalloc byte[8];
            Exactly(bytes, truncated);
            return BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        }

        public uint UInt32(string truncated)
        {
            Span<byte> bytes = stackalloc byte[4];
            Exactly(bytes, truncated);
            return BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        }

        /// <summary>A canonical varint of at most <paramref name="max"/>; truncation and an invalid one fail with the messages given.</summary>
        public ulong Varint(ulong max, string truncated, string invalid)
        {
            Span<byte> bytes = stackalloc byte[Coding.Varint.MaxLength];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = Byte(truncated);
                if (bytes[i] < 0x80)
                {
                    int pos = 0;
                    if (Coding.Varint.TryRead(bytes[..(i + 1)], ref pos, max, out ulong value) != OperationStatus.Done) Corrupt(invalid);
                    return value;
                }
            }
            Corrupt(invalid);
            return 0;
        }

        public bool AtEnd()
        {
            Span<byte> one = stackalloc byte[1];
            return ReadFull(stream, one) == 0;
        }

        public void StartChecksum(ReadOnlySpan<byte> already)
        {
            _crc = new Crc32();
            _crc.Append(already);
        }

        public uint StopChecksum()
        {
            uint value = _crc!.GetCurrentHashAsUInt32();
            _crc = null;
            return value;
        }
    }

    /// <summary>
    /// The blocks in flight, in slots reused in turn: with one thread a single slot, coded on the calling thread; with T
    /// threads 2T slots, so the calling thread reads blocks ahead and writes finished ones while T workers code the rest.
    /// Blocks are finished (handed back for writing) in the order they were started, so the output does not depend on which
    /// worker ran what. Buffers are rented on first use and returned at the end.
    /// </summary>
    private sealed class Batch
    {
        private readonly int _blockSize, _bound;
        private readonly long? _declared;
        private readonly TaskScheduler? _workers;                 // at most T blocks coded at once; null: the calling thread
        private readonly Queue<(int Slot, Task? Job)> _started = new();

        public Batch(int threads, int blockSize, int bound, long? declared)
        {
            Size = threads == 1 ? 1 : 2 * threads;
            if (threads > 1) _workers = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, threads).ConcurrentScheduler;
            _blockSize = blockSize;
            _bound = bound;
            _declared = declared;
            InputBuffers = new byte[]?[Size];
            OutputBuffers = new byte[]?[Size];
            PayloadBuffers = new byte[]?[Size];
            Lengths = new int[Size];
            Coded = new int[Size];
            Kinds = new byte[Size];
            Hashes = new ulong[Size];
            ModelBits = new double[Size];
            Errors = new string?[Size];
            Counts = new long[Size][];
            for (int k = 0; k < Size; k++) Counts[k] = new long[256];
            Index = new long[Size];
        }

        /// <summary>The slots: blocks started and not yet finished are at most this many.</summary>
        public int Size { get; }

        /// <summary>Blocks started and not yet finished.</summary>
        public int InFlight => _started.Count;

        /// <summary>The slot of block <paramref name="index"/> (free once block index − Size is finished).</summary>
        public int Slot(long index) => (int)(index % Size);

        /// <summary>Each slot's block number, for messages.</summary>
        public long[] Index { get; }
        public byte[]?[] InputBuffers { get; }
        public byte[]?[] OutputBuffers { get; }
        public byte[]?[] PayloadBuffers { get; }
        public int[] Lengths { get; }
        public int[] Coded { get; }
        public byte[] Kinds { get; }
        public ulong[] Hashes { get; }
        public double[] ModelBits { get; }
        public string?[] Errors { get; }
        public long[][] Counts { get; }

        /// <summary>Where to read block <paramref name="k"/>, which starts at <paramref name="offset"/> of the original: a block
        /// size, or when the length was declared one byte more than what is left (to notice an input that grew), so small
        /// inputs rent small buffers.</summary>
        public Span<byte> ReadTarget(int k, long offset)
        {
            long want = _blockSize;
            if (_declared is long d) want = Math.Clamp(d - Math.Min(d, offset) + 1, 1, _blockSize);
            return Original(k, (int)want);
        }

        /// <summary>The original bytes of block <paramref name="k"/>, <paramref name="length"/> of them.</summary>
        public Span<byte> Original(int k, int length) => (InputBuffers[k] = Rent(InputBuffers[k], length, _blockSize)).AsSpan(0, length);

        /// <summary>
        /// Reads a payload of <paramref name="length"/> bytes (at most the codec's bound for a block) into block
        /// <paramref name="k"/>'s buffer, which grows as the bytes arrive (from 64 KiB, doubling): a block header claiming a
        /// large payload in a truncated file costs only what the file holds.
        /// </summary>
        public void ReadPayload(int k, int length, Reader reader, string truncated)
        {
            int have = 0;
            while (have < length)
            {
                int step = (int)Math.Min(length, Math.Max(1L << 16, 2L * have));
                var current = PayloadBuffers[k];
                if (current is null || current.Length < step)
                {
                    var grown = ArrayPool<byte>.Shared.Rent(step);
                    if (current is not null)
                    {
                        current.AsSpan(0, have).CopyTo(grown);
                        ArrayPool<byte>.Shared.Return(current);
                    }
                    PayloadBuffers[k] = current = grown;
                }
                reader.Exactly(current.AsSpan(have, step - have), truncated);
                have = step;
            }
        }

        /// <summary>Codes the block in slot <paramref name="k"/> with <paramref name="work"/>: at once on the calling thread with
        /// one thread, otherwise on a worker (its output buffer is rented here, on the calling thread).</summary>
        public void Start(int k, Action<Batch> work)
        {
            OutputBuffers[k] = Rent(OutputBuffers[k], _bound, _bound);
            if (_workers is null)
            {
                work(this);
                _started.Enqueue((k, null));
                return;
            }
            _started.Enqueue((k, Task.Factory.StartNew(() => work(this), CancellationToken.None, TaskCreationOptions.DenyChildAttach, _workers)));
        }

        /// <summary>Waits for the oldest block started and returns its slot; an exception its work threw is thrown here.</summary>
        public int Finish()
        {
            var (k, job) = _started.Dequeue();
            job?.GetAwaiter().GetResult();
            return k;
        }

        private static byte[] Rent(byte[]? current, int length, int cap)
        {
            if (current is not null && current.Length >= length) return current;
            if (current is not null) ArrayPool<byte>.Shared.Return(current);
            // Grow geometrically up to the cap, so a stream of growing needs rents few times.
            int size = (int)Math.Min(cap, Math.Max(length, current is null ? length : 2L * current.Length));
            return ArrayPool<byte>.Shared.Rent(size);
        }

        /// <summary>Waits for every block still being coded (after an error or a cancellation: their exceptions are not
        /// wanted), then returns the buffers.</summary>
        public void Return()
        {
            while (_started.Count > 0)
                _started.Dequeue().Job?.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
            foreach (var buffers in new[] { InputBuffers, OutputBuffers, PayloadBuffers })
                for (int k = 0; k < buffers.Length; k++)
                {
                    if (buffers[k] is byte[] b) ArrayPool<byte>.Shared.Return(b);
                    buffers[k] = null;
                }
        }
    }
}
