using Spectre.Console;
using Xent.Cli.Commands;
using Xent.Data;
using Xent.Learning;

namespace Xent.Cli.Rendering;

/// <summary>The table and the JSON object of a <see cref="ClassificationReport"/>, built from the same figures.</summary>
internal static class MetricsRendering
{
    public static JsonReport Json(ClassificationReport r, BadRows bad) =>
        new JsonReport()
            .Add("log_loss", r.LogLoss.Nats)
            .Add("log_loss_bits", r.LogLoss.Bits)
            .Add("perplexity", r.Perplexity)
            .Add("accuracy", r.Accuracy)
            .Add("brier", r.Brier)
            .Add("ece", r.ExpectedCalibrationError)
            .Add("prior_log_loss", r.PriorLogLoss.Nats)
            .Add("log_loss_reduction", r.LogLossReduction)
            .Add("rows", r.Count)
            .Add("weight_sum", r.WeightSum)
            .Add("skipped_rows", bad.Skipped)
            .Add("clip", r.Clip)
            .Add("clipped_rows", r.ClippedRows)
            .Add("reliability", r.Reliability.Select(b => new JsonReport()
                .Add("lower", b.Lower).Add("upper", b.Upper).Add("count", b.Count).Add("weight", b.Weight)
                .Add("confidence", b.Confidence).Add("accuracy", b.Accuracy)).ToArray());

    public static void Table(TextWriter output, ClassificationReport r, BadRows bad, string caption)
    {
        var table = new Table().AddColumn("metric").AddColumn(new TableColumn("value").RightAligned()).AddColumn("");
        string unit = r.LogLoss.Unit;
        void Row(string metric, string value, string note) => table.AddRow(Markup.Escape(metric), Markup.Escape(value), Markup.Escape(note));
        Row("log loss", LossInputs.Format(r.LogLoss.Value), unit);
        Row("perplexity", LossInputs.Format(r.Perplexity), "classes");
        Row("accuracy", LossInputs.Format(r.Accuracy), "");
        Row("Brier score", LossInputs.Format(r.Brier), "Σ_k (p_k − [k = y])²");
        Row("prior log loss", LossInputs.Format(r.PriorLogLoss.Value), unit + ", predicting class frequencies");
        Row("log-loss reduction", r.LogLossReduction is { } red ? LossInputs.Format(red) : "n/a", "1 − log loss / prior log loss");
        Row("ECE", LossInputs.Format(r.ExpectedCalibrationError), $"{r.Reliability.Count} equal-width bins");
        var notes = new List<string> { caption };
        if (r.Clip > 0) notes.Add($"clipped at {r.Clip} ({r.ClippedRows} rows)");
        if (bad.Skipped > 0) notes.Add($"{bad.Skipped} bad rows skipped, first: {bad.FirstReason}");
        TextTable.Write(output, table);
        foreach (var note in notes) output.WriteLine(note);
    }
}
