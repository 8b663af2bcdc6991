using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Xent.Numerics;

/// <summary>
/// The operations a vectorised kernel needs, over one vector width of <typeparamref name="T"/> (float or double). Kernels
/// are written once, generic over this interface, and instantiated for <see cref="Simd512{T}"/>, <see cref="Simd256{T}"/>
/// and <see cref="Simd128{T}"/> (the width ladder picks the widest accelerated one); the JIT specialises each instantiation,
/// so the indirection costs nothing. (The runtime's own <c>ISimdVector</c> is internal.) Comparisons return lane masks (all
/// bits set or clear) as vectors of <typeparamref name="T"/>.
/// </summary>
internal interface ISimd<TVec, T> where TVec : struct where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    static abstract int Count { get; }
    static abstract TVec Zero { get; }
    static abstract TVec Create(T value);
    static abstract TVec Load(ref T source, nuint index);
    static abstract void Store(TVec value, ref T destination, nuint index);
    static abstract unsafe TVec LoadAligned(T* source);
    /// <summary>A store that bypasses the cache; <paramref name="destination"/> is aligned to the vector's size.</summary>
    static abstract unsafe void StoreAlignedNonTemporal(TVec value, T* destination);
    static abstract TVec Add(TVec a, TVec b);
    static abstract TVec Subtract(TVec a, TVec b);
    static abstract TVec Multiply(TVec a, TVec b);
    static abstract TVec Divide(TVec a, TVec b);
    /// <summary>a·b + c: fused (one rounding) where the hardware has FMA, a multiply then an add elsewhere.</summary>
    static abstract TVec MultiplyAdd(TVec a, TVec b, TVec c);
    /// <summary>The lane-wise maximum, NaN if either lane is NaN.</summary>
    static abstract TVec Max(TVec a, TVec b);
    /// <summary>The lane-wise maximum as the hardware computes it (NaN and −0 handling unspecified).</summary>
    static abstract TVec MaxNative(TVec a, TVec b);
    /// <summary>ln x: <see cref="VectorLog"/> for double at 512 bits (where AVX-512 is there), the runtime's elsewhere.</summary>
    static abstract TVec Log(TVec x);
    /// <summary>
    /// eˣ for x ≤ 0 (a max-shifted logit): <see cref="FastExp"/> for float at 512 bits (where AVX-512 is there), the
    /// runtime's elsewhere. Positive arguments are not supported.
    /// </summary>
    static abstract TVec ExpNonPositive(TVec x);
    static abstract TVec Equals(TVec a, TVec b);
    static abstract TVec GreaterThan(TVec a, TVec b);
    static abstract TVec GreaterThanOrEqual(TVec a, TVec b);
    static abstract TVec LessThanOrEqual(TVec a, TVec b);
    /// <summary>a &amp; ~b.</summary>
    static abstract TVec AndNot(TVec a, TVec b);
    static abstract TVec And(TVec a, TVec b);
    static abstract TVec Or(TVec a, TVec b);
    /// <summary>mask ? a : b, lane by lane.</summary>
    static abstract TVec Select(TVec mask, TVec a, TVec b);
    static abstract bool Any(TVec mask);
    /// <summary>Whether a &gt; b in some lane.</summary>
    static abstract bool GreaterThanAny(TVec a, TVec b);
    /// <summary>Whether some lane is NaN.</summary>
    static abstract bool AnyNaN(TVec v);
    /// <summary>Whether every lane is finite (no NaN, no ±∞).</summary>
    static abstract bool AllFinite(TVec v);
    /// <summary>A mask of the lanes whose index is ≥ <paramref name="first"/>.</summary>
    static abstract TVec LanesFrom(int first);
    static abstract T Element(TVec v, int lane);
    /// <summary>The sum of the lanes, each widened to double first.</summary>
    static abstract double SumToDouble(TVec v);
}

/// <summary><see cref="ISimd{TVec, T}"/> over <see cref="Vector512{T}"/>.</summary>
internal readonly struct Simd512<T> : ISimd<Vector512<T>, T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static int Count => Vector512<T>.Count;
    public static Vector512<T> Zero => Vector512<T>.Zero;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> Create(T value) => Vector512.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> Load(ref T source, nuint index) => Vector512.LoadUnsafe(ref source, index);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector512<T> value, ref T destination, nuint index) => value.StoreUnsafe(ref destination, index);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static unsafe Vector512<T> LoadAligned(T* source) => Vector512.LoadAligned(source);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static unsafe void StoreAlignedNonTemporal(Vector512<T> value, T* destination) => Vector512.StoreAlignedNonTemporal(value, destination);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> Add(Vector512<T> a, Vector512<T> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> Subtract(Vector512<T> a, Vector512<T> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> Multiply(Vector512<T> a, Vector512<T> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> Divide(Vector512<T> a, Vector512<T> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> MultiplyAdd(Vector512<T> a, Vector512<T> b, Vector512<T> c) => typeof(T) == typeof(double)
        ? Vector512.MultiplyAddEstimate(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>()
        : Vector512.MultiplyAddEstimate(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> Max(Vector512<T> a, Vector512<T> b) => Vector512.Max(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> MaxNative(Vector512<T> a, Vector512<T> b) => Vector512.MaxNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Log(Vector512<T> x) =>
        typeof(T) == typeof(double) ? VectorLog.Log(x.AsDouble()).As<double, T>() : Vector512.Log(x.AsSingle()).As<float, T>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> ExpNonPositive(Vector512<T> x) =>
        typeof(T) == typeof(double) ? Vector512.Exp(x.AsDouble()).As<double, T>() : FastExp.ExpNonPositive(x.AsSingle()).As<float, T>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> Equals(Vector512<T> a, Vector512<T> b) => Vector512.Equals(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> GreaterThan(Vector512<T> a, Vector512<T> b) => Vector512.GreaterThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> GreaterThanOrEqual(Vector512<T> a, Vector512<T> b) => Vector512.GreaterThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> LessThanOrEqual(Vector512<T> a, Vector512<T> b) => Vector512.LessThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> AndNot(Vector512<T> a, Vector512<T> b) => Vector512.AndNot(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> And(Vector512<T> a, Vector512<T> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> Or(Vector512<T> a, Vector512<T> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> Select(Vector512<T> mask, Vector512<T> a, Vector512<T> b) => Vector512.ConditionalSelect(mask, a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool Any(Vector512<T> mask) => mask.ExtractMostSignificantBits() != 0;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool GreaterThanAny(Vector512<T> a, Vector512<T> b) => Vector512.GreaterThanAny(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool AnyNaN(Vector512<T> v) => !Vector512.EqualsAll(v, v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool AllFinite(Vector512<T> v) => Vector512.EqualsAll(v - v, Vector512<T>.Zero);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> LanesFrom(int first) => typeof(T) == typeof(double)
        ? Vector512.GreaterThanOrEqual(Vector512<long>.Indices, Vector512.Create((long)first)).As<long, T>()
        : Vector512.GreaterThanOrEqual(Vector512<int>.Indices, Vector512.Create(first)).As<int, T>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Element(Vector512<T> v, int lane) => v.GetElement(lane);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SumToDouble(Vector512<T> v)
    {
        if (typeof(T) == typeof(double)) return Vector512.Sum(v.AsDouble());
        var (lower, upper) = Vector512.Widen(v.AsSingle());
        return Vector512.Sum(lower + upper);
    }
}

/// <summary><see cref="ISimd{TVec, T}"/> over <see cref="Vector256{T}"/>.</summary>
internal readonly struct Simd256<T> : ISimd<Vector256<T>, T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static int Count => Vector256<T>.Count;
    public static Vector256<T> Zero => Vector256<T>.Zero;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> Create(T value) => Vector256.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> Load(ref T source, nuint index) => Vector256.LoadUnsafe(ref source, index);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector256<T> value, ref T destination, nuint index) => value.StoreUnsafe(ref destination, index);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static unsafe Vector256<T> LoadAligned(T* source) => Vector256.LoadAligned(source);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static unsafe void StoreAlignedNonTemporal(Vector256<T> value, T* destination) => Vector256.StoreAlignedNonTemporal(value, destination);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> Add(Vector256<T> a, Vector256<T> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> Subtract(Vector256<T> a, Vector256<T> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> Multiply(Vector256<T> a, Vector256<T> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> Divide(Vector256<T> a, Vector256<T> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> MultiplyAdd(Vector256<T> a, Vector256<T> b, Vector256<T> c) => typeof(T) == typeof(double)
        ? Vector256.MultiplyAddEstimate(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>()
        : Vector256.MultiplyAddEstimate(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> Max(Vector256<T> a, Vector256<T> b) => Vector256.Max(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> MaxNative(Vector256<T> a, Vector256<T> b) => Vector256.MaxNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Log(Vector256<T> x) =>
        typeof(T) == typeof(double) ? Vector256.Log(x.AsDouble()).As<double, T>() : Vector256.Log(x.AsSingle()).As<float, T>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> ExpNonPositive(Vector256<T> x) =>
        typeof(T) == typeof(double) ? Vector256.Exp(x.AsDouble()).As<double, T>() : Vector256.Exp(x.AsSingle()).As<float, T>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> Equals(Vector256<T> a, Vector256<T> b) => Vector256.Equals(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> GreaterThan(Vector256<T> a, Vector256<T> b) => Vector256.GreaterThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> GreaterThanOrEqual(Vector256<T> a, Vector256<T> b) => Vector256.GreaterThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> LessThanOrEqual(Vector256<T> a, Vector256<T> b) => Vector256.LessThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> AndNot(Vector256<T> a, Vector256<T> b) => Vector256.AndNot(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> And(Vector256<T> a, Vector256<T> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> Or(Vector256<T> a, Vector256<T> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> Select(Vector256<T> mask, Vector256<T> a, Vector256<T> b) => Vector256.ConditionalSelect(mask, a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool Any(Vector256<T> mask) => mask.ExtractMostSignificantBits() != 0;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool GreaterThanAny(Vector256<T> a, Vector256<T> b) => Vector256.GreaterThanAny(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool AnyNaN(Vector256<T> v) => !Vector256.EqualsAll(v, v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool AllFinite(Vector256<T> v) => Vector256.EqualsAll(v - v, Vector256<T>.Zero);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> LanesFrom(int first) => typeof(T) == typeof(double)
        ? Vector256.GreaterThanOrEqual(Vector256<long>.Indices, Vector256.Create((long)first)).As<long, T>()
        : Vector256.GreaterThanOrEqual(Vector256<int>.Indices, Vector256.Create(first)).As<int, T>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Element(Vector256<T> v, int lane) => v.GetElement(lane);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SumToDouble(Vector256<T> v)
    {
        if (typeof(T) == typeof(double)) return Vector256.Sum(v.AsDouble());
        var (lower, upper) = Vector256.Widen(v.AsSingle());
        return Vector256.Sum(lower + upper);
    }
}

/// <summary><see cref="ISimd{TVec, T}"/> over <see cref="Vector128{T}"/>.</summary>
internal readonly struct Simd128<T> : ISimd<Vector128<T>, T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static int Count => Vector128<T>.Count;
    public static Vector128<T> Zero => Vector128<T>.Zero;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> Create(T value) => Vector128.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> Load(ref T source, nuint index) => Vector128.LoadUnsafe(ref source, index);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector128<T> value, ref T destination, nuint index) => value.StoreUnsafe(ref destination, index);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static unsafe Vector128<T> LoadAligned(T* source) => Vector128.LoadAligned(source);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static unsafe void StoreAlignedNonTemporal(Vector128<T> value, T* destination) => Vector128.StoreAlignedNonTemporal(value, destination);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> Add(Vector128<T> a, Vector128<T> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> Subtract(Vector128<T> a, Vector128<T> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> Multiply(Vector128<T> a, Vector128<T> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> Divide(Vector128<T> a, Vector128<T> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> MultiplyAdd(Vector128<T> a, Vector128<T> b, Vector128<T> c) => typeof(T) == typeof(double)
        ? Vector128.MultiplyAddEstimate(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>()
        : Vector128.MultiplyAddEstimate(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> Max(Vector128<T> a, Vector128<T> b) => Vector128.Max(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> MaxNative(Vector128<T> a, Vector128<T> b) => Vector128.MaxNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Log(Vector128<T> x) =>
        typeof(T) == typeof(double) ? Vector128.Log(x.AsDouble()).As<double, T>() : Vector128.Log(x.AsSingle()).As<float, T>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> ExpNonPositive(Vector128<T> x) =>
        typeof(T) == typeof(double) ? Vector128.Exp(x.AsDouble()).As<double, T>() : Vector128.Exp(x.AsSingle()).As<float, T>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> Equals(Vector128<T> a, Vector128<T> b) => Vector128.Equals(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> GreaterThan(Vector128<T> a, Vector128<T> b) => Vector128.GreaterThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> GreaterThanOrEqual(Vector128<T> a, Vector128<T> b) => Vector128.GreaterThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> LessThanOrEqual(Vector128<T> a, Vector128<T> b) => Vector128.LessThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> AndNot(Vector128<T> a, Vector128<T> b) => Vector128.AndNot(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> And(Vector128<T> a, Vector128<T> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> Or(Vector128<T> a, Vector128<T> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> Select(Vector128<T> mask, Vector128<T> a, Vector128<T> b) => Vector128.ConditionalSelect(mask, a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool Any(Vector128<T> mask) => mask.ExtractMostSignificantBits() != 0;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool GreaterThanAny(Vector128<T> a, Vector128<T> b) => Vector128.GreaterThanAny(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool AnyNaN(Vector128<T> v) => !Vector128.EqualsAll(v, v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool AllFinite(Vector128<T> v) => Vector128.EqualsAll(v - v, Vector128<T>.Zero);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> LanesFrom(int first) => typeof(T) == typeof(double)
        ? Vector128.GreaterThanOrEqual(Vector128<long>.Indices, Vector128.Create((long)first)).As<long, T>()
        : Vector128.GreaterThanOrEqual(Vector128<int>.Indices, Vector128.Create(first)).As<int, T>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Element(Vector128<T> v, int lane) => v.GetElement(lane);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SumToDouble(Vector128<T> v)
    {
        if (typeof(T) == typeof(double)) return Vector128.Sum(v.AsDouble());
        var (lower, upper) = Vector128.Widen(v.AsSingle());
        return Vector128.Sum(lower + upper);
    }
}
