namespace Xent.Reports;

/// <summary>
/// <c>predict</c>: a saved model's class probabilities for each row, and — when the file has the model's target column —
/// the metrics of those predictions in <see cref="Metrics"/>.
/// </summary>
public sealed record PredictResult
{
    /// <summary>Rows predicted.</summary>
    public required int Rows { get; init; }

    /// <summary>Bad rows skipped (not predicted, or predicted but with a label the model does not know).</summary>
    public required int SkippedRows { get; init; }

    /// <summary>The model's class names, in the order of each prediction's probabilities.</summary>
    public required string[] Classes { get; init; }

    /// <summary>The model's target column, when the file has it (each prediction then carries its row's label).</summary>
    public string? Target { get; init; }

    /// <summary>The metrics against the target column, when present (its <c>rows</c> are the rows with a known label).</summary>
    public MetricsResult? Metrics { get; init; }

    /// <summary>One entry per predicted row, in file order.</summary>
    public required Prediction[] Predictions { get; init; }
}

/// <summary>One row's prediction.</summary>
/// <param name="Line">The row's line in the input file.</param>
/// <param name="Actual">The row's label in the target column, when the file has it.</param>
/// <param name="Predicted">The most probable class (the first on ties).</param>
/// <param name="Probabilities">p(class | row) by class name, in model order; they sum to 1.</param>
public sealed record Prediction(long Line, string? Actual, string Predicted, Dictionary<string, double> Probabilities);
