using System.Text.Json;
using Xent.Learning.Trees;

namespace Xent.Tests.Cli;

public class TreeCommandTests
{
    private const string Weather = """
        outlook,temperature,humidity,windy,play
        sunny,hot,high,false,no
        sunny,hot,high,true,no
        overcast,hot,high,false,yes
        rainy,mild,high,false,yes
        rainy,cool,normal,false,yes
        rainy,cool,normal,true,no
        overcast,cool,normal,true,yes
        sunny,mild,high,false,no
        sunny,cool,normal,false,yes
        rainy,mild,normal,false,yes
        sunny,mild,normal,true,yes
        overcast,mild,high,true,yes
        overcast,hot,normal,false,yes
        rainy,mild,high,true,no
        """;

    [Fact]
    public void TreeJsonHasTheDocumentedKeysAndTheId3Root()
    {
        using var cli = new CliRunner();
        string path = cli.Write("weather.csv", Weather);
        var json = CliRunner.Json("tree", path, "--target", "play");
        Assert.Equal(1.0, json.GetProperty("train_accuracy").GetDouble());
        Assert.Equal(0.0, json.GetProperty("train_log_loss").GetDouble());
        Assert.False(json.TryGetProperty("test_accuracy", out _));
        var root = json.GetProperty("root");
        Assert.Equal("outlook", root.GetProperty("feature").GetString());
        double expected = FeatureRankingGain();
        Assert.Equal(expected, root.GetProperty("gain_bits").GetDouble(), 12);
        Assert.Equal([5L, 9L], root.GetProperty("counts").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(3, root.GetProperty("children").GetArrayLength());
        Assert.Equal("overcast", root.GetProperty("categories")[1][0].GetString());
        Assert.True(root.TryGetProperty("entropy_bits", out _));
    }

    // The mutual information of outlook and play from the mi command: the root's gain is the same quantity.
    private static double FeatureRankingGain()
    {
        using var cli = new CliRunner();
        string path = cli.Write("weather.csv", Weather);
        return CliRunner.Json("mi", path, "--x", "outlook", "--y", "play").GetProperty("mutual_information").GetDouble();
    }

    [Fact]
    public void HeldOutRowsAreScoredAndTheSavedTreePredictsTheSame()
    {
        using var cli = new CliRunner();
        string path = cli.Write("weather.csv", Weather), model = Path.Combine(cli.Directory, "m.json"), plot = Path.Combine(cli.Directory, "t.svg");
        var json = CliRunner.Json("tree", path, "--target", "play", "--test-fraction", "0.3", "--seed", "2", "--smoothing", "1", "--save", model, "--plot", plot);
        Assert.Equal(4, json.GetProperty("test_rows").GetInt32());
        Assert.InRange(json.GetProperty("test_accuracy").GetDouble(), 0, 1);
        Assert.True(double.IsFinite(json.GetProperty("test_log_loss").GetDouble()));
        Assert.Contains("<svg", File.ReadAllText(plot));
        var loaded = DecisionTreeModel.FromJson(File.ReadAllText(model));
        Assert.Equal("play", loaded.Target);
        var predicted = CliRunner.Json("predict", model, path);
        Assert.Equal(14, predicted.GetProperty("rows").GetInt32());
        // The first row (sunny, high humidity): the leaf's smoothed probabilities.
        var first = predicted.GetProperty("predictions")[0].GetProperty("probabilities");
        var p = new double[2];
        loaded.Probabilities(loaded.Apply([0, 0, 0, 0]), p);
        Assert.Equal(p[0], first.GetProperty("no").GetDouble(), 15);
    }

    [Fact]
    public void AnInfiniteLogLossSaysWhyAndHowToMakeItFinite()
    {
        // Train on rows where outlook = overcast is always "yes", test on an overcast "no": the leaf gives "no" probability 0.
        using var cli = new CliRunner();
        string train = cli.Write("train.csv", "outlook,play\nsunny,no\nsunny,no\novercast,yes\novercast,yes\n");
        string test = cli.Write("test.csv", "outlook,play\novercast,no\nsunny,no\n");
        var bare = CliRunner.Run("tree", train, "--target", "play", "--test", test);
        Assert.Equal(0, bare.Exit);
        Assert.Contains("log loss ∞", bare.Out);
        Assert.Contains("--smoothing 1", bare.Out);
        var smoothed = CliRunner.Run("tree", train, "--target", "play", "--test", test, "--smoothing", "1");
        Assert.Equal(0, smoothed.Exit);
        Assert.DoesNotContain("log loss ∞", smoothed.Out);
    }

    [Fact]
    public void RankFeaturesPlugInMatchesTheMiCommand()
    {
        using var cli = new CliRunner();
        string path = cli.Write("weather.csv", Weather);
        var json = CliRunner.Json("rank-features", path, "--target", "play", "--permutations", "50", "--bootstrap", "20");
        var features = json.GetProperty("features");
        Assert.Equal(4, features.GetArrayLength());
        foreach (var f in features.EnumerateArray())
        {
            string name = f.GetProperty("name").GetString()!;
            double mi = CliRunner.Json("mi", path, "--x", name, "--y", "play").GetProperty("mutual_information").GetDouble();
            Assert.Equal(mi, f.GetProperty("mi_bits").GetDouble(), 12);
            Assert.InRange(f.GetProperty("p_value").GetDouble(), 1.0 / 51, 1);
            Assert.True(f.GetProperty("ci_low").GetDouble() <= f.GetProperty("ci_high").GetDouble());
        }
        Assert.Equal("outlook", features[0].GetProperty("name").GetString());
        var mrmr = CliRunner.Json("rank-features", path, "--target", "play", "--strategy", "jmi", "--select", "2", "--method", "miller-madow");
        Assert.Equal(2, mrmr.GetProperty("features").GetArrayLength());
    }

    [Theory]
    [InlineData("a,b\n1,x\n2,x\n", "only one class")]
    [InlineData("a,b\n1,x\n2\n", "line 3")]
    [InlineData("a,b\n", "no data rows")]
    public void BadTablesAreOneLine(string csv, string fragment)
    {
        using var cli = new CliRunner();
        string path = cli.Write("t.csv", csv);
        CliRunner.AssertBadInput(CliRunner.Run("tree", path, "--target", "b"), fragment);
        CliRunner.AssertBadInput(CliRunner.Run("rank-features", path, "--target", "b"), fragment);
    }

    [Fact]
    public void UnknownColumnsAndOptionsAreOneLine()
    {
        using var cli = new CliRunner();
        string path = cli.Write("weather.csv", Weather);
        CliRunner.AssertBadInput(CliRunner.Run("tree", path, "--target", "nope"), "no column 'nope'");
        CliRunner.AssertBadInput(CliRunner.Run("tree", path, "--target", "play", "--criterion", "gini"), "--criterion");
        CliRunner.AssertBadInput(CliRunner.Run("rank-features", path, "--target", "play", "--method", "x"), "--method");
        CliRunner.AssertBadInput(CliRunner.Run("rank-features", path, "--target", "play", "--select", "9"), "--select");
        CliRunner.AssertBadInput(CliRunner.Run("rank-features", path, "--target", "play", "--permutations", "100000000", "--max-time", "1"), "--max-time");
    }
}
