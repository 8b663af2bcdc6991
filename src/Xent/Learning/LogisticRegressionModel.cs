using System.Text.Json;
using System.Text.Json.Serialization;

namespace Xent.Learning;

/// <summary>
/// A fitted logistic regression: weights, intercepts, optional standardization, class and feature names.
/// Probabilities: two classes, p(class 1 | x) = σ(w·x' + b) with one vector; K &gt; 2, softmax over w_k·x' + b_k;
/// x' = (x − mean)/scale when the model was fitted with standardization, x otherwise.
/// Saved as JSON (<see cref="ToJson"/>, <see cref="FromJson"/>), format "xent.logistic-regression/1".
/// </summary>
public sealed record LogisticRegressionModel
{
    /// <summary>The JSON format identifier written by <see cref="ToJson"/> and required by <see cref="FromJson"/>.</summary>
    public const string FormatName = "xent.logistic-regression/1";

    /// <summary>The format identifier (always <see cref="FormatName"/>).</summary>
    [JsonPropertyName("format")] public string Format { get; init; } = FormatName;

    /// <summary>The K class names, in the order of the probabilities.</summary>
    [JsonPropertyName("classes")] public required IReadOnlyList<string> ClassNames { get; init; }

    /// <summary>The name of the predicted variable (a CSV column, for instance), or null.</summary>
    [JsonPropertyName("target")] public string? Target { get; init; }

    /// <summary>The d feature names, in column order.</summary>
    [JsonPropertyName("features")] public required IReadOnlyList<string> FeatureNames { get; init; }

    /// <summary>Weight vectors: one (for class 1) when K = 2, otherwise K; each of d entries.</summary>
    [JsonPropertyName("coefficients")] public required double[][] Coefficients { get; init; }

    /// <summary>One intercept per weight vector (0 when not fitted).</summary>
    [JsonPropertyName("intercepts")] public required double[] Intercepts { get; init; }

    /// <summary>Feature means subtracted before applying the weights, or null (no standardization).</summary>
    [JsonPropertyName("means")] public double[]? Means { get; init; }

    /// <summary>Feature scales divided by after centering, or null.</summary>
    [JsonPropertyName("scales")] public double[]? Scales { get; init; }

    /// <summary>The C the model was fitted with.</summary>
    [JsonPropertyName("c")] public double C { get; init; }

    /// <summary>The optimizer's report (objective value, gradient norm, iterations), when fitted here.</summary>
    [JsonPropertyName("training")] public MinimizationResult? Training { get; init; }

    /// <summary>K.</summary>
    [JsonIgnore] public int Classes => ClassNames.Count;

    /// <summary>d.</summary>
    [JsonIgnore] public int Features => FeatureNames.Count;

    /// <summary>Writes p(k | xᵢ) for rows X [n, d] into <paramref name="destination"/> [n, K] (rows sum to 1; exact at any |logit|).</summary>
    /// <param name="features">X, n·d finite values, columns in <see cref="FeatureNames"/> order.</param>
    /// <param name="destination">n·K entries.</param>
    /// <exception cref="ArgumentException">Shapes do not match, a feature is not finite, or a row's scores overflow to ∞ − ∞ (features far beyond the training range).</exception>
    public void PredictProbabilities(ReadOnlySpan<double> features, Span<double> destination)
    {
        int k = Classes, n = Scores(features, destination);
        for (int i = 0; i < n; i++)
        {
            var p = destination.Slice(i * k, k);
            if (k == 2)
            {
                // Scores are [0, z]: the two sigmoids are exact at any |z|.
                double z = p[1];
                p[1] = Losses.BinaryCrossEntropy.Sigmoid(z);
                p[0] = Losses.BinaryCrossEntropy.Sigmoid(-z);
                continue;
            }
            double max = double.NegativeInfinity;
            for (int c = 0; c < k; c++) max = Math.Max(max, p[c]);
            double sum = 0;
            for (int c = 0; c < k; c++) sum += p[c] = Math.Exp(p[c] - max);
            if (double.IsNaN(sum)) ThrowHelper.ThrowScoreOverflow(nameof(features), i);
            for (int c = 0; c < k; c++) p[c] /= sum;
        }
    }

    /// <summary>
    /// Writes log p(k | xᵢ) for rows X [n, d] into <paramref name="destination"/> [n, K], as scikit-learn's
    /// <c>predict_log_proba</c>, computed as a max-shifted log-softmax of the scores (for two classes, of [0, w·x + b]), so a
    /// probability that underflows to 0 in <see cref="PredictProbabilities"/> keeps its logarithm here (−745 nats and far beyond).
    /// </summary>
    /// <param name="features">X, n·d finite values, columns in <see cref="FeatureNames"/> order.</param>
    /// <param name="destination">n·K entries, in nats; each row's exponentials sum to 1; every entry is ≤ 0.</param>
    /// <exception cref="ArgumentException">Shapes do not match, a feature is not finite, or a row's scores overflow to ∞ − ∞.</exception>
    public void PredictLogProbabilities(ReadOnlySpan<double> features, Span<double> destination)
    {
        int k = Classes;
        int n = Scores(features, destination);
        for (int i = 0; i < n; i++)
        {
            var z = destination.Slice(i * k, k);
            double max = double.NegativeInfinity;
            foreach (double v in z) max = Math.Max(max, v);
            double sum = 0;
            foreach (double v in z) sum += Math.Exp(v - max);
            double lse = max + Math.Log(sum);
            if (!double.IsFinite(lse)) ThrowHelper.ThrowScoreOverflow(nameof(features), i);
            for (int c = 0; c < k; c++) z[c] -= lse;
        }
    }

    /// <summary>
    /// Writes the most probable class index of each row of X [n, d] into <paramref name="destination"/>, as scikit-learn's
    /// <c>predict</c>: the largest score wins, ties go to the lower index; with two classes, class 1 exactly when w·x + b &gt; 0.
    /// </summary>
    /// <param name="features">X, n·d finite values, columns in <see cref="FeatureNames"/> order.</param>
    /// <param name="destination">n entries receiving indices into <see cref="ClassNames"/>.</param>
    /// <exception cref="ArgumentException">Shapes do not match, a feature is not finite, or a row's scores are NaN (overflow to ∞ − ∞).</exception>
    public void Predict(ReadOnlySpan<double> features, Span<int> destination)
    {
        int k = Classes, d = Features;
        if (features.Length % d != 0) ThrowHelper.ThrowShape(nameof(features), features.Length, $"a multiple of d = {d}");
        int n = features.Length / d;
        if (destination.Length != n) ThrowHelper.ThrowShape(nameof(destination), destination.Length, $"n = {n}");
        var scores = new double[n * k];
        Scores(features, scores);
        for (int i = 0; i < n; i++)
        {
            int best = 0;
            for (int c = 1; c < k; c++)
                if (scores[i * k + c] > scores[i * k + best]) best = c;
            destination[i] = best;
        }
    }

    /// <summary>The most probable class name of each row of X [n, d]: <see cref="Predict(ReadOnlySpan{double}, Span{int})"/> mapped through <see cref="ClassNames"/>.</summary>
    /// <param name="features">X, n·d finite values, columns in <see cref="FeatureNames"/> order.</param>
    /// <returns>n class names.</returns>
    /// <exception cref="ArgumentException">As <see cref="Predict(ReadOnlySpan{double}, Span{int})"/>.</exception>
    public string[] PredictClassNames(ReadOnlySpan<double> features)
    {
        var indices = new int[features.Length / Math.Max(Features, 1)];
        Predict(features, indices);
        return [.. indices.Select(i => ClassNames[i])];
    }

    /// <summary>Writes each row's scores (K = 2: [0, w·x′ + b]; else w_k·x′ + b_k) into destination [n, K]; returns n. NaN scores throw.</summary>
    private int Scores(ReadOnlySpan<double> features, Span<double> destination)
    {
        int d = Features, k = Classes;
        if (features.Length % d != 0) ThrowHelper.ThrowShape(nameof(features), features.Length, $"a multiple of d = {d}");
        int n = features.Length / d;
        if (destination.Length != n * k) ThrowHelper.ThrowShape(nameof(destination), destination.Length, $"n·K = {n}·{k}");
        Span<double> row = d <= 256 ? stackalloc double[d] : new double[d];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                double v = features[i * d + j];
                if (!double.IsFinite(v)) ThrowHelper.ThrowBadValue(nameof(features), i * d + j, v, "must be finite");
                row[j] = Means is null ? v : (v - Means[j]) / Scales![j];
            }
            var z = destination.Slice(i * k, k);
            if (k == 2)
            {
                z[0] = 0;
                z[1] = Score(row, 0);
            }
            else
            {
                for (int c = 0; c < k; c++) z[c] = Score(row, c);
            }
            foreach (double v in z)
                if (double.IsNaN(v)) ThrowHelper.ThrowScoreOverflow(nameof(features), i);
        }
        return n;
    }

    private double Score(ReadOnlySpan<double> x, int vector) =>
        System.Numerics.Tensors.TensorPrimitives.Dot(Coefficients[vector], x) + Intercepts[vector];

    /// <summary>The model as indented JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, LogisticRegressionJsonContext.Default.LogisticRegressionModel);

    /// <summary>
    /// Reads a model written by <see cref="ToJson"/>; throws <see cref="InvalidDataException"/> on another format, inconsistent
    /// shapes, a missing or repeated class or feature name, a non-finite weight, intercept or mean, or a scale that is not
    /// finite and positive (a hand-edited or corrupted file must not yield NaN probabilities).
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The model.</returns>
    public static LogisticRegressionModel FromJson(string json)
    {
        LogisticRegressionModel? model;
        try
        {
            model = JsonSerializer.Deserialize(json, LogisticRegressionJsonContext.Default.LogisticRegressionModel);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Not a logistic regression model: {e.Message}", e);
        }
        if (model is null || model.Format != FormatName)
            throw new InvalidDataException($"Not a logistic regression model (format '{model?.Format}', expected '{FormatName}').");
        // "required" makes a field be present, not non-null: a hand-edited file can still hold null where arrays belong.
        if (model.ClassNames is null || model.FeatureNames is null || model.Coefficients is null || model.Intercepts is null
            || model.Coefficients.Any(w => w is null))
            ThrowHelper.ThrowInvalidData("The model has null where its classes, features, coefficients or intercepts belong.");
        int vectors = model.Classes == 2 ? 1 : model.Classes;
        bool consistent = model.Classes >= 2 && model.Features >= 1 && model.Coefficients.Length == vectors
            && model.Intercepts.Length == vectors && model.Coefficients.All(w => w.Length == model.Features)
            && (model.Means is null) == (model.Scales is null)
            && (model.Means is null || model.Means.Length == model.Features && model.Scales!.Length == model.Features);
        if (!consistent) throw new InvalidDataException("The model's coefficient, intercept and scaling shapes do not match its classes and features.");
        CheckNames(model.ClassNames, "classes");
        CheckNames(model.FeatureNames, "features");
        if (model.Target is { } target && model.FeatureNames.Contains(target))
            ThrowHelper.ThrowInvalidData($"The model's target '{target}' is also one of its features.");
        for (int k = 0; k < vectors; k++)
        {
            CheckFinite(model.Coefficients[k], $"coefficients[{k}]");
            if (!double.IsFinite(model.Intercepts[k])) ThrowHelper.ThrowInvalidData($"The model's intercepts[{k}] = {model.Intercepts[k]} is not finite.");
        }
        if (model.Means is not null) CheckFinite(model.Means, "means");
        if (model.Scales is not null)
        {
            for (int j = 0; j < model.Scales.Length; j++)
                if (!(model.Scales[j] > 0 && double.IsFinite(model.Scales[j])))
                    ThrowHelper.ThrowInvalidData($"The model's scales[{j}] = {model.Scales[j]} is not finite and positive.");
        }
        return model;
    }

    private static void CheckNames(IReadOnlyList<string> names, string field)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            if (string.IsNullOrEmpty(names[i])) ThrowHelper.ThrowInvalidData($"The model's {field}[{i}] is missing or empty.");
            if (!seen.Add(names[i])) ThrowHelper.ThrowInvalidData($"The model's {field}[{i}] = '{names[i]}' repeats an earlier name.");
        }
    }

    private static void CheckFinite(double[] values, string field)
    {
        for (int j = 0; j < values.Length; j++)
            if (!double.IsFinite(values[j])) ThrowHelper.ThrowInvalidData($"The model's {field}[{j}] = {values[j]} is not finite.");
    }

}

/// <summary>
/// The source-generated (reflection-free, trim- and AOT-safe) JSON contract of <see cref="LogisticRegressionModel"/>: indented,
/// snake_case keys, ±∞ as named literals.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(LogisticRegressionModel))]
internal sealed partial class LogisticRegressionJsonContext : JsonSerializerContext;
