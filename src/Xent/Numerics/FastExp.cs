using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Xent.Numerics;

/// <summary>
/// exp for float vectors whose argument is ≤ 0 (a max-shifted logit): Cody–Waite reduction x = n·ln 2 + r, |r| ≤ ln2/2,
/// then Cephes' degree-7 minimax polynomial for e^r (relative error below 2 ulp), scaled by 2^n through the exponent bits.
/// Arguments below −87.3 (where e^x is subnormal or 0 in float) give exactly 0, so a −∞ logit contributes nothing.
/// </summary>
/// <remarks>
/// <c>Vector512.Exp(Vector512&lt;float&gt;)</c> is accurate but computes through double; this one stays in float, which is
/// what lets softmax cross-entropy run at memory speed. Only the AVX-512 width has it; narrower machines use the runtime's exp.
/// </remarks>
internal static class FastExp
{
    private const float Log2E = 1.44269504088896341f;
    private const float Ln2Hi = 0.693359375f;
    private const float Ln2Lo = -2.12194440e-4f;
    private const float MinArgument = -87.3f;
    private const float P0 = 1.9875691500e-4f, P1 = 1.3981999507e-3f, P2 = 8.3334519073e-3f,
        P3 = 4.1665795894e-2f, P4 = 1.6666665459e-1f, P5 = 5.0000001201e-1f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> ExpNonPositive(Vector512<float> x)
    {
        var underflow = Vector512.LessThan(x, Vector512.Create(MinArgument));
        x = Vector512.Max(x, Vector512.Create(MinArgument));
        var n = Vector512.Round(x * Vector512.Create(Log2E));
        var r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-Ln2Hi), x);
        r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-Ln2Lo), r);
        var p = Vector512.FusedMultiplyAdd(Vector512.Create(P0), r, Vector512.Create(P1));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(P2));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(P3));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(P4));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(P5));
        p = Vector512.FusedMultiplyAdd(p, r * r, r) + Vector512<float>.One;
        var scale = (Vector512.ConvertToInt32(n) + Vector512.Create(127)) << 23;
        return Vector512.AndNot(p * scale.AsSingle(), underflow.AsSingle());
    }
}
