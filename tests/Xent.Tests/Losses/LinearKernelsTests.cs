using CsCheck;
using Xent.Losses;
using Xent.Tests.Properties;
using Xent.Numerics;

namespace Xent.Tests.Losses;

public class LinearKernelsTests
{
    /// <summary>Row and class counts around the 4 × 2 tile, widths around every vector width (scalar tails included).</summary>
    [Trait(Numerics.VectorPaths.Trait, Numerics.VectorPaths.Kernels)]
    [Fact]
    public void LogitsAndWeightGradientMatchTheNaiveProducts()
    {
        var gen = from rows in Gen.Int[0, 11]
                  from d in Gen.Int[1, 70]
                  from c in Gen.Int[1, 7]
                  from h in Gen.Double[-2, 2].Array[rows * d]
                  from w in Gen.Double[-2, 2].Array[c * d]
                  from g in Gen.OneOf(Gen.Const(0.0), Gen.Double[-1, 1]).Array[rows * c]
                  select (rows, d, c, h, w, g);
        gen.SampleFixed(s =>
        {
            var (rows, d, c, h, w, g) = s;
            var z = new double[rows * c];
            LinearKernels.Logits<double>(h, w, d, z);
            var dw = new double[c * d];
            for (int k = 0; k < dw.Length; k++) dw[k] = 0.25 * k; // added to, not overwritten
            LinearKernels.AddWeightGradient<double>(g, h, d, dw);
            for (int r = 0; r < rows; r++)
                for (int k = 0; k < c; k++)
                {
                    double expected = 0;
                    for (int j = 0; j < d; j++) expected += h[r * d + j] * w[k * d + j];
                    Assert.Equal(expected, z[r * c + k], 1e-12);
                }
            for (int k = 0; k < c; k++)
                for (int j = 0; j < d; j++)
                {
                    double expected = 0.25 * (k * d + j);
                    for (int r = 0; r < rows; r++) expected += g[r * c + k] * h[r * d + j];
                    Assert.Equal(expected, dw[k * d + j], 1e-12);
                }
        }, seed: "0000000000fb", iter: 200);
    }

    [Fact]
    public void AZeroGradientEntryNeverMultipliesItsRow()
    {
        // Row 1 is ignored (gradient 0) and holds ∞: 0·∞ would poison ∂W with NaN.
        const int d = 9, c = 2, rows = 5;
        var h = new double[rows * d];
        for (int k = 0; k < h.Length; k++) h[k] = k % 5 - 2;
        for (int j = 0; j < d; j++) h[d + j] = double.PositiveInfinity;
        var g = new double[rows * c];
        for (int k = 0; k < g.Length; k++) g[k] = 0.5 - k % 3;
        g[c] = g[c + 1] = 0;
        var dw = new double[c * d];
        LinearKernels.AddWeightGradient<double>(g, h, d, dw);
        for (int k = 0; k < c; k++)
            for (int j = 0; j < d; j++)
            {
                double expected = 0;
                for (int r = 0; r < rows; r++) if (r != 1) expected += g[r * c + k] * h[r * d + j];
                Assert.Equal(expected, dw[k * d + j], 1e-12);
            }
    }

    [Trait(Numerics.VectorPaths.Trait, Numerics.VectorPaths.Kernels)]
    [Fact]
    public void VectorOpsMatchScalarLoops()
    {
        var gen = from x in Gen.Double[-3, 3].Array[0, 70]
                  from other in Gen.Double[-3, 3].Array[70]
                  from a in Gen.Double[-2, 2]
                  select (x, other, a);
        gen.SampleFixed(s =>
        {
            var (x, other, a) = s;
            var y = other.AsSpan(0, x.Length).ToArray();
            double dot = 0, max = 0;
            for (int i = 0; i < x.Length; i++) { dot += x[i] * y[i]; max = Math.Max(max, Math.Abs(x[i])); }
            Assert.Equal(dot, VectorOps.Dot(x, y), 1e-12);
            Assert.Equal(max, VectorOps.MaxAbs(x));
            var axpy = y.ToArray();
            VectorOps.Axpy(a, x, axpy);
            var scaled = x.ToArray();
            VectorOps.Scale(scaled, a);
            for (int i = 0; i < x.Length; i++)
            {
                Assert.Equal(y[i] + a * x[i], axpy[i], 1e-12);
                Assert.Equal(a * x[i], scaled[i], 1e-15);
            }
        }, seed: "0000000000fc", iter: 200);
        Assert.True(double.IsNaN(VectorOps.MaxAbs([1, 2, double.NaN, 4, 5, 6, 7, 8, 9, 10])));
        Assert.True(double.IsNaN(VectorOps.MaxAbs([1, double.NaN])));
    }
}
