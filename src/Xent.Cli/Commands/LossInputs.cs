using System.CommandLine;
using Xent.Cli.Data;
using Xent.Data;

namespace Xent.Cli.Commands;

/// <summary>Options and parsing shared by the loss commands (logloss, train, predict).</summary>
internal static class LossInputs
{
    public static Option<bool> SkipBadRows() => new(TableInput.SkipOption)
    {
        Description = "Skip rows with a missing value, a probability outside [0, 1] or not summing to 1, an unknown label or the wrong number of fields (counted and reported) instead of failing.",
    };

    /// <summary>The class index of the label in field <paramref name="field"/> (trimmed), or null after reporting a missing or unknown label.</summary>
    public static int? Label(RowCursor row, int field, Dictionary<string, int> classes)
    {
        if (!row.TryGetText(field, out var label, "label")) return null;
        if (classes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(label, out int k)) return k;
        string text = new(label);
        row.Reject(field, $"unknown label '{text}' (the labels are {string.Join(", ", classes.Keys)})", text);
        return null;
    }
}
