using Xent.Coding;
using Xent.Measures;

namespace Xent.Tests.Measures;

/// <summary>
/// Which overload a collection expression binds to, pinned at compile time: each call below would compile to another
/// overload (or not at all) if the overload set changed, and each assertion tells the overloads apart by their results.
/// Rules (docs/design.md, Conventions): probabilities are generic floating spans, counts are <c>long</c> spans, <c>[]</c> is empty counts.
/// </summary>
public class DiscreteOverloadTests
{
    [Fact]
    public void DoubleLiteralsAreDoubleProbabilities()
    {
        // float 0.1f ≠ 0.1, so H differs between the float and the double instantiation in the 8th digit.
        double asDouble = Discrete.Entropy<double>([0.1, 0.9]).Value, asFloat = Discrete.Entropy<float>([0.1f, 0.9f]).Value;
        Assert.NotEqual(asDouble, asFloat);
        Assert.Equal(asDouble, Discrete.Entropy([0.1, 0.9]).Value);
        Assert.Equal(1, Discrete.Entropy([0.5, 0.5]).Value);
        // Mixed int and double literals infer double, not counts.
        Assert.Equal(Discrete.CrossEntropy<double>([1.0, 0], [0.1, 0.9]).Value, Discrete.CrossEntropy([1, 0], [0.1, 0.9]).Value);
        // A double[] converts to ReadOnlySpan<double> (first-class spans infer T from arrays).
        double[] p = [0.1, 0.9];
        Assert.Equal(asDouble, Discrete.Entropy(p).Value);
        Assert.Equal(asDouble, Discrete.Entropy(p.AsSpan()).Value);
    }

    [Fact]
    public void IntegerLiteralsAreCounts()
    {
        // As probabilities [5, 4, 1] sums to 10 and would be rejected; as counts it is (0.5, 0.4, 0.1).
        Assert.Equal(Discrete.Entropy([0.5, 0.4, 0.1]).Value, Discrete.Entropy([5, 4, 1]).Value, 15);
        Assert.Equal(Discrete.CrossEntropy([0.5, 0.3, 0.2], [0.4, 0.4, 0.2]).Value, Discrete.CrossEntropy([5, 3, 2], [4, 4, 2]).Value, 15);
        Assert.Equal(Discrete.KlDivergence([0.5, 0.3, 0.2], [0.4, 0.4, 0.2]).Value, Discrete.KlDivergence([50, 30, 20], [2, 2, 1]).Value, 15);
        Assert.Equal(Discrete.JsDivergence([0.5, 0.3, 0.2], [0.4, 0.4, 0.2]).Value, Discrete.JsDivergence([5, 3, 2], [4, 4, 2]).Value, 15);
        Assert.Equal(Discrete.RenyiEntropy([0.5, 0.4, 0.1], 2).Value, Discrete.RenyiEntropy([5, 4, 1], 2).Value, 15);
        Assert.Equal(Discrete.Perplexity([0.5, 0.5]), Discrete.Perplexity([7, 7]), 15);
        Assert.Equal(Joint.MutualInformation([0.5, 0.25, 0, 0.25], 2, 2).Value, Joint.MutualInformation([2, 1, 0, 1], 2, 2).Value, 15);
        long[] counts = [5, 4, 1];
        Assert.Equal(Discrete.Entropy([5, 4, 1]).Value, Discrete.Entropy(counts).Value);
    }

    [Fact]
    public void EmptyBracketsAreEmptyCounts()
    {
        // As probabilities, [] would sum to 0 and be rejected under the default Require; as counts nothing was counted: 0.
        Assert.Equal(0, Discrete.Entropy([]).Value);
        Assert.Equal(0, Discrete.CrossEntropy([], []).Value);
        Assert.Equal(0, Discrete.KlDivergence([], []).Value);
        Assert.Equal(0, Discrete.JsDivergence([], []).Value);
        Assert.Equal(1, Discrete.Perplexity([]));
        Assert.Equal(0, Joint.MutualInformation([0, 0, 0, 0], 2, 2).Value); // an empty count table
        // Huffman.Build([]) compiles too, to the counts overload (its message names the counts).
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => Huffman.Build([])).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => Huffman.Build([0.0])).ParamName);
        Assert.Equal(Huffman.Build([0.5, 0.25, 0.25]).Lengths.ToArray(), Huffman.Build([2, 1, 1]).Lengths.ToArray());
    }

    [Fact]
    public void SurprisalKeepsItsElementType()
    {
        Assert.Equal(1, Discrete.Surprisal(0.5).Value);
        Assert.Equal(1, Discrete.Surprisal(0.5f).Value);
        float[] destination = new float[2];
        Discrete.Surprisal([0.5f, 0.25f], destination);
        Assert.Equal([1f, 2f], destination);
        double[] fromCounts = new double[2];
        Discrete.Surprisal([1, 3], fromCounts);
        Assert.Equal([2, -Math.Log2(0.75)], fromCounts);
    }
}
