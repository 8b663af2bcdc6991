using CsCheck;
using Xent.Tests.Properties;
using Xent.Coding;
using Xent.Measures;

namespace Xent.Tests.Coding;

public class PrefixCodesTests
{
    private const double Tight = 1e-12;

    [Fact]
    public void KraftSums()
    {
        Assert.Equal(1.0, PrefixCodes.KraftSum([1, 2, 2]));
        Assert.Equal(0.75, PrefixCodes.KraftSum([2, 2, 2, 0]));
        Assert.Equal(0.0, PrefixCodes.KraftSum([]));
        Assert.Throws<ArgumentException>(() => PrefixCodes.KraftSum([1, -1]));
    }

    [Fact]
    public void PrefixFreeness()
    {
        Assert.True(PrefixCodes.IsPrefixFree([0b0, 0b10, 0b11], [1, 2, 2]));
        Assert.False(PrefixCodes.IsPrefixFree([0b0, 0b01, 0b11], [1, 2, 2]));   // "0" starts "01"
        Assert.False(PrefixCodes.IsPrefixFree([0b10, 0b10], [2, 2]));            // equal words
        Assert.True(PrefixCodes.IsPrefixFree([0b1, 0], [1, 0]));                 // length 0 = no codeword
        Assert.Throws<ArgumentException>(() => PrefixCode.Create([1, 2], [0b0, 0b01]));
        Assert.Throws<ArgumentException>(() => PrefixCode.Canonical([1, 1, 1]));
    }

    [Fact]
    public void MismatchedCodeOnTheLondonWeather()
    {
        // The Barcelona code (built for Q = 0.2, 0.1, 0.7) used on London's P = 0.5, 0.4, 0.1:
        // Sunny gets 1 bit, Cloudy and Rainy 2, so 0.5·2 + 0.4·2 + 0.1·1 = 1.9 bits.
        double[] p = [0.5, 0.4, 0.1], q = [0.2, 0.1, 0.7];
        var barcelona = Huffman.Build(q);
        Assert.Equal(1.9, PrefixCodes.ExpectedLength(barcelona.Lengths, p).Value, Tight);
        Assert.Equal(1.3, PrefixCodes.ExpectedLength(barcelona.Lengths, q).Value, Tight);
    }

    [Fact]
    public void MissingCodewordCostsInfinity() =>
        Assert.True(double.IsPositiveInfinity(PrefixCodes.ExpectedLength([1, 1, 0], [0.5, 0.4, 0.1]).Value));

    [Fact]
    public void RedundancyAndEfficiency()
    {
        double[] p = [0.5, 0.25, 0.25];
        int[] dyadic = [1, 2, 2];
        Assert.Equal(0, PrefixCodes.Redundancy(dyadic, p).Value, Tight);
        Assert.Equal(1, PrefixCodes.Efficiency(dyadic, p), Tight);
        double[] weather = [0.5, 0.4, 0.1];
        double h = Discrete.Entropy(weather).Value;
        Assert.Equal(1.5 - h, PrefixCodes.Redundancy([1, 2, 2], weather).Value, Tight);
        Assert.Equal(h / 1.5, PrefixCodes.Efficiency([1, 2, 2], weather), Tight);
    }

    [Fact]
    public void ShannonLengthsHandWorked()
    {
        var lengths = new int[4];
        PrefixCodes.ShannonLengths([0.5, 0.4, 0.1, 0], lengths);
        Assert.Equal([1, 2, 4, 0], lengths);
        Assert.Throws<ArgumentException>(() => PrefixCodes.ShannonLengths([1.5], new int[1]));
    }

    [Fact]
    public void ShannonFanoEliasHandWorked()
    {
        // F̄ = 0.25, 0.7, 0.95; lengths ⌈log 1/p⌉ + 1 = 2, 3, 5: 0.01|, 0.101|, 0.11110|
        var code = PrefixCodes.ShannonFanoElias([0.5, 0.4, 0.1]);
        Assert.Equal(["01", "101", "11110"], Enumerable.Range(0, 3).Select(code.CodewordText));
    }

    private static readonly Gen<double[]> Distributions =
        Gen.Int[1, 1000].Array[1, 40].Select(w => w.Select(x => x / (double)w.Sum()).ToArray());

    [Fact]
    public void ShannonAndSfeBounds() => Distributions.SampleFixed(p =>
    {
        double h = Discrete.Entropy(p).Value;
        var shannon = new int[p.Length];
        PrefixCodes.ShannonLengths(p, shannon);
        Assert.True(PrefixCodes.KraftSum(shannon) <= 1 + Tight);
        double ls = PrefixCodes.ExpectedLength(shannon, p).Value;
        Assert.InRange(ls, h - Tight, h + 1);
        var sfe = PrefixCodes.ShannonFanoElias(p);
        Assert.True(PrefixCodes.IsPrefixFree(sfe.Codewords, sfe.Lengths));
        Assert.InRange(PrefixCodes.ExpectedLength(sfe.Lengths, p).Value, h + 1 - Tight, h + 2);
        double huffman = PrefixCodes.ExpectedLength(Huffman.Build(p).Lengths, p).Value;
        Assert.True(huffman <= ls + Tight);
    }, seed: "0000000000p1", iter: 300);

    [Fact]
    public void MismatchedLengthIsAtLeastEntropy() =>
        (from p in Distributions from seed in Gen.Int select (p, seed)).SampleFixed((p, seed) =>
    {
        var rng = new Random(seed);
        var q = p.Select(_ => rng.NextDouble() + 0.01).ToArray();
        double s = q.Sum();
        var code = Huffman.Build(q.Select(x => x / s).ToArray());
        Assert.True(PrefixCodes.ExpectedLength(code.Lengths, p).Value >= Discrete.Entropy(p).Value - Tight);
    }, seed: "0000000000p2", iter: 200);
}
