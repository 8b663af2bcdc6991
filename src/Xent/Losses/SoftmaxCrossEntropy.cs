using System.Numerics;
using System.Numerics.Tensors;
using Xent.Numerics;

namespace Xent.Losses;

/// <summary>
/// Softmax cross-entropy of a batch of logits z [N, C] (row-major) against class indices or target distributions, in nats,
/// with every option of PyTorch's <c>F.cross_entropy</c> and, on request, the gradient with respect to the logits.
/// </summary>
/// <remarks>
/// <para>Definitions (q = softmax(z_i), lse_i = log Σ_c exp z_ic, w = class weights, all 1 when none are given, ε = label smoothing):</para>
/// <list type="bullet">
/// <item>Class index y_i: ℓ_i = (1 − ε)·w_{y_i}·(lse_i − z_{i,y_i}) + (ε/C)·Σ_c w_c·(lse_i − z_ic). This is PyTorch's formula:
/// the smoothing term carries each class's own weight, not w_{y_i}. Rows with y_i = <see cref="CrossEntropyOptions.IgnoreIndex"/>
/// have ℓ_i = 0 and a zero gradient. Mean = Σ ℓ_i / Σ_{i not ignored} w_{y_i} (the smoothing term is divided by the same sum, as in PyTorch).</item>
/// <item>Probabilities t_i: with t' = (1 − ε)·t + ε/C, ℓ_i = Σ_c w_c·t'_ic·(lse_i − z_ic); mean = Σ ℓ_i / N.</item>
/// <item>Gradient: ∂ℓ_i/∂z_ic = q_ic·Σ_k w_k t'_ik − w_c t'_ic, times 1/denominator under <see cref="Reduction.Mean"/>.</item>
/// </list>
/// <para>Stability: each row is shifted by its max (lse = max + log Σ exp(z − max)), so logits of ±1e4 or more are exact; a −∞
/// logit is a masked class (probability 0). A row whose logits are NaN or +∞, or all −∞, throws <see cref="ArgumentException"/>
/// naming the row and class. A true-class logit of −∞ gives ℓ_i = +∞ (the exact value), never NaN.</para>
/// <para>Cost: without a gradient, one read of each row (online softmax: the max and Σ exp together). With the gradient, one
/// exp per logit: the max, then exp(z − max) written to the gradient and summed, then scaled in place while the row is
/// in cache (streaming stores for batches over 16 MB), so each logit is read from memory once and each gradient entry
/// written once. No allocation on one thread. float sums are kept per lane with Kahan compensation and combined in double;
/// loss figures are returned in double. float exp is a polynomial accurate to about 2 ulp.</para>
/// </remarks>
public static class SoftmaxCrossEntropy
{
    /// <summary>Loss of float logits [N, C] against class indices; see the type's remarks for the formulas.</summary>
    /// <param name="logits">z, N·C entries, row-major.</param>
    /// <param name="classes">C ≥ 1.</param>
    /// <param name="targets">y_i ∈ [0, C) or the ignore index; N entries.</param>
    /// <param name="gradient">Empty (no gradient) or N·C entries that receive ∂loss/∂z. May be the same memory as <paramref name="logits"/>.</param>
    /// <param name="options">Reduction, ignore index, label smoothing, threads; <see cref="CrossEntropyOptions.Default"/> when null.</param>
    /// <param name="classWeights">Empty (all 1) or C finite weights ≥ 0.</param>
    /// <param name="rowLosses">Empty or N entries receiving the unreduced ℓ_i (required by <see cref="Reduction.None"/>).</param>
    /// <returns>The reduced loss in nats (Σ ℓ_i for <see cref="Reduction.None"/>); 0 for an empty batch.</returns>
    public static double Compute(ReadOnlySpan<float> logits, int classes, ReadOnlySpan<int> targets, Span<float> gradient = default,
        CrossEntropyOptions? options = null, ReadOnlySpan<float> classWeights = default, Span<float> rowLosses = default) =>
        ComputeIndexed<float>(logits, classes, targets, gradient, options ?? CrossEntropyOptions.Default, classWeights, rowLosses);

    /// <summary>Loss of double logits [N, C] against class indices; as the float overload.</summary>
    /// <inheritdoc cref="Compute(ReadOnlySpan{float}, int, ReadOnlySpan{int}, Span{float}, CrossEntropyOptions?, ReadOnlySpan{float}, Span{float})"/>
    public static double Compute(ReadOnlySpan<double> logits, int classes, ReadOnlySpan<int> targets, Span<double> gradient = default,
        CrossEntropyOptions? options = null, ReadOnlySpan<double> classWeights = default, Span<double> rowLosses = default) =>
        ComputeIndexed<double>(logits, classes, targets, gradient, options ?? CrossEntropyOptions.Default, classWeights, rowLosses);

    /// <summary>
    /// Loss of float logits [N, C] against target distributions t [N, C] (soft labels). Entries of t must be finite and ≥ 0;
    /// rows are used as given (the loss is linear in t, as in PyTorch; they are not renormalized). The ignore index does not apply.
    /// </summary>
    /// <param name="logits">z, N·C entries, row-major.</param>
    /// <param name="classes">C ≥ 1.</param>
    /// <param name="targetProbabilities">t, N·C entries.</param>
    /// <param name="gradient">Empty or N·C entries that receive ∂loss/∂z.</param>
    /// <param name="options">Options; default when null.</param>
    /// <param name="classWeights">Empty (all 1) or C finite weights ≥ 0.</param>
    /// <param name="rowLosses">Empty or N entries receiving ℓ_i.</param>
    /// <returns>The reduced loss in nats; the mean divides by N.</returns>
    public static double ComputeSoft(ReadOnlySpan<float> logits, int classes, ReadOnlySpan<float> targetProbabilities, Span<float> gradient = default,
        CrossEntropyOptions? options = null, ReadOnlySpan<float> classWeights = default, Span<float> rowLosses = default) =>
        ComputeSoftCore<float>(logits, classes, targetProbabilities, gradient, options ?? CrossEntropyOptions.Default, classWeights, rowLosses);

    /// <summary>Loss of double logits [N, C] against target distributions; as the float overload.</summary>
    /// <inheritdoc cref="ComputeSoft(ReadOnlySpan{float}, int, ReadOnlySpan{float}, Span{float}, CrossEntropyOptions?, ReadOnlySpan{float}, Span{float})"/>
    public static double ComputeSoft(ReadOnlySpan<double> logits, int classes, ReadOnlySpan<double> targetProbabilities, Span<double> gradient = default,
        CrossEntropyOptions? options = null, ReadOnlySpan<double> classWeights = default, Span<double> rowLosses = default) =>
        ComputeSoftCore<double>(logits, classes, targetProbabilities, gradient, options ?? CrossEntropyOptions.Default, classWeights, rowLosses);

    private static unsafe double ComputeIndexed<T>(ReadOnlySpan<T> logits, int classes, ReadOnlySpan<int> targets, Span<T> gradient,
        CrossEntropyOptions options, ReadOnlySpan<T> classWeights, Span<T> rowLosses)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int n = targets.Length;
        double weightSum = ValidateCommon(logits.Length, classes, n, gradient.Length, options, classWeights, rowLosses.Length);
        double scale = ReductionScale(options.Reduction, MeanDenominator(targets, classes, options.IgnoreIndex, classWeights));
        fixed (T* z = logits, g = gradient, w = classWeights, l = rowLosses)
        fixed (int* y = targets)
        {
            var job = new IndexedRow<T>
            {
                Logits = z, Targets = y, Weights = classWeights.IsEmpty ? null : w, Gradient = gradient.IsEmpty ? null : g,
                RowLosses = rowLosses.IsEmpty ? null : l, Classes = classes, Rows = n, IgnoreIndex = options.IgnoreIndex,
                Smoothing = options.LabelSmoothing, WeightSum = weightSum, Scale = scale,
                Streaming = Streams<T>(gradient.Length),
            };
            double total = RowDriver.Sum(job, n, classes, options.MaxDegreeOfParallelism);
            return options.Reduction == Reduction.Mean ? total * scale : total;
        }
    }

    private static unsafe double ComputeSoftCore<T>(ReadOnlySpan<T> logits, int classes, ReadOnlySpan<T> targetProbabilities, Span<T> gradient,
        CrossEntropyOptions options, ReadOnlySpan<T> classWeights, Span<T> rowLosses)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (targetProbabilities.Length != logits.Length)
            ThrowHelper.ThrowLengthMismatch(nameof(logits), logits.Length, nameof(targetProbabilities), targetProbabilities.Length);
        int n = classes >= 1 ? logits.Length / classes : 0;
        ValidateCommon(logits.Length, classes, n, gradient.Length, options, classWeights, rowLosses.Length);
        CheckFiniteNonNegative(targetProbabilities, nameof(targetProbabilities));
        double scale = ReductionScale(options.Reduction, n);
        fixed (T* z = logits, t = targetProbabilities, g = gradient, w = classWeights, l = rowLosses)
        {
            var job = new SoftRow<T>
            {
                Logits = z, Targets = t, Weights = classWeights.IsEmpty ? null : w, Gradient = gradient.IsEmpty ? null : g,
                RowLosses = rowLosses.IsEmpty ? null : l, Classes = classes, Rows = n, Smoothing = options.LabelSmoothing, Scale = scale,
                Streaming = Streams<T>(gradient.Length),
            };
            double total = RowDriver.Sum(job, n, classes, options.MaxDegreeOfParallelism);
            return options.Reduction == Reduction.Mean ? total * scale : total;
        }
    }

    /// <summary>Checks shapes and options; returns Σ_c w_c (C without weights).</summary>
    internal static double ValidateCommon<T>(int logitCount, int classes, int rows, int gradientLength, CrossEntropyOptions options,
        ReadOnlySpan<T> classWeights, int rowLossLength) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (classes < 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(classes), classes, "There must be at least one class.");
        if ((long)rows * classes != logitCount)
            ThrowHelper.ThrowShape("logits", logitCount, $"N·C = {rows}·{classes} = {(long)rows * classes}");
        LossChecks.OptionalLength(gradientLength, logitCount, "gradient");
        LossChecks.Destination(rowLossLength, rows, options.Reduction, "rowLosses");
        if (!(options.LabelSmoothing >= 0 && options.LabelSmoothing <= 1))
            ThrowHelper.ThrowArgumentOutOfRange(nameof(options.LabelSmoothing), options.LabelSmoothing, "Label smoothing must be in [0, 1].");
        ParallelChunks.CheckDegree(options.MaxDegreeOfParallelism, nameof(options.MaxDegreeOfParallelism));
        if (classWeights.IsEmpty) return classes;
        if (classWeights.Length != classes) ThrowHelper.ThrowShape(nameof(classWeights), classWeights.Length, $"0 or C = {classes}");
        CheckFiniteNonNegative(classWeights, nameof(classWeights));
        CompensatedSum sum = default;
        foreach (var w in classWeights) sum.Add(double.CreateTruncating(w));
        return sum.Value;
    }

    /// <summary>Σ w_{y_i} over rows not ignored (the count when unweighted); checks every target.</summary>
    internal static double MeanDenominator<T>(ReadOnlySpan<int> targets, int classes, int ignoreIndex, ReadOnlySpan<T> classWeights)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        CompensatedSum denominator = default;
        for (int i = 0; i < targets.Length; i++)
        {
            int y = targets[i];
            if (y == ignoreIndex) continue;
            if ((uint)y >= (uint)classes) ThrowHelper.ThrowBadTarget(nameof(targets), i, y, classes, ignoreIndex);
            denominator.Add(classWeights.IsEmpty ? 1 : double.CreateTruncating(classWeights[y]));
        }
        return denominator.Value;
    }

    internal static double ReductionScale(Reduction reduction, double denominator) =>
        reduction == Reduction.Mean ? (denominator > 0 ? 1 / denominator : 0) : 1;

    internal static void CheckFiniteNonNegative<T>(ReadOnlySpan<T> values, string paramName) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (values.IsEmpty) return;
        // Two vectorised reductions; the scan that names the entry runs only when one fails (Max is NaN if any entry is).
        T max = TensorPrimitives.Max(values), min = TensorPrimitives.Min(values);
        if (T.IsFinite(max) && min >= T.Zero) return;
        for (int i = 0; i < values.Length; i++)
            if (!T.IsFinite(values[i]) || values[i] < T.Zero)
                ThrowHelper.ThrowBadValue(paramName, i, double.CreateTruncating(values[i]), "must be finite and ≥ 0");
    }

    /// <summary>Gradients larger than this many bytes cannot stay in cache: they are written with streaming stores.</summary>
    private const long StreamingBytes = 16 << 20;

    private static unsafe bool Streams<T>(int gradientLength) where T : unmanaged => (long)gradientLength * sizeof(T) >= StreamingBytes;

    /// <summary>Reports the first NaN or +∞ of a row, or its first entry when every logit is −∞.</summary>
    internal static void ThrowBadRow<T>(ReadOnlySpan<T> z, int row) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        for (int c = 0; c < z.Length; c++)
            if (T.IsNaN(z[c]) || T.IsPositiveInfinity(z[c])) ThrowHelper.ThrowBadLogit("logits", row, c, double.CreateTruncating(z[c]));
        ThrowHelper.ThrowBadLogit("logits", row, 0, double.CreateTruncating(z[0]));
    }

    private unsafe struct IndexedRow<T> : IRowJob
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        public T* Logits, Weights, Gradient, RowLosses;
        public int* Targets;
        public int Classes, Rows, IgnoreIndex;
        public double Smoothing, WeightSum, Scale;
        public bool Streaming;

        private readonly ReadOnlySpan<T> NextRow(int row) =>
            row + 1 < Rows ? new ReadOnlySpan<T>(Logits + (long)(row + 1) * Classes, Classes) : default;

        public readonly double Row(int row)
        {
            int classes = Classes, y = Targets[row];
            var z = new ReadOnlySpan<T>(Logits + (long)row * classes, classes);
            var g = Gradient == null ? default : new Span<T>(Gradient + (long)row * classes, classes);
            if (y == IgnoreIndex)
            {
                g.Clear();
                if (RowLosses != null) RowLosses[row] = T.Zero;
                return 0;
            }
            var (max, sumExp) = g.IsEmpty ? SoftmaxRow.MaxSumExp(z) : (SoftmaxRow.Max(z), 1);
            if (!T.IsFinite(max) || !(sumExp > 0)) ThrowBadRow(z, row);
            var weights = Weights == null ? default : new ReadOnlySpan<T>(Weights, classes);
            double m = double.CreateTruncating(max), eps = Smoothing;
            double wy = Weights == null ? 1 : double.CreateTruncating(Weights[y]);
            double trueWeight = (1 - eps) * wy;
            // Everything that reads z is done before the gradient pass, which may overwrite z.
            double distance = trueWeight == 0 ? 0 : m - double.CreateTruncating(z[y]);
            double smoothing = eps > 0 ? SoftmaxRow.WeightedDistanceFromMax(z, max, weights) : 0;
            if (!g.IsEmpty)
            {
                sumExp = SoftmaxRow.ExpShiftedSum(z, max, g, NextRow(row));
                if (!(sumExp > 0)) ThrowBadRow(z, row); // a NaN the max let through
                double alpha = trueWeight + eps / classes * WeightSum;
                double uniform = Weights == null ? Scale * eps / classes : 0;
                SoftmaxRow.ScaleShift(g, T.CreateTruncating(Scale * alpha / sumExp), T.CreateTruncating(uniform), Streaming);
                if (Weights != null && eps > 0) TensorPrimitives.MultiplyAdd(weights, T.CreateTruncating(-Scale * eps / classes), g, g);
                g[y] -= T.CreateTruncating(Scale * trueWeight);
            }
            double logSum = Math.Log(sumExp);
            double loss = trueWeight == 0 ? 0 : trueWeight * (logSum + distance);
            if (eps > 0) loss += eps / classes * (WeightSum * logSum + smoothing);
            if (RowLosses != null) RowLosses[row] = T.CreateTruncating(loss);
            return loss;
        }
    }

    private unsafe struct SoftRow<T> : IRowJob
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        public T* Logits, Targets, Weights, Gradient, RowLosses;
        public int Classes, Rows;
        public double Smoothing, Scale;
        public bool Streaming;

        public readonly double Row(int row)
        {
            int classes = Classes;
            long offset = (long)row * classes;
            var z = new ReadOnlySpan<T>(Logits + offset, classes);
            var t = new ReadOnlySpan<T>(Targets + offset, classes);
            var (max, sumExp) = Gradient == null ? SoftmaxRow.MaxSumExp(z) : (SoftmaxRow.Max(z), 1);
            if (!T.IsFinite(max) || !(sumExp > 0)) ThrowBadRow(z, row);
            double m = double.CreateTruncating(max), eps = Smoothing, uniform = eps / classes;
            CompensatedSum mass = default, distance = default;
            for (int c = 0; c < classes; c++)
            {
                double wt = Weight(c) * ((1 - eps) * double.CreateTruncating(t[c]) + uniform);
                if (wt == 0) continue; // 0·(lse − z) = 0 even where z = −∞
                mass.Add(wt);
                distance.Add(wt * (m - double.CreateTruncating(z[c])));
            }
            if (Gradient != null)
            {
                var g = new Span<T>(Gradient + offset, classes);
                sumExp = SoftmaxRow.ExpShiftedSum(z, max, g, NextRow(row));
                if (!(sumExp > 0)) ThrowBadRow(z, row);
                SoftmaxRow.ScaleShift(g, T.CreateTruncating(Scale * mass.Value / sumExp), T.Zero, Streaming);
                for (int c = 0; c < classes; c++)
                    g[c] -= T.CreateTruncating(Scale * Weight(c) * ((1 - eps) * double.CreateTruncating(t[c]) + uniform));
            }
            double loss = mass.Value * Math.Log(sumExp) + distance.Value;
            if (RowLosses != null) RowLosses[row] = T.CreateTruncating(loss);
            return loss;
        }

        private readonly ReadOnlySpan<T> NextRow(int row) =>
            row + 1 < Rows ? new ReadOnlySpan<T>(Logits + (long)(row + 1) * Classes, Classes) : default;

        private readonly double Weight(int c) => Weights == null ? 1 : double.CreateTruncating(Weights[c]);
    }
}
