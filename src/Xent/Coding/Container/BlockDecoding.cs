using System.Buffers;

namespace Xent.Coding;

/// <summary>
/// The one "decode a whole block into a new array" of the block codecs (<see cref="RansStream"/>, <see cref="AdaptiveStream"/>,
/// <see cref="CmStream"/>): the declared length is checked against a limit before anything is allocated — a block of a few
/// bytes may honestly decode to gigabytes (a run of one byte costs almost nothing), so only the caller can say how much
/// is expected — then the block is decoded, and bytes after it are an error.
/// </summary>
internal static class BlockDecoding
{
    /// <summary>The default limit of a whole-block decode: 2^26 bytes (64 MiB), as <see cref="HuffmanStream.DefaultMaxDecodedSymbols"/>.</summary>
    public const int DefaultMaxLength = 1 << 26;

    public delegate OperationStatus TryGetLength(ReadOnlySpan<byte> source, out int length);

    public delegate OperationStatus TryDecodeBlock(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesConsumed, out int bytesWritten);

    /// <exception cref="ArgumentOutOfRangeException">maxLength is negative.</exception>
    /// <exception cref="InvalidDataException">The block is truncated or corrupt, claims more than <paramref name="maxLength"/>
    /// bytes, or is followed by other bytes; the message names <paramref name="codec"/>.</exception>
    public static byte[] DecodeWhole(string codec, ReadOnlySpan<byte> source, int maxLength, TryGetLength tryGetLength, TryDecodeBlock tryDecode)
    {
        if (maxLength < 0) ThrowHelper.ThrowArgumentOutOfRange(nameof(maxLength), maxLength, "the length limit must be ≥ 0");
        var status = tryGetLength(source, out int length);
        if (status != OperationStatus.Done) throw Invalid(codec, status);
        if (length > maxLength) ThrowHelper.ThrowInvalidData($"{codec} block claims {length} decoded bytes; at most {maxLength} were expected.");
        var result = new byte[length];
        status = tryDecode(source, result, out int consumed, out _);
        if (status != OperationStatus.Done) throw Invalid(codec, status);
        if (consumed != source.Length) ThrowHelper.ThrowInvalidData($"{codec} block: {source.Length - consumed} bytes follow the end of the block.");
        return result;
    }

    /// <summary>The exception for a failed decode: "rANS block: the input is truncated." or "… is corrupt.".</summary>
    public static InvalidDataException Invalid(string codec, OperationStatus status) => new(status switch
    {
        OperationStatus.NeedMoreData => $"{codec} block: the input is truncated.",
        _ => $"{codec} block: the input is corrupt.",
    });
}
