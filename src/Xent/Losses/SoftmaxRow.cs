using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Xent.Numerics;

namespace Xent.Losses;

/// <summary>
/// The per-row passes of softmax cross-entropy. <see cref="MaxSumExp{T,TExp}"/> finds max_c z_c and Σ_c exp(z_c − max) in
/// one read of the row (online softmax: each lane keeps its own running max and rescales its sum when the max grows);
/// <see cref="WriteScaledExp{T,TExp}"/> is the one pass that writes a·exp(z − max) − b, the gradient up to a correction at
/// the target. Nothing allocates.
/// </summary>
internal static class SoftmaxRow
{
    /// <summary>The running max starts here, finite in float and double, so a row of −∞ logits gives exp(−∞ − Floor) = 0, not NaN.</summary>
    private const double Floor = -3e38;

    /// <summary>The row's max and Σ exp(z_c − max) (in double; ≥ 1 when the max is finite).</summary>
    public static (T Max, double SumExp) MaxSumExp<T, TExp>(ReadOnlySpan<T> z)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TExp : IExpOps<T>
    {
        ref T start = ref MemoryMarshal.GetReference(z);
        int n = z.Length, i = 0;
        double max = Floor, sum = 0;
        if (Vector512.IsHardwareAccelerated && n >= Vector512<T>.Count)
        {
            (i, max, sum) = MaxSumExp512<T, TExp>(ref start, n);
        }
        else if (Vector256.IsHardwareAccelerated && n >= Vector256<T>.Count)
        {
            (i, max, sum) = MaxSumExp256<T, TExp>(ref start, n);
        }
        for (; i < n; i++)
        {
            double x = double.CreateTruncating(Unsafe.Add(ref start, i));
            if (x > max) { sum = sum * Math.Exp(max - x) + 1; max = x; }
            else sum += Math.Exp(x - max);
        }
        if (double.IsNaN(max)) return (T.NaN, double.NaN);
        return (T.CreateTruncating(max), sum);
    }

    private static (int Done, double Max, double Sum) MaxSumExp512<T, TExp>(ref T start, int n)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TExp : IExpOps<T>
    {
        int width = Vector512<T>.Count, i = 0;
        var m = Vector512.Create(T.CreateTruncating(Floor));
        var s = Vector512<T>.Zero;
        var c = Vector512<T>.Zero; // Kahan compensation of s, per lane
        for (; i <= n - 4 * width; i += 4 * width)
        {
            var x0 = Vector512.LoadUnsafe(ref start, (nuint)i);
            var x1 = Vector512.LoadUnsafe(ref start, (nuint)(i + width));
            var x2 = Vector512.LoadUnsafe(ref start, (nuint)(i + 2 * width));
            var x3 = Vector512.LoadUnsafe(ref start, (nuint)(i + 3 * width));
            var blockMax = Vector512.Max(Vector512.Max(x0, x1), Vector512.Max(x2, x3));
            if (Vector512.GreaterThanAny(blockMax, m) || !Vector512.EqualsAll(blockMax, blockMax))
            {
                // The max grew in some lane (rare after the first blocks): rescale that lane's sum. NaN goes through
                // here too and poisons the max, which the caller reports.
                var grown = Vector512.Max(m, blockMax);
                var f = TExp.Exp(m - grown);
                s *= f;
                c *= f;
                m = grown;
            }
            var partial = (TExp.Exp(x0 - m) + TExp.Exp(x1 - m)) + (TExp.Exp(x2 - m) + TExp.Exp(x3 - m));
            var y = partial - c;
            var t = s + y;
            c = (t - s) - y;
            s = t;
        }
        for (; i <= n - width; i += width)
        {
            var x = Vector512.LoadUnsafe(ref start, (nuint)i);
            var grown = Vector512.Max(m, x);
            var f = TExp.Exp(m - grown);
            s *= f;
            c *= f;
            m = grown;
            var y = TExp.Exp(x - m) - c;
            var t = s + y;
            c = (t - s) - y;
            s = t;
        }
        var (max, sum) = CombineLanes(m, s - c);
        return (i, max, sum);
    }

    private static (int Done, double Max, double Sum) MaxSumExp256<T, TExp>(ref T start, int n)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TExp : IExpOps<T>
    {
        int width = Vector256<T>.Count, i = 0;
        var m = Vector256.Create(T.CreateTruncating(Floor));
        var s = Vector256<T>.Zero;
        var c = Vector256<T>.Zero;
        for (; i <= n - width; i += width)
        {
            var x = Vector256.LoadUnsafe(ref start, (nuint)i);
            var grown = Vector256.Max(m, x);
            var f = TExp.Exp(m - grown);
            s *= f;
            c *= f;
            m = grown;
            var y = TExp.Exp(x - m) - c;
            var t = s + y;
            c = (t - s) - y;
            s = t;
        }
        var (max, sum) = CombineLanes(m.ToVector512Unsafe(), (s - c).ToVector512Unsafe(), Vector256<T>.Count);
        return (i, max, sum);
    }

    private static (double Max, double Sum) CombineLanes<T>(Vector512<T> m, Vector512<T> s, int lanes = -1)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (lanes < 0) lanes = Vector512<T>.Count;
        double max = Floor;
        for (int l = 0; l < lanes; l++) max = Math.Max(max, double.CreateTruncating(m[l]));
        double sum = 0;
        for (int l = 0; l < lanes; l++)
            sum += double.CreateTruncating(s[l]) * Math.Exp(double.CreateTruncating(m[l]) - max);
        return (max, sum);
    }

    /// <summary>destination_c = a·exp(z_c − max) − b. <paramref name="destination"/> may be the same memory as <paramref name="z"/>.</summary>
    public static void WriteScaledExp<T, TExp>(ReadOnlySpan<T> z, T max, T a, T b, Span<T> destination)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TExp : IExpOps<T>
    {
        ref T src = ref MemoryMarshal.GetReference(z);
        ref T dst = ref MemoryMarshal.GetReference(destination);
        int n = z.Length, i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var vm = Vector512.Create(max);
            var va = Vector512.Create(a);
            var vb = Vector512.Create(b);
            for (; i <= n - Vector512<T>.Count; i += Vector512<T>.Count)
            {
                var e = TExp.Exp(Vector512.LoadUnsafe(ref src, (nuint)i) - vm);
                (va * e - vb).StoreUnsafe(ref dst, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var vm = Vector256.Create(max);
            var va = Vector256.Create(a);
            var vb = Vector256.Create(b);
            for (; i <= n - Vector256<T>.Count; i += Vector256<T>.Count)
            {
                var e = TExp.Exp(Vector256.LoadUnsafe(ref src, (nuint)i) - vm);
                (va * e - vb).StoreUnsafe(ref dst, (nuint)i);
            }
        }
        for (; i < n; i++) Unsafe.Add(ref dst, i) = a * TExp.Exp(Unsafe.Add(ref src, i) - max) - b;
    }

    /// <summary>Σ_c w_c·(max − z_c) (w_c = 1 when <paramref name="weights"/> is empty): a sum of non-negative terms, in double.</summary>
    public static double WeightedDistanceFromMax<T>(ReadOnlySpan<T> z, T max, ReadOnlySpan<T> weights)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        CompensatedSum sum = default;
        double m = double.CreateTruncating(max);
        for (int c = 0; c < z.Length; c++)
        {
            double w = weights.IsEmpty ? 1 : double.CreateTruncating(weights[c]);
            if (w != 0) sum.Add(w * (m - double.CreateTruncating(z[c])));
        }
        return sum.Value;
    }
}
