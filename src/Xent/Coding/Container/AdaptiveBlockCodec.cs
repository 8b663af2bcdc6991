using System.Buffers;

namespace Xent.Coding;

/// <summary>
/// <see cref="AdaptiveStream"/> with the adaptive order-2 byte model as a container codec (<see cref="XentCodec.Order2"/>).
/// Parameter byte: the order, 2 (the one order registered; the byte keeps the header self-describing). The model bits are
/// the model's cross-entropy on the block, Σ −log2 q(xᵢ | xᵢ₋₂xᵢ₋₁) (<see cref="AdaptiveStream.CodeLength"/>).
/// </summary>
internal sealed class AdaptiveBlockCodec : IBlockCodec
{
    public const int Order = 2;

    public const int MaxLevel = 1;

    public static AdaptiveBlockCodec Instance { get; } = new();

    /// <summary>The codec stored as <paramref name="parameters"/>, or null when they are not the one byte 2.</summary>
    public static AdaptiveBlockCodec? FromParameters(ReadOnlySpan<byte> parameters) =>
        parameters.Length == 1 && parameters[0] == Order ? Instance : null;

    public XentCodec Id => XentCodec.Order2;

    public byte[] Parameters => [Order];

    public int MaxEncodedLength(int length) => AdaptiveStream.MaxEncodedLength(length);

    public int Encode(ReadOnlySpan<byte> source, Span<byte> destination, out double modelBits) =>
        AdaptiveStream.EncodeCore(source, destination, Order, out modelBits);

    public void CodeLengths(ReadOnlySpan<byte> source, Span<double> destination) => AdaptiveStream.CodeLength(source, Order, destination);

    public OperationStatus TryDecode(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesConsumed, out int bytesWritten, out double modelBits)
    {
        modelBits = 0;
        var status = AdaptiveStream.TryDecode(source, destination, out bytesConsumed, out bytesWritten);
        if (status == OperationStatus.Done) modelBits = AdaptiveStream.CodeLength(destination[..bytesWritten], Order).Value;
        return status;
    }
}
