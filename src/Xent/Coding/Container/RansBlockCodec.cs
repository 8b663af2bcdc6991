using System.Buffers;

namespace Xent.Coding;

/// <summary>
/// <see cref="RansStream"/> as a container codec, order 0 (<see cref="XentCodec.Rans"/>) or order 1
/// (<see cref="XentCodec.Rans1"/>). Parameter byte: the precision P, 8 … 16 bits (level 1 → 12, each level one bit more, up
/// to 16 at level 5). The model is the block's own quantized frequency tables, q(s | c) = f(s | c) / 2^P, and the model bits
/// are Σ count(c, s)·−log2 q(s | c) (<see cref="FrequencyTable.CodeLength(ReadOnlySpan{long})"/>).
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
        _precision = precision;
    }

    public const int MaxLevel = RansStream.MaxPrecision - RansStream.DefaultPrecision + 1;

    /// <summary>Level 1 → the default 12-bit precision, each level one bit more.</summary>
    public static RansBlockCodec ForLevel(int order, int level) => new(order, RansStream.DefaultPrecision + level - 1);

    /// <summary>The codec stored as <paramref name="parameters"/>, or null when they are not one valid byte.</summary>
    public static RansBlockCodec? FromParameters(int order, ReadOnlySpan<byte> parameters) =>
        parameters.Length == 1 && parameters[0] >= RansStream.MinPrecision && parameters[0] <= RansStream.MaxPrecision
            ? new RansBlockCodec(order, parameters[0]) : null;

    public XentCodec Id => _order == 0 ? XentCodec.Rans : XentCodec.Rans1;

    public byte[] Parameters => [(byte)_precision];

    public int MaxEncodedLength(int length) => RansStream.MaxEncodedLength(length, _order);

    public int Encode(ReadOnlySpan<byte> source, Span<byte> destination, out double modelBits)
    {
        int written = RansStream.Encode(source, destination, _order, _precision);
        modelBits = RansStream.ModelBits(source, _order, _precision);
        return written;
    }

    public OperationStatus TryDecode(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesConsumed, out int bytesWritten, out double modelBits)
    {
        modelBits = 0;
        var status = RansStream.TryDecode(source, destination, out bytesConsumed, out bytesWritten);
        if (status == OperationStatus.Done) modelBits = RansStream.ModelBits(source, destination[..bytesWritten]);
        return status;
    }
}
