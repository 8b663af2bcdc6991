namespace Xent.Estimation;

public sealed partial class CountTable<TSymbol>
{
    /// <summary>
    /// Writes the table in the count-table binary format, version 2 (docs/formats/count-table.md): the 20-byte header with kind 3
    /// (sparse count table), then (little-endian)
    /// <code>
    /// size   field
    /// 1      t, the number of symbol elements (1 for a scalar, the arity of a tuple)
    /// 1      1 if the symbol is a tuple, else 0
    /// t      the element type codes (1 string … 13 double, +128 for an enum)
    /// 4      m, the number of entries (uint32)
    /// 8      N, the total (uint64)
    /// …      m entries in <see cref="SortedSymbols"/> order: the symbol's elements (string: uint32 length + UTF-8; bool, int8, uint8:
    ///        1 byte; char, int16, uint16: 2; int32, uint32, float32: 4; int64, uint64, float64: 8), then its count (uint64)
    /// 4      CRC-32 of every byte before it
    /// </code>
    /// </summary>
    /// <exception cref="NotSupportedException"><typeparamref name="TSymbol"/> is not a supported symbol type (see <see cref="WriteJson"/>),
    /// or a string has a lone surrogate; nothing is written then.</exception>
    /// <param name="stream">Where the table is written, at its current position; not flushed or disposed (the caller owns it).</param>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var codec = SymbolCodec<TSymbol>.Instance;
        var symbols = SortedSymbols();
        long length = 2 + codec.Codes.Length + 12;
        foreach (var symbol in symbols) length += codec.MaxBinaryLength(symbol) + 8;
        var writer = new CountTableFormat.Writer(CountTableKind.Sparse, 0, length);
        writer.Byte((byte)codec.Codes.Length);
        writer.Byte(codec.IsTuple ? (byte)1 : (byte)0);
        writer.Bytes(codec.Codes);
        writer.UInt32((uint)symbols.Length);
        writer.UInt64((ulong)Total);
        foreach (var symbol in symbols)
        {
            codec.WriteBinary(writer, symbol);
            writer.UInt64((ulong)_counts[symbol]);
        }
        writer.Finish(stream);
    }

    /// <summary>
    /// Reads a table written by <see cref="WriteTo"/>, checking the magic, version, kind, length, checksum, that the symbol type is
    /// <typeparamref name="TSymbol"/>'s, that counts are ≥ 1, no symbol repeats (under <paramref name="comparer"/>) and the total is
    /// their sum. The comparer is not stored: pass the one the table was built with (for strings, ordinal when null).
    /// </summary>
    /// <exception cref="NotSupportedException"><typeparamref name="TSymbol"/> is not a supported symbol type.</exception>
    /// <exception cref="InvalidDataException">The data is truncated, of another format, version, table kind or symbol type,
    /// corrupt, or inconsistent; the message says which.</exception>
    /// <param name="stream">The binary form, read from its current position; not disposed.</param>
    /// <param name="comparer">The comparer of the table read; null uses the default comparer (ordinal for strings).</param>
    public static CountTable<TSymbol> ReadFrom(Stream stream, IEqualityComparer<TSymbol>? comparer = null)
    {
        var codec = SymbolCodec<TSymbol>.Instance;
        var reader = CountTableFormat.Read(stream, CountTableKind.Sparse, out _, out _);
        int elements = reader.Byte();
        byte tupleFlag = reader.Byte();
        var codes = reader.Take(elements);
        if (tupleFlag > 1 || !codec.Matches(codes, tupleFlag == 1))
            ThrowHelper.ThrowInvalidData($"the count table holds symbols of type {SymbolCodec<TSymbol>.Describe(codes, tupleFlag == 1)}, not {codec.Describe()}.");
        uint distinct = reader.UInt32();
        long total = reader.Count("N");
        reader.Expect(distinct, 9, "entries");
        var table = new CountTable<TSymbol>(comparer);
        for (uint i = 0; i < distinct; i++)
        {
            var symbol = codec.ReadBinary(reader);
            long count = reader.Count($"count {i}");
            if (count < 1) ThrowHelper.ThrowInvalidData($"count table entry {i} has count 0; stored counts are ≥ 1.");
            if (table._counts.ContainsKey(symbol)) ThrowHelper.ThrowInvalidData($"count table entry {i} repeats a symbol.");
            if (long.MaxValue - table.Total < count) ThrowHelper.ThrowInvalidData($"count table: entry {i} takes the total past 2^63 − 1.");
            table.Add(symbol, count);
        }
        reader.End();
        if (table.Total != total) ThrowHelper.ThrowInvalidData($"count table header says total {total} but its counts sum to {table.Total}.");
        return table;
    }
}
