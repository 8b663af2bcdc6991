using Xent.Measures;

namespace Xent.Tests.Measures;

/// <summary>Every public measure against values worked by hand in the articles (seeds 000–003) or below.</summary>
public class DiscreteHandValuesTests
{
    // The articles print 3 to 6 decimals.
    private const double SixDecimals = 5e-7, ThreeDecimals = 5e-4, TwoDecimals = 5e-3;

    [Fact]
    public void EntropyOfTheArticlesThreeOutcomes() =>
        Assert.Equal(1.360964, Discrete.Entropy([0.5, 0.4, 0.1]).Value, SixDecimals);

    [Fact]
    public void EntropyIsInBitsByDefaultAndNamesItsUnit()
    {
        var h = Discrete.Entropy([0.5, 0.4, 0.1]);
        Assert.Equal("bits", h.Unit);
        Assert.Equal(1.360964 * Math.Log(2), Discrete.Entropy([0.5, 0.4, 0.1], LogBase.Nats).Value, SixDecimals);
    }

    [Fact]
    public void FairDie() => Assert.Equal(2.585, Discrete.Entropy([1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0]).Value, ThreeDecimals);

    [Fact]
    public void LoadedDieWithHalfOnSix() => Assert.Equal(2.161, Discrete.Entropy([0.1, 0.1, 0.1, 0.1, 0.1, 0.5]).Value, ThreeDecimals);

    [Fact]
    public void BiasedCoin() => Assert.Equal(0.469, Discrete.Entropy([0.9, 0.1]).Value, ThreeDecimals);

    [Fact]
    public void KlDivergenceBothWaysInNats()
    {
        double[] p = [0.5, 0.3, 0.2], q = [0.4, 0.4, 0.2];
        Assert.Equal(0.025267, Discrete.KlDivergence(p, q, LogBase.Nats).Value, SixDecimals);
        Assert.Equal(0.025815, Discrete.KlDivergence(q, p, LogBase.Nats).Value, SixDecimals);
    }

    [Theory] // Seed 002: a coin with P(heads) = 0.7, friends' guesses, q clipped to 1e-10 as numpy's np.clip does.
    [InlineData(0.0, 23.25)]
    [InlineData(0.2, 1.72)]
    [InlineData(0.5, 1.00)]
    [InlineData(0.7, 0.88)]
    [InlineData(0.9, 1.10)]
    [InlineData(1.0, 9.97)]
    public void CrossEntropyOfTheFriendsGuesses(double guess, double bits)
    {
        var options = new MeasureOptions { Clip = 1e-10 };
        Assert.Equal(bits, Discrete.CrossEntropy([0.7, 0.3], [guess, 1 - guess], LogBase.Bits, options).Value, TwoDecimals);
    }

    [Fact]
    public void CrossEntropyOfAnImpossibleGuessIsInfiniteWithoutClipping() =>
        Assert.Equal(double.PositiveInfinity, Discrete.CrossEntropy([0.7, 0.3], [0, 1]).Value);

    [Fact]
    public void CrossEntropyOfAFairCoinCodeIsOneBit() => Assert.Equal(1, Discrete.CrossEntropy([0.9, 0.1], [0.5, 0.5]).Value, 15);

    [Fact]
    public void RenyiEntropiesOfOneHalfOneQuarterOneQuarter()
    {
        double[] p = [0.5, 0.25, 0.25];
        Assert.Equal(Math.Log2(3), Discrete.RenyiEntropy(p, 0).Value, 14);          // Hartley: log of the support size
        Assert.Equal(1.5, Discrete.RenyiEntropy(p, 1).Value, 14);                   // Shannon: ½·1 + ¼·2 + ¼·2
        Assert.Equal(-Math.Log2(0.375), Discrete.RenyiEntropy(p, 2).Value, 14);     // collision: −log(¼ + 1/16 + 1/16)
        Assert.Equal(1, Discrete.RenyiEntropy(p, double.PositiveInfinity).Value, 14); // min-entropy: −log ½
    }

    [Fact]
    public void JsDivergenceOfDisjointSupportsIsOneBit() => Assert.Equal(1, Discrete.JsDivergence([1.0, 0], [0.0, 1]).Value, 15);

    [Fact]
    public void JsDivergenceOfAFairAndASureCoin()
    {
        // M = (¾, ¼): D(P‖M) = ½ log(⅔) + ½ log 2, D(Q‖M) = log(4/3); JS = their mean = 0.311278 bits.
        double expected = 0.5 * (0.5 * Math.Log2(2 / 3.0) + 0.5) + 0.5 * Math.Log2(4 / 3.0);
        Assert.Equal(expected, Discrete.JsDivergence([0.5, 0.5], [1, 0]).Value, 15);
        Assert.Equal(0.311278, Discrete.JsDivergence([0.5, 0.5], [1, 0]).Value, SixDecimals);
        Assert.Equal(Math.Sqrt(expected), Discrete.JsDistance([0.5, 0.5], [1, 0]), 15);
    }

    [Fact]
    public void PerplexityOfAFairDieIsSix() => Assert.Equal(6, Discrete.Perplexity([1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0]), 12);

    [Fact]
    public void SurprisalOfAFairCoinFlipIsOneBit()
    {
        Assert.Equal(1, Discrete.Surprisal(0.5).Value);
        Assert.Equal(double.PositiveInfinity, Discrete.Surprisal(0.0).Value);
        var destination = new double[3];
        Discrete.Surprisal([0.5, 0.25, 1], destination);
        Assert.Equal([1, 2, 0], destination);
    }

    [Fact]
    public void FloatOverloadsAgreeWithTheHandValues()
    {
        Assert.Equal(1.360964, Discrete.Entropy([0.5f, 0.4f, 0.1f]).Value, 1e-6);
        Assert.Equal(0.025267, Discrete.KlDivergence([0.5f, 0.3f, 0.2f], [0.4f, 0.4f, 0.2f], LogBase.Nats).Value, 1e-6);
        Assert.Equal(0.025267 + Discrete.Entropy([0.5, 0.3, 0.2], LogBase.Nats).Value,
            Discrete.CrossEntropy([0.5f, 0.3f, 0.2f], [0.4f, 0.4f, 0.2f], LogBase.Nats).Value, 1e-6);
    }
}
