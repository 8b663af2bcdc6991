namespace Xent.Tests.Reference;

/// <summary>Obvious, slow, double-precision implementations of the losses, written from the formulas, for checking kernels.</summary>
internal static class ReferenceLosses
{
    public static double LogSumExp(ReadOnlySpan<double> z)
    {
        double max = double.NegativeInfinity;
        foreach (var x in z) max = Math.Max(max, x);
        double sum = 0;
        foreach (var x in z) sum += Math.Exp(x - max);
        return max + Math.Log(sum);
    }

    /// <summary>PyTorch's per-row loss for a class index: (1−ε)·w_y·(lse − z_y) + ε/C·Σ_c w_c (lse − z_c).</summary>
    public static double Row(ReadOnlySpan<double> z, int y, double[]? w, double eps)
    {
        double lse = LogSumExp(z);
        int c = z.Length;
        double smooth = 0;
        for (int k = 0; k < c; k++) smooth += (w?[k] ?? 1) * (lse - z[k]);
        return (1 - eps) * (w?[y] ?? 1) * (lse - z[y]) + eps / c * smooth;
    }

    /// <summary>Batch loss with PyTorch's reductions; mean of nothing is 0.</summary>
    public static double Batch(double[] logits, int classes, int[] targets, double[]? w, double eps, int ignore, Xent.Losses.Reduction reduction)
    {
        double total = 0, denominator = 0;
        for (int i = 0; i < targets.Length; i++)
        {
            if (targets[i] == ignore) continue;
            total += Row(logits.AsSpan(i * classes, classes), targets[i], w, eps);
            denominator += w?[targets[i]] ?? 1;
        }
        return reduction == Xent.Losses.Reduction.Mean ? (denominator > 0 ? total / denominator : 0) : total;
    }

    /// <summary>Soft-target row: Σ_c w_c t'_c (lse − z_c), t' = (1−ε)t + ε/C.</summary>
    public static double SoftRow(ReadOnlySpan<double> z, ReadOnlySpan<double> t, double[]? w, double eps)
    {
        double lse = LogSumExp(z), loss = 0;
        for (int k = 0; k < z.Length; k++) loss += (w?[k] ?? 1) * ((1 - eps) * t[k] + eps / z.Length) * (lse - z[k]);
        return loss;
    }

    /// <summary>Central finite difference of f at x along coordinate k.</summary>
    public static double Derivative(Func<double[], double> f, double[] x, int k, double h = 1e-5)
    {
        var plus = (double[])x.Clone();
        var minus = (double[])x.Clone();
        plus[k] += h;
        minus[k] -= h;
        return (f(plus) - f(minus)) / (2 * h);
    }
}
