using System.Globalization;
using Xent.Losses;

namespace Xent.Reports;

/// <summary>
/// The softmax cross-entropy of one example: the logits, the probabilities softmax gives them, the loss for the true
/// class and its gradient with respect to the logits, with optional label smoothing and class weights. Figures in nats
/// (the loss functions' unit).
/// </summary>
public sealed record SoftmaxLossResult
{
    /// <summary>The logits z.</summary>
    public required double[] Logits { get; init; }

    /// <summary>softmax(z)_c = e^{−ℓ(z, c)}, where ℓ(z, c) = −ln softmax(z)_c is the unsmoothed, unweighted loss for class c.</summary>
    public required double[] Probabilities { get; init; }

    /// <summary>The true class y.</summary>
    public required int TrueClass { get; init; }

    /// <summary>Label smoothing ε: the target is (1 − ε)·onehot(y) + ε/C.</summary>
    public required double LabelSmoothing { get; init; }

    /// <summary>The class weights (null: all 1); the loss is w_y times the smoothed cross-entropy (sum reduction of one row).</summary>
    public double[]? ClassWeights { get; init; }

    /// <summary>The loss, in nats.</summary>
    public required double Loss { get; init; }

    /// <summary>∂loss/∂z: w_y·(softmax(z) − target).</summary>
    public required double[] Gradient { get; init; }

    /// <summary>Computes the loss of one row with <see cref="SoftmaxCrossEntropy.Compute(ReadOnlySpan{double}, int, ReadOnlySpan{int}, Span{double}, CrossEntropyOptions?, ReadOnlySpan{double}, Span{double})"/>.</summary>
    /// <param name="logits">z, at least one finite value.</param>
    /// <param name="trueClass">y in [0, C).</param>
    /// <param name="labelSmoothing">ε in [0, 1].</param>
    /// <param name="classWeights">C finite weights ≥ 0, or null.</param>
    /// <exception cref="ArgumentException">A shape, a class or an option is invalid (the loss function's checks).</exception>
    public static SoftmaxLossResult Build(double[] logits, int trueClass, double labelSmoothing = 0, double[]? classWeights = null)
    {
        int c = logits.Length;
        if ((uint)trueClass >= (uint)c) ThrowHelper.ThrowArgumentOutOfRange(nameof(trueClass), trueClass, $"the true class must be 0 … {c - 1}");
        // One row per class, loss unreduced: row c's loss is −ln softmax(z)_c.
        var rows = new double[c * c];
        var targets = new int[c];
        for (int k = 0; k < c; k++)
        {
            logits.CopyTo(rows.AsSpan(k * c, c));
            targets[k] = k;
        }
        var perClass = new double[c];
        SoftmaxCrossEntropy.Compute(rows, c, targets, default, new CrossEntropyOptions { Reduction = Reduction.None }, default, perClass);
        var gradient = new double[c];
        double loss = SoftmaxCrossEntropy.Compute(logits, c, [trueClass], gradient,
            new CrossEntropyOptions { Reduction = Reduction.Sum, LabelSmoothing = labelSmoothing }, classWeights ?? default);
        return new SoftmaxLossResult
        {
            Logits = logits, Probabilities = perClass.Select(l => Math.Exp(-l)).ToArray(), TrueClass = trueClass,
            LabelSmoothing = labelSmoothing, ClassWeights = classWeights, Loss = loss, Gradient = gradient,
        };
    }
}

/// <summary>
/// The binary cross-entropy of one prediction: the predicted probability p̂ = σ(z) of the positive class, the target y,
/// the loss −y ln p̂ − (1 − y) ln(1 − p̂) in nats and its gradient ∂loss/∂z = p̂ − y (times the weight).
/// </summary>
public sealed record BinaryLossResult
{
    /// <summary>The predicted probability p̂ of the positive class, in (0, 1).</summary>
    public required double Probability { get; init; }

    /// <summary>The target y in [0, 1] (smoothed when asked).</summary>
    public required double Target { get; init; }

    /// <summary>The loss, in nats.</summary>
    public required double Loss { get; init; }

    /// <summary>∂loss/∂z at z = logit(p̂).</summary>
    public required double Gradient { get; init; }

    /// <summary>Computes the loss with <see cref="BinaryCrossEntropy.WithLogits"/> at z = ln(p̂ / (1 − p̂)).</summary>
    /// <param name="probability">p̂ in (0, 1).</param>
    /// <param name="target">y in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">p̂ is not strictly between 0 and 1.</exception>
    public static BinaryLossResult Build(double probability, double target)
    {
        if (!(probability > 0 && probability < 1)) ThrowHelper.ThrowArgumentOutOfRange(nameof(probability), probability, "the predicted probability must be strictly between 0 and 1");
        var gradient = new double[1];
        double loss = BinaryCrossEntropy.WithLogits([Logit(probability)], [target], gradient, Reduction.Sum);
        return new BinaryLossResult { Probability = probability, Target = target, Loss = loss, Gradient = gradient[0] };
    }

    /// <summary>The loss against p̂ over (0, 1) for this target, with this prediction marked.</summary>
    public PlotSpec Plot()
    {
        const int points = 199;
        var grid = Enumerable.Range(1, points).Select(i => i / (points + 1.0)).ToArray();
        var losses = new double[points];
        BinaryCrossEntropy.WithLogits(grid.Select(Logit).ToArray(), Enumerable.Repeat(Target, points).ToArray(), default, Reduction.None, default, default, losses);
        string y = Target.ToString("0.###", CultureInfo.InvariantCulture);
        return new PlotSpec($"Binary cross-entropy, target y = {y}", new PlotAxis("predicted probability p̂") { Min = 0, Max = 1 }, new PlotAxis("loss", "nats"))
        {
            Series =
            [
                new PlotSeries($"−y ln p̂ − (1−y) ln(1−p̂), y = {y}", grid, losses),
                new PlotSeries(string.Create(CultureInfo.InvariantCulture, $"p̂ = {Probability:0.###}: {Loss:0.###} nats"), [Probability], [Loss], SeriesStyle.Point),
            ],
            Legend = Target >= 0.5 ? LegendPosition.UpperRight : LegendPosition.UpperLeft,
        };
    }

    private static double Logit(double p) => Math.Log(p) - Math.Log(1 - p);
}
