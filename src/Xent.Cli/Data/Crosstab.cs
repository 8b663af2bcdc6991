using Xent.Data;
using Xent.Estimation;

namespace Xent.Cli.Data;

/// <summary>
/// A contingency table of CSV columns treated as categorical: each distinct string is a category (numbered in first-seen
/// order), and cell (x, y[, z]) counts the rows with those values. Row-major, as <see cref="Xent.Measures.Joint"/> expects.
/// </summary>
internal sealed class Crosstab
{
    /// <summary>The largest table built (16 Mi cells, 128 MB): beyond that the columns are not categorical in any useful sense.</summary>
    public const long MaxCells = 1 << 24;

    private Crosstab(double[] cells, int[] sizes, long rows)
    {
        Cells = cells;
        Sizes = sizes;
        Rows = rows;
    }

    /// <summary>The counts, row-major over <see cref="Sizes"/>.</summary>
    public double[] Cells { get; }

    /// <summary>The number of categories of each column.</summary>
    public int[] Sizes { get; }

    /// <summary>The number of data rows counted.</summary>
    public long Rows { get; }

    /// <summary>Streams the named columns of <paramref name="source"/> and counts their value combinations.</summary>
    /// <exception cref="DataException">A column does not exist, or a row is bad (the first one stops the count).</exception>
    /// <exception cref="UsageException">The table would exceed <see cref="MaxCells"/>.</exception>
    public static Crosstab Count(TableReader source, params string[] columns)
    {
        using var rows = source.ReadColumns(columns, BadRows.Stop());
        var codes = columns.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var combinations = new CountTable<(int, int, int)>();
        var code = new int[3];
        while (rows.Read())
        {
            for (int i = 0; i < columns.Length; i++)
            {
                var value = rows.GetSpan(i);
                var lookup = codes[i].GetAlternateLookup<ReadOnlySpan<char>>();
                if (!lookup.TryGetValue(value, out code[i]))
                {
                    code[i] = codes[i].Count;
                    lookup.TryAdd(value, code[i]);
                }
            }
            combinations.Add((code[0], code[1], code[2]));
        }

        var sizes = codes.Select(c => c.Count).ToArray();
        long cells = sizes.Aggregate(1L, (a, b) => a * b);
        if (cells > MaxCells)
            throw new UsageException(
                $"{source.Source}: the columns have {string.Join(" × ", sizes)} categories, a table of {cells} cells (limit {MaxCells}); are they really categorical?");

        var table = new double[cells];
        int ny = sizes[1], nz = sizes.Length > 2 ? sizes[2] : 1;
        foreach (var ((x, y, z), count) in combinations.Entries) table[(x * ny + y) * nz + z] = count;
        return new Crosstab(table, sizes, combinations.Total);
    }

    /// <summary>The 2-way table of the first two columns (the third summed out).</summary>
    public double[] FirstTwo()
    {
        if (Sizes.Length == 2) return Cells;
        int nx = Sizes[0], ny = Sizes[1], nz = Sizes[2];
        var xy = new double[nx * ny];
        for (int i = 0; i < Cells.Length; i++) xy[i / nz] += Cells[i];
        return xy;
    }
}
