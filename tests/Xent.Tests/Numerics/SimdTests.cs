using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Xent.Numerics;

namespace Xent.Tests.Numerics;

/// <summary>
/// The width wrappers every kernel is written over, at each of the three widths (a width the machine does not accelerate runs
/// in software, so all three are checked in every configuration): log and exp against Math, and the lane helpers the
/// kernels' tails and reductions rely on.
/// </summary>
[Trait(VectorPaths.Trait, VectorPaths.Kernels)]
public class SimdTests
{
    private static double Ulps(double expected, double actual, double ulp) =>
        expected == actual ? 0 : Math.Abs(expected - actual) / ulp;

    public static TheoryData<int> Widths() => new() { 512, 256, 128 };

    [Theory]
    [MemberData(nameof(Widths))]
    public void LogIsWithinOneUlpOfMathLogOrThreeForTheRuntimes(int bits)
    {
        var random = new Random(bits);
        var x = new double[4096];
        for (int k = 0; k < x.Length; k++)
            x[k] = (k % 4) switch
            {
                0 => random.NextDouble() * 4,
                1 => Math.Exp((random.NextDouble() - 0.5) * 1400),
                2 => 1 + (random.NextDouble() - 0.5) * 1e-6,
                _ => random.NextDouble() * 2.2250738585072014E-308, // subnormal
            };
        x[0] = 0; x[1] = double.PositiveInfinity; x[2] = 1; x[3] = double.Epsilon;
        var y = Apply(bits, x, log: true);
        double worst = 0;
        for (int k = 0; k < x.Length; k++)
        {
            double exact = Math.Log(x[k]);
            if (double.IsInfinity(exact) || exact == 0) { Assert.Equal(exact, y[k]); continue; }
            worst = Math.Max(worst, Ulps(exact, y[k], Math.BitIncrement(Math.Abs(exact)) - Math.Abs(exact)));
        }
        // VectorLog (512 bits with AVX-512F) is within 1 ulp; the runtime's Vector256/128.Log within 3 (VectorLogTests' wider
        // sample measured 3 with AVX-512 switched off; this one 2).
        int bound = bits == 512 && Avx512F.IsSupported ? 1 : 3;
        Assert.True(worst <= bound, $"{bits} bits: worst error {worst} ulp, bound {bound}");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void ExpOfNonPositiveArgumentsIsWithinTwoUlpInBothPrecisions(int bits)
    {
        var x = new double[8192];
        for (int k = 0; k < x.Length; k++) x[k] = -k * (87.0 / x.Length);
        x[^1] = double.NegativeInfinity;
        x[^2] = -1e4;
        var yd = Apply(bits, x, log: false);
        var xf = Array.ConvertAll(x, v => (float)v);
        var yf = ApplyFloat(bits, xf);
        double worstD = 0, worstF = 0;
        for (int k = 0; k < x.Length; k++)
        {
            double exact = Math.Exp(x[k]);
            if (exact == 0 || x[k] < -87.3) // float flushes below e^−87.3 to 0 (FastExp by design, the runtime's as subnormal)
            {
                Assert.Equal(exact, yd[k], 1e-300);
                Assert.True(yf[k] < 1e-37f, $"exp({xf[k]}) = {yf[k]}");
                continue;
            }
            worstD = Math.Max(worstD, Ulps(exact, yd[k], Math.BitIncrement(exact) - exact));
            double exactF = Math.Exp(xf[k]);
            worstF = Math.Max(worstF, Ulps(exactF, yf[k], MathF.BitIncrement((float)exactF) - (float)exactF));
        }
        Assert.True(worstD <= 2, $"{bits} bits, double: worst error {worstD} ulp");
        Assert.True(worstF <= 2, $"{bits} bits, float: worst error {worstF} ulp");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void LaneHelpers(int bits)
    {
        switch (bits)
        {
            case 512: Lanes<double, Vector512<double>, Simd512<double>>(); Lanes<float, Vector512<float>, Simd512<float>>(); break;
            case 256: Lanes<double, Vector256<double>, Simd256<double>>(); Lanes<float, Vector256<float>, Simd256<float>>(); break;
            default: Lanes<double, Vector128<double>, Simd128<double>>(); Lanes<float, Vector128<float>, Simd128<float>>(); break;
        }
    }

    private static void Lanes<T, TVec, TSimd>() where T : unmanaged, IBinaryFloatingPointIeee754<T> where TVec : struct where TSimd : ISimd<TVec, T>
    {
        int count = TSimd.Count;
        var values = new T[count];
        for (int l = 0; l < count; l++) values[l] = T.CreateTruncating(l + 0.5);
        TVec v = TSimd.Load(ref values[0], 0);
        double sum = 0;
        for (int l = 0; l < count; l++) sum += l + 0.5;
        Assert.Equal(sum, TSimd.SumToDouble(v));
        for (int first = 0; first <= count; first++)
        {
            TVec kept = TSimd.Select(TSimd.LanesFrom(first), v, TSimd.Zero);
            for (int l = 0; l < count; l++) Assert.Equal(l >= first ? values[l] : T.Zero, TSimd.Element(kept, l));
        }
        Assert.False(TSimd.AnyNaN(v));
        Assert.True(TSimd.AllFinite(v));
        Assert.False(TSimd.GreaterThanAny(v, v));
        values[count - 1] = T.NaN;
        TVec withNaN = TSimd.Load(ref values[0], 0);
        Assert.True(TSimd.AnyNaN(withNaN));
        Assert.False(TSimd.AllFinite(withNaN));
        Assert.True(T.IsNaN(TSimd.Element(TSimd.Max(withNaN, v), count - 1))); // Max propagates NaN
        values[count - 1] = T.PositiveInfinity;
        Assert.True(TSimd.GreaterThanAny(TSimd.Load(ref values[0], 0), v));
    }

    private static double[] Apply(int bits, double[] x, bool log) => bits switch
    {
        512 => Map<double, Vector512<double>, Simd512<double>>(x, log),
        256 => Map<double, Vector256<double>, Simd256<double>>(x, log),
        _ => Map<double, Vector128<double>, Simd128<double>>(x, log),
    };

    private static float[] ApplyFloat(int bits, float[] x) => bits switch
    {
        512 => Map<float, Vector512<float>, Simd512<float>>(x, log: false),
        256 => Map<float, Vector256<float>, Simd256<float>>(x, log: false),
        _ => Map<float, Vector128<float>, Simd128<float>>(x, log: false),
    };

    private static T[] Map<T, TVec, TSimd>(T[] x, bool log) where T : unmanaged, IBinaryFloatingPointIeee754<T> where TVec : struct where TSimd : ISimd<TVec, T>
    {
        var y = new T[x.Length];
        for (int i = 0; i + TSimd.Count <= x.Length; i += TSimd.Count)
        {
            TVec v = TSimd.Load(ref x[0], (nuint)i);
            TSimd.Store(log ? TSimd.Log(v) : TSimd.ExpNonPositive(v), ref y[0], (nuint)i);
        }
        return y;
    }
}
