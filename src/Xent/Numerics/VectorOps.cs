using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Xent.Numerics;

/// <summary>
/// Dot product, y += a·x, x *= a and max |x| on double spans, over <see cref="ISimd{TVec, T}"/> at the widest accelerated
/// width with scalar tails: what <see cref="Learning.Lbfgs"/> and the logistic-regression objective do a few times per
/// evaluation on vectors of a few hundred to a few thousand entries.
/// </summary>
/// <remarks>
/// TensorPrimitives computes the same, but each of its operations is a large generic method (every width, alignment and
/// remainder case) that a fresh process compiles on first use: 7–17 ms of CPU each was measured on the 2-vCPU VM, about as
/// long as a whole logistic-regression fit on the digits data. These are a few hundred bytes of IL each.
/// </remarks>
internal static class VectorOps
{
    /// <summary>Σ a_i·b_i (four accumulators).</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length) ThrowHelper.ThrowLengthMismatch(nameof(a), a.Length, nameof(b), b.Length);
        ref double x = ref MemoryMarshal.GetReference(a);
        ref double y = ref MemoryMarshal.GetReference(b);
        int n = a.Length, i = 0;
        double sum = 0;
        if (Vector512.IsHardwareAccelerated && n >= Vector512<double>.Count)
            (i, sum) = Dot<Vector512<double>, Simd512<double>>(ref x, ref y, n);
        else if (Vector256.IsHardwareAccelerated && n >= Vector256<double>.Count)
            (i, sum) = Dot<Vector256<double>, Simd256<double>>(ref x, ref y, n);
        else if (Vector128.IsHardwareAccelerated && n >= Vector128<double>.Count)
            (i, sum) = Dot<Vector128<double>, Simd128<double>>(ref x, ref y, n);
        for (; i < n; i++) sum += Unsafe.Add(ref x, i) * Unsafe.Add(ref y, i);
        return sum;
    }

    /// <summary>y += a·x.</summary>
    public static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        if (x.Length != y.Length) ThrowHelper.ThrowLengthMismatch(nameof(x), x.Length, nameof(y), y.Length);
        ref double xs = ref MemoryMarshal.GetReference(x);
        ref double ys = ref MemoryMarshal.GetReference(y);
        int n = x.Length, i = 0;
        if (Vector512.IsHardwareAccelerated && n >= Vector512<double>.Count)
            i = Axpy<Vector512<double>, Simd512<double>>(a, ref xs, ref ys, n);
        else if (Vector256.IsHardwareAccelerated && n >= Vector256<double>.Count)
            i = Axpy<Vector256<double>, Simd256<double>>(a, ref xs, ref ys, n);
        else if (Vector128.IsHardwareAccelerated && n >= Vector128<double>.Count)
            i = Axpy<Vector128<double>, Simd128<double>>(a, ref xs, ref ys, n);
        for (; i < n; i++) Unsafe.Add(ref ys, i) += a * Unsafe.Add(ref xs, i);
    }

    /// <summary>x *= a.</summary>
    public static void Scale(Span<double> x, double a)
    {
        ref double xs = ref MemoryMarshal.GetReference(x);
        int n = x.Length, i = 0;
        if (Vector512.IsHardwareAccelerated && n >= Vector512<double>.Count)
            i = Scale<Vector512<double>, Simd512<double>>(ref xs, a, n);
        else if (Vector256.IsHardwareAccelerated && n >= Vector256<double>.Count)
            i = Scale<Vector256<double>, Simd256<double>>(ref xs, a, n);
        else if (Vector128.IsHardwareAccelerated && n >= Vector128<double>.Count)
            i = Scale<Vector128<double>, Simd128<double>>(ref xs, a, n);
        for (; i < n; i++) Unsafe.Add(ref xs, i) *= a;
    }

    /// <summary>max_i |x_i| (0 for an empty span; NaN when any entry is NaN).</summary>
    public static double MaxAbs(ReadOnlySpan<double> x)
    {
        ref double xs = ref MemoryMarshal.GetReference(x);
        int n = x.Length, i = 0;
        double max = 0;
        if (Vector512.IsHardwareAccelerated && n >= Vector512<double>.Count)
            (i, max) = MaxAbs<Vector512<double>, Simd512<double>>(ref xs, n);
        else if (Vector256.IsHardwareAccelerated && n >= Vector256<double>.Count)
            (i, max) = MaxAbs<Vector256<double>, Simd256<double>>(ref xs, n);
        else if (Vector128.IsHardwareAccelerated && n >= Vector128<double>.Count)
            (i, max) = MaxAbs<Vector128<double>, Simd128<double>>(ref xs, n);
        for (; i < n; i++) max = Math.Max(max, Math.Abs(Unsafe.Add(ref xs, i)));
        return max;
    }

    private static (int Done, double Sum) Dot<TVec, TSimd>(ref double x, ref double y, int n)
        where TVec : struct where TSimd : ISimd<TVec, double>
    {
        int width = TSimd.Count, i = 0;
        TVec s0 = TSimd.Zero, s1 = s0, s2 = s0, s3 = s0;
        for (; i <= n - 4 * width; i += 4 * width)
        {
            s0 = TSimd.MultiplyAdd(TSimd.Load(ref x, (nuint)i), TSimd.Load(ref y, (nuint)i), s0);
            s1 = TSimd.MultiplyAdd(TSimd.Load(ref x, (nuint)(i + width)), TSimd.Load(ref y, (nuint)(i + width)), s1);
            s2 = TSimd.MultiplyAdd(TSimd.Load(ref x, (nuint)(i + 2 * width)), TSimd.Load(ref y, (nuint)(i + 2 * width)), s2);
            s3 = TSimd.MultiplyAdd(TSimd.Load(ref x, (nuint)(i + 3 * width)), TSimd.Load(ref y, (nuint)(i + 3 * width)), s3);
        }
        for (; i <= n - width; i += width) s0 = TSimd.MultiplyAdd(TSimd.Load(ref x, (nuint)i), TSimd.Load(ref y, (nuint)i), s0);
        return (i, TSimd.SumToDouble(TSimd.Add(TSimd.Add(s0, s1), TSimd.Add(s2, s3))));
    }

    private static int Axpy<TVec, TSimd>(double a, ref double x, ref double y, int n)
        where TVec : struct where TSimd : ISimd<TVec, double>
    {
        int width = TSimd.Count, i = 0;
        TVec va = TSimd.Create(a);
        for (; i <= n - width; i += width)
            TSimd.Store(TSimd.MultiplyAdd(va, TSimd.Load(ref x, (nuint)i), TSimd.Load(ref y, (nuint)i)), ref y, (nuint)i);
        return i;
    }

    private static int Scale<TVec, TSimd>(ref double x, double a, int n)
        where TVec : struct where TSimd : ISimd<TVec, double>
    {
        int width = TSimd.Count, i = 0;
        TVec va = TSimd.Create(a);
        for (; i <= n - width; i += width) TSimd.Store(TSimd.Multiply(va, TSimd.Load(ref x, (nuint)i)), ref x, (nuint)i);
        return i;
    }

    private static (int Done, double Max) MaxAbs<TVec, TSimd>(ref double x, int n)
        where TVec : struct where TSimd : ISimd<TVec, double>
    {
        int width = TSimd.Count, i = 0;
        TVec m = TSimd.Zero, sign = TSimd.Create(-0.0);
        bool nan = false;
        for (; i <= n - width; i += width)
        {
            // |v| by clearing the sign bits (exact); NaN lanes are tracked apart, so the hardware's max is enough — and far
            // less code to compile than a NaN-propagating max, in a fresh process where this is compiled on first use.
            TVec v = TSimd.Load(ref x, (nuint)i);
            nan |= TSimd.AnyNaN(v);
            m = TSimd.MaxNative(m, TSimd.AndNot(v, sign));
        }
        double max = 0;
        for (int l = 0; l < width; l++) max = Math.Max(max, TSimd.Element(m, l));
        return (i, nan ? double.NaN : max);
    }
}
