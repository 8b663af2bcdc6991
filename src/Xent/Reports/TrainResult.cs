using Xent.Learning;

namespace Xent.Reports;

/// <summary>
/// <c>train</c>: a logistic regression's fit — log loss (nats) and accuracy on the training rows and, when held out, the
/// test rows; the optimizer's report; the settings, classes and features.
/// </summary>
public sealed record TrainResult : InformationReport
{
    /// <summary>Mean log loss on the training rows.</summary>
    public required double TrainLogLoss { get; init; }

    /// <summary>Accuracy on the training rows.</summary>
    public required double TrainAccuracy { get; init; }

    /// <summary>Training rows.</summary>
    public required int TrainRows { get; init; }

    /// <summary>Mean log loss on the test rows, when there are some.</summary>
    public double? TestLogLoss { get; init; }

    /// <summary>Accuracy on the test rows.</summary>
    public double? TestAccuracy { get; init; }

    /// <summary>Test rows.</summary>
    public int? TestRows { get; init; }

    /// <summary>L-BFGS iterations.</summary>
    public required int Iterations { get; init; }

    /// <summary>Objective evaluations.</summary>
    public required int Evaluations { get; init; }

    /// <summary>The minimized objective C·Σ CE + ½‖W‖².</summary>
    public required double Objective { get; init; }

    /// <summary>‖∇‖∞ at the end.</summary>
    public required double GradientNorm { get; init; }

    /// <summary>scikit-learn's <c>tol</c> the fit stopped by (<see cref="LogisticRegressionOptions.Tolerance"/>), when one was given.</summary>
    public double? Tol { get; init; }

    /// <summary>Whether the gradient tolerance (or, with <see cref="Tol"/>, scikit-learn's stopping rule) was met.</summary>
    public required bool Converged { get; init; }

    /// <summary>Wall-clock seconds of the fit.</summary>
    public required double Seconds { get; init; }

    /// <summary>CPU seconds the process spent during the fit (every thread, the runtime's compiler included), when measured.</summary>
    public double? CpuSeconds { get; init; }

    /// <summary>scikit-learn's C.</summary>
    public required double C { get; init; }

    /// <summary>Whether features were standardized.</summary>
    public required bool Standardize { get; init; }

    /// <summary>Class names, in model order.</summary>
    public required string[] Classes { get; init; }

    /// <summary>Feature names, in model order.</summary>
    public required string[] Features { get; init; }

    /// <summary>Bad rows skipped.</summary>
    public required int SkippedRows { get; init; }

    /// <summary>Why the first skipped row was bad, when rows were skipped.</summary>
    public string? FirstSkippedReason { get; init; }

    /// <summary>The result of fitting <paramref name="model"/> (which carries its training report) with the metrics of its training and test rows.</summary>
    /// <exception cref="ArgumentException">The model has no training report.</exception>
    /// <param name="model">The fitted model; it must carry its training report (iterations, final loss, convergence).</param>
    /// <param name="options">The options the model was fitted with (regularization, tolerance, iteration limit), reported as given.</param>
    /// <param name="train">Metrics of the model on its training rows.</param>
    /// <param name="test">Metrics on the held-out test rows, or null when there was no test split.</param>
    /// <param name="seconds">Wall-clock time of the fit, in seconds (≥ 0).</param>
    /// <param name="skippedRows">Rows skipped as bad while reading the data (0 when none).</param>
    /// <param name="firstSkippedReason">The first skipped row's one-line reason, or null when no row was skipped.</param>
    public static TrainResult From(LogisticRegressionModel model, LogisticRegressionOptions options, ClassificationReport train,
        ClassificationReport? test, double seconds, int skippedRows, string? firstSkippedReason)
    {
        if (model.Training is not { } t) { ThrowHelper.ThrowArgument(nameof(model), "the model has no training report."); return null!; }
        return new TrainResult
        {
            Base = LogBase.Nats.Value,
            TrainLogLoss = train.LogLoss.Nats, TrainAccuracy = train.Accuracy, TrainRows = train.Count,
            TestLogLoss = test?.LogLoss.Nats, TestAccuracy = test?.Accuracy, TestRows = test?.Count,
            Iterations = t.Iterations, Evaluations = t.Evaluations, Objective = t.Value, GradientNorm = t.GradientNorm, Converged = t.Converged, Tol = options.Tolerance,
            Seconds = seconds, C = options.C, Standardize = options.Standardize,
            Classes = model.ClassNames.ToArray(), Features = model.FeatureNames.ToArray(),
            SkippedRows = skippedRows, FirstSkippedReason = skippedRows > 0 ? firstSkippedReason : null,
        };
    }
}
