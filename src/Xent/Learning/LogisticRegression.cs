using System.Numerics.Tensors;
using Xent.Losses;

namespace Xent.Learning;

/// <summary>
/// Logistic regression trained by minimizing cross-entropy — maximum likelihood — with an L2 penalty (maximum a posteriori
/// under a Gaussian prior on the weights), by <see cref="Lbfgs"/>.
/// </summary>
/// <remarks>
/// Objective, exactly scikit-learn's <c>LogisticRegression(penalty='l2', C=C)</c>: minimize C·Σᵢ CEᵢ + ½‖W‖², in nats,
/// intercepts not penalized.
/// <list type="bullet">
/// <item>Two classes: one weight vector w and intercept b; CEᵢ = binary cross-entropy of z = w·xᵢ + b for class 1
/// (<see cref="BinaryCrossEntropy.WithLogits"/>).</item>
/// <item>K &gt; 2 classes: one weight vector and intercept per class (multinomial, softmax); CEᵢ = softmax cross-entropy,
/// computed by <see cref="FusedLinearCrossEntropy"/> on the features with a column of ones appended for the intercepts.</item>
/// </list>
/// The problem is convex, so the optimum's value is unique; L-BFGS stops at ‖∇‖∞ ≤ <see cref="LogisticRegressionOptions.GradientTolerance"/>.
/// </remarks>
public static class LogisticRegression
{
    /// <summary>Fits a model to features X [n, d] (row-major) and labels yᵢ ∈ [0, K).</summary>
    /// <param name="features">X, n·d finite values.</param>
    /// <param name="featureCount">d ≥ 1.</param>
    /// <param name="labels">yᵢ, n class indices in [0, <paramref name="classes"/>).</param>
    /// <param name="classes">K ≥ 2.</param>
    /// <param name="options">C, intercept, standardization, tolerance; defaults when null.</param>
    /// <param name="classNames">K names, or null for "0", "1", ….</param>
    /// <param name="featureNames">d names, or null for "x0", "x1", ….</param>
    /// <param name="cancellationToken">Checked once per L-BFGS iteration: a cancelled fit throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The fitted model, with its <see cref="LogisticRegressionModel.Training"/> report.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static LogisticRegressionModel Fit(ReadOnlySpan<double> features, int featureCount, ReadOnlySpan<int> labels, int classes,
        LogisticRegressionOptions? options = null, IReadOnlyList<string>? classNames = null, IReadOnlyList<string>? featureNames = null,
        CancellationToken cancellationToken = default)
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
        Objective objective = classes == 2
            ? BinaryObjective(design, width, d, labels.ToArray(), options.C)
            : MultinomialObjective(design, width, d, labels.ToArray(), options.C);
        var result = Lbfgs.Minimize(objective, theta, options.GradientTolerance, options.MaxIterations, cancellationToken: cancellationToken);

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

    /// <summary>½‖w‖² over the weight columns only (the intercept column, index ≥ d, is not penalized); adds w to the gradient.</summary>
    private static double Penalty(ReadOnlySpan<double> theta, Span<double> gradient, int width, int d)
    {
        double penalty = 0;
        for (int start = 0; start < theta.Length; start += width)
        {
            var w = theta.Slice(start, d);
            penalty += 0.5 * TensorPrimitives.Dot(w, w);
            var g = gradient.Slice(start, d);
            TensorPrimitives.Add(g, w, g);
        }
        return penalty;
    }

    private static Objective BinaryObjective(double[] design, int width, int d, int[] labels, double c)
    {
        int n = labels.Length;
        var y = labels.Select(l => (double)l).ToArray();
        var z = new double[n];
        var gz = new double[n];
        return (theta, gradient) =>
        {
            for (int i = 0; i < n; i++) z[i] = TensorPrimitives.Dot(design.AsSpan(i * width, width), theta);
            double loss = BinaryCrossEntropy.WithLogits(z, y, gz, Reduction.Sum);
            gradient.Clear();
            for (int i = 0; i < n; i++) TensorPrimitives.MultiplyAdd(design.AsSpan(i * width, width), c * gz[i], gradient, gradient);
            return c * loss + Penalty(theta, gradient, width, d);
        };
    }

    private static Objective MultinomialObjective(double[] design, int width, int d, int[] labels, double c)
    {
        var options = new CrossEntropyOptions { Reduction = Reduction.Sum, IgnoreIndex = -1 };
        return (theta, gradient) =>
        {
            double loss = FusedLinearCrossEntropy.Compute(design, theta, width, labels, weightGradient: gradient, options: options);
            TensorPrimitives.Multiply(gradient, c, gradient);
            return c * loss + Penalty(theta, gradient, width, d);
        };
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
