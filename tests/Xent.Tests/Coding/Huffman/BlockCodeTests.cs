using Xent.Tests.Reference;
using CsCheck;
using Xent.Tests.Properties;
using Xent.Coding;
using Xent.Measures;

namespace Xent.Tests.Coding;

public class BlockCodeTests
{
    private static readonly double[] London = [0.5, 0.4, 0.1];
    private static readonly double[] Barcelona = [0.2, 0.1, 0.7];

    /// <summary>Absolute tolerance, in bits per block, between two sums of the same terms in different orders.</summary>
    private const double SumOrderTolerance = 1e-9;

    [Fact]
    public void SeedFigures()
    {
        // Seed 000: Huffman 1.5 bits; 10-day block code 13.64 bits = 1.364 bits/day; H(P) = 1.361 bits;
        // the Barcelona code in London: 1.9 bits/day for n = 1, ≈ 2.52–2.53 for n = 10; H(P,Q) = 2.54 bits.
        Assert.Equal(1.5, BlockCode.ExpectedLength(London, 1).Value, 12);
        double tenDays = BlockCode.ExpectedLength(London, 10).Value;
        Assert.Equal(13.64, Math.Round(tenDays, 2));
        Assert.Equal(1.364, Math.Round(tenDays / 10, 3));
        Assert.Equal(1.361, Math.Round(Discrete.Entropy(London).Value, 3));
        Assert.Equal(1.9, BlockCode.ExpectedLength(London, Barcelona, 1).Value, 12);
        Assert.Equal(2.54, Math.Round(Discrete.CrossEntropy(London, Barcelona).Value, 2));
        foreach (var tieBreak in new[] { HuffmanTieBreak.LeafFirst, HuffmanTieBreak.MergedFirst })
        {
            double perDay = BlockCode.ExpectedLength(London, Barcelona, 10, tieBreak).Value / 10;
            Assert.InRange(Math.Round(perDay, 2), 2.52, 2.53);
        }
    }

    [Fact]
    public void TieBreakChangesOnlyTheMismatchedLength()
    {
        double leaf = BlockCode.ExpectedLength(London, Barcelona, 10, HuffmanTieBreak.LeafFirst).Value;
        double merged = BlockCode.ExpectedLength(London, Barcelona, 10, HuffmanTieBreak.MergedFirst).Value;
        Assert.NotEqual(leaf, merged);
        // Both codes are optimal for Barcelona itself.
        Assert.Equal(BlockCode.ExpectedLength(Barcelona, Barcelona, 10, HuffmanTieBreak.LeafFirst).Value,
            BlockCode.ExpectedLength(Barcelona, Barcelona, 10, HuffmanTieBreak.MergedFirst).Value, SumOrderTolerance);
    }

    private static readonly Gen<double[]> SmallDistributions =
        Gen.Int[0, 100].Array[2, 4].Where(w => w.Count(x => x > 0) >= 1)
            .Select(w => w.Select(x => x / (double)w.Sum()).ToArray());

    /// <summary>The block code by listing every sequence and running plain Huffman on them.</summary>
    private static double ExplicitBlockLength(double[] p, double[] q, int n)
    {
        var (wq, wp) = BlockSequences.Weights(p, q, n);
        int count = wq.Length;
        var lengths = new int[count];
        Huffman.CodeLengths(wq, lengths);
        double total = 0;
        for (int s = 0; s < count; s++)
        {
            if (wp[s] == 0) continue;
            if (lengths[s] == 0) return double.PositiveInfinity;
            total += wp[s] * lengths[s];
        }
        return total;
    }

    [Fact]
    public void MatchedEqualsHuffmanOverAllSequences() =>
        (from p in SmallDistributions from n in Gen.Int[1, 6] select (p, n)).SampleFixed((p, n) =>
    {
        Assert.Equal(ExplicitBlockLength(p, p, n), BlockCode.ExpectedLength(p, n).Value, SumOrderTolerance);
    }, seed: "0000000000b1", iter: 100);

    [Fact]
    public void MismatchedSeedCaseEqualsHuffmanOverAllSequences()
    {
        // Listing every sequence in index order with the same leaf-first rule gives the same code lengths per composition.
        for (int n = 1; n <= 8; n++)
            Assert.Equal(ExplicitBlockLength(London, Barcelona, n), BlockCode.ExpectedLength(London, Barcelona, n).Value, SumOrderTolerance);
    }

    [Fact]
    public void WithinEntropyBounds() =>
        (from p in SmallDistributions from n in Gen.Int[1, 12] select (p, n)).SampleFixed((p, n) =>
    {
        double h = Discrete.Entropy(p).Value;
        double perSymbol = BlockCode.ExpectedLength(p, n).Value / n;
        if (h == 0) Assert.Equal(1.0 / n, perSymbol, 12); // one possible sequence: the one-bit code
        else Assert.InRange(perSymbol, h - 1e-9, h + 1.0 / n);
    }, seed: "0000000000b2", iter: 200);

    [Fact]
    public void MismatchedAtNOneIsTheHuffmanCodeForQ() =>
        (from p in SmallDistributions from q in SmallDistributions.Where(x => x.All(v => v > 0)) select (p, q))
        .SampleFixed((p, q) =>
    {
        if (p.Length != q.Length) return;
        double expected = PrefixCodes.ExpectedLength(Huffman.Build(q).Lengths, p).Value;
        Assert.Equal(expected, BlockCode.ExpectedLength(p, q, 1).Value, 12);
    }, seed: "0000000000b3", iter: 200);

    [Fact]
    public void ZeroInQWhereSequencesOccurIsInfinite() =>
        Assert.True(double.IsPositiveInfinity(BlockCode.ExpectedLength(London, [0.5, 0.5, 0.0], 3).Value));

    [Fact]
    public void TenMillionSequences()
    {
        // 3^15 ≈ 1.4·10^7 sequences in 136 compositions.
        double perSymbol = BlockCode.ExpectedLength(London, 15).Value / 15;
        Assert.InRange(perSymbol, Discrete.Entropy(London).Value, Discrete.Entropy(London).Value + 1.0 / 15);
    }

    [Fact]
    public void RejectsBlocksThatDoNotFit()
    {
        Assert.False(BlockCode.Fits(3, 40));
        Assert.True(BlockCode.Fits(3, 39));
        Assert.False(BlockCode.Fits(256, 8));
        Assert.Throws<ArgumentException>(() => BlockCode.ExpectedLength(London, 40));
        Assert.Throws<ArgumentOutOfRangeException>(() => BlockCode.ExpectedLength(London, 0));
        Assert.Throws<ArgumentException>(() => BlockCode.ExpectedLength([0.5, 0.4], 2));
    }

    [Fact]
    public void AMemoryBudgetStopsTheConstructionAndOtherwiseChangesNothing()
    {
        // Distinct sequence probabilities: the group Huffman approaches plain Huffman over the 8^8 sequences' groups.
        double[] p = [0.23, 0.19, 0.17, 0.13, 0.11, 0.07, 0.05, 0.05];
        Assert.Throws<InsufficientMemoryException>(() => BlockCode.ExpectedLength(p, p, 8, HuffmanTieBreak.LeafFirst, maxBytes: 1 << 16));
        double[] small = [0.5, 0.3, 0.2];
        Assert.Equal(BlockCode.ExpectedLength(small, 6).Value, BlockCode.ExpectedLength(small, small, 6, HuffmanTieBreak.LeafFirst, maxBytes: 1 << 30).Value);
    }
}
