using CsCheck;
using Xent.Tests.Properties;
using Xent.Losses;
using Xent.Tests.Reference;

namespace Xent.Tests.Losses;

[Trait(Numerics.VectorPaths.Trait, Numerics.VectorPaths.Kernels)]
public class SoftmaxCrossEntropyTests
{
    private const double Exact = 1e-12;
    private const double FloatTolerance = 2e-6;
    private const double GradientTolerance = 1e-6;

    [Fact]
    public void CloudyExampleFromSeed000()
    {
        // Seed 000: q = [q_Cloudy, q_Rainy, q_Sunny] = [0.35, 0.6, 0.05], the day is cloudy: logits ln q, class 0 → −ln 0.35 nats.
        double[] logits = [Math.Log(0.35), Math.Log(0.6), Math.Log(0.05)];
        double loss = SoftmaxCrossEntropy.Compute(logits, 3, [0]);
        Assert.Equal(-Math.Log(0.35), loss, Exact);
        Assert.Equal(1.0498, loss, 4);
        Assert.Equal(1.0498, SoftmaxCrossEntropy.Compute(logits.Select(x => (float)x).ToArray(), 3, [0]), 4);
    }

    [Fact]
    public void GradientIsSoftmaxMinusOneHot()
    {
        double[] logits = [1, 2, 3];
        var g = new double[3];
        SoftmaxCrossEntropy.Compute(logits, 3, [2], g);
        double s = Math.Exp(1) + Math.Exp(2) + Math.Exp(3);
        Assert.Equal(Math.Exp(1) / s, g[0], Exact);
        Assert.Equal(Math.Exp(2) / s, g[1], Exact);
        Assert.Equal(Math.Exp(3) / s - 1, g[2], Exact);
    }

    [Theory]
    [InlineData(1e4)]
    [InlineData(1e30)]
    public void HugeLogitsAreExact(double big)
    {
        // lse = big + log(1 + 2·e^(−big)) = big exactly in double; loss against class 1 = big − (−big) = 2·big.
        double[] logits = [big, -big, 0];
        Assert.Equal(2 * big, SoftmaxCrossEntropy.Compute(logits, 3, [1]), Exact * 2 * big);
        Assert.Equal(0, SoftmaxCrossEntropy.Compute(logits, 3, [0]));
        var g = new float[3];
        Assert.Equal(2e4, SoftmaxCrossEntropy.Compute([1e4f, -1e4f, 0f], 3, [1], g), 1e-12 * 2e4);
        Assert.Equal([1f, -1f, 0f], g);
    }

    [Fact]
    public void TorchSoftmaxWouldOverflowHereButWeDoNot()
    {
        var logits = new float[64];
        for (int i = 0; i < logits.Length; i++) logits[i] = 1000 + i;
        double loss = SoftmaxCrossEntropy.Compute(logits, 64, [63]);
        double expected = ReferenceLosses.LogSumExp(logits.Select(x => (double)x).ToArray()) - 1063;
        Assert.Equal(expected, loss, 1e-6);
    }

    [Fact]
    public void VeryLargeVocabulary()
    {
        // C = 256k equal logits: loss = ln C, gradient 1/C everywhere but the target. Up to float exp's error (at 256 bits
        // the runtime's exp(0) is 1 + 2^-23), which bounds the loss error by ~1.2e-7.
        const int classes = 256_000;
        var logits = new float[classes];
        var g = new float[classes];
        double loss = SoftmaxCrossEntropy.Compute(logits, classes, [classes - 1], g);
        Assert.Equal(Math.Log(classes), loss, 5e-7);
        Assert.Equal(1.0 / classes, g[0], 1e-12);
        Assert.Equal(1.0 / classes - 1, g[^1], 1e-7);
    }

    [Fact]
    public void AllIgnoredMeanIsZeroNotNaN()
    {
        var logits = new double[6] { 1, 2, 3, 4, 5, 6 };
        var g = new double[6];
        g.AsSpan().Fill(7);
        Assert.Equal(0, SoftmaxCrossEntropy.Compute(logits, 3, [-100, -100], g));
        Assert.All(g, x => Assert.Equal(0, x));
        Assert.Equal(0, SoftmaxCrossEntropy.Compute(ReadOnlySpan<double>.Empty, 3, ReadOnlySpan<int>.Empty));
    }

    [Fact]
    public void MaskedClassHasZeroProbability()
    {
        double[] logits = [0, double.NegativeInfinity, 0];
        var g = new double[3];
        Assert.Equal(Math.Log(2), SoftmaxCrossEntropy.Compute(logits, 3, [0], g), Exact);
        Assert.Equal([-0.5, 0, 0.5], g);
        Assert.Equal(double.PositiveInfinity, SoftmaxCrossEntropy.Compute(logits, 3, [1]));
    }

    [Theory]
    [InlineData(double.NaN, 5)]
    [InlineData(double.NaN, 47)]
    [InlineData(double.PositiveInfinity, 40)]
    public void BadLogitsThrowNamingRowAndClass(double bad, int column)
    {
        foreach (int classes in new[] { 48, 70, 200 })
        {
            var logits = new double[2 * classes];
            logits[classes + column] = bad;
            var e = Assert.Throws<ArgumentException>(() => SoftmaxCrossEntropy.Compute(logits, classes, [0, 1]));
            Assert.Contains($"row 1, class {column}", e.Message);
            var f = Assert.Throws<ArgumentException>(() => SoftmaxCrossEntropy.Compute(logits.Select(x => (float)x).ToArray(), classes, [0, 1]));
            Assert.Contains($"row 1, class {column}", f.Message);
            // With a gradient the row goes through the max / exp / scale passes instead of the online one.
            var withGradient = Assert.Throws<ArgumentException>(() =>
                SoftmaxCrossEntropy.Compute(logits.Select(x => (float)x).ToArray(), classes, [0, 1], new float[2 * classes]));
            Assert.Contains($"row 1, class {column}", withGradient.Message);
            Assert.Contains($"row 1, class {column}", Assert.Throws<ArgumentException>(() =>
                SoftmaxCrossEntropy.Compute(logits, classes, [0, 1], new double[2 * classes])).Message);
        }
        Assert.Throws<ArgumentException>(() => SoftmaxCrossEntropy.Compute(new double[] { double.NegativeInfinity, double.NegativeInfinity }, 2, [0]));
    }

    [Fact]
    public void ValidatesShapesTargetsAndOptions()
    {
        var logits = new double[6];
        Assert.Contains("targets[1] = 3", Assert.Throws<ArgumentException>(() => SoftmaxCrossEntropy.Compute(logits, 3, [0, 3])).Message);
        Assert.Throws<ArgumentException>(() => SoftmaxCrossEntropy.Compute(logits, 4, [0, 1]));
        Assert.Throws<ArgumentException>(() => SoftmaxCrossEntropy.Compute(logits, 3, [0, 1], new double[5]));
        Assert.Throws<ArgumentException>(() => SoftmaxCrossEntropy.Compute(logits, 3, [0, 1], options: new() { Reduction = Reduction.None }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SoftmaxCrossEntropy.Compute(logits, 3, [0, 1], options: new() { LabelSmoothing = 1.5 }));
        Assert.Contains("classWeights[2]", Assert.Throws<ArgumentException>(() => SoftmaxCrossEntropy.Compute(logits, 3, [0, 1], classWeights: new double[] { 1, 1, -1 })).Message);
        Assert.Contains("targetProbabilities[4]", Assert.Throws<ArgumentException>(() =>
            SoftmaxCrossEntropy.ComputeSoft(logits, 3, new double[] { 1, 0, 0, 0, double.NaN, 0 })).Message);
    }

    [Fact]
    public void NoneWritesRowLossesAndReturnsTheirSum()
    {
        double[] logits = [0, 1, 2, 3, 1, 0];
        var rows = new double[2];
        double total = SoftmaxCrossEntropy.Compute(logits, 3, [2, 0], rowLosses: rows, options: new() { Reduction = Reduction.None });
        Assert.Equal(ReferenceLosses.Row(logits.AsSpan(0, 3), 2, null, 0), rows[0], Exact);
        Assert.Equal(ReferenceLosses.Row(logits.AsSpan(3, 3), 0, null, 0), rows[1], Exact);
        Assert.Equal(rows[0] + rows[1], total, Exact);
    }

    private static Gen<(int N, int C, double[] Logits, int[] Targets, double[]? Weights, double Eps, Reduction Reduction)> Batches(int maxClasses) =>
        from n in Gen.Int[0, 5]
        from c in Gen.Int[1, maxClasses]
        from logits in Gen.Double[-8, 8].Array[n * c]
        from targets in Gen.Int[-1, c - 1].Array[n]
        from weighted in Gen.Bool
        from w in Gen.Double[0.1, 3].Array[c]
        from eps in Gen.OneOf(Gen.Const(0.0), Gen.Double[0, 1])
        from reduction in Gen.Enum<Reduction>()
        select (n, c, logits, targets, weighted ? w : (double[]?)null, eps, reduction);

    private static CrossEntropyOptions Options(double eps, Reduction reduction) =>
        new() { LabelSmoothing = eps, Reduction = reduction, IgnoreIndex = -1 };

    [Fact]
    public void MatchesReferenceOverRandomBatchesAndEveryTail()
    {
        // C up to 80 covers every tail of the 16-float / 8-double vector loops and the 4-vector blocks.
        Batches(80).SampleFixed(b =>
        {
            var rows = new double[b.N];
            var opts = Options(b.Eps, b.Reduction);
            double loss = SoftmaxCrossEntropy.Compute(b.Logits, b.C, b.Targets, options: opts, classWeights: b.Weights, rowLosses: b.Reduction == Reduction.None ? rows : default);
            double expected = ReferenceLosses.Batch(b.Logits, b.C, b.Targets, b.Weights, b.Eps, -1, b.Reduction == Reduction.Mean ? Reduction.Mean : Reduction.Sum);
            Assert.Equal(expected, loss, 1e-11 * (1 + Math.Abs(expected)));
            float lossF = (float)SoftmaxCrossEntropy.Compute(b.Logits.Select(x => (float)x).ToArray(), b.C, b.Targets, options: opts,
                classWeights: b.Weights?.Select(x => (float)x).ToArray(), rowLosses: b.Reduction == Reduction.None ? new float[b.N] : default);
            Assert.Equal(expected, lossF, FloatTolerance * (1 + Math.Abs(expected)));
        }, seed: "0000000000aa", iter: 300);
    }

    [Fact]
    public void GradientMatchesFiniteDifferences()
    {
        Batches(20).SampleFixed(b =>
        {
            var opts = Options(b.Eps, b.Reduction == Reduction.None ? Reduction.Sum : b.Reduction);
            var g = new double[b.Logits.Length];
            SoftmaxCrossEntropy.Compute(b.Logits, b.C, b.Targets, g, opts, b.Weights);
            double F(double[] z) => SoftmaxCrossEntropy.Compute(z, b.C, b.Targets, options: opts, classWeights: b.Weights);
            for (int k = 0; k < g.Length; k++)
                Assert.Equal(ReferenceLosses.Derivative(F, b.Logits, k), g[k], GradientTolerance);
            var gf = new float[b.Logits.Length];
            SoftmaxCrossEntropy.Compute(b.Logits.Select(x => (float)x).ToArray(), b.C, b.Targets, gf, opts, b.Weights?.Select(x => (float)x).ToArray());
            for (int k = 0; k < g.Length; k++) Assert.Equal(g[k], gf[k], 1e-5);
        }, seed: "0000000000ab", iter: 150);
    }

    [Fact]
    public void SoftTargetsMatchReferenceAndFiniteDifferences()
    {
        var gen = from n in Gen.Int[1, 4]
                  from c in Gen.Int[1, 40]
                  from logits in Gen.Double[-6, 6].Array[n * c]
                  from raw in Gen.Double[0, 1].Array[n * c]
                  from eps in Gen.Double[0, 0.5]
                  from weighted in Gen.Bool
                  from w in Gen.Double[0.2, 2].Array[c]
                  select (n, c, logits, raw, eps, weighted ? w : null);
        gen.SampleFixed(s =>
        {
            var (n, c, logits, t, eps, w) = s;
            var opts = new CrossEntropyOptions { LabelSmoothing = eps };
            var g = new double[logits.Length];
            double loss = SoftmaxCrossEntropy.ComputeSoft(logits, c, t, g, opts, w);
            double expected = 0;
            for (int i = 0; i < n; i++) expected += ReferenceLosses.SoftRow(logits.AsSpan(i * c, c), t.AsSpan(i * c, c), w, eps);
            Assert.Equal(expected / n, loss, 1e-11 * (1 + expected));
            double F(double[] z) => SoftmaxCrossEntropy.ComputeSoft(z, c, t, options: opts, classWeights: w);
            for (int k = 0; k < g.Length; k++) Assert.Equal(ReferenceLosses.Derivative(F, logits, k), g[k], GradientTolerance);
        }, seed: "0000000000ac", iter: 100);
    }

    [Fact]
    public void OneHotSoftTargetsEqualClassIndices()
    {
        double[] logits = [0.5, -1, 2, 0.25, 3, -2];
        double[] t = [0, 0, 1, 1, 0, 0];
        var opts = new CrossEntropyOptions { LabelSmoothing = 0.3 };
        Assert.Equal(SoftmaxCrossEntropy.Compute(logits, 3, [2, 0], options: opts), SoftmaxCrossEntropy.ComputeSoft(logits, 3, t, options: opts), Exact);
    }

    [Fact]
    public void ThreadCountDoesNotChangeTheResult()
    {
        var random = new Random(3);
        const int n = 601, c = 500; // above the 2^18-logit threshold under which one thread is used
        var logits = new float[n * c];
        for (int i = 0; i < logits.Length; i++) logits[i] = (float)(random.NextDouble() * 10 - 5);
        var targets = Enumerable.Range(0, n).Select(i => i % 7 == 0 ? -100 : random.Next(c)).ToArray();
        var g1 = new float[n * c];
        var g2 = new float[n * c];
        double one = SoftmaxCrossEntropy.Compute(logits, c, targets, g1);
        double two = SoftmaxCrossEntropy.Compute(logits, c, targets, g2, new() { MaxDegreeOfParallelism = 2 });
        Assert.Equal(one, two);
        Assert.Equal(g1, g2);
        logits[400 * c + 3] = float.NaN; // a bad row found by a worker surfaces as the same ArgumentException
        Assert.Contains("row 400, class 3", Assert.Throws<ArgumentException>(() =>
            SoftmaxCrossEntropy.Compute(logits, c, targets, g2, new() { MaxDegreeOfParallelism = 2 })).Message);
    }

    [Fact]
    public void GradientMayOverwriteTheLogits()
    {
        var logits = new float[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18 };
        var separate = new float[logits.Length];
        double expected = SoftmaxCrossEntropy.Compute(logits, 18, [4], separate);
        Assert.Equal(expected, SoftmaxCrossEntropy.Compute(logits, 18, [4], logits));
        Assert.Equal(separate, logits);
    }

    [Fact]
    public void LossIsTheSameWithAndWithoutTheGradient()
    {
        // Without a gradient the online one-pass form runs; with one, max / exp-and-sum / scale.
        Batches(80).SampleFixed(b =>
        {
            var opts = Options(b.Eps, b.Reduction == Reduction.None ? Reduction.Sum : b.Reduction);
            double without = SoftmaxCrossEntropy.Compute(b.Logits, b.C, b.Targets, options: opts, classWeights: b.Weights);
            double with = SoftmaxCrossEntropy.Compute(b.Logits, b.C, b.Targets, new double[b.Logits.Length], opts, b.Weights);
            Assert.Equal(without, with, 1e-13 * (1 + Math.Abs(without)));
            var z = b.Logits.Select(x => (float)x).ToArray();
            var w = b.Weights?.Select(x => (float)x).ToArray();
            Assert.Equal(SoftmaxCrossEntropy.Compute(z, b.C, b.Targets, options: opts, classWeights: w),
                SoftmaxCrossEntropy.Compute(z, b.C, b.Targets, new float[z.Length], opts, w), 1e-6 * (1 + Math.Abs(without)));
        }, seed: "0000000000ad", iter: 200);
    }

    [Fact]
    public void LargeBatchesStreamTheGradientWithTheSameResult()
    {
        // 64 × 65,536 floats = 16 MB: the gradient is written with non-temporal stores; row by row it is not.
        const int n = 64, c = 65_536;
        var random = new Random(9);
        var logits = new float[n * c];
        for (int i = 0; i < logits.Length; i++) logits[i] = (float)(random.NextDouble() * 20 - 10);
        var targets = Enumerable.Range(0, n).Select(i => (i * 7919) % c).ToArray();
        var g = new float[n * c];
        var opts = new CrossEntropyOptions { Reduction = Reduction.Sum };
        double total = SoftmaxCrossEntropy.Compute(logits, c, targets, g, opts);
        double rows = 0;
        var gr = new float[c];
        for (int i = 0; i < n; i++)
        {
            rows += SoftmaxCrossEntropy.Compute(logits.AsSpan(i * c, c), c, targets.AsSpan(i, 1), gr, opts);
            Assert.True(gr.AsSpan().SequenceEqual(g.AsSpan(i * c, c)), $"row {i}");
        }
        Assert.Equal(rows, total, 1e-9 * rows);
    }
}
