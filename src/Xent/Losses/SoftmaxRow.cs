using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Numerics.Tensors;
using Xent.Numerics;

namespace Xent.Losses;

/// <summary>
/// The per-row passes of softmax cross-entropy. Loss only: <see cref="MaxSumExp{T}"/> finds max_c z_c and
/// Σ_c exp(z_c − max) in one read of the row (online softmax: each lane keeps its own running max and rescales its sum when
/// the max grows). Loss and gradient: <see cref="Max{T}"/>, then <see cref="ExpShiftedSum{T}"/> writes
/// exp(z − max) into the gradient and sums it, then <see cref="ScaleShift{T}"/> turns it into a·exp(z − max) − b while the
/// row is still in cache. That is one exp per logit instead of the two the online form needs when it must also write the
/// gradient (measured faster here), and each logit still comes from memory once and each gradient entry goes to memory once.
/// Each pass is written once over <see cref="ISimd{TVec, T}"/> and run at the widest accelerated width (512, 256 or 128
/// bits, so ARM64's 128-bit vectors too), with a scalar loop for the tail and for machines without vectors. Nothing allocates.
/// </summary>
internal static class SoftmaxRow
{
    /// <summary>The running max starts here, finite in float and double, so a row of −∞ logits gives exp(−∞ − Floor) = 0, not NaN.</summary>
    private const double Floor = -3e38;

    /// <summary>The row's max and Σ exp(z_c − max) (in double; ≥ 1 when the max is finite).</summary>
    public static (T Max, double SumExp) MaxSumExp<T>(ReadOnlySpan<T> z) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ref T start = ref MemoryMarshal.GetReference(z);
        int n = z.Length, i = 0;
        double max = Floor, sum = 0;
        if (Vector512.IsHardwareAccelerated && n >= 4 * Vector512<T>.Count)
            (i, max, sum) = MaxSumExp<T, Vector512<T>, Simd512<T>>(ref start, n);
        else if (Vector256.IsHardwareAccelerated && n >= 4 * Vector256<T>.Count)
            (i, max, sum) = MaxSumExp<T, Vector256<T>, Simd256<T>>(ref start, n);
        else if (Vector128.IsHardwareAccelerated && n >= 4 * Vector128<T>.Count)
            (i, max, sum) = MaxSumExp<T, Vector128<T>, Simd128<T>>(ref start, n);
        for (; i < n; i++)
        {
            double x = double.CreateTruncating(Unsafe.Add(ref start, i));
            if (x > max) { sum = sum * Math.Exp(max - x) + 1; max = x; }
            else sum += Math.Exp(x - max);
        }
        if (double.IsNaN(max)) return (T.NaN, double.NaN);
        return (T.CreateTruncating(max), sum);
    }

    /// <summary>The vector part of <see cref="MaxSumExp{T}"/>, four vectors at a time (n ≥ 4 vectors).</summary>
    private static (int Done, double Max, double Sum) MaxSumExp<T, TVec, TSimd>(ref T start, int n)
        where T : unmanaged, IBinaryFloatingPointIeee754<T> where TVec : struct where TSimd : ISimd<TVec, T>
    {
        int width = TSimd.Count, i = 0;
        TVec m = TSimd.Create(T.CreateTruncating(Floor));
        TVec s = TSimd.Zero, c = TSimd.Zero; // c: Kahan compensation of s, per lane
        for (; i <= n - 4 * width; i += 4 * width)
        {
            TVec x0 = TSimd.Load(ref start, (nuint)i);
            TVec x1 = TSimd.Load(ref start, (nuint)(i + width));
            TVec x2 = TSimd.Load(ref start, (nuint)(i + 2 * width));
            TVec x3 = TSimd.Load(ref start, (nuint)(i + 3 * width));
            TVec blockMax = TSimd.Max(TSimd.Max(x0, x1), TSimd.Max(x2, x3));
            if (TSimd.GreaterThanAny(blockMax, m) || TSimd.AnyNaN(blockMax))
            {
                // The max grew in some lane (rare after the first blocks): rescale that lane's sum. NaN goes through
                // here too and poisons the max, which the caller reports.
                TVec grown = TSimd.Max(m, blockMax);
                TVec f = TSimd.ExpNonPositive(TSimd.Subtract(m, grown));
                s = TSimd.Multiply(s, f);
                c = TSimd.Multiply(c, f);
                m = grown;
            }
            TVec e = TSimd.Add(
                TSimd.Add(TSimd.ExpNonPositive(TSimd.Subtract(x0, m)), TSimd.ExpNonPositive(TSimd.Subtract(x1, m))),
                TSimd.Add(TSimd.ExpNonPositive(TSimd.Subtract(x2, m)), TSimd.ExpNonPositive(TSimd.Subtract(x3, m))));
            KahanAdd<TVec, TSimd, T>(ref s, ref c, e);
        }
        s = TSimd.Subtract(s, c);
        double max = Floor;
        for (int l = 0; l < width; l++) max = Math.Max(max, double.CreateTruncating(TSimd.Element(m, l)));
        double sum = 0;
        for (int l = 0; l < width; l++)
            sum += double.CreateTruncating(TSimd.Element(s, l)) * Math.Exp(double.CreateTruncating(TSimd.Element(m, l)) - max);
        return (i, max, sum);
    }

    /// <summary>
    /// max_c z_c with the native max instruction (four independent accumulators). NaN may or may not survive it; callers
    /// catch NaN afterwards through the sum of exponentials, which it always poisons.
    /// </summary>
    public static T Max<T>(ReadOnlySpan<T> z) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ref T start = ref MemoryMarshal.GetReference(z);
        int n = z.Length, i = 0;
        T max = T.NegativeInfinity;
        if (Vector512.IsHardwareAccelerated && n >= 4 * Vector512<T>.Count)
            (i, max) = Max<T, Vector512<T>, Simd512<T>>(ref start, n);
        else if (Vector256.IsHardwareAccelerated && n >= 4 * Vector256<T>.Count)
            (i, max) = Max<T, Vector256<T>, Simd256<T>>(ref start, n);
        else if (Vector128.IsHardwareAccelerated && n >= 4 * Vector128<T>.Count)
            (i, max) = Max<T, Vector128<T>, Simd128<T>>(ref start, n);
        for (; i < n; i++) max = T.Max(max, Unsafe.Add(ref start, i));
        return max;
    }

    private static (int Done, T Max) Max<T, TVec, TSimd>(ref T start, int n)
        where T : unmanaged, IBinaryFloatingPointIeee754<T> where TVec : struct where TSimd : ISimd<TVec, T>
    {
        int width = TSimd.Count, i = 0;
        TVec m0 = TSimd.Create(T.NegativeInfinity), m1 = m0, m2 = m0, m3 = m0;
        for (; i <= n - 4 * width; i += 4 * width)
        {
            m0 = TSimd.MaxNative(m0, TSimd.Load(ref start, (nuint)i));
            m1 = TSimd.MaxNative(m1, TSimd.Load(ref start, (nuint)(i + width)));
            m2 = TSimd.MaxNative(m2, TSimd.Load(ref start, (nuint)(i + 2 * width)));
            m3 = TSimd.MaxNative(m3, TSimd.Load(ref start, (nuint)(i + 3 * width)));
        }
        TVec m = TSimd.Max(TSimd.Max(m0, m1), TSimd.Max(m2, m3));
        T max = TSimd.Element(m, 0);
        for (int l = 1; l < width; l++) max = T.Max(max, TSimd.Element(m, l));
        return (i, max);
    }

    /// <summary>
    /// g = a·g − b in place. With <paramref name="streaming"/> (a batch too large to stay in cache) the stores bypass the
    /// cache (non-temporal), so the gradient goes to memory without first being read from it.
    /// </summary>
    public static void ScaleShift<T>(Span<T> g, T a, T b, bool streaming) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (streaming && Vector512.IsHardwareAccelerated)
            ScaleShiftStreaming<T, Vector512<T>, Simd512<T>>(g, a, b);
        else if (streaming && Vector256.IsHardwareAccelerated)
            ScaleShiftStreaming<T, Vector256<T>, Simd256<T>>(g, a, b);
        else if (streaming && Vector128.IsHardwareAccelerated)
            ScaleShiftStreaming<T, Vector128<T>, Simd128<T>>(g, a, b);
        else
        {
            TensorPrimitives.Multiply(g, a, g);
            if (b != T.Zero) TensorPrimitives.Subtract(g, b, g);
        }
    }

    private static unsafe void ScaleShiftStreaming<T, TVec, TSimd>(Span<T> g, T a, T b)
        where T : unmanaged, IBinaryFloatingPointIeee754<T> where TVec : struct where TSimd : ISimd<TVec, T>
    {
        fixed (T* p = g)
        {
            int n = g.Length, i = 0, width = TSimd.Count, bytes = width * sizeof(T);
            for (; i < n && ((nint)(p + i) & (bytes - 1)) != 0; i++) p[i] = a * p[i] - b;
            TVec va = TSimd.Create(a), vb = TSimd.Create(b);
            for (; i <= n - width; i += width) TSimd.StoreAlignedNonTemporal(TSimd.Subtract(TSimd.Multiply(va, TSimd.LoadAligned(p + i)), vb), p + i);
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
    /// destination_c = exp(z_c − max), returning Σ_c destination_c (short per-lane sums in T folded into a double total).
    /// One read of z, one write; <paramref name="destination"/> may be the same memory as <paramref name="z"/>.
    /// </summary>
    /// <remarks>
    /// This pass is bound by exp, not memory, so it also prefetches <paramref name="next"/> (the next row, or empty) into
    /// cache: the next row's max pass then reads from cache while this row computes.
    /// </remarks>
    public static double ExpShiftedSum<T>(ReadOnlySpan<T> z, T max, Span<T> destination, ReadOnlySpan<T> next = default)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ref T src = ref MemoryMarshal.GetReference(z);
        ref T dst = ref MemoryMarshal.GetReference(destination);
        int n = z.Length, i = 0;
        double sum = 0;
        if (Vector512.IsHardwareAccelerated && n >= Vector512<T>.Count)
            (i, sum) = ExpShiftedSum<T, Vector512<T>, Simd512<T>>(ref src, ref dst, n, max, next);
        else if (Vector256.IsHardwareAccelerated && n >= Vector256<T>.Count)
            (i, sum) = ExpShiftedSum<T, Vector256<T>, Simd256<T>>(ref src, ref dst, n, max, next);
        else if (Vector128.IsHardwareAccelerated && n >= Vector128<T>.Count)
            (i, sum) = ExpShiftedSum<T, Vector128<T>, Simd128<T>>(ref src, ref dst, n, max, next);
        for (; i < n; i++)
        {
            T e = T.Exp(Unsafe.Add(ref src, i) - max);
            Unsafe.Add(ref dst, i) = e;
            sum += double.CreateTruncating(e);
        }
        return sum;
    }

    private static unsafe (int Done, double Sum) ExpShiftedSum<T, TVec, TSimd>(ref T src, ref T dst, int n, T max, ReadOnlySpan<T> next)
        where T : unmanaged, IBinaryFloatingPointIeee754<T> where TVec : struct where TSimd : ISimd<TVec, T>
    {
        ref T ahead = ref MemoryMarshal.GetReference(next);
        int width = TSimd.Count, i = 0;
        int prefetchEnd = Sse.IsSupported ? next.Length - 2 * width : -1;
        // One prefetch per 64-byte line: two per step at 512 bits, one at 256 and 128 (twice per line there, harmlessly).
        bool secondLine = width * sizeof(T) >= 64;
        TVec vm = TSimd.Create(max);
        double total = 0;
        while (i <= n - 2 * width)
        {
            // Short sums in T (at most 32 terms of ≤ 1 per lane) folded into a double total: as accurate as Kahan
            // here, at one add per vector.
            int end = Math.Min(n - 2 * width, i + 30 * width);
            TVec s0 = TSimd.Zero, s1 = s0;
            for (; i <= end; i += 2 * width)
            {
                if (i <= prefetchEnd)
                {
                    Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref ahead, i)));
                    if (secondLine) Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref ahead, i + width)));
                }
                TVec e0 = TSimd.ExpNonPositive(TSimd.Subtract(TSimd.Load(ref src, (nuint)i), vm));
                TVec e1 = TSimd.ExpNonPositive(TSimd.Subtract(TSimd.Load(ref src, (nuint)(i + width)), vm));
                TSimd.Store(e0, ref dst, (nuint)i);
                TSimd.Store(e1, ref dst, (nuint)(i + width));
                s0 = TSimd.Add(s0, e0);
                s1 = TSimd.Add(s1, e1);
            }
            total += TSimd.SumToDouble(TSimd.Add(s0, s1));
        }
        for (; i <= n - width; i += width)
        {
            TVec e = TSimd.ExpNonPositive(TSimd.Subtract(TSimd.Load(ref src, (nuint)i), vm));
            TSimd.Store(e, ref dst, (nuint)i);
            total += TSimd.SumToDouble(e);
        }
        return (i, total);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void KahanAdd<TVec, TSimd, T>(ref TVec s, ref TVec c, TVec x)
        where T : unmanaged, IBinaryFloatingPointIeee754<T> where TVec : struct where TSimd : ISimd<TVec, T>
    {
        TVec y = TSimd.Subtract(x, c);
        TVec t = TSimd.Add(s, y);
        c = TSimd.Subtract(TSimd.Subtract(t, s), y);
        s = t;
    }
}
