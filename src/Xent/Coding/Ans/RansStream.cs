using System.Buffers;

namespace Xent.Coding;

/// <summary>
/// Static rANS (range asymmetric numeral systems) for bytes, order 0 or order 1: a block is coded with frequency tables
/// quantized once from its own counts (<see cref="FrequencyTable.Quantize(ReadOnlySpan{long}, int, bool)"/>, the table of
/// least added cross-entropy) and stored in its header, so it decodes on its own. The format is in
/// docs/formats/rans-block.md.
/// </summary>
/// <remarks>
/// <para><b>What is coded.</b> Order 0 models every byte with one table q(s); order 1 with one table q(s | previous byte) per
/// context that occurs. An ideal coder spends −log2 q bits per symbol; rANS spends that plus a few bytes of final state per
/// lane, so a block costs its table header, 4 bytes per lane, and about n·H(P, Q)/8 bytes.</para>
/// <para><b>How.</b> 32 rANS states of 32 bits (x ∈ [2^16, 2^32)) with 16-bit renormalization, interleaved as in htscodecs'
/// rANS32x16: order 0 codes byte i with lane i mod 32; order 1 splits the block into 32 segments, lane z coding segment z
/// (the first byte of each segment has context 0). rANS is a stack: the encoder runs from the last symbol to the first,
/// pushing 16-bit words downwards, and the decoder runs forward, so decoded symbols come out in order and the words are
/// read forwards. Decoding uses a table of 2^P slots (slot → symbol, frequency, offset). With AVX-512 (RansStream.Vector.cs)
/// the 32 lanes are two 16-lane vectors (four 8-lane vectors in the order-0 decoder, whose speed is the latency of each
/// lane's gather-to-gather chain): table entries come from AVX2 gathers, the encoder divides in double precision
/// (exact for 32-bit states) and packs its words with a compress, the decoder refills lanes with an expand; order 1 gathers
/// each lane's bytes once per three rounds when encoding and writes four rounds of symbols at a time when decoding. Without
/// AVX-512 the order-0 decoder takes 8-lane AVX2 vectors and everything else a scalar loop; every path writes the same
/// bytes.</para>
/// <para>Encoding is exact integer arithmetic (the scalar loop turns x / f into a multiplication by a 64-bit reciprocal, the
/// vector kernels divide in double precision, which is exact here); decoding corrupt
/// or truncated input is an expected outcome: <c>TryDecode</c> returns <see cref="OperationStatus.InvalidData"/> or
/// <see cref="OperationStatus.NeedMoreData"/>, never reads outside the input, and checks that every lane ends in the encoder's
/// initial state and that every word was consumed, so a corrupt block is almost always caught even without a checksum.</para>
/// </remarks>
public static partial class RansStream
{
    /// <summary>The base precision: frequencies sum to 2^12, a 4096-entry decoding table per context. Order 1 codes at it
    /// when the precision is <see cref="AutoPrecision"/>; order 0 starts from it.</summary>
    public const int DefaultPrecision = 12;

    /// <summary>
    /// The precision argument that lets each block choose (the default of <see cref="Encode(ReadOnlySpan{byte}, Span{byte}, int, int)"/>):
    /// order 0 takes the smallest P in 12 … 14 whose quantized table codes the block within 0.09 % of its order-0 entropy
    /// n·H₀ (the 0.1 % of the size bound less room for the coder's own overhead), or else the P in that range of the
    /// smallest estimated block (payload plus table); order 1 takes <see cref="DefaultPrecision"/>. The block header records
    /// the P chosen.
    /// </summary>
    /// <remarks>Rare bytes are what P = 12 overpays for: a byte rarer than 2^−12 still costs 12 bits. Text's order-0 block
    /// needs P = 13 (0.4 % above n·H₀ at 12, 0.07 % at 13); a table whose frequencies all stay ≤ 2^12 (no byte more likely
    /// than 2^(12 − P)) still decodes from one 32-bit entry per slot, as fast as at P = 12.</remarks>
    public const int AutoPrecision = 0;

    /// <summary>The lowest precision order 0 chooses under <see cref="AutoPrecision"/>: 12.</summary>
    public const int AutoMinPrecision = DefaultPrecision;

    /// <summary>The highest precision order 0 chooses under <see cref="AutoPrecision"/>: 14 (a 64 KiB decoding table, the
    /// most that stays near L1 for the decoder's gathers).</summary>
    public const int AutoMaxPrecision = 14;

    /// <summary>The model's relative excess over n·H₀ that <see cref="AutoPrecision"/> accepts: 0.09 %.</summary>
    internal const double AutoTolerance = 0.0009;

    /// <summary>The lowest precision: 8 bits (every byte value can still have frequency ≥ 1).</summary>
    public const int MinPrecision = 8;

    /// <summary>The highest precision: 16 bits (a 16-bit renormalization of 32-bit states allows no more).</summary>
    public const int MaxPrecision = 16;

    /// <summary>Interleaved rANS states.</summary>
    internal const int Lanes = 32;

    /// <summary>L, the lower end of a state's interval [L, 2^32).</summary>
    internal const uint StateLow = 1u << 16;

    /// <summary>
    /// The state lane <paramref name="lane"/> of a block of <paramref name="length"/> bytes starts in (and a decoder must end
    /// in): L + the top 16 bits of (32·n + z + 1)·0x9E3779B1 mod 2^32, a value in [2^16, 2^17). Any state in [L, 2L) costs
    /// the same; tying it to n means a block whose length field was altered fails this check even where the extra or missing
    /// symbols cost 0 bits (a context where one byte has probability 1).
    /// </summary>
    internal static uint InitialState(int length, int lane) => StateLow | ((uint)(32 * length + lane + 1) * 0x9E3779B1u) >> 16;

    /// <summary>The flag bit for order 1 in the first header byte; the other bits are 0.</summary>
    private const byte Order1Flag = 1;

    /// <summary>The largest serialized <see cref="FrequencyTable"/> of 256 symbols with P ≤ 16: P, K = 256 (2 bytes), 256
    /// frequencies of at most 3 bytes.</summary>
    private const int MaxTableLength = 1 + 2 + 256 * 3;

    /// <summary>Flags, P, and two varints of at most 5 bytes (n and the word count, both below 2^32).</summary>
    private const int MaxFixedHeader = 1 + 1 + 5 + 5;

    /// <summary>The bitmap of order-1 contexts: 256 bits.</summary>
    private const int ContextBitmapLength = 32;

    /// <summary>
    /// An upper bound on the encoded size, in bytes, of <paramref name="count"/> bytes coded with order
    /// <paramref name="order"/>: the destination size <see cref="Encode(ReadOnlySpan{byte}, Span{byte}, int, int)"/> needs (it also uses the room as scratch).
    /// </summary>
    /// <remarks>At most one 16-bit word is emitted per symbol, so the bound is the largest header, 4 bytes per lane and
    /// 2 bytes per symbol.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">count &lt; 0, order is not 0 or 1, or the bound exceeds
    /// <see cref="int.MaxValue"/>.</exception>
    /// <param name="count">The number of bytes to encode (≥ 0).</param>
    /// <param name="order">0 (one frequency table) or 1 (one per previous byte).</param>
    public static int MaxEncodedLength(int count, int order)
    {
        if (count < 0) ThrowHelper.ThrowArgumentOutOfRange(nameof(count), count, "the byte count must be ≥ 0");
        CheckOrder(order);
        long tables = order == 0 ? MaxTableLength : ContextBitmapLength + (long)Math.Min(256, count) * MaxTableLength;
        long total = MaxFixedHeader + tables + 4L * Lanes + 2L * count;
        if (total > int.MaxValue) ThrowHelper.ThrowArgumentOutOfRange(nameof(count), count, "the encoded size would exceed 2^31 − 1 bytes");
        return (int)total;
    }

    /// <summary>
    /// Encodes <paramref name="source"/> into <paramref name="destination"/> as one self-contained block with order
    /// <paramref name="order"/> (0: one table; 1: one table per previous byte) at precision
    /// <paramref name="precisionBits"/>, and returns the number of bytes written.
    /// </summary>
    /// <remarks>The payload is about −Σ log2 q(xᵢ | context) / 8 bytes, the counts' cross-entropy under the quantized tables
    /// (order 0 at the default <see cref="AutoPrecision"/>: within 0.1 % of n·H₀/8 on all but small blocks). The empty input is 3 bytes. Deterministic: the
    /// same input and settings give the same bytes on every machine.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">order is not 0 or 1, or precisionBits is neither 0 nor in 8 … 16.</exception>
    /// <exception cref="ArgumentException">destination is shorter than <see cref="MaxEncodedLength"/>(source.Length, order).</exception>
    /// <param name="source">The bytes to encode (any length, including empty).</param>
    /// <param name="destination">Where the block is written; at least MaxEncodedLength(source.Length, order) bytes (also used as scratch).</param>
    /// <param name="order">0 (one frequency table) or 1 (one table per previous byte).</param>
    /// <param name="precisionBits">P, the frequency tables' precision: they sum to 2^P (8 … 16), or <see cref="AutoPrecision"/> (0, the default) to choose it per block. Higher costs less per symbol and more table memory to decode.</param>
    public static int Encode(ReadOnlySpan<byte> source, Span<byte> destination, int order, int precisionBits = AutoPrecision)
        => EncodeCore(source, destination, order, precisionBits, out _);

    /// <summary>Encodes as <see cref="Encode(ReadOnlySpan{byte}, Span{byte}, int, int)"/>, and returns in
    /// <paramref name="modelBits"/> what the block's quantized tables pay for the data, Σ −log2(f(x | c) / 2^P) in bits —
    /// from the counts and tables the encoder builds anyway (<see cref="ModelBits(ReadOnlySpan{byte}, int, int)"/> computes
    /// the same sum by counting and quantizing again).</summary>
    internal static int EncodeCore(ReadOnlySpan<byte> source, Span<byte> destination, int order, int precisionBits, out double modelBits)
    {
        CheckOrder(order);
        CheckPrecision(precisionBits);
        int needed = MaxEncodedLength(source.Length, order);
        if (destination.Length < needed) ThrowHelper.ThrowDestinationTooShort(nameof(destination), needed, destination.Length);
        return order == 0 ? EncodeOrder0(source, destination, precisionBits, out modelBits) : EncodeOrder1(source, destination, precisionBits, out modelBits);
    }

    /// <summary>Encodes <paramref name="source"/> into a new array of exactly the encoded size.</summary>
    /// <exception cref="ArgumentOutOfRangeException">order is not 0 or 1, or precisionBits is neither 0 nor in 8 … 16.</exception>
    /// <param name="source">The bytes to encode (any length, including empty).</param>
    /// <param name="order">0 (one frequency table) or 1 (one table per previous byte).</param>
    /// <param name="precisionBits">P, the frequency tables' precision (8 … 16), or <see cref="AutoPrecision"/> (0, the default) to choose it per block.</param>
    public static byte[] Encode(ReadOnlySpan<byte> source, int order, int precisionBits = AutoPrecision)
    {
        CheckOrder(order);
        CheckPrecision(precisionBits);
        var buffer = new byte[MaxEncodedLength(source.Length, order)];
        return buffer.AsSpan(0, Encode(source, buffer, order, precisionBits)).ToArray();
    }

    /// <summary>
    /// Reads only the start of the header: the number of bytes the block decodes to. <see cref="OperationStatus.NeedMoreData"/>
    /// or <see cref="OperationStatus.InvalidData"/> (with <paramref name="length"/> 0) when that part is truncated or corrupt.
    /// </summary>
    /// <param name="source">One encoded block, starting at its first byte; bytes after the block are not read.</param>
    /// <param name="length">The number of bytes the block decodes to, or 0 when the status is not Done.</param>
    public static OperationStatus TryGetDecodedLength(ReadOnlySpan<byte> source, out int length)
    {
        var status = ReadPrefix(source, out _, out _, out length, out _);
        if (status != OperationStatus.Done) length = 0;
        return status;
    }

    /// <summary>
    /// Decodes a whole block into a new array, refusing a block that claims more than <paramref name="maxLength"/> bytes
    /// before allocating anything. (A block's size does not bound its decoded length: a block of one repeated byte, or of a
    /// sequence where every byte determines the next, costs 0 bits per symbol; the caller knows how much it expects.)
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">maxLength &lt; 0.</exception>
    /// <exception cref="InvalidDataException">The input is truncated, corrupt, claims more than maxLength bytes, or has bytes
    /// after the block.</exception>
    /// <param name="source">One encoded block, exactly (trailing bytes are an error).</param>
    /// <param name="maxLength">The most bytes the caller accepts (≥ 0); a block claiming more is refused before any allocation.</param>
    public static byte[] Decode(ReadOnlySpan<byte> source, int maxLength) =>
        BlockDecoding.DecodeWhole("rANS", source, maxLength, TryGetDecodedLength, TryDecode);


    private static void CheckOrder(int order)
    {
        if (order is not (0 or 1)) ThrowHelper.ThrowArgumentOutOfRange(nameof(order), order, "the order must be 0 or 1");
    }

    private static void CheckPrecision(int precisionBits)
    {
        if (precisionBits != AutoPrecision && (precisionBits < MinPrecision || precisionBits > MaxPrecision))
            ThrowHelper.ThrowArgumentOutOfRange(nameof(precisionBits), precisionBits, $"the precision must be {AutoPrecision} (chosen per block) or {MinPrecision} … {MaxPrecision} bits");
    }

    /// <summary>
    /// Reads flags, P and n; <paramref name="position"/> is then just past them.
    /// </summary>
    private static OperationStatus ReadPrefix(ReadOnlySpan<byte> source, out int order, out int precision, out int length, out int position)
    {
        order = precision = length = position = 0;
        if (source.Length < 2) return OperationStatus.NeedMoreData;
        byte flags = source[0];
        if ((flags & ~Order1Flag) != 0) return OperationStatus.InvalidData;
        order = flags & Order1Flag;
        precision = source[1];
        if (precision < MinPrecision || precision > MaxPrecision) return OperationStatus.InvalidData;
        int pos = 2;
        var status = Varint.TryRead(source, ref pos, int.MaxValue, out ulong n);
        if (status != OperationStatus.Done) return status;
        length = (int)n;
        position = pos;
        return OperationStatus.Done;
    }
}
