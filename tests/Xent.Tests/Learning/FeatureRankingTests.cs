using CsCheck;
using Xent.Estimation;
using Xent.Learning;
using Xent.Measures;
using Xent.Tests.Properties;

namespace Xent.Tests.Learning;

public class FeatureRankingTests
{
    private static double H(IEnumerable<long> counts)
    {
        var c = counts.Where(v => v > 0).Select(v => (double)v).ToArray();
        double n = c.Sum();
        return -c.Sum(v => v / n * Math.Log2(v / n));
    }

    [Fact]
    public void PlugInMiIsHxPlusHyMinusHxy()
    {
        Gen.Select(Gen.Int[2, 300], Gen.Int[1, 6], Gen.Int[2, 5], Gen.Int).SampleFixed((n, mx, my, seed) =>
        {
            var random = new Random(seed);
            var x = Enumerable.Range(0, n).Select(_ => random.Next(mx)).ToArray();
            var y = x.Select(v => random.Next(4) == 0 ? random.Next(my) : v % my).ToArray();
            var feature = FeatureColumn.Categorical("x", x, [.. Enumerable.Range(0, mx).Select(v => $"x{v}")]);
            var target = FeatureColumn.Categorical("y", y, [.. Enumerable.Range(0, my).Select(v => $"y{v}")]);
            double hx = H(x.GroupBy(v => v).Select(g => (long)g.Count()));
            double hy = H(y.GroupBy(v => v).Select(g => (long)g.Count()));
            double hxy = H(x.Zip(y).GroupBy(p => p).Select(g => (long)g.Count()));
            Assert.Equal(Math.Max(0, hx + hy - hxy), FeatureRanking.MutualInformationBits(feature, target), 10);
        }, "0000rank0001");
    }

    [Fact]
    public void MillerMadowAddsTheCorrectionOfEachEntropy()
    {
        int[] x = [0, 0, 1, 1, 2, 2, 0, 1], y = [0, 0, 1, 1, 1, 0, 0, 1];
        var feature = FeatureColumn.Categorical("x", x, ["a", "b", "c"]);
        var target = FeatureColumn.Categorical("y", y, ["n", "y"]);
        // Miller–Madow: H + (m − 1)/(2N) nats, m the observed symbols: X 3, Y 2, (X,Y) 4 cells seen: (0,0), (1,1), (2,0), (2,1).
        double plugIn = FeatureRanking.MutualInformationBits(feature, target);
        double correction = ((3 - 1) + (2 - 1) - (4 - 1)) / (2.0 * 8) / Math.Log(2);
        double mm = FeatureRanking.MutualInformationBits(feature, target, new FeatureRankingOptions { Method = MiMethod.MillerMadow });
        Assert.Equal(Math.Max(0, plugIn + correction), mm, 12);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.6)]
    [InlineData(0.9)]
    public void KsgOnCorrelatedGaussiansIsNearTheClosedForm(double rho)
    {
        var random = new Random(11);
        int n = 4000;
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double a = Xent.Numerics.RandomVariates.Normal(random), b = Xent.Numerics.RandomVariates.Normal(random);
            x[i] = a;
            y[i] = rho * a + Math.Sqrt(1 - rho * rho) * b;
        }
        double exact = -0.5 * Math.Log(1 - rho * rho);
        double estimate = KraskovMutualInformation.ContinuousContinuous(x, y, 3, LogBase.Nats).Value;
        // KSG (2004, fig. 4): at n = 4000 and k = 3 the bias is below 0.01 nats for these ρ; the standard error about 0.01.
        Assert.InRange(estimate - exact, -0.03, 0.03);
    }

    [Fact]
    public void RossEstimatorMatchesTheMiOfTwoShiftedGaussians()
    {
        // Y ∈ {0, 1} equally likely, X | Y ~ N(±1, 1): I = h(X) − h(X|Y), h(X) by quadrature of the mixture density.
        var random = new Random(3);
        int n = 4000;
        var labels = new int[n];
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = random.Next(2);
            x[i] = (labels[i] == 0 ? -1 : 1) + Xent.Numerics.RandomVariates.Normal(random);
        }
        double hx = 0, step = 1e-3;
        for (double t = -12; t <= 12; t += step)
        {
            double f = 0.5 * (Math.Exp(-(t + 1) * (t + 1) / 2) + Math.Exp(-(t - 1) * (t - 1) / 2)) / Math.Sqrt(2 * Math.PI);
            if (f > 0) hx -= f * Math.Log(f) * step;
        }
        double exact = hx - 0.5 * Math.Log(2 * Math.PI * Math.E);
        double estimate = KraskovMutualInformation.ContinuousDiscrete(x, labels, 3, LogBase.Nats).Value;
        Assert.InRange(estimate - exact, -0.03, 0.03);
    }

    [Fact]
    public void PermutationPValuesAreUniformUnderIndependence()
    {
        // 300 features independent of the target; their p-values' KS distance from U(0, 1) is below the 1% critical value.
        var random = new Random(17);
        int n = 60, d = 300;
        var target = FeatureColumn.Categorical("y", [.. Enumerable.Range(0, n).Select(_ => random.Next(2))], ["a", "b"]);
        var features = Enumerable.Range(0, d)
            .Select(j => FeatureColumn.Numeric($"f{j}", [.. Enumerable.Range(0, n).Select(_ => random.NextDouble())])).ToArray();
        var scores = FeatureRanking.Rank(features, target, new FeatureRankingOptions { Bins = 3, Permutations = 199, BootstrapResamples = 0, Seed = 5 });
        var p = scores.Select(s => s.PValue!.Value).Order().ToArray();
        double ks = 0;
        for (int i = 0; i < d; i++) ks = Math.Max(ks, Math.Max(Math.Abs((i + 1.0) / d - p[i]), Math.Abs(p[i] - (double)i / d)));
        Assert.True(ks < 1.63 / Math.Sqrt(d), $"KS distance {ks}");
        // A feature that determines the target gets the smallest possible p-value.
        var strong = FeatureRanking.Rank([FeatureColumn.Numeric("x", [.. target.Codes!.Select(c => c + random.NextDouble() * 0.1)])], target,
            new FeatureRankingOptions { Permutations = 99, BootstrapResamples = 0 });
        Assert.Equal(0.01, strong[0].PValue!.Value, 12);
    }

    [Fact]
    public void BootstrapIntervalsContainTheEstimateAndRepeatWithTheSeed()
    {
        var random = new Random(2);
        int n = 200;
        var y = Enumerable.Range(0, n).Select(_ => random.Next(2)).ToArray();
        var x = y.Select(c => c + Xent.Numerics.RandomVariates.Normal(random)).ToArray();
        var target = FeatureColumn.Categorical("y", y, ["a", "b"]);
        foreach (var method in new[] { MiMethod.PlugIn, MiMethod.MillerMadow, MiMethod.Ksg })
        {
            var options = new FeatureRankingOptions { Method = method, Permutations = 20, BootstrapResamples = 50, Seed = 9 };
            var one = FeatureRanking.Rank([FeatureColumn.Numeric("x", x)], target, options)[0];
            Assert.True(one.CiLowBits <= one.CiHighBits);
            Assert.InRange(one.MiBits, one.CiLowBits!.Value - 0.1, one.CiHighBits!.Value + 0.1);
            Assert.Equal(one, FeatureRanking.Rank([FeatureColumn.Numeric("x", x)], target, options with { MaxDegreeOfParallelism = 2 })[0]);
        }
    }

    [Fact]
    public void RankingIsTheSameOnAnyNumberOfThreads()
    {
        var random = new Random(4);
        int n = 150;
        var y = Enumerable.Range(0, n).Select(_ => random.Next(3)).ToArray();
        var features = Enumerable.Range(0, 7).Select(j => FeatureColumn.Numeric($"f{j}", [.. y.Select(c => c * j * 0.1 + random.NextDouble())])).ToArray();
        var target = FeatureColumn.Categorical("y", y, ["a", "b", "c"]);
        var options = new FeatureRankingOptions { Method = MiMethod.Ksg, Permutations = 10, BootstrapResamples = 10 };
        Assert.Equal(FeatureRanking.Rank(features, target, options), FeatureRanking.Rank(features, target, options with { MaxDegreeOfParallelism = 3 }));
    }

    [Theory]
    [InlineData(SelectionStrategy.Mrmr)]
    [InlineData(SelectionStrategy.Jmi)]
    public void GreedySelectionSkipsARedundantCopy(SelectionStrategy strategy)
    {
        // y = a XOR-free mix: a carries most, b some independent information, a2 is a copy of a.
        var random = new Random(8);
        int n = 2000;
        var a = Enumerable.Range(0, n).Select(_ => random.Next(4)).ToArray();
        var b = Enumerable.Range(0, n).Select(_ => random.Next(2)).ToArray();
        var y = a.Zip(b, (u, v) => (u / 2) * 2 + v).ToArray();
        string[] four = ["0", "1", "2", "3"];
        FeatureColumn[] features =
        [
            FeatureColumn.Categorical("a", a, four), FeatureColumn.Categorical("a2", [.. a], four), FeatureColumn.Categorical("b", b, ["0", "1"]),
        ];
        var target = FeatureColumn.Categorical("y", y, four);
        var byMi = FeatureRanking.Rank(features, target, new FeatureRankingOptions { Permutations = 0, BootstrapResamples = 0 });
        Assert.Equal(["a", "a2", "b"], byMi.Select(s => s.Name));
        var greedy = FeatureRanking.Rank(features, target, new FeatureRankingOptions { Permutations = 0, BootstrapResamples = 0, Strategy = strategy, Select = 2 });
        Assert.Equal(["a", "b"], greedy.Select(s => s.Name));
    }

    [Fact]
    public void QuantileBinsHaveAboutEqualCountsAndNeverSplitTies()
    {
        Gen.Select(Gen.Int[1, 500], Gen.Int[1, 20], Gen.Int[1, 1000], Gen.Int).SampleFixed((n, bins, distinct, seed) =>
        {
            var random = new Random(seed);
            var values = Enumerable.Range(0, n).Select(_ => (double)random.Next(distinct)).ToArray();
            var (codes, count) = QuantileBins.Discretize(values, bins);
            Assert.InRange(count, 1, bins);
            Assert.All(codes, c => Assert.InRange(c, 0, count - 1));
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    if (values[i] < values[j]) Assert.True(codes[i] <= codes[j]);
            Assert.Equal(count, codes.Distinct().Count());
        }, "0000bins0001");
    }

    [Fact]
    public void UniformAndQuantileEdgesByHand()
    {
        // 0 … 10 in 4 bins of equal width: width 10/4 = 2.5, cut points 2.5, 5, 7.5; a value on a cut goes below it.
        double[] values = [0, 1, 2.5, 3, 5, 6, 9, 10];
        Assert.Equal([2.5, 5, 7.5], QuantileBins.UniformCutPoints(values, 4));
        var (codes, count) = QuantileBins.Discretize(values, 4, uniform: true);
        Assert.Equal(4, count);
        Assert.Equal([0, 0, 0, 1, 1, 2, 3, 3], codes);
        // Quantile cut points of the same 8 values for 4 bins: order statistics ⌊i·8/4⌋ = 2, 4, 6 (0-based): 2.5, 5, 9.
        Assert.Equal([2.5, 5, 9], QuantileBins.CutPoints(values, 4));
        Assert.Equal([0, 0, 0, 1, 1, 2, 2, 3], QuantileBins.Discretize(values, 4, uniform: false).Codes);
        // Equal values: one bin either way; negative ranges work the same.
        Assert.Empty(QuantileBins.UniformCutPoints([3, 3, 3], 5));
        Assert.Equal([-2, 0, 2], QuantileBins.UniformCutPoints([-4, 4, 0.25], 4));
        Assert.Throws<ArgumentException>(() => QuantileBins.UniformCutPoints([1, double.NaN], 2));
    }
}
