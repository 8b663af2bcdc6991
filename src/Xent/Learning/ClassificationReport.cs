namespace Xent.Learning;

/// <summary>Metrics of probabilistic predictions against true classes (weighted by sample weights; see <see cref="ClassificationMetrics"/>).</summary>
public sealed record ClassificationReport
{
    /// <summary>Rows evaluated.</summary>
    public required int Count { get; init; }

    /// <summary>Σ of the sample weights (the count when unweighted).</summary>
    public required double WeightSum { get; init; }

    /// <summary>Mean −log p(true class), in the unit asked for. +∞ if a true class had probability 0 and no clipping was asked.</summary>
    public required Information LogLoss { get; init; }

    /// <summary>exp of the log loss in nats: the effective number of equally likely classes the model hesitates between.</summary>
    public required double Perplexity { get; init; }

    /// <summary>Weighted fraction of rows whose most probable class (lowest index on ties) is the true one.</summary>
    public required double Accuracy { get; init; }

    /// <summary>Brier score, Brier's (1950) multi-class form: mean of Σ_k (p_k − [k = y])². For two classes it is twice scikit-learn's <c>brier_score_loss</c>.</summary>
    public required double Brier { get; init; }

    /// <summary>Log loss of the baseline that predicts the class frequencies of these labels for every row (the entropy of the prior), same unit.</summary>
    public required Information PriorLogLoss { get; init; }

    /// <summary>1 − LogLoss/PriorLogLoss (McFadden's pseudo-R²): the fraction of the prior's surprise the model removes; null when the prior's loss is 0 (one class).</summary>
    public required double? LogLossReduction { get; init; }

    /// <summary>Expected calibration error: Σ_b (W_b/W)·|accuracy_b − confidence_b| over the equal-width bins of <see cref="Reliability"/>.</summary>
    public required double ExpectedCalibrationError { get; init; }

    /// <summary>The reliability diagram's bins.</summary>
    public required IReadOnlyList<CalibrationBin> Reliability { get; init; }

    /// <summary>The clip applied to the true class's probability (0: none).</summary>
    public required double Clip { get; init; }

    /// <summary>Rows whose true-class probability was raised to <see cref="Clip"/>.</summary>
    public required int ClippedRows { get; init; }
}
