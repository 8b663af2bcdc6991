using CsCheck;
using Xent.Estimation;
using Xent.Learning;
using Xent.Learning.Trees;
using Xent.Tests.Properties;

namespace Xent.Tests.Learning.Trees;

public class DecisionTreeTests
{
    // docs/examples/weather.csv: Quinlan's play-tennis table (outlook, temperature, humidity, windy → play).
    private static readonly string[][] Weather =
    [
        ["sunny", "hot", "high", "false", "no"], ["sunny", "hot", "high", "true", "no"], ["overcast", "hot", "high", "false", "yes"],
        ["rainy", "mild", "high", "false", "yes"], ["rainy", "cool", "normal", "false", "yes"], ["rainy", "cool", "normal", "true", "no"],
        ["overcast", "cool", "normal", "true", "yes"], ["sunny", "mild", "high", "false", "no"], ["sunny", "cool", "normal", "false", "yes"],
        ["rainy", "mild", "normal", "false", "yes"], ["sunny", "mild", "normal", "true", "yes"], ["overcast", "mild", "high", "true", "yes"],
        ["overcast", "hot", "normal", "false", "yes"], ["rainy", "mild", "high", "true", "no"],
    ];

    private static readonly string[] WeatherColumns = ["outlook", "temperature", "humidity", "windy"];

    internal static (FeatureColumn[] Features, int[] Labels, string[] Classes) Categorical(string[][] rows, string[] names)
    {
        var features = new FeatureColumn[names.Length];
        for (int j = 0; j < names.Length; j++)
        {
            var encoder = new CategoryEncoder<string>();
            var codes = rows.Select(r => encoder.Encode(r[j])).ToArray();
            features[j] = FeatureColumn.Categorical(names[j], codes, [.. encoder.Categories]);
        }
        string[] classes = ["no", "yes"];
        return (features, rows.Select(r => Array.IndexOf(classes, r[^1])).ToArray(), classes);
    }

    private static double H(params double[] counts)
    {
        double n = counts.Sum(), h = 0;
        foreach (double c in counts) if (c > 0) h -= c / n * Math.Log2(c / n);
        return h;
    }

    [Fact]
    public void PlayTennisRootSplitsOnOutlookWithTheHandComputedGain()
    {
        var (features, y, classes) = Categorical(Weather, WeatherColumns);
        var model = DecisionTree.Fit(features, y, classes);
        // Outlook: sunny 2 yes/3 no, overcast 4/0, rainy 3/2 (counted from the rows above).
        double expected = H(9, 5) - (5.0 / 14 * H(2, 3) + 4.0 / 14 * H(4, 0) + 5.0 / 14 * H(3, 2));
        Assert.Equal(0.2467, expected, 4);
        Assert.Equal("outlook", model.Root.Feature);
        Assert.Equal(expected, model.Root.GainBits!.Value, 12);
        Assert.Equal(H(9, 5), model.Root.EntropyBits, 12);
        Assert.Equal([5L, 9L], model.Root.Counts);
    }

    [Fact]
    public void PlayTennisGrowsTheWholeId3Tree()
    {
        var (features, y, classes) = Categorical(Weather, WeatherColumns);
        var model = DecisionTree.Fit(features, y, classes);
        var root = model.Root;
        Assert.Equal([["sunny"], ["overcast"], ["rainy"]], root.Categories);
        var (sunny, overcast, rainy) = (root.Children![0], root.Children[1], root.Children[2]);
        Assert.Equal("humidity", sunny.Feature);
        Assert.Equal([["high"], ["normal"]], sunny.Categories);
        Assert.Equal([3L, 0L], sunny.Children![0].Counts);
        Assert.Equal([0L, 2L], sunny.Children[1].Counts);
        Assert.Equal(H(2, 3), sunny.GainBits!.Value, 12); // humidity separates the sunny days completely
        Assert.True(overcast.IsLeaf);
        Assert.Equal([0L, 4L], overcast.Counts);
        Assert.Equal("windy", rainy.Feature);
        Assert.Equal([["false"], ["true"]], rainy.Categories);
        Assert.Equal([0L, 3L], rainy.Children![0].Counts);
        Assert.Equal([2L, 0L], rainy.Children[1].Counts);
        Assert.Equal(8, model.NodeCount);
        Assert.Equal(5, model.LeafCount);
        Assert.Equal(2, model.Depth);
    }

    [Fact]
    public void GainRatioAndBinarySubsetsGiveTheirOwnRootsOnPlayTennis()
    {
        var (features, y, classes) = Categorical(Weather, WeatherColumns);
        var ratio = DecisionTree.Fit(features, y, classes, new DecisionTreeOptions { Criterion = SplitCriterion.GainRatio });
        // Gain ratios at the root, by hand: gain / H(branch sizes).
        double outlook = (H(9, 5) - (5.0 / 14 * H(2, 3) + 5.0 / 14 * H(3, 2))) / H(5, 4, 5);
        double humidity = (H(9, 5) - (7.0 / 14 * H(3, 4) + 7.0 / 14 * H(6, 1))) / H(7, 7);
        Assert.Equal(humidity > outlook ? "humidity" : "outlook", ratio.Root.Feature);
        var binary = DecisionTree.Fit(features, y, classes, new DecisionTreeOptions { CategoricalSplit = CategoricalSplit.Binary });
        // Binary: {overcast} against {sunny, rainy} is outlook's best subset; by hand it beats every other binary split.
        Assert.Equal("outlook", binary.Root.Feature);
        Assert.Equal(2, binary.Root.Children!.Length);
        double overcastSplit = H(9, 5) - (4.0 / 14 * H(4, 0) + 10.0 / 14 * H(5, 5));
        Assert.Equal(overcastSplit, binary.Root.GainBits!.Value, 12);
        Assert.Contains(binary.Root.Categories!, list => list.SequenceEqual(["overcast"]));
    }

    [Fact]
    public void NumericThresholdIsTheMidpointOfTheBestGap()
    {
        double[] x = [1, 2, 3, 10, 11, 12];
        int[] y = [0, 0, 0, 1, 1, 1];
        var model = DecisionTree.Fit([FeatureColumn.Numeric("x", x)], y, ["a", "b"]);
        Assert.Equal(6.5, model.Root.Threshold);
        Assert.Equal(1.0, model.Root.GainBits!.Value, 12);
        var p = new double[4];
        model.PredictProbabilities([6.5, 6.6], p);
        Assert.Equal([1.0, 0, 0, 1.0], p);
    }

    [Fact]
    public void UnrestrictedTreeFitsConsistentDataExactlyAndIsTheSameOnAnyNumberOfThreads()
    {
        Gen.Select(Gen.Int[1, 300], Gen.Int[1, 4], Gen.Int[2, 4], Gen.Int).SampleFixed((n, d, k, seed) =>
        {
            var random = new Random(seed);
            // Numeric and categorical columns with ties; labels a function of the row's features so the data are consistent.
            var features = new FeatureColumn[d];
            for (int j = 0; j < d; j++)
                features[j] = j % 2 == 0
                    ? FeatureColumn.Numeric($"x{j}", [.. Enumerable.Range(0, n).Select(_ => (double)random.Next(20))])
                    : FeatureColumn.Categorical($"c{j}", [.. Enumerable.Range(0, n).Select(_ => random.Next(5))], ["a", "b", "c", "d", "e"]);
            var labelOf = new Dictionary<string, int>();
            var y = new int[n];
            for (int i = 0; i < n; i++)
            {
                string key = string.Join(",", features.Select(f => f.IsCategorical ? f.Codes![i] : f.Values![i]));
                if (!labelOf.TryGetValue(key, out y[i])) labelOf[key] = y[i] = random.Next(k);
            }
            var classes = Enumerable.Range(0, k).Select(c => $"k{c}").ToArray();
            foreach (var split in new[] { CategoricalSplit.MultiWay, CategoricalSplit.Binary })
            {
                var one = DecisionTree.Fit(features, y, classes, new DecisionTreeOptions { CategoricalSplit = split });
                var two = DecisionTree.Fit(features, y, classes, new DecisionTreeOptions { CategoricalSplit = split, MaxDegreeOfParallelism = 3 });
                Assert.Equal(one.ToJson(), two.ToJson());
                var row = new double[d];
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < d; j++) row[j] = features[j].IsCategorical ? features[j].Codes![i] : features[j].Values![i];
                    var leaf = one.Apply(row);
                    Assert.Equal(leaf.Samples, leaf.Counts[y[i]]); // the leaf is pure and of the row's class
                }
            }
        }, "0000tree0001");
    }

    [Fact]
    public void XorNeedsAZeroGainFirstSplitAndIsStillFitted()
    {
        double[] a = [0, 0, 1, 1], b = [0, 1, 0, 1];
        int[] y = [0, 1, 1, 0];
        var model = DecisionTree.Fit([FeatureColumn.Numeric("a", a), FeatureColumn.Numeric("b", b)], y, ["0", "1"]);
        Assert.Equal(0, model.Root.GainBits!.Value, 12);
        Assert.Equal(4, model.LeafCount);
        var stopped = DecisionTree.Fit([FeatureColumn.Numeric("a", a), FeatureColumn.Numeric("b", b)], y, ["0", "1"], new DecisionTreeOptions { MinGainBits = 0.01 });
        Assert.True(stopped.Root.IsLeaf);
    }

    [Fact]
    public void LimitsStopGrowthAndSmoothingMovesLeafProbabilities()
    {
        var (features, y, classes) = Categorical(Weather, WeatherColumns);
        var stump = DecisionTree.Fit(features, y, classes, new DecisionTreeOptions { MaxDepth = 1 });
        Assert.Equal(1, stump.Depth);
        var wide = DecisionTree.Fit(features, y, classes, new DecisionTreeOptions { MinSamplesLeaf = 5 });
        Assert.All(Leaves(wide.Root), leaf => Assert.True(leaf.Samples >= 5));
        var laplace = DecisionTree.Fit(features, y, classes, new DecisionTreeOptions { Smoothing = 1 });
        var p = new double[2];
        laplace.Probabilities(laplace.Root.Children![1], p); // overcast: 0 no, 4 yes → (0+1)/(4+2), (4+1)/(4+2)
        Assert.Equal(1.0 / 6, p[0], 15);
        Assert.Equal(5.0 / 6, p[1], 15);
    }

    private static IEnumerable<TreeNode> Internal(TreeNode node) => node.IsLeaf ? [] : node.Children!.SelectMany(Internal).Prepend(node);

    private static double AlphaEffective(TreeNode node, long total)
    {
        var leaves = Leaves(node).ToArray();
        double own = node.Samples * H([.. node.Counts.Select(c => (double)c)]) / total;
        double below = leaves.Sum(l => l.Samples * H([.. l.Counts.Select(c => (double)c)]) / total);
        return (own - below) / (leaves.Length - 1);
    }

    private static IEnumerable<TreeNode> Leaves(TreeNode node) => node.IsLeaf ? [node] : node.Children!.SelectMany(Leaves);

    [Fact]
    public void CostComplexityPruningCollapsesTheWeakestLinkFirst()
    {
        var (features, y, classes) = Categorical(Weather, WeatherColumns);
        var full = DecisionTree.Fit(features, y, classes);
        // α_eff by hand (bits): the sunny node: R(t) = 5/14·H(2,3), its two leaves pure → α = 5/14·H(2,3); the rainy node the
        // same; the root: (H(9,5) − 0)/(5 − 1), the least, so the root is the weakest link and goes first, taking the tree.
        double child = 5.0 / 14 * H(2, 3), root = H(9, 5) / 4;
        Assert.True(root < child);
        var justBelow = DecisionTree.Fit(features, y, classes, new DecisionTreeOptions { CcpAlphaBits = root * 0.999 });
        Assert.Equal(full.NodeCount, justBelow.NodeCount);
        var atRoot = DecisionTree.Fit(features, y, classes, new DecisionTreeOptions { CcpAlphaBits = root });
        Assert.True(atRoot.Root.IsLeaf);
        // On noisy data: after pruning at α every remaining internal node has α_eff > α, and the node count falls as α grows.
        var random = new Random(5);
        var x = Enumerable.Range(0, 300).Select(_ => random.NextDouble()).ToArray();
        var labels = x.Select(v => (v > 0.5 ? 1 : 0) ^ (random.Next(5) == 0 ? 1 : 0)).ToArray();
        FeatureColumn[] one = [FeatureColumn.Numeric("x", x)];
        int previous = int.MaxValue;
        foreach (double alpha in new[] { 0.0005, 0.002, 0.01, 0.05, 0.5 })
        {
            var pruned = DecisionTree.Fit(one, labels, ["a", "b"], new DecisionTreeOptions { CcpAlphaBits = alpha });
            Assert.All(Internal(pruned.Root), node => Assert.True(AlphaEffective(node, 300) > alpha));
            Assert.True(pruned.NodeCount <= previous);
            previous = pruned.NodeCount;
        }
        var all = DecisionTree.Fit(features, y, classes, new DecisionTreeOptions { CcpAlphaBits = 1 });
        Assert.True(all.Root.IsLeaf);
    }

    [Fact]
    public void SavedModelsReadBackAndPredictTheSame()
    {
        Gen.Select(Gen.Int[2, 200], Gen.Int).SampleFixed((n, seed) =>
        {
            var random = new Random(seed);
            var x = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 10 - 5).ToArray();
            var c = Enumerable.Range(0, n).Select(_ => random.Next(3)).ToArray();
            var y = Enumerable.Range(0, n).Select(i => (x[i] > 0 ? 1 : 0) ^ (c[i] == 2 ? 1 : 0) ^ (random.Next(10) == 0 ? 1 : 0)).ToArray();
            FeatureColumn[] features = [FeatureColumn.Numeric("x", x), FeatureColumn.Categorical("c", c, ["r", "g", "b"])];
            var model = DecisionTree.Fit(features, y, ["no", "yes"], new DecisionTreeOptions { Smoothing = 0.5, MaxDepth = 4 }, target: "t");
            var back = DecisionTreeModel.FromJson(model.ToJson());
            Assert.Equal(model.ToJson(), back.ToJson());
            var rows = new double[n * 2];
            for (int i = 0; i < n; i++) (rows[2 * i], rows[2 * i + 1]) = (x[i], c[i]);
            double[] p = new double[2 * n], q = new double[2 * n];
            model.PredictProbabilities(rows, p);
            back.PredictProbabilities(rows, q);
            Assert.Equal(p, q);
        }, "0000tree0002");
    }

    [Theory]
    [InlineData("{\"format\":\"xent.logistic-regression/1\"}")]
    [InlineData("{\"format\":\"xent.decision-tree/1\",\"classes\":[\"a\",\"b\"],\"features\":[{\"name\":\"x\"}],\"root\":{\"feature\":\"y\",\"threshold\":1,\"counts\":[1,1],\"children\":[{\"counts\":[1,0]},{\"counts\":[0,1]}]}}")]
    [InlineData("{\"format\":\"xent.decision-tree/1\",\"classes\":[\"a\",\"b\"],\"features\":[{\"name\":\"x\"}],\"root\":{\"feature\":\"x\",\"counts\":[1,1],\"children\":[{\"counts\":[1,0]},{\"counts\":[0,1]}]}}")]
    [InlineData("{\"format\":\"xent.decision-tree/1\",\"classes\":[\"a\",\"b\"],\"features\":[{\"name\":\"x\"}],\"root\":{\"counts\":[1]}}")]
    [InlineData("not json")]
    public void MalformedModelsAreInvalidData(string json) =>
        Assert.Throws<InvalidDataException>(() => DecisionTreeModel.FromJson(json));

    [Fact]
    public void UnseenCategoriesStopAtTheirSplit()
    {
        var (features, y, classes) = Categorical(Weather, WeatherColumns);
        var model = DecisionTree.Fit(features, y, classes);
        Assert.Same(model.Root, model.Apply([-1, 0, 0, 0]));
        Assert.Equal(-1, model.CategoryCode(0, "foggy"));
        Assert.Equal(1, model.CategoryCode(0, "overcast"));
    }
}
