using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using Xent.Numerics;

namespace Xent.Losses;

/// <summary>
/// Softmax cross-entropy of a linear layer's output for large vocabularies, without materializing the N×C logits:
/// z = H·Wᵀ for hidden states H [N, D] and a weight W [C, D] (row-major), loss as <see cref="SoftmaxCrossEntropy"/>
/// (same options, same definitions), and the gradients ∂loss/∂H = G·W and ∂loss/∂W = Gᵀ·H where G = ∂loss/∂z.
/// </summary>
/// <remarks>
/// Rows are processed in chunks of R rows: the chunk's logits [R, C] are computed into one workspace, turned in place into
/// their gradient (the two-pass online softmax of <see cref="SoftmaxCrossEntropy"/>), and immediately folded into
/// ∂H and ∂W. Peak extra memory is R·C elements — the workspace — instead of N·C; with <c>workspace</c> given, none is
/// allocated (one thread). The mean's 1/Σw is applied once at the end, so chunking does not change the result beyond
/// rounding. The logits and ∂W are register-tiled products (<see cref="LinearKernels"/>), ∂H row AXPYs, O(N·C·D) each.
/// </remarks>
public static class FusedLinearCrossEntropy
{
    /// <summary>Default chunk: about 2^20 logits (4 MB in float), at least one row, at most 4096.</summary>
    /// <param name="classes">C.</param>
    /// <returns>The number of rows per chunk.</returns>
    public static int DefaultChunkRows(int classes) => Math.Clamp((1 << 20) / Math.Max(classes, 1), 1, 4096);

    /// <summary>The fused loss in float; see the type's remarks.</summary>
    /// <param name="hidden">H, N·D entries.</param>
    /// <param name="weight">W, C·D entries.</param>
    /// <param name="features">D ≥ 1.</param>
    /// <param name="targets">y, N class indices (or the ignore index).</param>
    /// <param name="hiddenGradient">Empty or N·D entries: receives ∂loss/∂H.</param>
    /// <param name="weightGradient">Empty or C·D entries: receives ∂loss/∂W.</param>
    /// <param name="options">As for <see cref="SoftmaxCrossEntropy"/>; <see cref="Reduction.None"/> needs <paramref name="rowLosses"/>.</param>
    /// <param name="classWeights">Empty or C weights.</param>
    /// <param name="rowLosses">Empty or N entries receiving ℓ_i.</param>
    /// <param name="chunkRows">Rows per chunk R; 0 for <see cref="DefaultChunkRows"/>.</param>
    /// <param name="workspace">Empty (rented from the shared pool) or at least R·C entries.</param>
    /// <returns>The reduced loss in nats.</returns>
    public static double Compute(ReadOnlySpan<float> hidden, ReadOnlySpan<float> weight, int features, ReadOnlySpan<int> targets,
        Span<float> hiddenGradient = default, Span<float> weightGradient = default, CrossEntropyOptions? options = null,
        ReadOnlySpan<float> classWeights = default, Span<float> rowLosses = default, int chunkRows = 0, Span<float> workspace = default) =>
        ComputeCore(hidden, weight, features, targets, hiddenGradient, weightGradient, options ?? CrossEntropyOptions.Default,
            classWeights, rowLosses, chunkRows, workspace,
            static (z, c, y, g, o, w, l) => SoftmaxCrossEntropy.Compute(z, c, y, g, o, w, l));

    /// <summary>The fused loss in double; as the float overload.</summary>
    /// <inheritdoc cref="Compute(ReadOnlySpan{float}, ReadOnlySpan{float}, int, ReadOnlySpan{int}, Span{float}, Span{float}, CrossEntropyOptions?, ReadOnlySpan{float}, Span{float}, int, Span{float})"/>
    public static double Compute(ReadOnlySpan<double> hidden, ReadOnlySpan<double> weight, int features, ReadOnlySpan<int> targets,
        Span<double> hiddenGradient = default, Span<double> weightGradient = default, CrossEntropyOptions? options = null,
        ReadOnlySpan<double> classWeights = default, Span<double> rowLosses = default, int chunkRows = 0, Span<double> workspace = default) =>
        ComputeCore(hidden, weight, features, targets, hiddenGradient, weightGradient, options ?? CrossEntropyOptions.Default,
            classWeights, rowLosses, chunkRows, workspace,
            static (z, c, y, g, o, w, l) => SoftmaxCrossEntropy.Compute(z, c, y, g, o, w, l));

    private delegate double ChunkLoss<T>(ReadOnlySpan<T> logits, int classes, ReadOnlySpan<int> targets, Span<T> gradient,
        CrossEntropyOptions options, ReadOnlySpan<T> classWeights, Span<T> rowLosses);

    private static double ComputeCore<T>(ReadOnlySpan<T> hidden, ReadOnlySpan<T> weight, int features, ReadOnlySpan<int> targets,
        Span<T> hiddenGradient, Span<T> weightGradient, CrossEntropyOptions options, ReadOnlySpan<T> classWeights, Span<T> rowLosses,
        int chunkRows, Span<T> workspace, ChunkLoss<T> chunkLoss)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (features < 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(features), features, "There must be at least one feature.");
        int n = targets.Length;
        if (weight.Length % features != 0 || weight.Length == 0)
            ThrowHelper.ThrowShape(nameof(weight), weight.Length, $"C·D with D = {features} and C ≥ 1");
        int classes = weight.Length / features;
        if ((long)n * features != hidden.Length) ThrowHelper.ThrowShape(nameof(hidden), hidden.Length, $"N·D = {n}·{features}");
        LossChecks.OptionalLength(hiddenGradient.Length, hidden.Length, nameof(hiddenGradient));
        LossChecks.OptionalLength(weightGradient.Length, weight.Length, nameof(weightGradient));
        if (chunkRows < 0) ThrowHelper.ThrowArgumentOutOfRange(nameof(chunkRows), chunkRows, "Rows per chunk must be ≥ 0 (0: default).");
        int rowsPerChunk = Math.Min(chunkRows == 0 ? DefaultChunkRows(classes) : chunkRows, Math.Max(n, 1));
        int needed = rowsPerChunk * classes;
        if (!workspace.IsEmpty && workspace.Length < needed)
            ThrowHelper.ThrowShape(nameof(workspace), workspace.Length, $"0 or at least R·C = {rowsPerChunk}·{classes} = {needed}");
        SoftmaxCrossEntropy.ValidateCommon(n * classes, classes, n, 0, options, classWeights, rowLosses.Length);
        double scale = SoftmaxCrossEntropy.ReductionScale(options.Reduction,
            SoftmaxCrossEntropy.MeanDenominator(targets, classes, options.IgnoreIndex, classWeights));

        T[]? rented = null;
        if (workspace.IsEmpty) workspace = rented = ArrayPool<T>.Shared.Rent(needed);
        try
        {
            hiddenGradient.Clear();
            weightGradient.Clear();
            bool wantGradient = !hiddenGradient.IsEmpty || !weightGradient.IsEmpty;
            var sumOptions = options with { Reduction = options.Reduction == Reduction.None ? Reduction.None : Reduction.Sum };
            CompensatedSum total = default;
            for (int start = 0; start < n; start += rowsPerChunk)
            {
                int rows = Math.Min(rowsPerChunk, n - start);
                var z = workspace[..(rows * classes)];
                var h = hidden.Slice(start * features, rows * features);
                LinearKernels.Logits(h, weight, features, z);
                total.Add(chunkLoss(z, classes, targets.Slice(start, rows), wantGradient ? z : default, sumOptions, classWeights,
                    rowLosses.IsEmpty ? default : rowLosses.Slice(start, rows)));
                if (!wantGradient) continue;
                if (!weightGradient.IsEmpty) LinearKernels.AddWeightGradient<T>(z, h, features, weightGradient);
                if (hiddenGradient.IsEmpty) continue;
                for (int r = 0; r < rows; r++)
                {
                    var gr = z.Slice(r * classes, classes);
                    var dh = hiddenGradient.Slice((start + r) * features, features);
                    for (int c = 0; c < classes; c++)
                    {
                        T g = gr[c];
                        if (g == T.Zero) continue; // ignored rows and masked classes
                        TensorPrimitives.MultiplyAdd(weight.Slice(c * features, features), g, dh, dh);
                    }
                }
            }
            if (options.Reduction == Reduction.Mean)
            {
                T s = T.CreateTruncating(scale);
                TensorPrimitives.Multiply(hiddenGradient, s, hiddenGradient);
                TensorPrimitives.Multiply(weightGradient, s, weightGradient);
                return total.Value * scale;
            }
            return total.Value;
        }
        finally
        {
            if (rented is not null) ArrayPool<T>.Shared.Return(rented);
        }
    }
}
