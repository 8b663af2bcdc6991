namespace Xent.Reports;

/// <summary>
/// A measure of two distributions P and Q (cross-entropy, KL, JS) with H(P) beside it and the treatment of Q
/// (clipping, smoothing) it was computed with. Each measure is its own record so that its JSON key names it.
/// </summary>
public abstract record PairMeasureResult : InformationReport
{
    /// <summary>H(P), in the same unit.</summary>
    public required double EntropyP { get; init; }

    /// <summary>The floor q was clipped to (0: none).</summary>
    public required double Clip { get; init; }

    /// <summary>The additive smoothing α of Q (0: none).</summary>
    public required double Smoothing { get; init; }

    /// <summary>The measure's notation, e.g. "H(P,Q)".</summary>
    [System.Text.Json.Serialization.JsonIgnore] public abstract string Symbol { get; }

    /// <summary>The measure's value, in <see cref="InformationReport.Unit"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public abstract double Value { get; }
}

/// <summary><c>cross-entropy</c>: H(P,Q) = −Σ p log q.</summary>
public sealed record CrossEntropyResult : PairMeasureResult
{
    /// <summary>H(P,Q); +∞ when q = 0 where p &gt; 0 and Q was neither clipped nor smoothed.</summary>
    public required double CrossEntropy { get; init; }

    /// <inheritdoc/>
    [System.Text.Json.Serialization.JsonIgnore] public override string Symbol => "H(P,Q)";

    /// <inheritdoc/>
    [System.Text.Json.Serialization.JsonIgnore] public override double Value => CrossEntropy;
}

/// <summary><c>kl</c>: D(P‖Q) = Σ p log(p/q).</summary>
public sealed record KlDivergenceResult : PairMeasureResult
{
    /// <summary>D(P‖Q) ≥ 0; +∞ when q = 0 where p &gt; 0 and Q was neither clipped nor smoothed.</summary>
    public required double KlDivergence { get; init; }

    /// <inheritdoc/>
    [System.Text.Json.Serialization.JsonIgnore] public override string Symbol => "D(P‖Q)";

    /// <inheritdoc/>
    [System.Text.Json.Serialization.JsonIgnore] public override double Value => KlDivergence;
}

/// <summary><c>js</c>: JS(P,Q) = ½D(P‖M) + ½D(Q‖M), M = ½(P + Q).</summary>
public sealed record JsDivergenceResult : PairMeasureResult
{
    /// <summary>JS(P,Q), between 0 and 1 bit.</summary>
    public required double JsDivergence { get; init; }

    /// <inheritdoc/>
    [System.Text.Json.Serialization.JsonIgnore] public override string Symbol => "JS(P,Q)";

    /// <inheritdoc/>
    [System.Text.Json.Serialization.JsonIgnore] public override double Value => JsDivergence;
}
