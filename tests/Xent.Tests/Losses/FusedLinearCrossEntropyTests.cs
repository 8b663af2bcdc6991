using CsCheck;
using Xent.Tests.Properties;
using Xent.Losses;
using Xent.Tests.Reference;

namespace Xent.Tests.Losses;

public class FusedLinearCrossEntropyTests
{
    /// <summary>The unfused computation: logits H·Wᵀ materialized, then dH = G·W, dW = Gᵀ·H.</summary>
    private static (double Loss, double[] DH, double[] DW) Unfused(double[] h, double[] w, int d, int[] y, CrossEntropyOptions o, double[]? cw)
    {
        int n = y.Length, c = w.Length / d;
        var z = new double[n * c];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < c; k++)
                for (int j = 0; j < d; j++) z[i * c + k] += h[i * d + j] * w[k * d + j];
        var g = new double[n * c];
        double loss = SoftmaxCrossEntropy.Compute(z, c, y, g, o, cw, o.Reduction == Reduction.None ? new double[n] : default);
        var dh = new double[h.Length];
        var dw = new double[w.Length];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < c; k++)
                for (int j = 0; j < d; j++)
                {
                    dh[i * d + j] += g[i * c + k] * w[k * d + j];
                    dw[k * d + j] += g[i * c + k] * h[i * d + j];
                }
        return (loss, dh, dw);
    }

    [Trait(Numerics.VectorPaths.Trait, Numerics.VectorPaths.Kernels)]
    [Fact]
    public void MatchesTheUnfusedComputationForAnyChunking()
    {
        var gen = from n in Gen.Int[0, 9]
                  from d in Gen.Int[1, 6]
                  from c in Gen.Int[1, 30]
                  from h in Gen.Double[-2, 2].Array[n * d]
                  from w in Gen.Double[-2, 2].Array[c * d]
                  from y in Gen.Int[-1, c - 1].Array[n]
                  from chunk in Gen.Int[0, 4]
                  from eps in Gen.OneOf(Gen.Const(0.0), Gen.Double[0, 0.5])
                  from reduction in Gen.Enum<Reduction>()
                  from weighted in Gen.Bool
                  from cw in Gen.Double[0.5, 2].Array[c]
                  select (n, d, c, h, w, y, chunk, eps, reduction, weighted ? cw : null);
        gen.SampleFixed(s =>
        {
            var (n, d, c, h, w, y, chunk, eps, reduction, cw) = s;
            var o = new CrossEntropyOptions { IgnoreIndex = -1, LabelSmoothing = eps, Reduction = reduction };
            var (loss, dh, dw) = Unfused(h, w, d, y, o, cw);
            var gh = new double[h.Length];
            var gw = new double[w.Length];
            double fused = FusedLinearCrossEntropy.Compute(h, w, d, y, gh, gw, o, cw, reduction == Reduction.None ? new double[n] : default, chunk);
            Assert.Equal(loss, fused, 1e-12 * (1 + Math.Abs(loss)));
            for (int k = 0; k < gh.Length; k++) Assert.Equal(dh[k], gh[k], 1e-12);
            for (int k = 0; k < gw.Length; k++) Assert.Equal(dw[k], gw[k], 1e-12);
        }, seed: "0000000000fa", iter: 150);
    }

    [Trait(Numerics.VectorPaths.Trait, Numerics.VectorPaths.Kernels)]
    [Fact]
    public void HiddenGradientMatchesFiniteDifferences()
    {
        var random = new Random(5);
        double[] h = Enumerable.Range(0, 3 * 4).Select(_ => random.NextDouble() - 0.5).ToArray();
        double[] w = Enumerable.Range(0, 5 * 4).Select(_ => random.NextDouble() - 0.5).ToArray();
        int[] y = [4, 0, 2];
        var gh = new double[h.Length];
        var gw = new double[w.Length];
        FusedLinearCrossEntropy.Compute(h, w, 4, y, gh, gw, chunkRows: 2);
        for (int k = 0; k < h.Length; k++)
            Assert.Equal(ReferenceLosses.Derivative(x => FusedLinearCrossEntropy.Compute(x, w, 4, y), h, k), gh[k], 1e-8);
        for (int k = 0; k < w.Length; k++)
            Assert.Equal(ReferenceLosses.Derivative(x => FusedLinearCrossEntropy.Compute(h, x, 4, y), w, k), gw[k], 1e-8);
    }

    [Fact]
    public void ExtraMemoryIsOneChunkOfLogits()
    {
        // N = 2048 rows, C = 4096 classes: materialized logits would be 32 MB of float; a 16-row chunk is 256 KB.
        const int n = 2048, c = 4096, d = 8, chunk = 16;
        var random = new Random(7);
        var h = new float[n * d];
        var w = new float[c * d];
        for (int i = 0; i < h.Length; i++) h[i] = (float)random.NextDouble();
        for (int i = 0; i < w.Length; i++) w[i] = (float)random.NextDouble() - 0.5f;
        var y = Enumerable.Range(0, n).Select(i => i % c).ToArray();
        var gh = new float[h.Length];
        var gw = new float[w.Length];
        var workspace = new float[chunk * c];
        FusedLinearCrossEntropy.Compute(h, w, d, y, gh, gw, chunkRows: chunk, workspace: workspace); // JIT first
        // The fewest bytes over three calls: a kernel that allocates does so on every call, while the runtime's own one-off
        // work on this thread (a method's tier-up or on-stack replacement mid-call, under a loaded full run) happens once.
        long withWorkspace = long.MaxValue;
        double loss = double.NaN;
        for (int repeat = 0; repeat < 3; repeat++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            loss = FusedLinearCrossEntropy.Compute(h, w, d, y, gh, gw, chunkRows: chunk, workspace: workspace);
            withWorkspace = Math.Min(withWorkspace, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        Assert.True(double.IsFinite(loss));
        Assert.True(withWorkspace <= 64, $"allocated {withWorkspace} bytes"); // one options record (Mean → Sum per chunk)

        long start = GC.GetAllocatedBytesForCurrentThread();
        FusedLinearCrossEntropy.Compute(h, w, d, y, gh, gw, chunkRows: chunk + 1);
        long rented = GC.GetAllocatedBytesForCurrentThread() - start;
        Assert.True(rented <= 2L * (chunk + 1) * c * sizeof(float) + 4096, $"allocated {rented} bytes");
        Assert.True(rented < (long)n * c * sizeof(float) / 50);
    }
}
