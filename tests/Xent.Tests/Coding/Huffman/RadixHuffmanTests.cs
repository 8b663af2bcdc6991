using CsCheck;
using Xent.Tests.Properties;
using Xent.Coding;
using Xent.Measures;

namespace Xent.Tests.Coding;

public class RadixHuffmanTests
{
    [Fact]
    public void TernaryHandWorked()
    {
        // Weights 5, 4, 3, 2, 1 in radix 3: 5 leaves, (5 − 1) mod 2 = 0, no dummy. Merge 1+2+3 = 6, then 4+5+6:
        // symbols 0 (5) and 1 (4) get 1 digit, 2, 3, 4 get 2 digits.
        var lengths = new int[5];
        Assert.Equal(2, Huffman.CodeLengths([5.0, 4, 3, 2, 1], lengths, 3));
        Assert.Equal([1, 1, 2, 2, 2], lengths);
        Assert.Equal(1.0, PrefixCodes.KraftSum(lengths, 3), 12);
    }

    [Fact]
    public void OptimalAgainstBruteForce() =>
        (from counts in Gen.Long[0, 50].Array[2, 6] from radix in Gen.Int[2, 4] select (counts, radix))
        .SampleFixed((counts, radix) =>
    {
        int used = counts.Count(c => c > 0);
        if (used < 2) return;
        var lengths = new int[counts.Length];
        Huffman.CodeLengths(counts, lengths, radix);
        Assert.True(PrefixCodes.KraftSum(lengths, radix) <= 1 + 1e-12);
        Assert.Equal(CodeSearch.OptimalCost(counts, used - 1, radix), CodeSearch.Cost(counts, lengths));
    }, seed: "0000000000r1", iter: 200);

    [Fact]
    public void RadixTwoIsTheBinaryCode() => Gen.Long[0, 1000].Array[1, 100].SampleFixed(counts =>
    {
        if (counts.All(c => c == 0)) return;
        var binary = new int[counts.Length];
        var radix2 = new int[counts.Length];
        Huffman.CodeLengths(counts, binary);
        Huffman.CodeLengths(counts, radix2, 2);
        Assert.Equal(binary, radix2);
    }, seed: "0000000000r2", iter: 100);

    [Fact]
    public void WithinOneDigitOfEntropy()
    {
        double[] p = [0.5, 0.4, 0.1];
        var lengths = new int[3];
        Huffman.CodeLengths(p, lengths, 3);
        double hTrits = Discrete.Entropy(p, LogBase.Of(3)).Value;
        double l = PrefixCodes.ExpectedLength(lengths, p).Value; // in trits: Σ p·l
        Assert.InRange(l, hTrits, hTrits + 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => Huffman.CodeLengths(p, lengths, 1));
    }
}
