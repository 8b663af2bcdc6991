namespace Xent.Measures;

/// <summary>
/// How a measure treats its inputs: the normalization policy for p and q, and what to do with
/// q = 0 where p &gt; 0 (by default the true answer, +∞; on request clipping or additive smoothing).
/// </summary>
public sealed record MeasureOptions
{
    /// <summary>The options every measure uses when none are given: require Σ = 1 within 1e-6, no clipping, no smoothing.</summary>
    public static MeasureOptions Default { get; } = new();

    /// <summary>Normalization policy for p and q. Default <see cref="Xent.Normalization.Require"/>.</summary>
    public Normalization Normalization { get; init; } = Normalization.Require;

    /// <summary>Under <see cref="Xent.Normalization.Require"/>, the largest |Σ − 1| accepted. Default 1e-6.</summary>
    public double Tolerance { get; init; } = DistributionCheck.DefaultTolerance;

    /// <summary>
    /// If positive, every q_i is replaced by max(q_i, Clip) before its logarithm is taken and nothing is renormalized,
    /// as numpy's <c>np.clip(q, eps, None)</c> does (seed 002 uses 1e-10). 0 (default): no clipping, q_i = 0 with p_i &gt; 0 gives +∞.
    /// </summary>
    public double Clip { get; init; }

    /// <summary>
    /// If positive, additive (Lidstone) smoothing of q: q_i := (q_i + α) / (Σq + nα). 0 (default): none.
    /// </summary>
    public double Smoothing { get; init; }

    /// <summary>
    /// The most threads this may use: 1 (the default) runs on the calling thread, −1 means every core
    /// (<see cref="Environment.ProcessorCount"/>), and 0 or a value below −1 is rejected with <see cref="ArgumentOutOfRangeException"/>.
    /// The work is cut into equal contiguous chunks whose partial results are combined in chunk order, so the result is
    /// bit-identical from run to run for a given input and thread count.
    /// Here a pass is split only when every thread gets at least 65,536 elements, and the result may differ from the
    /// single-threaded one in the last bits (sums are grouped differently; the difference is below 1e-13 relative).
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;
}
