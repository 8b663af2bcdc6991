using System.Globalization;
using Xent.Estimation;
using Xent.Learning;

namespace Xent.Data;

/// <summary>What kind of column <see cref="FeatureColumns.Read"/> makes of a table column.</summary>
public enum ColumnKind
{
    /// <summary>Numeric when every value is a finite number, categorical otherwise.</summary>
    Infer,

    /// <summary>Numbers: a value that is not a finite number is a bad row.</summary>
    Numeric,

    /// <summary>Categories: each distinct trimmed text is one category.</summary>
    Categorical,
}

/// <summary>
/// Table columns as <see cref="FeatureColumn"/>s, numeric or categorical, for the learners (decision trees, feature ranking):
/// read in one streaming pass through <see cref="TableReader.ReadColumns"/>, so any source of the data layer serves.
/// </summary>
/// <remarks>
/// Inference (<see cref="ColumnTypes"/>, the rule every counting path shares): a column is numeric when every value parses as a
/// finite number (invariant culture), categorical otherwise, and <see cref="ReadTyped"/> calls a categorical column of
/// true/false values boolean. So
/// that one pass suffices, a column's texts are kept as categories only while it has at most
/// <see cref="MaxInferredCategories"/> distinct values; a column with more distinct numbers that later meets a text is refused
/// (name it as categorical). An empty field is a missing value and its row goes to the bad-row policy.
/// </remarks>
public static class FeatureColumns
{
    /// <summary>The most distinct values an inferred column keeps as categories before it can only be numeric.</summary>
    public const int MaxInferredCategories = 4096;

    /// <summary>Reads the named columns; the label column (when given) is always categorical.</summary>
    /// <param name="table">The source.</param>
    /// <param name="features">Feature columns, by name.</param>
    /// <param name="kinds">The kind of each feature column (null: infer all).</param>
    /// <param name="label">The label column, or null.</param>
    /// <param name="labelKind">The kind of the label column (categorical for class labels).</param>
    /// <param name="badRows">The bad-row policy and its tally.</param>
    /// <returns>The feature columns, the label column (or null) and each kept row's line.</returns>
    /// <exception cref="DataException">A column is unknown, the table cannot be read, a row is bad under
    /// <see cref="BadRowPolicy.Stop"/>, every row was skipped, or an inferred column mixes many numbers with text.</exception>
    public static (FeatureColumn[] Features, FeatureColumn? Label, long[] Lines) Read(TableReader table, IReadOnlyList<string> features,
        IReadOnlyList<ColumnKind>? kinds, string? label, ColumnKind labelKind, BadRows badRows)
    {
        var (columns, labelColumn, lines, _) = ReadTyped(table, features, kinds, label, labelKind, badRows);
        return (columns, labelColumn, lines);
    }

    /// <summary>
    /// <see cref="Read"/>, with each feature's <see cref="ColumnType"/>: numeric for a numeric column; boolean for a categorical
    /// one whose categories are all <see cref="ColumnTypes.IsBoolean"/> spellings (read as two categories); categorical otherwise.
    /// </summary>
    /// <inheritdoc cref="Read"/>
    public static (FeatureColumn[] Features, FeatureColumn? Label, long[] Lines, ColumnType[] Types) ReadTyped(TableReader table, IReadOnlyList<string> features,
        IReadOnlyList<ColumnKind>? kinds, string? label, ColumnKind labelKind, BadRows badRows)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(features);
        int d = features.Count, width = label is null ? d : d + 1;
        var builders = new Builder[width];
        for (int j = 0; j < width; j++)
            builders[j] = new Builder(j < d ? kinds?[j] ?? ColumnKind.Infer : labelKind);
        using var cursor = table.ReadColumns(label is null ? features : [.. features, label], badRows);
        var lines = new ChunkedBuffer<long>();
        var numbers = new double[width];
        var texts = new string?[width];
        while (cursor.Read())
        {
            bool ok = true;
            for (int j = 0; j < width && ok; j++)
            {
                if (!cursor.TryGetText(j, out var text, j < d ? "value" : "label")) { ok = false; break; }
                var kind = builders[j].Kind;
                bool isNumber = ColumnTypes.IsNumber(text, out numbers[j]);
                if (kind == ColumnKind.Numeric && !isNumber)
                {
                    string shown = new(text);
                    ok = cursor.Reject(j, $"'{shown}' is not a finite number", shown);
                    break;
                }
                texts[j] = kind == ColumnKind.Numeric ? null : builders[j].Intern(text);
                if (kind == ColumnKind.Infer && !isNumber) numbers[j] = double.NaN;
            }
            if (!ok) continue;
            for (int j = 0; j < width; j++)
                builders[j].Add(numbers[j], texts[j], table.Source, width > j && j < d ? features[j] : label!, cursor.Line);
            lines.Add(cursor.Line);
        }
        if (lines.Count == 0)
            throw new DataException(new DataError(DataErrorKind.NoUsableRows, table.Source, null, null, null, $"no usable rows ({badRows.Skipped} skipped)"));
        var columns = new FeatureColumn[d];
        for (int j = 0; j < d; j++) columns[j] = builders[j].Build(features[j]);
        var types = columns.Select(c => !c.IsCategorical ? ColumnType.Numeric
            : ColumnTypes.Of(c.Categories!) == ColumnType.Boolean ? ColumnType.Boolean : ColumnType.Categorical).ToArray();
        return (columns, label is null ? null : builders[d].Build(label), lines.ToArray(), types);
    }

    /// <summary>One column being read: its numbers while it may be numeric, its category codes while it may be categorical.</summary>
    private sealed class Builder(ColumnKind kind)
    {
        private readonly ChunkedBuffer<double> _numbers = new();
        private ChunkedBuffer<int>? _codes = kind == ColumnKind.Numeric ? null : new();
        private CategoryEncoder<string>? _encoder = kind == ColumnKind.Numeric ? null : new();
        private bool _allNumbers = kind != ColumnKind.Categorical;

        public ColumnKind Kind => kind;

        public string? Intern(ReadOnlySpan<char> text)
        {
            if (_encoder is null) return null;
            int code = _encoder.Encode(text);
            return _encoder[code];
        }

        public void Add(double number, string? text, string source, string name, long line)
        {
            if (_allNumbers && double.IsNaN(number))
            {
                _allNumbers = false;
                if (_encoder is null)
                    throw new DataException(new DataError(DataErrorKind.InvalidValue, source, line, name, null,
                        $"column '{name}' has more than {MaxInferredCategories} distinct numbers and then a text; read it as categorical"));
            }
            if (_allNumbers && kind == ColumnKind.Infer) _numbers.Add(number);
            if (_codes is not null && text is not null)
            {
                _codes.Add(_encoder!.Encode(text));
                // Past this many distinct values an inferred all-number column stops keeping categories (memory).
                if (kind == ColumnKind.Infer && _allNumbers && _encoder.Count > MaxInferredCategories)
                {
                    _codes = null;
                    _encoder = null;
                }
            }
            if (kind == ColumnKind.Numeric) _numbers.Add(number);
        }

        public FeatureColumn Build(string name) => kind switch
        {
            ColumnKind.Numeric => FeatureColumn.Numeric(name, _numbers.ToArray()),
            ColumnKind.Infer when _allNumbers => FeatureColumn.Numeric(name, _numbers.ToArray()),
            _ => FeatureColumn.Categorical(name, _codes!.ToArray(), [.. _encoder!.Categories]),
        };
    }
}
