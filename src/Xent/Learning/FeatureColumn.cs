namespace Xent.Learning;

/// <summary>
/// One feature of a table as the learners see it (decision trees, mutual-information ranking): a numeric column of finite
/// doubles, or a categorical column of codes 0 … m−1 into a list of category names. Every column of a data set has the
/// same length n, one entry per row.
/// </summary>
public sealed class FeatureColumn
{
    private FeatureColumn(string name, double[]? values, int[]? codes, IReadOnlyList<string>? categories)
    {
        Name = name;
        Values = values;
        Codes = codes;
        Categories = categories;
    }

    /// <summary>The column's name (a CSV header, for instance).</summary>
    public string Name { get; }

    /// <summary>The values of a numeric column (each finite), or null for a categorical one.</summary>
    public double[]? Values { get; }

    /// <summary>The category codes of a categorical column (each in 0 … m−1), or null for a numeric one.</summary>
    public int[]? Codes { get; }

    /// <summary>The m category names of a categorical column, indexed by code; null for a numeric one.</summary>
    public IReadOnlyList<string>? Categories { get; }

    /// <summary>Whether the column holds categories rather than numbers.</summary>
    public bool IsCategorical => Codes is not null;

    /// <summary>n, the number of rows.</summary>
    public int Length => Values?.Length ?? Codes!.Length;

    /// <summary>A numeric column.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="values">n finite values (the array is kept, not copied).</param>
    /// <exception cref="ArgumentException">A value is NaN or ±∞.</exception>
    public static FeatureColumn Numeric(string name, double[] values)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i])) ThrowHelper.ThrowNotFinite(nameof(values), i, values[i]);
        return new FeatureColumn(name, values, null, null);
    }

    /// <summary>A categorical column.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="codes">n codes, each in 0 … categories.Count − 1 (the array is kept, not copied).</param>
    /// <param name="categories">The category names by code, distinct and non-empty.</param>
    /// <exception cref="ArgumentException">A code is out of range, or a category name is empty or repeated.</exception>
    public static FeatureColumn Categorical(string name, int[] codes, IReadOnlyList<string> categories)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(categories);
        if (categories.Distinct(StringComparer.Ordinal).Count() != categories.Count || categories.Any(string.IsNullOrEmpty))
            ThrowHelper.ThrowArgument(nameof(categories), $"column '{name}': category names must be distinct and non-empty.");
        for (int i = 0; i < codes.Length; i++)
            if ((uint)codes[i] >= (uint)categories.Count) ThrowHelper.ThrowBadValue(nameof(codes), i, codes[i], $"a code must be in 0 … {categories.Count - 1}");
        return new FeatureColumn(name, null, codes, categories);
    }

    /// <summary>Checks that every column has <paramref name="rows"/> entries and the names are distinct; returns d.</summary>
    internal static int CheckColumns(IReadOnlyList<FeatureColumn> features, int rows, string paramName)
    {
        ArgumentNullException.ThrowIfNull(features, paramName);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int j = 0; j < features.Count; j++)
        {
            var column = features[j] ?? throw new ArgumentNullException(paramName, $"{paramName}[{j}] is null.");
            if (column.Length != rows) ThrowHelper.ThrowLengthMismatch($"{paramName}[{j}]", column.Length, "labels", rows);
            if (!names.Add(column.Name)) ThrowHelper.ThrowArgument(paramName, $"two features are named '{column.Name}'.");
        }
        return features.Count;
    }
}
