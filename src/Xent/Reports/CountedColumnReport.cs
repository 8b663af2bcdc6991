namespace Xent.Reports;

/// <summary>
/// One column of a table as counting found it (<c>entropy --csv/--parquet/--sql</c>, <c>mi</c>): its inferred type, its missing
/// values, and the categories (or bins) of its axis.
/// </summary>
public sealed record CountedColumnReport
{
    /// <summary>The column's name.</summary>
    public required string Name { get; init; }

    /// <summary>Its inferred type: "numeric" (every present value a finite number), "boolean" (every present value true or false,
    /// in any of the spellings true/True/TRUE), or "categorical".</summary>
    public required string Type { get; init; }

    /// <summary>Rows read whose value was missing (an empty or blank field, a NULL), whatever --missing did with them.</summary>
    public required long Missing { get; init; }

    /// <summary>The categories of its axis in the counts: distinct values, or bins for a binned column; a missing category included.</summary>
    public required int Categories { get; init; }

    /// <summary>With --bins, for a numeric column: its number of bins (the missing category not included).</summary>
    public int? Bins { get; init; }
}
