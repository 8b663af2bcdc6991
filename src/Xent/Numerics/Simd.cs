using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Xent.Numerics;

/// <summary>
/// The operations a vectorised kernel needs, over one vector width of doubles. Kernels are written once, generic over
/// this interface, and instantiated for <see cref="Simd512"/>, <see cref="Simd256"/> and <see cref="Simd128"/>; the JIT
/// specialises each instantiation, so the indirection costs nothing. (The runtime's own <c>ISimdVector</c> is internal.)
/// Comparisons return lane masks (all bits set or clear) as vectors of doubles.
/// </summary>
internal interface ISimd<TVec> where TVec : struct
{
    static abstract int Count { get; }
    static abstract TVec Zero { get; }
    static abstract TVec Create(double value);
    static abstract TVec Load(ref double source, nuint index);
    static abstract TVec Add(TVec a, TVec b);
    static abstract TVec Subtract(TVec a, TVec b);
    static abstract TVec Multiply(TVec a, TVec b);
    static abstract TVec Divide(TVec a, TVec b);
    static abstract TVec MaxNative(TVec a, TVec b);
    static abstract TVec Log(TVec x);
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
    /// <summary>Whether every lane is finite (no NaN, no ±∞).</summary>
    static abstract bool AllFinite(TVec v);
    /// <summary>A mask of the lanes whose index is ≥ <paramref name="first"/>.</summary>
    static abstract TVec LanesFrom(int first);
    static abstract double Element(TVec v, int lane);
}

internal readonly struct Simd512 : ISimd<Vector512<double>>
{
    public static int Count => Vector512<double>.Count;
    public static Vector512<double> Zero => Vector512<double>.Zero;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Create(double value) => Vector512.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Load(ref double source, nuint index) => Vector512.LoadUnsafe(ref source, index);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Add(Vector512<double> a, Vector512<double> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Subtract(Vector512<double> a, Vector512<double> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Multiply(Vector512<double> a, Vector512<double> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Divide(Vector512<double> a, Vector512<double> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> MaxNative(Vector512<double> a, Vector512<double> b) => Vector512.MaxNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Log(Vector512<double> x) => VectorLog.Log(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Equals(Vector512<double> a, Vector512<double> b) => Vector512.Equals(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> GreaterThan(Vector512<double> a, Vector512<double> b) => Vector512.GreaterThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> GreaterThanOrEqual(Vector512<double> a, Vector512<double> b) => Vector512.GreaterThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> LessThanOrEqual(Vector512<double> a, Vector512<double> b) => Vector512.LessThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> AndNot(Vector512<double> a, Vector512<double> b) => Vector512.AndNot(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> And(Vector512<double> a, Vector512<double> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Or(Vector512<double> a, Vector512<double> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Select(Vector512<double> mask, Vector512<double> a, Vector512<double> b) => Vector512.ConditionalSelect(mask, a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool Any(Vector512<double> mask) => mask.ExtractMostSignificantBits() != 0;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool AllFinite(Vector512<double> v) => Vector512.EqualsAll(v - v, Vector512<double>.Zero);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> LanesFrom(int first) => Vector512.GreaterThanOrEqual(Vector512<long>.Indices, Vector512.Create((long)first)).AsDouble();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Element(Vector512<double> v, int lane) => v.GetElement(lane);
}

internal readonly struct Simd256 : ISimd<Vector256<double>>
{
    public static int Count => Vector256<double>.Count;
    public static Vector256<double> Zero => Vector256<double>.Zero;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Create(double value) => Vector256.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Load(ref double source, nuint index) => Vector256.LoadUnsafe(ref source, index);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Add(Vector256<double> a, Vector256<double> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Subtract(Vector256<double> a, Vector256<double> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Multiply(Vector256<double> a, Vector256<double> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Divide(Vector256<double> a, Vector256<double> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> MaxNative(Vector256<double> a, Vector256<double> b) => Vector256.MaxNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Log(Vector256<double> x) => Vector256.Log(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Equals(Vector256<double> a, Vector256<double> b) => Vector256.Equals(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> GreaterThan(Vector256<double> a, Vector256<double> b) => Vector256.GreaterThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> GreaterThanOrEqual(Vector256<double> a, Vector256<double> b) => Vector256.GreaterThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> LessThanOrEqual(Vector256<double> a, Vector256<double> b) => Vector256.LessThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> AndNot(Vector256<double> a, Vector256<double> b) => Vector256.AndNot(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> And(Vector256<double> a, Vector256<double> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Or(Vector256<double> a, Vector256<double> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Select(Vector256<double> mask, Vector256<double> a, Vector256<double> b) => Vector256.ConditionalSelect(mask, a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool Any(Vector256<double> mask) => mask.ExtractMostSignificantBits() != 0;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool AllFinite(Vector256<double> v) => Vector256.EqualsAll(v - v, Vector256<double>.Zero);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> LanesFrom(int first) => Vector256.GreaterThanOrEqual(Vector256<long>.Indices, Vector256.Create((long)first)).AsDouble();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Element(Vector256<double> v, int lane) => v.GetElement(lane);
}

internal readonly struct Simd128 : ISimd<Vector128<double>>
{
    public static int Count => Vector128<double>.Count;
    public static Vector128<double> Zero => Vector128<double>.Zero;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Create(double value) => Vector128.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Load(ref double source, nuint index) => Vector128.LoadUnsafe(ref source, index);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Add(Vector128<double> a, Vector128<double> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Subtract(Vector128<double> a, Vector128<double> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Multiply(Vector128<double> a, Vector128<double> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Divide(Vector128<double> a, Vector128<double> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> MaxNative(Vector128<double> a, Vector128<double> b) => Vector128.MaxNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Log(Vector128<double> x) => Vector128.Log(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Equals(Vector128<double> a, Vector128<double> b) => Vector128.Equals(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> GreaterThan(Vector128<double> a, Vector128<double> b) => Vector128.GreaterThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> GreaterThanOrEqual(Vector128<double> a, Vector128<double> b) => Vector128.GreaterThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> LessThanOrEqual(Vector128<double> a, Vector128<double> b) => Vector128.LessThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> AndNot(Vector128<double> a, Vector128<double> b) => Vector128.AndNot(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> And(Vector128<double> a, Vector128<double> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Or(Vector128<double> a, Vector128<double> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Select(Vector128<double> mask, Vector128<double> a, Vector128<double> b) => Vector128.ConditionalSelect(mask, a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool Any(Vector128<double> mask) => mask.ExtractMostSignificantBits() != 0;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool AllFinite(Vector128<double> v) => Vector128.EqualsAll(v - v, Vector128<double>.Zero);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> LanesFrom(int first) => Vector128.GreaterThanOrEqual(Vector128<long>.Indices, Vector128.Create((long)first)).AsDouble();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Element(Vector128<double> v, int lane) => v.GetElement(lane);
}
