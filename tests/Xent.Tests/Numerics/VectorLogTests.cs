using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Xent.Numerics;

namespace Xent.Tests.Numerics;

[Trait(Numerics.VectorPaths.Trait, Numerics.VectorPaths.Kernels)]
public class VectorLogTests
{
    private static double Ulps(double expected, double actual) =>
        expected == actual ? 0 : Math.Abs(expected - actual) / (Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected));

    [SkippableFact]
    public void WithinOneUlpOfMathLog()
    {
        // Without AVX-512F, VectorLog.Log is the runtime's Vector512.Log (within 3 ulp; SimdTests checks it).
        Skip.IfNot(Avx512F.IsSupported, "VectorLog's own algorithm needs AVX-512F, which this machine (or this run's DOTNET_Enable* switch) lacks");
        var random = new Random(42);
        var x = new double[8];
        double worst = 0;
        for (int k = 0; k < 40_000; k++)
        {
            for (int j = 0; j < 8; j++)
            {
                x[j] = (k % 4) switch
                {
                    0 => random.NextDouble() * 4,                                 // around 1 and 2
                    1 => Math.Exp((random.NextDouble() - 0.5) * 1400),            // 1e-304 .. 1e304
                    2 => 1 + (random.NextDouble() - 0.5) * 1e-6,                   // near 1, where k = 0
                    _ => random.NextDouble() * 2.2250738585072014E-308,             // subnormals
                };
            }
            var result = VectorLog.Log(Vector512.Create(x));
            for (int j = 0; j < 8; j++) worst = Math.Max(worst, Ulps(Math.Log(x[j]), result.GetElement(j)));
        }
        Assert.True(worst <= 1, $"worst error {worst} ulp");
    }

    [Fact]
    public void SpecialValues()
    {
        var result = VectorLog.Log(Vector512.Create(0, double.Epsilon, 1, 1 - 1e-15, double.PositiveInfinity, double.NaN, 2, double.MaxValue));
        Assert.Equal(double.NegativeInfinity, result[0]);
        Assert.Equal(Math.Log(double.Epsilon), result[1]);
        Assert.Equal(0, result[2]);
        Assert.Equal(Math.Log(1 - 1e-15), result[3]);
        Assert.Equal(double.PositiveInfinity, result[4]);
        Assert.True(double.IsNaN(result[5]));
        Assert.Equal(Math.Log(2), result[6]);
        Assert.Equal(Math.Log(double.MaxValue), result[7]);
    }
}
