using System.Globalization;
using Xent.Estimation;

namespace Xent.Data;

/// <summary>How one counted column was binned: its inferred type and, for a numeric one, its cut points.</summary>
internal sealed record BinPlan(ColumnType Type, double[]? Cuts);

/// <summary>
/// <see cref="TableCounts.Count"/> with <see cref="Binning"/>: each column's type inferred (<see cref="ColumnTypes"/>),
/// numeric columns cut by <see cref="QuantileBins"/> and the bins counted. A source may do it itself
/// (<see cref="TableReader.CountBinnedPushedDown"/>: an SQL source asks the database for the cut points and the counts);
/// otherwise the rows are read here. Either way the groups go through one <see cref="CountSet"/> (the missing-value policy)
/// and come out in one shape: a binned column's axis is its bins in order, then the missing category when there is one.
/// </summary>
internal static class BinnedCounts
{
    public static TableCounts Count(TableReader table, IReadOnlyList<string> columns, Binning binning, long maxCells, BadRows badRows, MissingValues missing)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(binning);
        if (binning.Bins < 2) throw new ArgumentOutOfRangeException(nameof(binning), binning.Bins, "Binning needs at least 2 bins.");
        if (!Enum.IsDefined(missing)) throw new ArgumentOutOfRangeException(nameof(missing));
        if (columns.Count == 0) throw new ArgumentException("Name at least one column.", nameof(columns));
        foreach (var name in columns) table.ColumnIndex(name);
        var request = new CountRequest(table.Source, [columns], maxCells, badRows, missing);
        var (counts, plan) = table.CountBinnedPushedDown(request, binning) ?? CountRows(table, request, binning);
        return Finish(counts, columns, plan, maxCells);
    }

    /// <summary>The bins counted row by row, whatever the source (what a pushed-down count must equal).</summary>
    internal static TableCounts CountInMemory(TableReader table, IReadOnlyList<string> columns, Binning binning, BadRows badRows, MissingValues missing)
    {
        var request = new CountRequest(table.Source, [columns], ContingencyTable.DefaultMaxCells, badRows, missing);
        var (counts, plan) = CountRows(table, request, binning);
        return Finish(counts, columns, plan, ContingencyTable.DefaultMaxCells);
    }

    /// <summary>The label of bin <paramref name="i"/> of the bins cut at <paramref name="cuts"/>: (c_{i−1}, c_i], −∞ and +∞ at the ends.</summary>
    public static string BinLabel(double[] cuts, int i)
    {
        string lo = i == 0 ? "-inf" : cuts[i - 1].ToString("R", CultureInfo.InvariantCulture);
        return i == cuts.Length ? $"({lo}, +inf)" : $"({lo}, {cuts[i].ToString("R", CultureInfo.InvariantCulture)}]";
    }

    private static string[] BinLabels(double[] cuts) => [.. Enumerable.Range(0, cuts.Length + 1).Select(i => BinLabel(cuts, i))];

    /// <summary>
    /// Reads the rows: a row missing a value goes to the bad-row policy, or (skip) is left out after its missing values are
    /// tallied, or (category) is kept; then each column's type is inferred from its kept present values, numeric ones are
    /// cut, and every kept row is counted.
    /// </summary>
    private static (CountSet, BinPlan[]) CountRows(TableReader table, CountRequest request, Binning binning)
    {
        var columns = request.Sets[0];
        var names = columns.Distinct(StringComparer.Ordinal).ToArray();
        var slot = columns.Select(c => Array.IndexOf(names, c)).ToArray();
        var set = new CountSet(request, columns);
        var values = names.Select(n => new ColumnValues(n, table.Source)).ToArray();
        var labels = new string?[columns.Count];
        var present = new bool[names.Length];
        using (var rows = table.ReadColumns(names, request.BadRows))
        {
            while (rows.Read())
            {
                bool complete = true;
                for (int j = 0; j < names.Length; j++) complete &= present[j] = !rows.GetSpan(j).Trim().IsEmpty;
                if (!complete && request.Missing != MissingValues.Category)
                {
                    if (request.Missing == MissingValues.BadRow)
                    {
                        for (int j = 0; j < names.Length; j++)
                            if (!present[j] && !rows.TryGetText(j, out _)) break;
                        continue;
                    }
                    for (int i = 0; i < labels.Length; i++) labels[i] = present[slot[i]] ? CountSet.Unused : null;
                    set.Add(labels, 1, rows.Line);
                    continue;
                }
                for (int j = 0; j < names.Length; j++) values[j].Add(rows.GetSpan(j).Trim(), rows.Line);
            }
        }
        long kept = values[0].Rows;
        var plans = new BinPlan[names.Length];
        var rowLabels = new string?[names.Length][];
        for (int j = 0; j < names.Length; j++) (plans[j], rowLabels[j]) = values[j].Finish(binning);
        for (long r = 0; r < kept; r++)
        {
            for (int i = 0; i < labels.Length; i++) labels[i] = rowLabels[slot[i]][r];
            set.Add(labels, 1, null);
        }
        return (set, [.. slot.Select(j => plans[j])]);
    }

    /// <summary>The finished counts in their one shape, with what was found of each column.</summary>
    private static TableCounts Finish(CountSet set, IReadOnlyList<string> columns, BinPlan[] plan, long maxCells)
    {
        var counts = set.Finish();
        int k = columns.Count;
        var encoders = new CategoryEncoder<string>[k];
        var map = new int[k][];
        for (int i = 0; i < k; i++)
        {
            var found = counts.Categories[i];
            IEnumerable<string> order = plan[i].Cuts is { } cuts
                ? BinLabels(cuts).Concat(found.TryGetCode(TableCounts.MissingCategory, out _) ? [TableCounts.MissingCategory] : [])
                : found.Categories;
            encoders[i] = new CategoryEncoder<string>(StringComparer.Ordinal);
            foreach (var label in order) encoders[i].AddNew(label);
            map[i] = [.. found.Categories.Select(label => encoders[i].TryGetCode(label, out int code) ? code
                : throw new InvalidOperationException($"bin label '{label}' of column '{columns[i]}' is not one of its bins"))];
        }
        var table = new ContingencyTable([.. encoders.Select(e => e.Count)], maxCells);
        var shape = counts.Table.Shape.ToArray();
        var cells = counts.Table.Counts;
        var codes = new int[k];
        for (int index = 0; index < cells.Length; index++)
        {
            if (cells[index] == 0) continue;
            int rest = index;
            for (int i = k - 1; i >= 0; i--)
            {
                codes[i] = map[i][rest % shape[i]];
                rest /= shape[i];
            }
            table.Add(codes, cells[index]);
        }
        return new TableCounts(table, encoders)
        {
            Missing = counts.Missing,
            Columns = [.. columns.Select((c, i) => new CountedColumn(c, plan[i].Type, counts.Missing[i], encoders[i].Count, plan[i].Cuts))],
        };
    }

    /// <summary>
    /// One column's kept values while its type is unknown: the number of each (NaN when it is none, or missing) and, while it may
    /// be categorical, its category code (−1 missing). Past <see cref="FeatureColumns.MaxInferredCategories"/> distinct numbers
    /// the categories are dropped (memory), and a text after that is an error, as in <see cref="FeatureColumns"/>.
    /// </summary>
    private sealed class ColumnValues(string name, string source)
    {
        private readonly ChunkedBuffer<double> _numbers = new();
        private ChunkedBuffer<int>? _codes = new();
        private CategoryEncoder<string>? _encoder = new(StringComparer.Ordinal);
        private bool _allNumbers = true, _allBooleans = true;
        private long _present;

        public long Rows => _numbers.Count;

        public void Add(ReadOnlySpan<char> text, long line)
        {
            if (text.IsEmpty)
            {
                _numbers.Add(double.NaN);
                _codes?.Add(-1);
                return;
            }
            _present++;
            bool number = ColumnTypes.IsNumber(text, out double value);
            _numbers.Add(value);
            _allBooleans &= ColumnTypes.IsBoolean(text);
            if (!number && _allNumbers)
            {
                _allNumbers = false;
                if (_encoder is null)
                    throw new DataException(new DataError(DataErrorKind.InvalidValue, source, line, name, null,
                        $"column '{name}' has more than {FeatureColumns.MaxInferredCategories} distinct numbers and then a text; bin it apart or leave out --bins"));
            }
            if (_encoder is null) return;
            _codes!.Add(_encoder.Encode(text));
            if (_allNumbers && _encoder.Count > FeatureColumns.MaxInferredCategories)
            {
                _encoder = null;
                _codes = null;
            }
        }

        /// <summary>The column's plan and each kept row's label (null: missing).</summary>
        public (BinPlan, string?[]) Finish(Binning binning)
        {
            var type = ColumnTypes.Of(_present, _allNumbers, _allBooleans);
            var labels = new string?[Rows];
            if (type == ColumnType.Numeric)
            {
                var all = _numbers.ToArray();
                var present = all.Where(v => !double.IsNaN(v)).ToArray();
                var cuts = binning.Uniform ? QuantileBins.UniformCutPoints(present, binning.Bins) : QuantileBins.CutPoints(present, binning.Bins);
                var names = BinLabels(cuts);
                var bin = new int[1];
                for (long r = 0; r < all.Length; r++)
                {
                    if (double.IsNaN(all[r])) continue;
                    QuantileBins.Assign([all[r]], cuts, bin);
                    labels[r] = names[bin[0]];
                }
                return (new BinPlan(type, cuts), labels);
            }
            var codes = _codes!.ToArray();
            for (long r = 0; r < codes.Length; r++) labels[r] = codes[r] < 0 ? null : _encoder![codes[r]];
            return (new BinPlan(type, null), labels);
        }
    }
}
