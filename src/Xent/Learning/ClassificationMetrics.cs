using Xent.Numerics;

namespace Xent.Learning;

/// <summary>
/// Metrics of probabilistic classifiers: log loss (cross-entropy of the labels under the predictions), perplexity, accuracy,
/// Brier score, log-loss reduction against the class prior, expected calibration error and reliability-diagram bins.
/// </summary>
/// <remarks>
/// Every mean is weighted by the sample weights wᵢ (1 when none are given): Σ wᵢ·mᵢ / Σ wᵢ. Probabilities must be finite, in
/// [0, 1], with rows summing to 1 within <see cref="MetricsOptions.Tolerance"/> — never renormalized; a violation throws
/// <see cref="ArgumentException"/> naming the row (and class). Log losses are in the unit of <see cref="MetricsOptions.Base"/>,
/// bits by default; perplexity is unitless. From logits, log p = z − logsumexp(z) is used directly, so
/// the log loss stays exact where p underflows. Calibration uses top-label confidence c = max_k p_k in B equal-width bins
/// [b/B, (b+1)/B), the last closed.
/// </remarks>
public static class ClassificationMetrics
{
    /// <summary>Metrics of probabilities P [n, K] (row-major) against labels yᵢ ∈ [0, K).</summary>
    /// <param name="probabilities">P, n·K entries.</param>
    /// <param name="classes">K ≥ 1.</param>
    /// <param name="labels">yᵢ, n entries.</param>
    /// <param name="options">Unit, clipping, tolerance, bins; defaults when null.</param>
    /// <param name="sampleWeights">Empty (all 1) or n finite weights ≥ 0 with a positive sum.</param>
    /// <returns>The report.</returns>
    public static ClassificationReport Evaluate(ReadOnlySpan<double> probabilities, int classes, ReadOnlySpan<int> labels,
        MetricsOptions? options = null, ReadOnlySpan<double> sampleWeights = default)
    {
        options ??= MetricsOptions.Default;
        int n = CheckShapes(probabilities.Length, classes, labels, sampleWeights, options);
        var logP = new double[probabilities.Length];
        for (int i = 0; i < n; i++)
        {
            var row = probabilities.Slice(i * classes, classes);
            double sum = 0;
            for (int k = 0; k < classes; k++)
            {
                double p = row[k];
                if (!(p >= 0 && p <= 1)) ThrowHelper.ThrowBadValue(nameof(probabilities), i * classes + k, p, $"row {i}: a probability must be in [0, 1]");
                sum += p;
                logP[i * classes + k] = Math.Log(p);
            }
            if (Math.Abs(sum - 1) > options.Tolerance)
                ThrowHelper.ThrowArgument(nameof(probabilities), $"row {i} sums to {sum:R}, not 1 (tolerance {options.Tolerance:R}); probabilities are never renormalized.");
        }
        return Core(probabilities, logP, classes, labels, options, sampleWeights);
    }

    /// <summary>Metrics of logits Z [n, K]: probabilities softmax(zᵢ), log-probabilities zᵢ − logsumexp(zᵢ).</summary>
    /// <param name="logits">Z, n·K entries, finite or −∞, each row with a finite entry.</param>
    /// <param name="classes">K ≥ 1.</param>
    /// <param name="labels">yᵢ, n entries.</param>
    /// <param name="options">Unit, clipping, bins; defaults when null.</param>
    /// <param name="sampleWeights">Empty or n weights.</param>
    /// <returns>The report.</returns>
    public static ClassificationReport EvaluateLogits(ReadOnlySpan<double> logits, int classes, ReadOnlySpan<int> labels,
        MetricsOptions? options = null, ReadOnlySpan<double> sampleWeights = default)
    {
        options ??= MetricsOptions.Default;
        int n = CheckShapes(logits.Length, classes, labels, sampleWeights, options);
        var p = new double[logits.Length];
        var logP = new double[logits.Length];
        for (int i = 0; i < n; i++)
        {
            var z = logits.Slice(i * classes, classes);
            double max = double.NegativeInfinity;
            for (int k = 0; k < classes; k++)
            {
                if (double.IsNaN(z[k]) || double.IsPositiveInfinity(z[k])) ThrowHelper.ThrowBadLogit(nameof(logits), i, k, z[k]);
                max = Math.Max(max, z[k]);
            }
            if (double.IsNegativeInfinity(max)) ThrowHelper.ThrowBadLogit(nameof(logits), i, 0, z[0]);
            double sum = 0;
            for (int k = 0; k < classes; k++) sum += Math.Exp(z[k] - max);
            double lse = max + Math.Log(sum);
            for (int k = 0; k < classes; k++)
            {
                logP[i * classes + k] = z[k] - lse;
                p[i * classes + k] = Math.Exp(z[k] - lse);
            }
        }
        return Core(p, logP, classes, labels, options, sampleWeights);
    }

    private static int CheckShapes(int length, int classes, ReadOnlySpan<int> labels, ReadOnlySpan<double> sampleWeights, MetricsOptions options)
    {
        if (classes < 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(classes), classes, "There must be at least one class.");
        int n = labels.Length;
        if ((long)n * classes != length) ThrowHelper.ThrowShape("probabilities", length, $"n·K = {n}·{classes}");
        if (n == 0) ThrowHelper.ThrowEmpty(nameof(labels));
        if (options.Bins < 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(options.Bins), options.Bins, "At least one bin.");
        if (!(options.Clip >= 0 && options.Clip < 1)) ThrowHelper.ThrowArgumentOutOfRange(nameof(options.Clip), options.Clip, "Clip must be in [0, 1).");
        for (int i = 0; i < n; i++)
            if ((uint)labels[i] >= (uint)classes) ThrowHelper.ThrowBadTarget(nameof(labels), i, labels[i], classes);
        if (sampleWeights.IsEmpty) return n;
        if (sampleWeights.Length != n) ThrowHelper.ThrowLengthMismatch(nameof(labels), n, nameof(sampleWeights), sampleWeights.Length);
        Losses.SoftmaxCrossEntropy.CheckFiniteNonNegative(sampleWeights, nameof(sampleWeights));
        return n;
    }

    private static readonly Measures.MeasureOptions PriorWeights = new() { Normalization = Normalization.Renormalize };

    private static long[] ClassCounts(ReadOnlySpan<int> labels, int classes)
    {
        var counts = new long[classes];
        foreach (int y in labels) counts[y]++;
        return counts;
    }

    private static ClassificationReport Core(ReadOnlySpan<double> p, ReadOnlySpan<double> logP, int classes, ReadOnlySpan<int> labels,
        MetricsOptions options, ReadOnlySpan<double> sampleWeights)
    {
        int n = labels.Length, bins = options.Bins, clipped = 0;
        double logClip = options.Clip > 0 ? Math.Log(options.Clip) : double.NegativeInfinity;
        CompensatedSum weightSum = default, logLoss = default, correct = default, brier = default;
        var prior = new double[classes];
        var binCount = new int[bins];
        var binWeight = new double[bins];
        var binConfidence = new double[bins];
        var binCorrect = new double[bins];
        for (int i = 0; i < n; i++)
        {
            double w = sampleWeights.IsEmpty ? 1 : sampleWeights[i];
            int y = labels[i];
            var row = p.Slice(i * classes, classes);
            weightSum.Add(w);
            prior[y] += w;
            double ly = logP[i * classes + y];
            if (ly < logClip) { ly = logClip; clipped++; }
            if (w != 0) logLoss.Add(-w * ly);
            int top = 0;
            double squares = 0;
            for (int k = 0; k < classes; k++)
            {
                if (row[k] > row[top]) top = k;
                double d = row[k] - (k == y ? 1 : 0);
                squares += d * d;
            }
            brier.Add(w * squares);
            double hit = top == y ? w : 0;
            correct.Add(hit);
            int b = Math.Min((int)(row[top] * bins), bins - 1);
            binCount[b]++;
            binWeight[b] += w;
            binConfidence[b] += w * row[top];
            binCorrect[b] += hit;
        }
        double total = weightSum.Value;
        if (!(total > 0)) ThrowHelper.ThrowArgument(nameof(sampleWeights), "The sample weights sum to 0.");
        double loss = logLoss.Value / total;
        // The prior's log loss is the entropy of the class frequencies: of the class counts when unweighted (exact), else of
        // the class weights divided by their total.
        double baseline = sampleWeights.IsEmpty
            ? Measures.Discrete.Entropy(ClassCounts(labels, classes), LogBase.Nats).Value
            : Measures.Discrete.Entropy(prior, LogBase.Nats, PriorWeights).Value;
        var reliability = new CalibrationBin[bins];
        double ece = 0;
        for (int b = 0; b < bins; b++)
        {
            double bw = binWeight[b];
            double confidence = bw > 0 ? binConfidence[b] / bw : 0, accuracy = bw > 0 ? binCorrect[b] / bw : 0;
            reliability[b] = new((double)b / bins, (double)(b + 1) / bins, binCount[b], bw, confidence, accuracy);
            ece += bw / total * Math.Abs(accuracy - confidence);
        }
        return new ClassificationReport
        {
            Count = n, WeightSum = total,
            LogLoss = Information.FromNats(loss, options.Base),
            Perplexity = Math.Exp(loss),
            Accuracy = correct.Value / total,
            Brier = brier.Value / total,
            PriorLogLoss = Information.FromNats(baseline, options.Base),
            LogLossReduction = baseline > 0 ? 1 - loss / baseline : null,
            ExpectedCalibrationError = ece,
            Reliability = reliability,
            Clip = options.Clip,
            ClippedRows = clipped,
        };
    }
}
