namespace Xent.Learning;

/// <summary>Settings of <see cref="ClassificationMetrics"/>.</summary>
public sealed record MetricsOptions
{
    /// <summary>Bits, no clipping, Σ within 1e-6 of 1, ten calibration bins.</summary>
    public static MetricsOptions Default { get; } = new();

    /// <summary>
    /// Unit of the log loss and the prior's log loss. Default bits (<see cref="LogBase.Bits"/>), the unit of every information
    /// figure in Xent; pass <see cref="LogBase.Nats"/> for scikit-learn's <c>log_loss</c> (the losses in <c>Xent.Losses</c> are in nats, as PyTorch's).
    /// </summary>
    public LogBase Base { get; init; } = LogBase.Bits;

    /// <summary>
    /// If positive, the true class's probability is raised to at least this before its log is taken (no renormalization),
    /// and the report counts the rows so changed. 0 (default): none — a true class predicted with probability 0 gives +∞.
    /// </summary>
    public double Clip { get; init; }

    /// <summary>Largest |Σ_k p_ik − 1| accepted; rows further from 1 are an error, never renormalized. Default 1e-6.</summary>
    public double Tolerance { get; init; } = 1e-6;

    /// <summary>Equal-width confidence bins of the calibration error and the reliability diagram. Default 10.</summary>
    public int Bins { get; init; } = 10;
}
