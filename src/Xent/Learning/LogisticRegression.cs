using System.Numerics.Tensors;
using Xent.Losses;
using Xent.Numerics;

namespace Xent.Learning;

/// <summary>
/// Logistic regression trained by minimizing cross-entropy — maximum likelihood — with an L2 penalty (maximum a posteriori
/// under a Gaussian prior on the weights), by <see cref="Lbfgs"/>.
/// </summary>
/// <remarks>
/// Objective, exactly scikit-learn's <c>LogisticRegression(penalty='l2', C=C)</c>: minimize C·Σᵢ sᵢ CEᵢ + ½‖W‖², in nats,
/// intercepts not penalized, with sᵢ = sample weight × class weight of yᵢ (1 when none are given).
/// <list type="bullet">
/// <item>Two classes: one weight vector w and intercept b; CEᵢ = binary cross-entropy of z = w·xᵢ + b for class 1
/// (<see cref="BinaryCrossEntropy.WithLogits"/>).</item>
/// <item>K &gt; 2 classes: one weight vector and intercept per class (multinomial, softmax); CEᵢ = softmax cross-entropy,
/// on the features with a column of ones appended for the intercepts.</item>
/// </list>
/// The problem is convex, so the optimum's value is unique; L-BFGS stops at ‖∇‖∞ ≤ <see cref="LogisticRegressionOptions.GradientTolerance"/>,
/// or where scikit-learn's lbfgs stops when <see cref="LogisticRegressionOptions.Tolerance"/> is given.
/// </remarks>
public static class LogisticRegression
{
    /// <summary>scikit-learn's <c>ftol</c> for lbfgs: 64 machine epsilons (ε = 2⁻⁵² for double).</summary>
    private const double SklearnFunctionTolerance = 64 * 2.220446049250313e-16;

    /// <summary>Fits a model to features X [n, d] (row-major) and labels yᵢ ∈ [0, K).</summary>
    /// <param name="features">X, n·d finite values.</param>
    /// <param name="featureCount">d ≥ 1.</param>
    /// <param name="labels">yᵢ, n class indices in [0, <paramref name="classes"/>).</param>
    /// <param name="classes">K ≥ 2.</param>
    /// <param name="options">C, intercept, standardization, tolerance; defaults when null.</param>
    /// <param name="classNames">K names, or null for "0", "1", ….</param>
    /// <param name="featureNames">d names, or null for "x0", "x1", ….</param>
    /// <param name="sampleWeights">Empty (every sample weighs 1) or n finite weights ≥ 0: sample i's cross-entropy counts
    /// wᵢ times, as scikit-learn's <c>fit(X, y, sample_weight=…)</c>.</param>
    /// <param name="cancellationToken">Checked once per L-BFGS iteration: a cancelled fit throws <see cref="OperationCanceledException"/>.</param>
    /// <param name="progress">Called once per L-BFGS iteration with the fraction of the fit done, in [0, 1], never decreasing,
    /// and with 1 at the end (the <c>progress</c> of <see cref="Lbfgs.Minimize"/>). Null: not called.</param>
    /// <returns>The fitted model, with its <see cref="LogisticRegressionModel.Training"/> report.</returns>
    /// <exception cref="ArgumentOutOfRangeException">featureCount &lt; 1, classes &lt; 2, or C is not &gt; 0.</exception>
    /// <exception cref="ArgumentException">Shapes do not match, a feature is not finite, a label is outside [0, K), a weight is
    /// negative or not finite, or the class weights name an unknown class.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static LogisticRegressionModel Fit(ReadOnlySpan<double> features, int featureCount, ReadOnlySpan<int> labels, int classes,
        LogisticRegressionOptions? options = null, IReadOnlyList<string>? classNames = null, IReadOnlyList<string>? featureNames = null,
        ReadOnlySpan<double> sampleWeights = default, CancellationToken cancellationToken = default, Action<double>? progress = null)
    {
        options ??= LogisticRegressionOptions.Default;
        if (featureCount < 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(featureCount), featureCount, "At least one feature.");
        if (classes < 2) ThrowHelper.ThrowArgumentOutOfRange(nameof(classes), classes, "At least two classes.");
        if (!(options.C > 0)) ThrowHelper.ThrowArgumentOutOfRange(nameof(options.C), options.C, "C must be > 0.");
        int n = labels.Length, d = featureCount;
        if ((long)n * d != features.Length) ThrowHelper.ThrowShape(nameof(features), features.Length, $"n·d = {n}·{d}");
        if (n == 0) ThrowHelper.ThrowEmpty(nameof(labels));
        for (int i = 0; i < features.Length; i++)
            if (!double.IsFinite(features[i])) ThrowHelper.ThrowBadValue(nameof(features), i, features[i], "must be finite");
        for (int i = 0; i < n; i++)
            if ((uint)labels[i] >= (uint)classes) ThrowHelper.ThrowBadTarget(nameof(labels), i, labels[i], classes);
        classNames ??= Enumerable.Range(0, classes).Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        featureNames ??= Enumerable.Range(0, d).Select(j => "x" + j.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        if (classNames.Count != classes) ThrowHelper.ThrowShape(nameof(classNames), classNames.Count, $"K = {classes}");
        if (featureNames.Count != d) ThrowHelper.ThrowShape(nameof(featureNames), featureNames.Count, $"d = {d}");

        double[]? means = null, scales = null;
        var x = features.ToArray();
        if (options.Standardize) (means, scales) = StandardizeInPlace(x, d);

        // Columns: d features, then a 1 for the intercept when fitted.
        int width = options.FitIntercept ? d + 1 : d;
        var design = new double[n * width];
        for (int i = 0; i < n; i++)
        {
            x.AsSpan(i * d, d).CopyTo(design.AsSpan(i * width, d));
            if (options.FitIntercept) design[i * width + d] = 1;
        }
        int vectors = classes == 2 ? 1 : classes;
        var theta = new double[vectors * width];
        var weights = SampleWeights(labels, classes, classNames, sampleWeights, options);
        Objective objective = classes == 2
            ? BinaryObjective(design, width, d, labels.ToArray(), options.C, weights)
            : MultinomialObjective(design, width, d, classes, labels.ToArray(), options.C, weights);
        MinimizationResult result;
        if (options.Tolerance is { } tol)
        {
            if (!(tol > 0) || double.IsPositiveInfinity(tol)) ThrowHelper.ThrowArgumentOutOfRange(nameof(options.Tolerance), tol, "Must be finite and > 0.");
            // scikit-learn's scaling: the objective over C·Σw, so tol compares with the gradient of a mean loss.
            double sampleWeightSum = sampleWeights.IsEmpty ? n : TensorPrimitives.Sum(sampleWeights);
            if (!(sampleWeightSum > 0)) ThrowHelper.ThrowArgument(nameof(sampleWeights), "the sample weights sum to 0; nothing to fit.");
            // C = +∞ (no penalty): the objective is C·(Σ sᵢ CEᵢ), so divide the loss by Σw alone.
            double scale = double.IsPositiveInfinity(options.C) ? 1 / sampleWeightSum : 1 / (options.C * sampleWeightSum);
            var unscaled = objective;
            objective = (t, g) =>
            {
                double value = unscaled(t, g);
                VectorOps.Scale(g, scale);
                return value * scale;
            };
            result = Lbfgs.Minimize(objective, theta, tol, options.MaxIterations, cancellationToken: cancellationToken,
                functionTolerance: SklearnFunctionTolerance, progress: progress);
            result = result with { Value = result.Value / scale, GradientNorm = result.GradientNorm / scale };
        }
        else result = Lbfgs.Minimize(objective, theta, options.GradientTolerance, options.MaxIterations, cancellationToken: cancellationToken, progress: progress);

        var coefficients = new double[vectors][];
        var intercepts = new double[vectors];
        for (int k = 0; k < vectors; k++)
        {
            coefficients[k] = theta.AsSpan(k * width, d).ToArray();
            intercepts[k] = options.FitIntercept ? theta[k * width + d] : 0;
        }
        return new LogisticRegressionModel
        {
            ClassNames = classNames.ToArray(), FeatureNames = featureNames.ToArray(), Coefficients = coefficients, Intercepts = intercepts,
            Means = means, Scales = scales, C = options.C, Training = result,
        };
    }

    /// <summary>
    /// Fits a model to features X [n, d] and labels of any type, as scikit-learn's <c>LogisticRegression().fit(X, y, sample_weight)</c>:
    /// the classes are the distinct labels, sorted (with <see cref="Comparer{T}.Default"/> when <typeparamref name="TLabel"/> is
    /// comparable, ordinally for strings; in first-seen order otherwise), and named by their invariant text in
    /// <see cref="LogisticRegressionModel.ClassNames"/>. Class weights (<see cref="LogisticRegressionOptions.ClassWeights"/>) are keyed by those names.
    /// </summary>
    /// <typeparam name="TLabel">The label type: strings, integers, enums, anything with value equality.</typeparam>
    /// <param name="features">X, n·d finite values, row-major.</param>
    /// <param name="featureCount">d ≥ 1.</param>
    /// <param name="labels">yᵢ, n labels; at least two distinct values.</param>
    /// <param name="options">C, intercept, standardization, class weights, tolerance; defaults when null.</param>
    /// <param name="sampleWeights">Empty (all 1) or n finite weights ≥ 0.</param>
    /// <param name="featureNames">d names, or null for "x0", "x1", ….</param>
    /// <returns>The fitted model; class k of its probabilities is <c>ClassNames[k]</c>.</returns>
    /// <exception cref="ArgumentException">Fewer than two distinct labels, two labels with the same text, or any error of
    /// <see cref="Fit(ReadOnlySpan{double}, int, ReadOnlySpan{int}, int, LogisticRegressionOptions?, IReadOnlyList{string}?, IReadOnlyList{string}?, ReadOnlySpan{double}, CancellationToken, Action{double}?)"/>.</exception>
    public static LogisticRegressionModel Fit<TLabel>(ReadOnlySpan<double> features, int featureCount, ReadOnlySpan<TLabel> labels,
        LogisticRegressionOptions? options = null, ReadOnlySpan<double> sampleWeights = default, IReadOnlyList<string>? featureNames = null)
        where TLabel : notnull
    {
        var encoder = new Xent.Estimation.CategoryEncoder<TLabel>();
        var firstSeen = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++) firstSeen[i] = encoder.Encode(labels[i]);
        int classes = encoder.Count;
        if (classes < 2)
            ThrowHelper.ThrowArgument(nameof(labels), $"labels have {classes} distinct value{(classes == 1 ? "" : "s")}; a classifier needs at least two.");
        var order = Enumerable.Range(0, classes).ToArray();
        var values = encoder.Categories.ToArray();
        if (typeof(TLabel) == typeof(string)) Array.Sort((string[])(object)values, order, StringComparer.Ordinal);
        else if (typeof(IComparable<TLabel>).IsAssignableFrom(typeof(TLabel)) || typeof(IComparable).IsAssignableFrom(typeof(TLabel)))
            Array.Sort(values, order);
        var rank = new int[classes];
        for (int k = 0; k < classes; k++) rank[order[k]] = k;
        var codes = new int[labels.Length];
        for (int i = 0; i < codes.Length; i++) codes[i] = rank[firstSeen[i]];
        var names = values.Select(v => v is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : v.ToString() ?? "").ToArray();
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
            if (!distinct.Add(name)) ThrowHelper.ThrowArgument(nameof(labels), $"two distinct labels are both written '{name}'; class names must differ.");
        return Fit(features, featureCount, codes, classes, options, names, featureNames, sampleWeights);
    }

    /// <summary>½‖w‖² over the weight columns only (the intercept column, index ≥ d, is not penalized); adds w to the gradient.</summary>
    private static double Penalty(ReadOnlySpan<double> theta, Span<double> gradient, int width, int d)
    {
        double penalty = 0;
        for (int start = 0; start < theta.Length; start += width)
        {
            var w = theta.Slice(start, d);
            penalty += 0.5 * VectorOps.Dot(w, w);
            VectorOps.Axpy(1, w, gradient.Slice(start, d));
        }
        return penalty;
    }

    /// <summary>
    /// sᵢ = sample weight × class weight of yᵢ, or null when every sᵢ = 1 (the unweighted objective). "Balanced" class weights are
    /// n / (K · n_k) over the raw class counts, as scikit-learn's <c>compute_class_weight('balanced')</c> (sample weights do not enter them).
    /// </summary>
    private static double[]? SampleWeights(ReadOnlySpan<int> labels, int classes, IReadOnlyList<string> classNames,
        ReadOnlySpan<double> sampleWeights, LogisticRegressionOptions options)
    {
        int n = labels.Length;
        if (!sampleWeights.IsEmpty && sampleWeights.Length != n) ThrowHelper.ThrowLengthMismatch(nameof(labels), n, nameof(sampleWeights), sampleWeights.Length);
        for (int i = 0; i < sampleWeights.Length; i++)
            if (!(sampleWeights[i] >= 0) || double.IsPositiveInfinity(sampleWeights[i])) ThrowHelper.ThrowBadWeight(nameof(sampleWeights), i, sampleWeights[i]);
        if (options.BalanceClassWeights && options.ClassWeights is not null)
            ThrowHelper.ThrowArgument(nameof(options.ClassWeights), "give class weights or ask for balanced ones, not both.");
        double[]? classWeight = null;
        if (options.BalanceClassWeights)
        {
            var counts = new long[classes];
            foreach (int y in labels) counts[y]++;
            classWeight = new double[classes];
            for (int k = 0; k < classes; k++) classWeight[k] = counts[k] > 0 ? (double)n / (classes * counts[k]) : 1;
        }
        else if (options.ClassWeights is { } given)
        {
            classWeight = new double[classes];
            Array.Fill(classWeight, 1.0);
            foreach (var (name, weight) in given)
            {
                int k = -1;
                for (int j = 0; j < classNames.Count && k < 0; j++) if (classNames[j] == name) k = j;
                if (k < 0) ThrowHelper.ThrowArgument(nameof(options.ClassWeights), $"class weight for '{name}', which is not one of the classes ({string.Join(", ", classNames)}).");
                if (!(weight >= 0) || double.IsPositiveInfinity(weight)) ThrowHelper.ThrowBadWeight(nameof(options.ClassWeights), k, weight);
                classWeight[k] = weight;
            }
        }
        if (classWeight is null && sampleWeights.IsEmpty) return null;
        var s = new double[n];
        for (int i = 0; i < n; i++) s[i] = (sampleWeights.IsEmpty ? 1 : sampleWeights[i]) * (classWeight is null ? 1 : classWeight[labels[i]]);
        return s;
    }

    private static Objective BinaryObjective(double[] design, int width, int d, int[] labels, double c, double[]? weights)
    {
        int n = labels.Length;
        var y = labels.Select(l => (double)l).ToArray();
        var z = new double[n];
        var gz = new double[n];
        return (theta, gradient) =>
        {
            LinearKernels.Logits<double>(design, theta, width, z);
            double loss = BinaryCrossEntropy.WithLogits(z, y, gz, Reduction.Sum, weights);
            VectorOps.Scale(gz, c);
            gradient.Clear();
            LinearKernels.AddWeightGradient<double>(gz, design, width, gradient);
            return c * loss + Penalty(theta, gradient, width, d);
        };
    }

    /// <summary>
    /// C·Σᵢ sᵢ CEᵢ (sᵢ = 1 without weights): logits [n, K] = X·Θᵀ (<see cref="LinearKernels.Logits{T}"/>, register-tiled), a
    /// softmax per row (<see cref="SoftmaxRows"/>), and ∂Θ = Gᵀ·X (<see cref="LinearKernels.AddWeightGradient{T}"/>).
    /// </summary>
    /// <remarks>
    /// Not <see cref="FusedLinearCrossEntropy"/>: its generality (chunks, options, class weights, label smoothing, ignored rows,
    /// parallel rows) is compiled on first use, and a fit is usually the first use in its process (<c>xent train</c>); that
    /// compilation took longer than the whole fit on the digits data. The objective is the same.
    /// </remarks>
    private static Objective MultinomialObjective(double[] design, int width, int d, int classes, int[] labels, double c, double[]? weights)
    {
        var logits = new double[labels.Length * classes];
        return (theta, gradient) =>
        {
            LinearKernels.Logits<double>(design, theta, width, logits);
            double loss = SoftmaxRows(logits, classes, labels, c, weights);
            gradient.Clear();
            LinearKernels.AddWeightGradient<double>(logits, design, width, gradient);
            return loss + Penalty(theta, gradient, width, d);
        };
    }

    /// <summary>
    /// Turns each row of logits z into c·sᵢ·(softmax(z) − e_yᵢ) in place and returns c·Σᵢ sᵢ CEᵢ, with
    /// CEᵢ = ln Σ_k exp(z_k − max) + max − z_yᵢ in nats (max-shifted, so no exp overflows; a compensated sum over rows).
    /// A row of weight 0 becomes zeros.
    /// </summary>
    private static double SoftmaxRows(Span<double> logits, int classes, ReadOnlySpan<int> labels, double c, double[]? weights)
    {
        CompensatedSum total = default;
        for (int i = 0; i < labels.Length; i++)
        {
            var z = logits.Slice(i * classes, classes);
            int y = labels[i];
            double max = z[0];
            for (int k = 1; k < classes; k++) max = Math.Max(max, z[k]);
            double target = z[y], sum = 0;
            for (int k = 0; k < classes; k++)
            {
                double e = Math.Exp(z[k] - max);
                z[k] = e;
                sum += e;
            }
            double s = weights is null ? 1 : weights[i];
            if (s != 0) total.Add(s * (Math.Log(sum) + (max - target)));
            double scale = c * s / sum;
            for (int k = 0; k < classes; k++) z[k] *= scale;
            z[y] -= c * s;
        }
        return c * total.Value;
    }

    /// <summary>Centers and scales columns in place; returns the means and the population standard deviations (1 where a column is constant).</summary>
    private static (double[] Means, double[] Scales) StandardizeInPlace(double[] x, int d)
    {
        int n = x.Length / d;
        var means = new double[d];
        var scales = new double[d];
        for (int j = 0; j < d; j++)
        {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += x[i * d + j];
            mean /= n;
            double variance = 0;
            for (int i = 0; i < n; i++) variance += (x[i * d + j] - mean) * (x[i * d + j] - mean);
            double scale = Math.Sqrt(variance / n);
            means[j] = mean;
            scales[j] = scale > 0 ? scale : 1;
            for (int i = 0; i < n; i++) x[i * d + j] = (x[i * d + j] - mean) / scales[j];
        }
        return (means, scales);
    }
}
