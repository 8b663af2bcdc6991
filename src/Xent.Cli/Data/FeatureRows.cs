namespace Xent.Cli.Data;

/// <summary>Numeric feature columns (and optionally a label column) of a CSV file, bad rows rejected or skipped.</summary>
internal sealed class FeatureRows
{
    public List<double> Features { get; } = [];
    public List<string> Labels { get; } = [];
    public List<long> Lines { get; } = [];
    public int Count => Lines.Count;

    public static FeatureRows Read(CsvRecords csv, int[] featureColumns, int? labelColumn, BadRows bad)
    {
        var result = new FeatureRows();
        var row = new double[featureColumns.Length];
        foreach (var record in csv.Rows)
        {
            if (!csv.HasAllFields(record, bad) || !ReadFeatures(csv, record, featureColumns, row, bad)) continue;
            if (labelColumn is { } lc)
            {
                string label = record.Fields[lc].Trim();
                if (label.Length == 0) { bad.Reject($"{csv.Where(record, lc)}: missing label."); continue; }
                result.Labels.Add(label);
            }
            result.Features.AddRange(row);
            result.Lines.Add(record.Line);
        }
        if (result.Count == 0) throw new InvalidDataException($"{csv.Path}: no usable rows ({bad.Skipped} skipped).");
        return result;
    }

    private static bool ReadFeatures(CsvRecords csv, CsvRecord record, int[] columns, double[] row, BadRows bad)
    {
        for (int j = 0; j < columns.Length; j++)
        {
            if (csv.Number(record, columns[j], bad) is not { } v) return false;
            row[j] = v;
        }
        return true;
    }
}
