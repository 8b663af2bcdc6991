using System.Globalization;

namespace Xent.Data;

/// <summary>The type inferred for a column of a table (<see cref="ColumnTypes"/> states the rule).</summary>
public enum ColumnType
{
    /// <summary>Neither numeric nor boolean: each distinct (trimmed) value is a category.</summary>
    Categorical,

    /// <summary>Every present value is a finite number (invariant culture: <c>2</c>, <c>-0.5</c>, <c>1e3</c>).</summary>
    Numeric,

    /// <summary>Every present value is <c>true</c> or <c>false</c> (also <c>True</c>/<c>TRUE</c>, <c>False</c>/<c>FALSE</c>,
    /// as pandas reads them; an SQL or Parquet boolean reads as <c>true</c>/<c>false</c>). Counted like a categorical column.</summary>
    Boolean,
}

/// <summary>
/// The one rule that infers a column's <see cref="ColumnType"/> from its present (non-missing) values, each trimmed of white
/// space: numeric when every value parses as a finite number (<see cref="IsNumber"/>), else boolean when every value is
/// <see cref="IsBoolean"/>, else categorical; a column without a present value is categorical. <c>0</c>/<c>1</c> is numeric
/// and <c>yes</c>/<c>no</c> categorical, as pandas and DuckDB's CSV reader have them. <see cref="SqlTableReader"/> states the
/// same rule in SQL (docs/data-sources.md).
/// </summary>
public static class ColumnTypes
{
    /// <summary>The spellings of a boolean (pandas' default <c>true_values</c>/<c>false_values</c>).</summary>
    public static IReadOnlyList<string> BooleanSpellings { get; } = ["true", "false", "True", "False", "TRUE", "FALSE"];

    /// <summary>Whether the (trimmed) text is a finite number in the invariant culture, and which.</summary>
    /// <param name="text">The value, trimmed.</param>
    /// <param name="value">The number, or NaN when it is none.</param>
    public static bool IsNumber(ReadOnlySpan<char> text, out double value)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value)) return true;
        value = double.NaN;
        return false;
    }

    /// <summary>Whether the (trimmed) text is one of <see cref="BooleanSpellings"/>.</summary>
    /// <param name="text">The value, trimmed.</param>
    public static bool IsBoolean(ReadOnlySpan<char> text)
    {
        foreach (var spelling in BooleanSpellings)
            if (text.SequenceEqual(spelling)) return true;
        return false;
    }

    /// <summary>The type of a column from what its present values were.</summary>
    /// <param name="present">Present values seen.</param>
    /// <param name="allNumbers">Whether every one was a finite number.</param>
    /// <param name="allBooleans">Whether every one was a boolean spelling.</param>
    public static ColumnType Of(long present, bool allNumbers, bool allBooleans) =>
        present == 0 ? ColumnType.Categorical : allNumbers ? ColumnType.Numeric : allBooleans ? ColumnType.Boolean : ColumnType.Categorical;

    /// <summary>The type of a column whose distinct present values are <paramref name="values"/> (e.g. the categories counted).</summary>
    /// <param name="values">The distinct values, trimmed; the missing category (<see cref="TableCounts.MissingCategory"/>) is ignored.</param>
    public static ColumnType Of(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        long present = 0;
        bool numbers = true, booleans = true;
        foreach (var v in values)
        {
            if (v.Length == 0) continue;
            present++;
            numbers &= IsNumber(v, out _);
            booleans &= IsBoolean(v);
        }
        return Of(present, numbers, booleans);
    }

    /// <summary>The name of a type in reports: <c>numeric</c>, <c>categorical</c>, <c>boolean</c>.</summary>
    /// <param name="type">The type.</param>
    public static string Name(ColumnType type) => type switch
    {
        ColumnType.Numeric => "numeric",
        ColumnType.Boolean => "boolean",
        _ => "categorical",
    };
}

/// <summary>How <see cref="TableCounts.Count"/> bins numeric columns (see <see cref="Xent.Estimation.QuantileBins"/>).</summary>
/// <param name="Bins">At most this many bins per numeric column, ≥ 2 (a missing value, under <see cref="MissingValues.Category"/>,
/// is one more).</param>
/// <param name="Uniform">Equal-width bins between the minimum and maximum instead of quantile (about equal-count) bins.</param>
public sealed record Binning(int Bins, bool Uniform = false);

/// <summary>What counting found of one column: its inferred type, its missing values and, when binned, its cut points.</summary>
/// <param name="Name">The column.</param>
/// <param name="Type">Its inferred type.</param>
/// <param name="Missing">Rows read whose value in it was missing, whatever the policy did with them.</param>
/// <param name="Categories">The categories (or bins) of its axis in the table of counts, the missing category included.</param>
/// <param name="CutPoints">For a binned numeric column, its cut points (bins are (c_{i−1}, c_i]); null otherwise.</param>
public sealed record CountedColumn(string Name, ColumnType Type, long Missing, int Categories, IReadOnlyList<double>? CutPoints)
{
    /// <summary>The number of bins of a binned column (cut points + 1), or null.</summary>
    public int? Bins => CutPoints is null ? null : CutPoints.Count + 1;
}
