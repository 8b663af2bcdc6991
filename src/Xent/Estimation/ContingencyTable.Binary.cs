namespace Xent.Estimation;

public sealed partial class ContingencyTable
{
    /// <summary>
    /// Writes the table in the count-table binary format, version 2 (docs/formats/count-table.md): the 20-byte header with kind 2
    /// (contingency table) and option bit 0 set when the shape grows, then (little-endian)
    /// <code>
    /// size   field
    /// 1      k, the number of variables (1 … 32)
    /// 4·k    the shape (uint32 each)
    /// 8      the cell limit (uint64)
    /// 8      N, the total (uint64)
    /// 8·C    the C = Π shape cells, row-major (uint64 each)
    /// 4      CRC-32 of every byte before it
    /// </code>
    /// </summary>
    /// <param name="stream">Where the table is written, at its current position; not flushed or disposed (the caller owns it).</param>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var cells = Counts;
        var writer = new CountTableFormat.Writer(CountTableKind.Contingency, GrowsShape ? CountTableFormat.OptionGrows : (byte)0,
            1 + 4L * Rank + 16 + 8L * cells.Length);
        writer.Byte((byte)Rank);
        foreach (int n in _shape) writer.UInt32((uint)n);
        writer.UInt64((ulong)MaxCells);
        writer.Counts(Total, cells);
        writer.Finish(stream);
    }

    /// <summary>
    /// Reads a table written by <see cref="WriteTo"/>, checking the magic, version, kind, length, checksum, the shape against the
    /// cell limit and that the total is the sum of the cells. Memory is bounded by the bytes the stream actually holds.
    /// </summary>
    /// <exception cref="InvalidDataException">The data is truncated, of another format, version or table kind, corrupt, or
    /// inconsistent; the message says which.</exception>
    /// <param name="stream">The binary form, read from its current position; not disposed.</param>
    public static ContingencyTable ReadFrom(Stream stream)
    {
        var reader = CountTableFormat.Read(stream, CountTableKind.Contingency, out _, out byte options);
        bool grows = (options & CountTableFormat.OptionGrows) != 0;
        int rank = reader.Byte();
        if (rank < 1 || rank > MaxRank) ThrowHelper.ThrowInvalidData($"contingency table declares {rank} variables (must be 1 … {MaxRank}).");
        Span<int> shape = stackalloc int[rank];
        for (int i = 0; i < rank; i++)
        {
            uint n = reader.UInt32();
            if (n > int.MaxValue || (n == 0 && !grows)) ThrowHelper.ThrowInvalidData($"contingency table declares {n} categories for variable {i}.");
            shape[i] = (int)n;
        }
        ulong maxCells = reader.UInt64();
        long cells = CellsOf(shape);
        if (maxCells < 1 || maxCells > (ulong)Array.MaxLength || (ulong)cells > maxCells)
            ThrowHelper.ThrowInvalidData($"contingency table has shape {Show(shape)} = {cells} cells and a cell limit of {maxCells}.");
        reader.Expect(cells, 8, "cells");
        var table = new ContingencyTable(rank, (long)maxCells, grows);
        table.Relayout(shape, shape); // compact: cell i is at index i
        table.Total = reader.Counts(table._cells, "cell");
        return table;
    }
}
