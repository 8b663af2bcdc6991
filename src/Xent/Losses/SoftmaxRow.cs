using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Numerics.Tensors;
using Xent.Numerics;

namespace Xent.Losses;

/// <summary>
/// The per-row passes of softmax cross-entropy. Loss only: <see cref="MaxSumExp{T,TExp}"/> finds max_c z_c and
/// Σ_c exp(z_c − max) in one read of the row (online softmax: each lane keeps its own running max and rescales its sum when
/// the max grows). Loss and gradient: <see cref="Max{T}"/>, then <see cref="ExpShiftedSum{T,TExp}"/> writes
/// exp(z − max) into the gradient and sums it, then <see cref="ScaleShift{T}"/> turns it into a·exp(z − max) − b while the
/// row is still in cache. That is one exp per logit instead of the two the online form needs when it must also write the
/// gradient (measured faster here), and each logit still comes from memory once and each gradient entry goes to memory once.
/// Nothing allocates.
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
        if (Vector512.IsHardwareAccelerated && n >= 4 * Vector512<T>.Count)
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
            (s, c) = KahanAdd(s, c, (TExp.Exp(x0 - m) + TExp.Exp(x1 - m)) + (TExp.Exp(x2 - m) + TExp.Exp(x3 - m)));
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
            (s, c) = KahanAdd(s, c, TExp.Exp(x - m));
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

    /// <summary>
    /// max_c z_c with the native max instruction (four independent accumulators). NaN may or may not survive it; callers
    /// catch NaN afterwards through the sum of exponentials, which it always poisons.
    /// </summary>
    public static T Max<T>(ReadOnlySpan<T> z) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ref T start = ref MemoryMarshal.GetReference(z);
        int n = z.Length, i = 0, width = Vector512<T>.Count;
        T max = T.NegativeInfinity;
        if (Vector512.IsHardwareAccelerated && n >= 4 * width)
        {
            var m0 = Vector512.Create(T.NegativeInfinity);
            Vector512<T> m1 = m0, m2 = m0, m3 = m0;
            for (; i <= n - 4 * width; i += 4 * width)
            {
                m0 = Vector512.MaxNative(m0, Vector512.LoadUnsafe(ref start, (nuint)i));
                m1 = Vector512.MaxNative(m1, Vector512.LoadUnsafe(ref start, (nuint)(i + width)));
                m2 = Vector512.MaxNative(m2, Vector512.LoadUnsafe(ref start, (nuint)(i + 2 * width)));
                m3 = Vector512.MaxNative(m3, Vector512.LoadUnsafe(ref start, (nuint)(i + 3 * width)));
            }
            max = MaxLanes(Vector512.Max(Vector512.Max(m0, m1), Vector512.Max(m2, m3)));
        }
        else if (n > 0)
        {
            max = TensorPrimitives.Max(z);
            i = n;
        }
        for (; i < n; i++) max = T.Max(max, Unsafe.Add(ref start, i));
        return max;
    }

    private static T MaxLanes<T>(Vector512<T> m) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T max = m[0];
        for (int l = 1; l < Vector512<T>.Count; l++) max = T.Max(max, m[l]);
        return max;
    }

    /// <summary>
    /// g = a·g − b in place. With <paramref name="streaming"/> (a batch too large to stay in cache) the stores bypass the
    /// cache (non-temporal), so the gradient goes to memory without first being read from it.
    /// </summary>
    public static unsafe void ScaleShift<T>(Span<T> g, T a, T b, bool streaming) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (!streaming || !Vector512.IsHardwareAccelerated)
        {
            TensorPrimitives.Multiply(g, a, g);
            if (b != T.Zero) TensorPrimitives.Subtract(g, b, g);
            return;
        }
        fixed (T* p = g)
        {
            int n = g.Length, i = 0, width = Vector512<T>.Count;
            for (; i < n && ((nint)(p + i) & 63) != 0; i++) p[i] = a * p[i] - b;
            var va = Vector512.Create(a);
            var vb = Vector512.Create(b);
            for (; i <= n - width; i += width) Vector512.StoreAlignedNonTemporal(va * Vector512.LoadAligned(p + i) - vb, p + i);
            for (; i < n; i++) p[i] = a * p[i] - b;
        }
        if (Sse.IsSupported) Sse.StoreFence();
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

    /// <summary>
    /// destination_c = exp(z_c − max), returning Σ_c destination_c (per-lane Kahan sums combined in double). One read of z,
    /// one write; <paramref name="destination"/> may be the same memory as <paramref name="z"/>.
    /// </summary>
    /// <remarks>
    /// This pass is bound by exp, not memory, so it also prefetches <paramref name="next"/> (the next row, or empty) into
    /// cache: the next row's max pass then reads from cache while this row computes.
    /// </remarks>
    public static unsafe double ExpShiftedSum<T, TExp>(ReadOnlySpan<T> z, T max, Span<T> destination, ReadOnlySpan<T> next = default)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TExp : IExpOps<T>
    {
        ref T ahead = ref MemoryMarshal.GetReference(next);
        int prefetchEnd = Sse.IsSupported ? next.Length - 2 * Vector512<T>.Count : -1;
        ref T src = ref MemoryMarshal.GetReference(z);
        ref T dst = ref MemoryMarshal.GetReference(destination);
        int n = z.Length, i = 0;
        double sum = 0;
        if (Vector512.IsHardwareAccelerated && n >= Vector512<T>.Count)
        {
            var vm = Vector512.Create(max);
            int width = Vector512<T>.Count;
            var total = Vector512<double>.Zero;
            while (i <= n - 2 * width)
            {
                // Short sums in T (at most 32 terms of ≤ 1 per lane) folded into a double total: as accurate as Kahan
                // here, at one add per vector.
                int end = Math.Min(n - 2 * width, i + 30 * width);
                Vector512<T> s0 = Vector512<T>.Zero, s1 = s0;
                for (; i <= end; i += 2 * width)
                {
                    if (i <= prefetchEnd)
                    {
                        Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref ahead, i)));
                        Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref ahead, i + width)));
                    }
                    var e0 = TExp.Exp(Vector512.LoadUnsafe(ref src, (nuint)i) - vm);
                    var e1 = TExp.Exp(Vector512.LoadUnsafe(ref src, (nuint)(i + width)) - vm);
                    e0.StoreUnsafe(ref dst, (nuint)i);
                    e1.StoreUnsafe(ref dst, (nuint)(i + width));
                    s0 += e0;
                    s1 += e1;
                }
                total += ToDouble(s0 + s1);
            }
            for (; i <= n - width; i += width)
            {
                var e = TExp.Exp(Vector512.LoadUnsafe(ref src, (nuint)i) - vm);
                e.StoreUnsafe(ref dst, (nuint)i);
                total += ToDouble(e);
            }
            sum = Vector512.Sum(total);
        }
        else if (Vector256.IsHardwareAccelerated && n >= Vector256<T>.Count)
        {
            var vm = Vector256.Create(max);
            Vector256<T> s = Vector256<T>.Zero, c = s;
            for (; i <= n - Vector256<T>.Count; i += Vector256<T>.Count)
            {
                var e = TExp.Exp(Vector256.LoadUnsafe(ref src, (nuint)i) - vm);
                e.StoreUnsafe(ref dst, (nuint)i);
                (s, c) = KahanAdd(s, c, e);
            }
            sum = SumLanes((s - c).ToVector512Unsafe(), Vector256<T>.Count);
        }
        for (; i < n; i++)
        {
            T e = TExp.Exp(Unsafe.Add(ref src, i) - max);
            Unsafe.Add(ref dst, i) = e;
            sum += double.CreateTruncating(e);
        }
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<T> Sum, Vector512<T> Compensation) KahanAdd<T>(Vector512<T> s, Vector512<T> c, Vector512<T> x)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var y = x - c;
        var t = s + y;
        return (t, (t - s) - y);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<T> Sum, Vector256<T> Compensation) KahanAdd<T>(Vector256<T> s, Vector256<T> c, Vector256<T> x)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var y = x - c;
        var t = s + y;
        return (t, (t - s) - y);
    }

    /// <summary>The lanes of a float vector summed pairwise into double lanes; a double vector as it is.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> ToDouble<T>(Vector512<T> v) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double)) return v.AsDouble();
        var (lower, upper) = Vector512.Widen(v.AsSingle());
        return lower + upper;
    }

    private static double SumLanes<T>(Vector512<T> v, int lanes = -1) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (lanes < 0) lanes = Vector512<T>.Count;
        double sum = 0;
        for (int l = 0; l < lanes; l++) sum += double.CreateTruncating(v[l]);
        return sum;
    }
}
