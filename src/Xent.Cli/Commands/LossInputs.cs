using System.CommandLine;
using Xent.Cli.Data;

namespace Xent.Cli.Commands;

/// <summary>Options and parsing shared by the loss commands (logloss, train, predict).</summary>
internal static class LossInputs
{
    public static Option<bool> SkipBadRows() => new("--skip-bad-rows")
    {
        Description = "Skip rows with a missing value, a probability outside [0, 1] or not summing to 1, an unknown label or the wrong number of fields (counted and reported) instead of failing.",
    };

    /// <summary>The class index of a label field, or null after reporting a missing or unknown label.</summary>
    public static int? Label(CsvRecords csv, CsvRecord row, int column, IReadOnlyDictionary<string, int> classes, BadRows bad)
    {
        string label = row.Fields[column].Trim();
        if (label.Length == 0) { bad.Reject($"{csv.Where(row, column)}: missing label."); return null; }
        if (classes.TryGetValue(label, out int k)) return k;
        bad.Reject($"{csv.Where(row, column)}: unknown label '{label}' (the labels are {string.Join(", ", classes.Keys)}).");
        return null;
    }
}
