using CsCheck;
using Xent.Learning;
using Xent.Tests.Properties;

namespace Xent.Tests.Learning;

public class TrainTestSplitTests
{
    [Fact]
    public void SplitsArePartitionsOfTheRequestedSizeAscendingAndSeeded()
    {
        Gen.Select(Gen.Int[1, 500], Gen.Double[0, 0.99], Gen.Int).SampleFixed((n, fraction, seed) =>
        {
            var split = TrainTestSplit.Shuffle(n, fraction, seed);
            Assert.Equal(Math.Min((int)Math.Round(n * fraction), n - 1), split.Test.Length);
            Assert.Equal(Enumerable.Range(0, n), split.Train.Concat(split.Test).Order());
            Assert.Equal(split.Train.Order(), split.Train);
            Assert.Equal(split.Test.Order(), split.Test);
            var again = TrainTestSplit.Shuffle(n, fraction, seed);
            Assert.Equal(split.Train, again.Train);
            Assert.Equal(split.Test, again.Test);
        }, "0000split0001");
    }

    [Fact]
    public void TheHeldOutRowsAreTheFirstOfASeededFisherYatesShuffle()
    {
        // The reference: the same shuffle written out, so a change of algorithm (and of every saved split) is caught.
        var order = Enumerable.Range(0, 50).ToArray();
        new Random(7).Shuffle(order);
        var split = TrainTestSplit.Shuffle(50, 0.2, 7);
        Assert.Equal(order[..10].Order(), split.Test);
        Assert.NotEqual(split.Test, TrainTestSplit.Shuffle(50, 0.2, 8).Test);
    }

    [Fact]
    public void FractionZeroKeepsEveryRowAndOneRowIsAlwaysLeftForTraining()
    {
        var all = TrainTestSplit.Shuffle(5, 0, 1);
        Assert.Equal([0, 1, 2, 3, 4], all.Train);
        Assert.Empty(all.Test);
        var one = TrainTestSplit.Shuffle(2, 0.9, 1);
        Assert.Single(one.Train);
        Assert.Single(one.Test);
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(3, 1.0)]
    [InlineData(3, -0.1)]
    [InlineData(3, double.NaN)]
    public void BadArgumentsAreRefused(int n, double fraction) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TrainTestSplit.Shuffle(n, fraction, 1));

    [Fact]
    public void GatherCopiesTheIndexedRowsInIndexOrder()
    {
        double[] rows = [0, 1, 10, 11, 20, 21, 30, 31];
        Assert.Equal([30.0, 31, 0, 1, 30, 31], TrainTestSplit.Gather<double>(rows, 2, [3, 0, 3]));
        Assert.Equal(["c", "a"], TrainTestSplit.Gather<string>(["a", "b", "c"], 1, [2, 0]));
        Assert.Empty(TrainTestSplit.Gather<double>(rows, 2, []));
        Assert.Throws<ArgumentException>(() => TrainTestSplit.Gather<double>(rows, 2, [4]));
        Assert.Throws<ArgumentException>(() => TrainTestSplit.Gather<double>(rows, 3, [0]));
        Assert.Throws<ArgumentException>(() => TrainTestSplit.Gather<double>(rows, 2, [0], new double[3]));
    }
}
