namespace Xent.Estimation;

public sealed partial class DenseCounts
{
    private const int BodyFixedLength = 4 + 8;

    /// <summary>The size in bytes of the binary form of a table over <paramref name="alphabetSize"/> symbols: 36 + 8K.</summary>
    /// <param name="alphabetSize">K, the number of symbols (≥ 0).</param>
    public static long SerializedSize(int alphabetSize) =>
        CountTableFormat.HeaderLength + BodyFixedLength + 8L * alphabetSize + BinaryFormat.ChecksumLength;

    /// <summary>
    /// Writes the table in the count-table binary format, version 2 (docs/formats/count-table.md): the 20-byte header with kind 1
    /// (dense counts) and option bit 0 set when the alphabet grows, then (little-endian)
    /// <code>
    /// offset  size  field
    /// 20      4     K, the alphabet size (uint32)
    /// 24      8     N, the total (uint64)
    /// 32      8·K   the counts of symbols 0 … K−1 (uint64 each)
    /// 32+8K   4     CRC-32 of bytes 0 … 32+8K−1
    /// </code>
    /// </summary>
    /// <param name="stream">Where the table is written, at its current position; not flushed or disposed (the caller owns it).</param>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var writer = new CountTableFormat.Writer(CountTableKind.Dense, GrowsAlphabet ? CountTableFormat.OptionGrows : (byte)0,
            BodyFixedLength + 8L * _size);
        writer.UInt32((uint)_size);
        writer.Counts(Total, Counts);
        writer.Finish(stream);
    }

    /// <summary>
    /// Reads a table written by <see cref="WriteTo"/> (format version 2, or version 1 as written before: a declared alphabet),
    /// checking the magic, version, kind, length, checksum and that the total is the sum of the counts. Memory is bounded by the
    /// bytes the stream actually holds, whatever the header declares.
    /// </summary>
    /// <exception cref="InvalidDataException">The data is truncated, of another format, version or table kind, corrupt (checksum),
    /// or its total disagrees with its counts; the message says which.</exception>
    /// <param name="stream">The binary form, read from its current position; not disposed.</param>
    public static DenseCounts ReadFrom(Stream stream)
    {
        var reader = CountTableFormat.Read(stream, CountTableKind.Dense, out _, out byte options);
        bool grows = (options & CountTableFormat.OptionGrows) != 0;
        uint k = reader.UInt32();
        if ((k < 1 && !grows) || k > int.MaxValue) ThrowHelper.ThrowInvalidData($"dense count table declares an alphabet of {k} symbols.");
        reader.Expect(k, 8, "counts");
        var table = new DenseCounts((int)k, grows);
        table.Total = reader.Counts(table._counts, "count");
        return table;
    }
}
