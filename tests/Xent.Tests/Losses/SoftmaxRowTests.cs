using System.Numerics;
using Xent.Losses;
using Xent.Tests.Numerics;

namespace Xent.Tests.Losses;

/// <summary>
/// The row passes of softmax cross-entropy against the obvious double-precision definitions, for every row length 0..256
/// (every tail of every width and of the four-vector blocks), in float and double, with masked (−∞) classes and NaN.
/// </summary>
[Trait(VectorPaths.Trait, VectorPaths.Kernels)]
public class SoftmaxRowTests
{
    private static T[] Row<T>(Random random, int n, double spread) where T : IBinaryFloatingPointIeee754<T>
    {
        var z = new T[n];
        for (int c = 0; c < n; c++) z[c] = T.CreateTruncating((random.NextDouble() - 0.5) * spread);
        if (n > 3) z[n / 3] = T.NegativeInfinity; // a masked class
        return z;
    }

    private static void EveryLength<T>(double tolerance) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var random = new Random(typeof(T) == typeof(float) ? 32 : 64);
        for (int n = 0; n <= 256; n++)
        {
            // Rising logits make the running max grow in every block (the rescaling branch); random ones rarely do.
            var z = n % 2 == 0 ? Row<T>(random, n, 40) : Enumerable.Range(0, n).Select(c => T.CreateTruncating(c * 0.25 - 20)).ToArray();
            double[] zd = Array.ConvertAll(z, x => double.CreateTruncating(x));
            double max = n == 0 ? double.NegativeInfinity : zd.Max();
            double sum = zd.Sum(x => Math.Exp(x - max));

            Assert.Equal(T.CreateTruncating(max), SoftmaxRow.Max<T>(z));
            if (n > 0)
            {
                var (m, s) = SoftmaxRow.MaxSumExp<T>(z);
                Assert.Equal(T.CreateTruncating(max), m);
                Assert.True(Math.Abs(s - sum) <= tolerance * sum, $"{typeof(T).Name} n = {n}: Σexp {s:R}, reference {sum:R}");
            }

            var e = new T[n];
            double total = SoftmaxRow.ExpShiftedSum<T>(z, T.CreateTruncating(max), e, z);
            Assert.True(Math.Abs(total - sum) <= tolerance * Math.Max(sum, 1), $"{typeof(T).Name} n = {n}: Σexp {total:R}, reference {sum:R}");
            for (int c = 0; c < n; c++)
                Assert.True(Math.Abs(double.CreateTruncating(e[c]) - Math.Exp(zd[c] - max)) <= tolerance, $"{typeof(T).Name} n = {n}: e[{c}] = {e[c]}");

            foreach (bool streaming in new[] { false, true })
            {
                var g = (T[])e.Clone();
                T a = T.CreateTruncating(0.75), b = T.CreateTruncating(0.125);
                SoftmaxRow.ScaleShift<T>(g, a, b, streaming);
                for (int c = 0; c < n; c++) Assert.Equal(a * e[c] - b, g[c]);
            }
        }
    }

    [Fact]
    public void DoubleRowsOfEveryLengthMatchTheReference() => EveryLength<double>(1e-14);

    [Fact]
    public void FloatRowsOfEveryLengthMatchTheReference() => EveryLength<float>(1e-6);

    [Theory]
    [InlineData(5)]
    [InlineData(70)]
    [InlineData(257)]
    public void NaNPoisonsTheSumAndAllMaskedRowsSumToZero(int n)
    {
        var z = new float[n];
        z[n - 2] = float.NaN;
        Assert.True(double.IsNaN(SoftmaxRow.MaxSumExp<float>(z).SumExp));
        Assert.True(double.IsNaN(SoftmaxRow.ExpShiftedSum<float>(z, SoftmaxRow.Max<float>(z), new float[n])) || float.IsNaN(SoftmaxRow.Max<float>(z)));
        Array.Fill(z, float.NegativeInfinity);
        Assert.Equal(0, SoftmaxRow.MaxSumExp<float>(z).SumExp);
        Assert.Equal(float.NegativeInfinity, SoftmaxRow.Max<float>(z));
    }
}
