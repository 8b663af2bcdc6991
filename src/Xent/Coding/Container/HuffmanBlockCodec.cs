using System.Buffers;
using Xent.Estimation;

namespace Xent.Coding;

/// <summary>
/// <see cref="HuffmanStream"/> as a container codec. Parameter byte: the longest codeword in bits, 8 … 15 (8 is the least
/// that can code all 256 byte values). The model is the block's own Huffman code, q(s) = 2^−length(s).
/// </summary>
internal sealed class HuffmanBlockCodec : IBlockCodec
{
    public const int MinMaxLength = 8;

    private readonly int _maxLength;

    public HuffmanBlockCodec(int maxLength)
    {
        if (maxLength < MinMaxLength || maxLength > HuffmanStream.MaxCodeLength)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(maxLength), maxLength, $"the Huffman codec's longest codeword must be {MinMaxLength} … {HuffmanStream.MaxCodeLength} bits");
        _maxLength = maxLength;
    }

    /// <summary>Level 1 → 11-bit codewords (the fast decoding table), each level one bit more, up to 15 at level 5.</summary>
    public static HuffmanBlockCodec ForLevel(int level) => new(HuffmanStream.DefaultMaxLength + level - 1);

    public const int MaxLevel = HuffmanStream.MaxCodeLength - HuffmanStream.DefaultMaxLength + 1;

    /// <summary>The codec stored as <paramref name="parameters"/>, or null when they are not one valid byte.</summary>
    public static HuffmanBlockCodec? FromParameters(ReadOnlySpan<byte> parameters) =>
        parameters.Length == 1 && parameters[0] >= MinMaxLength && parameters[0] <= HuffmanStream.MaxCodeLength
            ? new HuffmanBlockCodec(parameters[0]) : null;

    public XentCodec Id => XentCodec.Huffman;

    public byte[] Parameters => [(byte)_maxLength];

    public int MaxEncodedLength(int length) => HuffmanStream.MaxEncodedLength(length, 256, _maxLength);

    public int Encode(ReadOnlySpan<byte> source, Span<byte> destination, out double modelBits)
    {
        int written = HuffmanStream.Encode(source, destination, _maxLength);
        modelBits = ModelBits(destination[..written], source);
        return written;
    }

    public void CodeLengths(ReadOnlySpan<byte> source, Span<double> destination)
    {
        var encoded = ArrayPool<byte>.Shared.Rent(MaxEncodedLength(source.Length));
        try
        {
            Span<int> lengths = stackalloc int[256];
            int written = HuffmanStream.Encode(source, encoded, _maxLength);
            HuffmanStream.TryGetCodeLengths(encoded.AsSpan(0, written), lengths, out _);
            for (int i = 0; i < source.Length; i++) destination[i] = lengths[source[i]];
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(encoded);
        }
    }

    public OperationStatus TryDecode(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesConsumed, out int bytesWritten, out double modelBits)
    {
        modelBits = 0;
        var status = HuffmanStream.TryDecode(source, destination, out bytesConsumed, out bytesWritten);
        if (status == OperationStatus.Done) modelBits = ModelBits(source, destination[..bytesWritten]);
        return status;
    }

    /// <summary>Σ count(s)·length(s): the bits of the four streams before padding.</summary>
    private static double ModelBits(ReadOnlySpan<byte> encoded, ReadOnlySpan<byte> message)
    {
        Span<int> lengths = stackalloc int[256];
        if (HuffmanStream.TryGetCodeLengths(encoded, lengths, out _) != OperationStatus.Done) return 0;
        Span<long> counts = stackalloc long[256];
        counts.Clear();
        ByteHistogram.Add(message, counts);
        long bits = 0;
        for (int s = 0; s < 256; s++) bits += counts[s] * lengths[s];
        return bits;
    }
}
