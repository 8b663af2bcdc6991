using CsCheck;
using Xent.Tests.Properties;
using Xent.Coding;

namespace Xent.Tests.Coding;

public class LengthLimitedTests
{
    [Fact]
    public void MatchesExhaustiveSearch() =>
        (from counts in Gen.Long[0, 1000].Array[2, 7]
         from extra in Gen.Int[0, 3]
         select (counts, extra)).SampleFixed((counts, extra) =>
    {
        int used = counts.Count(c => c > 0);
        if (used < 2) return;
        int maxLength = (int)Math.Ceiling(Math.Log2(used)) + extra;
        var lengths = new int[counts.Length];
        int max = Huffman.LengthLimitedCodeLengths(counts, maxLength, lengths);
        Assert.True(max <= maxLength);
        Assert.All(lengths, l => Assert.InRange(l, 0, maxLength));
        Assert.True(PrefixCodes.KraftSum(lengths) <= 1);
        Assert.Equal(CodeSearch.OptimalCost(counts, maxLength), CodeSearch.Cost(counts, lengths));
    }, seed: "0000000000l1", iter: 300);

    [Fact]
    public void SkewedWeightsAreLimitedAndComplete()
    {
        // Fibonacci weights give the deepest Huffman trees: lengths 1..n−1.
        var fib = new long[40];
        fib[0] = fib[1] = 1;
        for (int i = 2; i < fib.Length; i++) fib[i] = fib[i - 1] + fib[i - 2];
        var unlimited = new int[fib.Length];
        Assert.Equal(39, Huffman.CodeLengths(fib, unlimited));
        var limited = new int[fib.Length];
        Assert.Equal(11, Huffman.LengthLimitedCodeLengths(fib, 11, limited));
        Assert.Equal(1.0, PrefixCodes.KraftSum(limited), 15);
        Assert.True(CodeSearch.Cost(fib, limited) >= CodeSearch.Cost(fib, unlimited));
    }

    [Fact]
    public void EqualsHuffmanWhenTheLimitDoesNotBind()
    {
        double[] w = [0.5, 0.4, 0.1];
        Assert.Equal(Huffman.Build(w).Lengths.ToArray(), Huffman.BuildLengthLimited(w, 5).Lengths.ToArray());
    }

    [Fact]
    public void RejectsLimitsTooSmallForTheAlphabet()
    {
        var w = Enumerable.Repeat(1.0, 9).ToArray();
        Assert.Throws<ArgumentOutOfRangeException>(() => Huffman.BuildLengthLimited(w, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Huffman.BuildLengthLimited(w, 0));
        Assert.Equal(4, Huffman.BuildLengthLimited(w, 4).MaxLength);
    }

    [Fact]
    public void LargeAlphabetLimited()
    {
        var rng = new Random(3);
        var w = new double[100_000];
        for (int i = 0; i < w.Length; i++) w[i] = Math.Exp(-rng.NextDouble() * 30);
        var lengths = new int[w.Length];
        int max = Huffman.LengthLimitedCodeLengths(w, 20, lengths);
        Assert.Equal(20, max);
        Assert.Equal(1.0, PrefixCodes.KraftSum(lengths), 12);
    }
}
