using CsCheck;
using Xent.Tests.Properties;
using Xent.Coding;
using Xent.Measures;

namespace Xent.Tests.Coding;

public class HuffmanTests
{
    private static readonly Gen<long[]> SmallCounts = Gen.Long[0, 50].Array[2, 6].Where(c => c.Count(x => x > 0) >= 2);

    [Fact]
    public void WeatherCode()
    {
        // Cloudy 0.5, Rainy 0.4, Sunny 0.1: merge Sunny+Rainy (0.5), then the tie 0.5 (leaf Cloudy) vs 0.5 (merged):
        // the leaf is taken first, so Cloudy gets 1 bit; canonical codewords by (length, index): 0, 10, 11.
        var code = Huffman.Build([0.5, 0.4, 0.1]);
        Assert.Equal([1, 2, 2], code.Lengths.ToArray());
        Assert.Equal(["0", "10", "11"], Enumerable.Range(0, 3).Select(code.CodewordText));
        Assert.Equal(1.5, PrefixCodes.ExpectedLength(code.Lengths, [0.5, 0.4, 0.1]).Value, 12);
    }

    [Fact]
    public void TieBreakWorkedExample()
    {
        // docs/coding/huffman.md: weights [2, 2, 4, 1, 1]. Sorted (weight, index): 3:1, 4:1, 0:2, 1:2, 2:4.
        // Merges: (3,4)→2; ties 2 (leaves 0, 1) vs 2 (merged): leaves first → (0,1)→4; then merged 2 + leaf 4 (symbol 2)
        // → 6 (leaf 4 ties merged 4: leaf first); last 4 + 6. Lengths: 0,1 → 2; 2 → 2; 3,4 → 3.
        var code = Huffman.Build([2.0, 2, 4, 1, 1]);
        Assert.Equal([2, 2, 2, 3, 3], code.Lengths.ToArray());
        Assert.Equal(["00", "01", "10", "110", "111"], Enumerable.Range(0, 5).Select(code.CodewordText));
    }

    [Fact]
    public void SingleSymbolGetsOneBitAndZeroWeightsNone()
    {
        var code = Huffman.Build([0.0, 1.0, 0.0]);
        Assert.Equal([0, 1, 0], code.Lengths.ToArray());
        Assert.Equal("0", code.CodewordText(1));
        Assert.Equal("", code.CodewordText(0));
    }

    [Fact]
    public void RejectsInvalidWeights()
    {
        Assert.Throws<ArgumentException>(() => Huffman.Build([0.5, double.NaN]));
        Assert.Throws<ArgumentException>(() => Huffman.Build([0.5, -0.1]));
        Assert.Throws<ArgumentException>(() => Huffman.Build([0.0, 0.0]));
        Assert.Throws<ArgumentException>(() => Huffman.Build(ReadOnlySpan<double>.Empty));
        Assert.Throws<ArgumentException>(() => Huffman.Build([long.MaxValue, 1L]));
        Assert.Throws<ArgumentException>(() => Huffman.CodeLengths([1.0, 2.0], new int[1]));
    }

    [Fact]
    public void KraftEqualityAndPrefixFree() => Gen.Int[0, 1_000_000].Select(i => i / 1e6).Array[2, 300].SampleFixed(w =>
    {
        if (w.Count(x => x > 0) < 2) return;
        var code = Huffman.Build(w);
        Assert.Equal(1.0, code.KraftSum, 12);
        Assert.True(PrefixCodes.IsPrefixFree(code.Codewords, code.Lengths));
    }, seed: "0000000000h1", iter: 300);

    [Fact]
    public void OptimalAgainstBruteForce() => SmallCounts.SampleFixed(counts =>
    {
        var lengths = new int[counts.Length];
        Huffman.CodeLengths(counts, lengths);
        int used = counts.Count(c => c > 0);
        Assert.Equal(CodeSearch.OptimalCost(counts, used - 1), CodeSearch.Cost(counts, lengths));
    }, seed: "0000000000h2", iter: 200);

    [Fact]
    public void ExpectedLengthWithinOneBitOfEntropy() => Gen.Double[0.001, 1].Array[2, 64].SampleFixed(w =>
    {
        double sum = w.Sum();
        var p = w.Select(x => x / sum).ToArray();
        var code = Huffman.Build(p);
        double h = Discrete.Entropy(p, default, new MeasureOptions { Normalization = Normalization.Renormalize }).Value;
        double l = PrefixCodes.ExpectedLength(code.Lengths, p).Value;
        Assert.InRange(l, h - 1e-12, h + 1 - 1e-12);
    }, seed: "0000000000h3", iter: 300);

    [Fact]
    public void CountsAndDoublesGiveTheSameCode() => Gen.Long[0, 1000].Array[2, 100].SampleFixed(counts =>
    {
        if (counts.Count(c => c > 0) < 1) return;
        var fromCounts = new int[counts.Length];
        var fromDoubles = new int[counts.Length];
        Huffman.CodeLengths(counts, fromCounts);
        Huffman.CodeLengths(counts.Select(c => (double)c).ToArray(), fromDoubles);
        Assert.Equal(fromCounts, fromDoubles);
    }, seed: "0000000000h4", iter: 200);

    [Fact]
    public void SortedInputNeedsNoSort() => Gen.Int[0, 100].Select(i => i / 10.0).Array[1, 200].SampleFixed(w =>
    {
        if (w.All(x => x == 0)) return;
        Array.Sort(w);
        var sorted = new int[w.Length];
        var general = new int[w.Length];
        Huffman.CodeLengthsOfSorted(w, sorted);
        Huffman.CodeLengths(w, general);
        Assert.Equal(general, sorted);
    }, seed: "0000000000h5", iter: 200);

    [Fact]
    public void SortedInputIsChecked() =>
        Assert.Throws<ArgumentException>(() => Huffman.CodeLengthsOfSorted([0.5, 0.2], new int[2]));

    [Fact]
    public void DeterministicAcrossRuns()
    {
        var rng = new Random(7);
        var w = Enumerable.Range(0, 5000).Select(_ => (double)rng.Next(1, 20)).ToArray();
        var a = Huffman.Build(w);
        var b = Huffman.Build(w);
        Assert.Equal(a.Lengths.ToArray(), b.Lengths.ToArray());
        Assert.Equal(a.Codewords.ToArray(), b.Codewords.ToArray());
    }

    [Fact]
    public void MillionSymbols()
    {
        var rng = new Random(1);
        var counts = new long[1_000_000];
        for (int i = 0; i < counts.Length; i++) counts[i] = 1 + rng.Next(1_000_000);
        var lengths = new int[counts.Length];
        int max = Huffman.CodeLengths(counts, lengths);
        Assert.Equal(1.0, PrefixCodes.KraftSum(lengths), 9);
        Assert.InRange(max, 20, 40);
    }
}
