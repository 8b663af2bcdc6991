namespace Xent.Coding;

/// <summary>
/// The registry of container codecs: how a codec is made from the user's choice (id and level) when compressing, and from
/// the header's id and parameter bytes when decompressing. A new codec adds its <see cref="XentCodec"/> value, one line in
/// each switch below and one in <see cref="All"/>.
/// </summary>
internal static class BlockCodecs
{
    /// <summary>Every codec this build can write and read, with its command-line name and its highest level.</summary>
    public static IReadOnlyList<(XentCodec Id, string Name, int MaxLevel)> All { get; } =
    [
        (XentCodec.Huffman, "huffman", HuffmanBlockCodec.MaxLevel),
        (XentCodec.Rans, "rans", RansBlockCodec.MaxLevel),
        (XentCodec.Rans1, "rans1", RansBlockCodec.MaxLevel),
        (XentCodec.Cm, "cm", CmBlockCodec.MaxLevel),
        (XentCodec.Order2, "o2", AdaptiveBlockCodec.MaxLevel),
    ];

    /// <summary>The codec <paramref name="id"/> at <paramref name="level"/> (1 … its maximum level).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An unknown codec or a level outside 1 … its maximum.</exception>
    public static IBlockCodec Create(XentCodec id, int level)
    {
        int maxLevel = All.FirstOrDefault(c => c.Id == id).MaxLevel;
        if (maxLevel == 0) ThrowHelper.ThrowArgumentOutOfRange(nameof(id), (int)id, "not a codec this build knows");
        if (level < 1 || level > maxLevel) ThrowHelper.ThrowArgumentOutOfRange(nameof(level), level, $"the {Name(id)} codec's level must be 1 … {maxLevel}");
        return id switch
        {
            XentCodec.Huffman => HuffmanBlockCodec.ForLevel(level),
            XentCodec.Rans => RansBlockCodec.ForLevel(0, level),
            XentCodec.Rans1 => RansBlockCodec.ForLevel(1, level),
            XentCodec.Cm => new CmBlockCodec(level),
            XentCodec.Order2 => AdaptiveBlockCodec.Instance,
            _ => throw new ArgumentOutOfRangeException(nameof(id)),
        };
    }

    /// <summary>The codec a header names, or null when the id is unknown or its parameters are invalid (the container
    /// reports which).</summary>
    public static IBlockCodec? Read(byte id, ReadOnlySpan<byte> parameters) => (XentCodec)id switch
    {
        XentCodec.Huffman => HuffmanBlockCodec.FromParameters(parameters),
        XentCodec.Rans => RansBlockCodec.FromParameters(0, parameters),
        XentCodec.Rans1 => RansBlockCodec.FromParameters(1, parameters),
        XentCodec.Cm => CmBlockCodec.FromParameters(parameters),
        XentCodec.Order2 => AdaptiveBlockCodec.FromParameters(parameters),
        _ => null,
    };

    /// <summary>Whether this build knows the codec id at all.</summary>
    public static bool Knows(byte id) => All.Any(c => (byte)c.Id == id);

    /// <summary>The command-line name of a codec ("huffman").</summary>
    public static string Name(XentCodec id) => All.FirstOrDefault(c => c.Id == id).Name ?? $"codec {(byte)id}";
}
