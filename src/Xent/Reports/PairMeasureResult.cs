using Xent.Measures;

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
    /// <summary>Computes CrossEntropy of <paramref name="p"/> and <paramref name="q"/> with H(P) beside it (as <c>xent</c> prints it).</summary>
    /// <param name="p">The true distribution.</param>
    /// <param name="q">The model distribution, as long as <paramref name="p"/>.</param>
    /// <param name="logBase">The unit of the figures.</param>
    /// <param name="options">Normalization, clipping and smoothing of Q.</param>
    /// <exception cref="ArgumentException">P or Q is not a distribution under <paramref name="options"/>, or the lengths differ.</exception>
    public static CrossEntropyResult Of(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase logBase, MeasureOptions options) => new()
    {
        CrossEntropy = Discrete.CrossEntropy(p, q, logBase, options).Value, EntropyP = Discrete.Entropy(p, logBase, options).Value,
        Base = logBase.Value, Clip = options.Clip, Smoothing = options.Smoothing,
    };

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
    /// <summary>Computes KlDivergence of <paramref name="p"/> and <paramref name="q"/> with H(P) beside it (as <c>xent</c> prints it).</summary>
    /// <param name="p">The true distribution.</param>
    /// <param name="q">The model distribution, as long as <paramref name="p"/>.</param>
    /// <param name="logBase">The unit of the figures.</param>
    /// <param name="options">Normalization, clipping and smoothing of Q.</param>
    /// <exception cref="ArgumentException">P or Q is not a distribution under <paramref name="options"/>, or the lengths differ.</exception>
    public static KlDivergenceResult Of(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase logBase, MeasureOptions options) => new()
    {
        KlDivergence = Discrete.KlDivergence(p, q, logBase, options).Value, EntropyP = Discrete.Entropy(p, logBase, options).Value,
        Base = logBase.Value, Clip = options.Clip, Smoothing = options.Smoothing,
    };

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
    /// <summary>Computes JsDivergence of <paramref name="p"/> and <paramref name="q"/> with H(P) beside it (as <c>xent</c> prints it).</summary>
    /// <param name="p">The true distribution.</param>
    /// <param name="q">The model distribution, as long as <paramref name="p"/>.</param>
    /// <param name="logBase">The unit of the figures.</param>
    /// <param name="options">Normalization, clipping and smoothing of Q.</param>
    /// <exception cref="ArgumentException">P or Q is not a distribution under <paramref name="options"/>, or the lengths differ.</exception>
    public static JsDivergenceResult Of(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase logBase, MeasureOptions options) => new()
    {
        JsDivergence = Discrete.JsDivergence(p, q, logBase, options).Value, EntropyP = Discrete.Entropy(p, logBase, options).Value,
        Base = logBase.Value, Clip = options.Clip, Smoothing = options.Smoothing,
    };

    /// <summary>JS(P,Q), between 0 and 1 bit.</summary>
    public required double JsDivergence { get; init; }

    /// <inheritdoc/>
    [System.Text.Json.Serialization.JsonIgnore] public override string Symbol => "JS(P,Q)";

    /// <inheritdoc/>
    [System.Text.Json.Serialization.JsonIgnore] public override double Value => JsDivergence;
}
