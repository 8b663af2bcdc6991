using System.Buffers.Binary;
using System.IO.Hashing;

namespace Xent;

/// <summary>The binary formats Xent writes, told apart by their first four bytes (see <see cref="BinaryFormat.Detect"/>).</summary>
public enum XentFormat
{
    /// <summary>Not a Xent format, or too short to tell.</summary>
    Unknown = 0,

    /// <summary>Count tables (<c>Xent.Estimation</c>): magic "XCNT".</summary>
    CountTable,

    /// <summary>The compressed-file container (<c>Xent.Coding.XentContainer</c>): magic "XENT".</summary>
    Container,
}

/// <summary>
/// The one convention every Xent binary file format follows (docs/formats/README.md): an 8-byte preamble
/// <c>magic[4] | version u8 | flags u8 | reserved u16 = 0</c>, a body whose integers are little-endian, and a CRC-32
/// (IEEE 802.3, as zlib's and <see cref="Crc32"/>) over every byte before it, stored little-endian as the last four bytes of
/// each checked unit. Block formats that live inside another format (a Huffman block inside a container) carry no preamble:
/// the enclosing format's preamble and checksum cover them.
/// </summary>
/// <remarks>Readers reject a wrong magic, a version they do not know, non-zero flags they do not know, a bad checksum and
/// truncation with <see cref="InvalidDataException"/> naming which; they never guess.</remarks>
public static class BinaryFormat
{
    /// <summary>The size of the preamble every format starts with: 8 bytes.</summary>
    public const int PreambleLength = 8;

    /// <summary>The size of a checksum: 4 bytes (CRC-32).</summary>
    public const int ChecksumLength = 4;

    /// <summary>The format whose magic <paramref name="start"/> begins with; <see cref="XentFormat.Unknown"/> when none
    /// matches or fewer than 4 bytes are given. Reads nothing past the magic.</summary>
    /// <param name="start">The first bytes of a file (4 are enough; more are ignored).</param>
    public static XentFormat Detect(ReadOnlySpan<byte> start)
    {
        if (start.Length < 4) return XentFormat.Unknown;
        foreach (var format in Enum.GetValues<XentFormat>())
            if (format != XentFormat.Unknown && start[..4].SequenceEqual(Magic(format))) return format;
        return XentFormat.Unknown;
    }

    /// <summary>The four magic bytes of <paramref name="format"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">format is <see cref="XentFormat.Unknown"/> or not a defined value.</exception>
    /// <param name="format">A known format (not Unknown).</param>
    public static ReadOnlySpan<byte> Magic(XentFormat format) => format switch
    {
        XentFormat.CountTable => "XCNT"u8,
        XentFormat.Container => "XENT"u8,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a Xent format"),
    };

    /// <summary>A short name for messages: "count table".</summary>
    internal static string Describe(XentFormat format) => format switch
    {
        XentFormat.CountTable => "count table",
        XentFormat.Container => ".xent file",
        _ => "Xent data",
    };

    /// <summary>Writes the 8-byte preamble of <paramref name="format"/> at the start of <paramref name="destination"/>.</summary>
    internal static void WritePreamble(Span<byte> destination, XentFormat format, byte version, byte flags = 0)
    {
        Magic(format).CopyTo(destination);
        destination[4] = version;
        destination[5] = flags;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[6..], 0);
    }

    /// <summary>
    /// Checks the preamble at the start of <paramref name="source"/>: the magic of <paramref name="format"/> and a version in
    /// 1 … <paramref name="maxVersion"/>. Returns the version and the flags byte (the caller checks the flags it knows).
    /// </summary>
    /// <exception cref="InvalidDataException">Fewer than 8 bytes, another magic, or an unknown version (one above
    /// <paramref name="maxVersion"/> is named as made by a newer version).</exception>
    internal static (byte Version, byte Flags) ReadPreamble(ReadOnlySpan<byte> source, XentFormat format, byte maxVersion)
    {
        string what = Describe(format);
        if (source.Length < PreambleLength) ThrowHelper.ThrowInvalidData($"{what} truncated: the {PreambleLength}-byte preamble is incomplete.");
        if (!source[..4].SequenceEqual(Magic(format)))
        {
            var other = Detect(source);
            ThrowHelper.ThrowInvalidData(other == XentFormat.Unknown
                ? $"not a {what}: the magic bytes are not \"{System.Text.Encoding.ASCII.GetString(Magic(format))}\"."
                : $"not a {what}: this is a {Describe(other)}.");
        }
        byte version = source[4];
        if (version > maxVersion)
            ThrowHelper.ThrowInvalidData($"{what} made by a newer version of Xent: format version {version} (this build reads 1 … {maxVersion}).");
        if (version < 1) ThrowHelper.ThrowInvalidData($"{what} version 0 is not a valid version (versions start at 1).");
        return (version, source[5]);
    }

    /// <summary>The CRC-32 of <paramref name="data"/>.</summary>
    internal static uint Checksum(ReadOnlySpan<byte> data) => Crc32.HashToUInt32(data);

    /// <summary>Writes the CRC-32 of <c>unit[..^4]</c> into the last four bytes of <paramref name="unit"/>.</summary>
    internal static void SealChecksum(Span<byte> unit) =>
        BinaryPrimitives.WriteUInt32LittleEndian(unit[^ChecksumLength..], Checksum(unit[..^ChecksumLength]));

    /// <summary>Checks that the last four bytes of <paramref name="unit"/> are the CRC-32 of the bytes before them.</summary>
    /// <exception cref="InvalidDataException">They are not; the message names <paramref name="what"/>.</exception>
    internal static void VerifyChecksum(ReadOnlySpan<byte> unit, string what)
    {
        if (unit.Length < ChecksumLength) ThrowHelper.ThrowInvalidData($"{what} truncated: no checksum.");
        if (BinaryPrimitives.ReadUInt32LittleEndian(unit[^ChecksumLength..]) != Checksum(unit[..^ChecksumLength]))
            ThrowHelper.ThrowInvalidData($"{what} is corrupt: its CRC-32 does not match.");
    }
}
