namespace Xent.Data;

/// <summary>
/// What counting does with a missing value (an empty or blank CSV field, a Parquet or SQL NULL, an SQL string that is empty
/// or blank): the <c>--missing</c> option of the command line.
/// </summary>
public enum MissingValues
{
    /// <summary>The default, as for every reader of a table: a missing value makes its row bad, and the row goes to the
    /// <see cref="BadRows"/> policy (stop with an error naming it, or skip and count with <c>--skip-bad-rows</c>).</summary>
    BadRow,

    /// <summary>Rows with a missing value in any of the counted columns are left out and counted per column
    /// (<see cref="TableCounts.Missing"/>); never an error.</summary>
    Skip,

    /// <summary>A missing value is a category of its own, named <see cref="TableCounts.MissingCategory"/> (the empty string,
    /// which no present value is: values are trimmed and a blank one is missing).</summary>
    Category,
}
