using System.Runtime.Intrinsics;
using Xent.Numerics;

namespace Xent.Tests.Numerics;

[Trait(Numerics.VectorPaths.Trait, Numerics.VectorPaths.Kernels)]
public class FastExpTests
{
    private const string No512 = "FastExp runs only at 512 bits, which this machine (or this run's DOTNET_Enable* switch) does not accelerate";

    [SkippableFact]
    public void WithinTwoUlpOnTheWholeNonPositiveRange()
    {
        Skip.IfNot(Vector512.IsHardwareAccelerated, No512);
        double worst = 0;
        var x = new float[16];
        for (int k = 0; k <= 873_000; k += 16)
        {
            for (int l = 0; l < 16; l++) x[l] = -(k + l) * 1e-4f;
            var e = FastExp.ExpNonPositive(Vector512.Create(x));
            for (int l = 0; l < 16; l++)
            {
                if (x[l] < -87.3f) continue; // flushed to 0 by design (SpecialValues)
                double exact = Math.Exp(x[l]);
                double ulp = MathF.BitIncrement((float)exact) - (float)exact;
                worst = Math.Max(worst, Math.Abs(e[l] - exact) / Math.Max(ulp, float.Epsilon));
            }
        }
        Assert.True(worst <= 2, $"worst error {worst} ulp");
    }

    [SkippableFact]
    public void SpecialValues()
    {
        Skip.IfNot(Vector512.IsHardwareAccelerated, No512);
        var e = FastExp.ExpNonPositive(Vector512.Create(0f, -1f, -87f, -87.5f, -100f, float.NegativeInfinity, -1e4f, -0f, 0, 0, 0, 0, 0, 0, 0, 0));
        Assert.Equal(1f, e[0]);
        Assert.Equal(MathF.Exp(-1f), e[1], 1e-7f);
        Assert.Equal(Math.Exp(-87), e[2], 1e-43);
        Assert.Equal(0f, e[3]); // below −87.3 the result would be subnormal: 0 exactly
        Assert.Equal(0f, e[4]);
        Assert.Equal(0f, e[5]);
        Assert.Equal(0f, e[6]);
        Assert.Equal(1f, e[7]);
    }
}
