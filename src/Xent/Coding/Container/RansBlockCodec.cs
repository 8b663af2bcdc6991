using System.Buffers;

namespace Xent.Coding;

/// <summary>
/// <see cref="RansStream"/> as a container codec, order 0 (<see cref="XentCodec.Rans"/>) or order 1
/// (<see cref="XentCodec.Rans1"/>). Parameter byte: the precision P, 8 … 16 bits (level 1 → 12, each level one bit more, up
/// to 16 at level 5). At 12, order 0 lets each block raise its own P to 13 or 14 (<see cref="RansStream.AutoPrecision"/>:
/// within 0.1 % of n·H₀); every block's header states the P it was coded at, which is all the decoder reads, so files of
/// either kind decode on builds before and after. The model is the block's own quantized frequency tables,
/// q(s | c) = f(s | c) / 2^P, and the model bits are Σ count(c, s)·−log2 q(s | c)
/// (<see cref="FrequencyTable.CodeLength(ReadOnlySpan{long})"/>).
/// </summary>
internal sealed class RansBlockCodec : IBlockCodec
{
    private readonly int _order;
    private readonly int _precision;

    public RansBlockCodec(int order, int precision)
    {
        if (order is not (0 or 1)) ThrowHelper.ThrowArgumentOutOfRange(nameof(order), order, "the rANS codec's order must be 0 or 1");
        if (precision < RansStream.MinPrecision || precision > RansStream.MaxPrecision)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(precision), precision, $"the rANS codec's precision must be {RansStream.MinPrecision} … {RansStream.MaxPrecision} bits");
        _order = order;
        _precision = order == 0 && precision == RansStream.DefaultPrecision ? RansStream.AutoPrecision : precision;
    }

    public const int MaxLevel = RansStream.MaxPrecision - RansStream.DefaultPrecision + 1;

    /// <summary>Level 1 → the default 12-bit precision, each level one bit more.</summary>
    public static RansBlockCodec ForLevel(int order, int level) => new(order, RansStream.DefaultPrecision + level - 1);

    /// <summary>The codec stored as <paramref name="parameters"/>, or null when they are not one valid byte.</summary>
    public static RansBlockCodec? FromParameters(int order, ReadOnlySpan<byte> parameters) =>
        parameters.Length == 1 && parameters[0] >= RansStream.MinPrecision && parameters[0] <= RansStream.MaxPrecision
            ? new RansBlockCodec(order, parameters[0]) : null;

    public XentCodec Id => _order == 0 ? XentCodec.Rans : XentCodec.Rans1;

    public byte[] Parameters => [(byte)(_precision == RansStream.AutoPrecision ? RansStream.DefaultPrecision : _precision)];

    public int MaxEncodedLength(int length) => RansStream.MaxEncodedLength(length, _order);

    // The model bits come from the tables the encoder quantizes anyway (counting and quantizing a second time for them took
    // about as long as coding the block).
    public int Encode(ReadOnlySpan<byte> source, Span<byte> destination, out double modelBits) =>
        RansStream.EncodeCore(source, destination, _order, _precision, out modelBits);

    /// <summary>−log2(f(xᵢ | c) / 2^P) under the block's tables, quantized from its counts as docs/formats/rans-block.md
    /// specifies: order 1 takes the previous byte as context, except the first byte of each of the 32 lane segments (context
    /// 0). A test checks the sum against <see cref="Encode"/>'s model bits.</summary>
    public void CodeLengths(ReadOnlySpan<byte> source, Span<double> destination)
    {
        if (source.IsEmpty) return;
        int contexts = _order == 0 ? 1 : 256;
        var counts = new long[contexts * 256];
        int segment = _order == 0 || source.Length < 32 ? source.Length : source.Length / 32;
        for (int i = 0; i < source.Length; i++) counts[Context(source, i, segment) << 8 | source[i]]++;
        var tables = new FrequencyTable?[contexts];
        for (int c = 0; c < contexts; c++)
        {
            var row = counts.AsSpan(c << 8, 256);
            if (row.ContainsAnyExcept(0L))
                tables[c] = _order == 0 ? RansStream.Order0Table(row, _precision) : FrequencyTable.Quantize(row, _precision);
        }
        for (int i = 0; i < source.Length; i++) destination[i] = tables[Context(source, i, segment)]!.CodeLength(source[i]);
    }

    /// <summary>The order-1 context of byte i: the byte before, 0 at the start of a lane segment (segments of
    /// <paramref name="segment"/> bytes; the last lane takes the remainder); 0 at order 0.</summary>
    private int Context(ReadOnlySpan<byte> source, int i, int segment)
    {
        if (_order == 0) return 0;
        bool segmentStart = i < 32 * segment && i % segment == 0;
        return segmentStart ? 0 : source[i - 1];
    }

    public OperationStatus TryDecode(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesConsumed, out int bytesWritten, out double modelBits)
    {
        return RansStream.TryDecodeCore(source, destination, out bytesConsumed, out bytesWritten, countBits: true, out modelBits);
    }
}
