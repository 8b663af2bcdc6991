using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Xent.Numerics;

/// <summary>exp of a non-positive argument at every vector width, for the element types the loss kernels take.</summary>
internal interface IExpOps<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    static abstract Vector512<T> Exp(Vector512<T> x);
    static abstract Vector256<T> Exp(Vector256<T> x);
    static abstract T Exp(T x);
}

/// <summary>float: the float-only polynomial of <see cref="FastExp"/> at 512 bits; the runtime's exp at 256 bits and for scalar tails.</summary>
internal readonly struct SingleExp : IExpOps<float>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Exp(Vector512<float> x) => FastExp.ExpNonPositive(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Exp(Vector256<float> x) => Vector256.Exp(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Exp(float x) => MathF.Exp(x);
}

/// <summary>double: the runtime's correctly-rounded-in-practice vector exp.</summary>
internal readonly struct DoubleExp : IExpOps<double>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Exp(Vector512<double> x) => Vector512.Exp(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Exp(Vector256<double> x) => Vector256.Exp(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Exp(double x) => Math.Exp(x);
}
