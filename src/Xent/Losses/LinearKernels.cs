using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Xent.Numerics;

namespace Xent.Losses;

/// <summary>
/// The two products of a linear layer that <see cref="FusedLinearCrossEntropy"/> needs, register-tiled: logits z = H·Wᵀ
/// (<see cref="Logits{T}"/>) and the weight gradient ∂W += Gᵀ·H (<see cref="AddWeightGradient{T}"/>), for H [R, D],
/// W [C, D] and G [R, C], all row-major.
/// </summary>
/// <remarks>
/// The logits are computed four rows × two classes at a time: eight vector accumulators along D, so each vector of H and
/// of W loaded feeds two or four fused multiply-adds instead of one (a dot product per logit loads two vectors per
/// multiply-add). The weight gradient adds four rows at once to each row of ∂W, so ∂W is read and written once per four
/// rows instead of once per row. Written once over <see cref="ISimd{TVec, T}"/>, run at the widest accelerated width that
/// D fills, with scalar tails. A (row block, class) whose gradient has a zero entry is added row by row, skipping the
/// zeros, so an ignored row never multiplies its (possibly non-finite) hidden state by 0. Nothing allocates.
/// </remarks>
internal static class LinearKernels
{
    /// <summary>z[r, c] = Σ_k h[r, k]·w[c, k] for the R = z.Length / C rows of <paramref name="h"/>.</summary>
    public static void Logits<T>(ReadOnlySpan<T> h, ReadOnlySpan<T> w, int features, Span<T> z)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int classes = w.Length / features, rows = z.Length / classes;
        ref T hs = ref MemoryMarshal.GetReference(h);
        ref T ws = ref MemoryMarshal.GetReference(w);
        ref T zs = ref MemoryMarshal.GetReference(z);
        if (Vector512.IsHardwareAccelerated && features >= Vector512<T>.Count)
            Logits<T, Vector512<T>, Simd512<T>>(ref hs, ref ws, ref zs, rows, classes, features);
        else if (Vector256.IsHardwareAccelerated && features >= Vector256<T>.Count)
            Logits<T, Vector256<T>, Simd256<T>>(ref hs, ref ws, ref zs, rows, classes, features);
        else if (Vector128.IsHardwareAccelerated && features >= Vector128<T>.Count)
            Logits<T, Vector128<T>, Simd128<T>>(ref hs, ref ws, ref zs, rows, classes, features);
        else
            ScalarLogits(ref hs, ref ws, ref zs, rows, classes, features);
    }

    // The scalar fallbacks live apart so the dispatchers above have no loop: a loop-free method is compiled as cheap tier-0
    // code, and a fresh process (every `xent train`) otherwise compiles these loops fully optimised though vector hardware
    // never runs them.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ScalarLogits<T>(ref T hs, ref T ws, ref T zs, int rows, int classes, int features)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < classes; c++)
                Unsafe.Add(ref zs, r * classes + c) = ScalarDot(ref Unsafe.Add(ref hs, r * features), ref Unsafe.Add(ref ws, c * features), 0, features);
    }

    /// <summary>dw[c, k] += Σ_r g[r, c]·h[r, k] over the R = g.Length / C rows (zero entries of g skipped).</summary>
    public static void AddWeightGradient<T>(ReadOnlySpan<T> g, ReadOnlySpan<T> h, int features, Span<T> dw)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int classes = dw.Length / features, rows = g.Length / classes;
        ref T gs = ref MemoryMarshal.GetReference(g);
        ref T hs = ref MemoryMarshal.GetReference(h);
        ref T ds = ref MemoryMarshal.GetReference(dw);
        if (Vector512.IsHardwareAccelerated && features >= Vector512<T>.Count)
            AddWeightGradient<T, Vector512<T>, Simd512<T>>(ref gs, ref hs, ref ds, rows, classes, features);
        else if (Vector256.IsHardwareAccelerated && features >= Vector256<T>.Count)
            AddWeightGradient<T, Vector256<T>, Simd256<T>>(ref gs, ref hs, ref ds, rows, classes, features);
        else if (Vector128.IsHardwareAccelerated && features >= Vector128<T>.Count)
            AddWeightGradient<T, Vector128<T>, Simd128<T>>(ref gs, ref hs, ref ds, rows, classes, features);
        else
            ScalarAddWeightGradient(ref gs, ref hs, ref ds, rows, classes, features);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ScalarAddWeightGradient<T>(ref T gs, ref T hs, ref T ds, int rows, int classes, int features)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < classes; c++)
            {
                T gv = Unsafe.Add(ref gs, r * classes + c);
                if (gv == T.Zero) continue;
                ref T hr = ref Unsafe.Add(ref hs, r * features);
                ref T dc = ref Unsafe.Add(ref ds, c * features);
                for (int k = 0; k < features; k++) Unsafe.Add(ref dc, k) += gv * Unsafe.Add(ref hr, k);
            }
    }

    private static void Logits<T, TVec, TSimd>(ref T h, ref T w, ref T z, int rows, int classes, int d)
        where T : unmanaged, IBinaryFloatingPointIeee754<T> where TVec : struct where TSimd : ISimd<TVec, T>
    {
        int width = TSimd.Count, vectorEnd = d - d % width;
        int r = 0;
        for (; r <= rows - 4; r += 4)
        {
            ref T h0 = ref Unsafe.Add(ref h, r * d);
            ref T h1 = ref Unsafe.Add(ref h0, d);
            ref T h2 = ref Unsafe.Add(ref h1, d);
            ref T h3 = ref Unsafe.Add(ref h2, d);
            ref T z0 = ref Unsafe.Add(ref z, r * classes);
            int c = 0;
            for (; c <= classes - 2; c += 2)
            {
                ref T w0 = ref Unsafe.Add(ref w, c * d);
                ref T w1 = ref Unsafe.Add(ref w0, d);
                TVec a00 = TSimd.Zero, a01 = a00, a10 = a00, a11 = a00, a20 = a00, a21 = a00, a30 = a00, a31 = a00;
                for (int k = 0; k < vectorEnd; k += width)
                {
                    TVec v0 = TSimd.Load(ref w0, (nuint)k), v1 = TSimd.Load(ref w1, (nuint)k);
                    TVec x = TSimd.Load(ref h0, (nuint)k);
                    a00 = TSimd.MultiplyAdd(x, v0, a00); a01 = TSimd.MultiplyAdd(x, v1, a01);
                    x = TSimd.Load(ref h1, (nuint)k);
                    a10 = TSimd.MultiplyAdd(x, v0, a10); a11 = TSimd.MultiplyAdd(x, v1, a11);
                    x = TSimd.Load(ref h2, (nuint)k);
                    a20 = TSimd.MultiplyAdd(x, v0, a20); a21 = TSimd.MultiplyAdd(x, v1, a21);
                    x = TSimd.Load(ref h3, (nuint)k);
                    a30 = TSimd.MultiplyAdd(x, v0, a30); a31 = TSimd.MultiplyAdd(x, v1, a31);
                }
                Unsafe.Add(ref z0, c) = Finish<T, TVec, TSimd>(a00, ref h0, ref w0, vectorEnd, d);
                Unsafe.Add(ref z0, c + 1) = Finish<T, TVec, TSimd>(a01, ref h0, ref w1, vectorEnd, d);
                Unsafe.Add(ref z0, classes + c) = Finish<T, TVec, TSimd>(a10, ref h1, ref w0, vectorEnd, d);
                Unsafe.Add(ref z0, classes + c + 1) = Finish<T, TVec, TSimd>(a11, ref h1, ref w1, vectorEnd, d);
                Unsafe.Add(ref z0, 2 * classes + c) = Finish<T, TVec, TSimd>(a20, ref h2, ref w0, vectorEnd, d);
                Unsafe.Add(ref z0, 2 * classes + c + 1) = Finish<T, TVec, TSimd>(a21, ref h2, ref w1, vectorEnd, d);
                Unsafe.Add(ref z0, 3 * classes + c) = Finish<T, TVec, TSimd>(a30, ref h3, ref w0, vectorEnd, d);
                Unsafe.Add(ref z0, 3 * classes + c + 1) = Finish<T, TVec, TSimd>(a31, ref h3, ref w1, vectorEnd, d);
            }
            // An odd last class: one dot product per row.
            for (; c < classes; c++)
                for (int i = 0; i < 4; i++)
                    Unsafe.Add(ref z0, i * classes + c) = DotRow<T, TVec, TSimd>(ref Unsafe.Add(ref h0, i * d), ref Unsafe.Add(ref w, c * d), vectorEnd, d);
        }
        for (; r < rows; r++)
            for (int c = 0; c < classes; c++)
                Unsafe.Add(ref z, r * classes + c) = DotRow<T, TVec, TSimd>(ref Unsafe.Add(ref h, r * d), ref Unsafe.Add(ref w, c * d), vectorEnd, d);
    }

    /// <summary>h·w over d entries (the edges of the tiling).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T DotRow<T, TVec, TSimd>(ref T h, ref T w, int vectorEnd, int d)
        where T : unmanaged, IBinaryFloatingPointIeee754<T> where TVec : struct where TSimd : ISimd<TVec, T>
    {
        TVec a = TSimd.Zero;
        for (int k = 0; k < vectorEnd; k += TSimd.Count) a = TSimd.MultiplyAdd(TSimd.Load(ref h, (nuint)k), TSimd.Load(ref w, (nuint)k), a);
        return Finish<T, TVec, TSimd>(a, ref h, ref w, vectorEnd, d);
    }

    /// <summary>The lanes of <paramref name="a"/> summed, plus the scalar tail h[k]·w[k] for k in [from, d). Not inlined (eight
    /// call sites per tile: a fit is usually the first use in its process, where compile time counts), and optimised from its
    /// first call: a loop-free method would otherwise start as unoptimised tier-0 code that calls its helpers out of line, and
    /// stay so through a whole short fit.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static T Finish<T, TVec, TSimd>(TVec a, ref T h, ref T w, int from, int d)
        where T : unmanaged, IBinaryFloatingPointIeee754<T> where TVec : struct where TSimd : ISimd<TVec, T> =>
        T.CreateTruncating(TSimd.SumToDouble(a)) + ScalarDot(ref h, ref w, from, d);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ScalarDot<T>(ref T h, ref T w, int from, int d) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T s = T.Zero;
        for (int k = from; k < d; k++) s += Unsafe.Add(ref h, k) * Unsafe.Add(ref w, k);
        return s;
    }

    private static void AddWeightGradient<T, TVec, TSimd>(ref T g, ref T h, ref T dw, int rows, int classes, int d)
        where T : unmanaged, IBinaryFloatingPointIeee754<T> where TVec : struct where TSimd : ISimd<TVec, T>
    {
        int width = TSimd.Count, vectorEnd = d - d % width;
        int r = 0;
        for (; r <= rows - 4; r += 4)
        {
            ref T h0 = ref Unsafe.Add(ref h, r * d);
            ref T h1 = ref Unsafe.Add(ref h0, d);
            ref T h2 = ref Unsafe.Add(ref h1, d);
            ref T h3 = ref Unsafe.Add(ref h2, d);
            ref T g0 = ref Unsafe.Add(ref g, r * classes);
            for (int c = 0; c < classes; c++)
            {
                T s0 = Unsafe.Add(ref g0, c), s1 = Unsafe.Add(ref g0, classes + c),
                  s2 = Unsafe.Add(ref g0, 2 * classes + c), s3 = Unsafe.Add(ref g0, 3 * classes + c);
                ref T dc = ref Unsafe.Add(ref dw, c * d);
                if (s0 == T.Zero || s1 == T.Zero || s2 == T.Zero || s3 == T.Zero)
                {
                    // Ignored rows and masked classes: add only the nonzero rows.
                    if (s0 != T.Zero) AddScaledRow<T, TVec, TSimd>(ref dc, s0, ref h0, vectorEnd, d);
                    if (s1 != T.Zero) AddScaledRow<T, TVec, TSimd>(ref dc, s1, ref h1, vectorEnd, d);
                    if (s2 != T.Zero) AddScaledRow<T, TVec, TSimd>(ref dc, s2, ref h2, vectorEnd, d);
                    if (s3 != T.Zero) AddScaledRow<T, TVec, TSimd>(ref dc, s3, ref h3, vectorEnd, d);
                    continue;
                }
                TVec b0 = TSimd.Create(s0), b1 = TSimd.Create(s1), b2 = TSimd.Create(s2), b3 = TSimd.Create(s3);
                for (int k = 0; k < vectorEnd; k += width)
                {
                    TVec acc = TSimd.Load(ref dc, (nuint)k);
                    acc = TSimd.MultiplyAdd(b0, TSimd.Load(ref h0, (nuint)k), acc);
                    acc = TSimd.MultiplyAdd(b1, TSimd.Load(ref h1, (nuint)k), acc);
                    acc = TSimd.MultiplyAdd(b2, TSimd.Load(ref h2, (nuint)k), acc);
                    acc = TSimd.MultiplyAdd(b3, TSimd.Load(ref h3, (nuint)k), acc);
                    TSimd.Store(acc, ref dc, (nuint)k);
                }
                for (int k = vectorEnd; k < d; k++)
                    Unsafe.Add(ref dc, k) += s0 * Unsafe.Add(ref h0, k) + s1 * Unsafe.Add(ref h1, k) + s2 * Unsafe.Add(ref h2, k) + s3 * Unsafe.Add(ref h3, k);
            }
        }
        for (; r < rows; r++)
        {
            ref T h0 = ref Unsafe.Add(ref h, r * d);
            for (int c = 0; c < classes; c++)
            {
                T s0 = Unsafe.Add(ref g, r * classes + c);
                if (s0 != T.Zero) AddScaledRow<T, TVec, TSimd>(ref Unsafe.Add(ref dw, c * d), s0, ref h0, vectorEnd, d);
            }
        }
    }

    /// <summary>dc[k] += s·h[k] for k in [0, d).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddScaledRow<T, TVec, TSimd>(ref T dc, T s, ref T h, int vectorEnd, int d)
        where T : unmanaged, IBinaryFloatingPointIeee754<T> where TVec : struct where TSimd : ISimd<TVec, T>
    {
        TVec b = TSimd.Create(s);
        int width = TSimd.Count;
        for (int k = 0; k < vectorEnd; k += width)
            TSimd.Store(TSimd.MultiplyAdd(b, TSimd.Load(ref h, (nuint)k), TSimd.Load(ref dc, (nuint)k)), ref dc, (nuint)k);
        for (int k = vectorEnd; k < d; k++) Unsafe.Add(ref dc, k) += s * Unsafe.Add(ref h, k);
    }
}
