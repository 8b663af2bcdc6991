using Xent.Learning;

namespace Xent.Tests.Cli;

public class LossCommandsTests
{
    private static string Iris()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Xent.slnx"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "data", "iris.csv");
    }

    private const string Predictions = "y,Cloudy,Rainy,Sunny\nCloudy,0.35,0.6,0.05\nRainy,0.1,0.8,0.1\n";

    [Fact]
    public void LoglossFromProbabilities()
    {
        using var cli = new CliRunner();
        var r = CliRunner.Json("logloss", cli.Write("p.csv", Predictions), "--label", "y", "--probs", "Cloudy,Rainy,Sunny");
        Assert.Equal((-Math.Log(0.35) - Math.Log(0.8)) / 2, r.GetProperty("log_loss").GetDouble(), 1e-15);
        Assert.Equal(0.5, r.GetProperty("accuracy").GetDouble());
        Assert.Equal(Math.Exp(r.GetProperty("log_loss").GetDouble()), r.GetProperty("perplexity").GetDouble(), 1e-14);
        Assert.True(r.TryGetProperty("brier", out _) && r.TryGetProperty("ece", out _));
        var (exit, output, _) = CliRunner.Run("logloss", cli.Write("q.csv", Predictions), "--label", "y", "--probs", "Cloudy,Rainy,Sunny", "--bits");
        Assert.Equal(0, exit);
        Assert.Contains("bits", output);
    }

    [Fact]
    public void LoglossFromLogitsWithExplicitLabelsAndPlot()
    {
        using var cli = new CliRunner();
        string csv = cli.Write("z.csv", $"truth,z0,z1\nyes,0,{Math.Log(3)}\nno,0,0\n");
        string png = Path.Combine(cli.Directory, "r.png");
        var r = CliRunner.Json("logloss", csv, "--label", "truth", "--logits", "z0,z1", "--labels", "no,yes", "--plot", png);
        Assert.Equal((-Math.Log(0.75) + Math.Log(2)) / 2, r.GetProperty("log_loss").GetDouble(), 1e-15);
        Assert.True(new FileInfo(png).Length > 1000);
    }

    [Theory]
    [InlineData("a,0.5", "line 3 has 2 fields")]
    [InlineData("a,,1", "line 3, column 'a': missing value")]
    [InlineData("a,1.5,-0.5", "line 3, column 'a': probability 1.5 is outside [0, 1]")]
    [InlineData("c,0.5,0.5", "line 3, column 'y': unknown label 'c'")]
    [InlineData("a,0.5,0.4", "line 3: the probabilities sum to 0.9")]
    public void BadRowsExitTwoNamingLineAndColumn(string badRow, string message)
    {
        using var cli = new CliRunner();
        string path = cli.Write("bad.csv", $"y,a,b\nb,0.25,0.75\n{badRow}\n");
        var (exit, _, error) = CliRunner.Run("logloss", path, "--label", "y", "--probs", "a,b");
        Assert.Equal(2, exit);
        Assert.Contains(message, error);
        Assert.Contains("(use --skip-bad-rows to skip such rows)", error);
        var skipped = CliRunner.Json("logloss", path, "--label", "y", "--probs", "a,b", "--skip-bad-rows");
        Assert.Equal(1, skipped.GetProperty("skipped_rows").GetInt32());
        Assert.Equal(-Math.Log(0.75), skipped.GetProperty("log_loss").GetDouble(), 1e-15);
    }

    [Fact]
    public void PredictStreamsEveryGoodRowAndSkipsBadOnesWhenAsked()
    {
        using var cli = new CliRunner();
        string model = Path.Combine(cli.Directory, "m.json");
        Assert.Equal(0, CliRunner.Run("train", cli.Write("t.csv", "x,y\n0,A\n1,B\n0.2,A\n0.9,B\n"), "--target", "y", "--save", model).Exit);
        string rows = cli.Write("r.csv", "x\n0.1\nnope\n0.8\n");
        var stopped = CliRunner.Run("predict", model, rows);
        CliRunner.AssertBadInput(stopped, "r.csv: line 3, column 'x': 'nope' is not a finite number. (use --skip-bad-rows to skip such rows)");
        var (exit, output, _) = CliRunner.Run("predict", model, rows, "--skip-bad-rows");
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("line,p_A,p_B,predicted", lines[0]);
        Assert.Equal(["2", "4"], lines[1..].Select(l => l.Split(',')[0]));
        Assert.EndsWith(",A", lines[1]);
        Assert.EndsWith(",B", lines[2]);
    }

    [Fact]
    public void UsageErrors()
    {
        using var cli = new CliRunner();
        string path = cli.Write("p.csv", Predictions);
        Assert.Equal(2, CliRunner.Run("logloss", path, "--label", "y").Exit);
        Assert.Equal(2, CliRunner.Run("logloss", path, "--label", "nope", "--probs", "Cloudy,Rainy,Sunny").Exit);
        Assert.Equal(2, CliRunner.Run("logloss", path, "--label", "y", "--probs", "Cloudy,Rainy,Sunny", "--labels", "a,b").Exit);
    }

    [Fact]
    public void TrainSavePredictOnIris()
    {
        using var cli = new CliRunner();
        string model = Path.Combine(cli.Directory, "m.json");
        var r = CliRunner.Json("train", Iris(), "--target", "species", "--test-fraction", "0.2", "--seed", "1", "--save", model);
        Assert.True(r.GetProperty("converged").GetBoolean());
        Assert.Equal(120, r.GetProperty("train_rows").GetInt32());
        Assert.Equal(30, r.GetProperty("test_rows").GetInt32());
        Assert.InRange(r.GetProperty("train_accuracy").GetDouble(), 0.9, 1);
        Assert.InRange(r.GetProperty("test_log_loss").GetDouble(), 0, 0.5);
        Assert.True(r.GetProperty("iterations").GetInt32() > 0);
        Assert.Equal("species", LogisticRegressionModel.FromJson(File.ReadAllText(model)).Target);

        var p = CliRunner.Json("predict", model, Iris());
        Assert.Equal(150, p.GetProperty("predictions").GetArrayLength());
        Assert.InRange(p.GetProperty("metrics").GetProperty("accuracy").GetDouble(), 0.9, 1);
        var (exit, csv, _) = CliRunner.Run("predict", model, Iris());
        Assert.Equal(0, exit);
        Assert.StartsWith("line,species,p_setosa,p_versicolor,p_virginica,predicted", csv);
        // The predictions file feeds logloss and reproduces predict's own metrics.
        string predictions = cli.Write("predictions.csv", csv);
        var l = CliRunner.Json("logloss", predictions, "--label", "species", "--probs", "p_setosa,p_versicolor,p_virginica", "--labels", "setosa,versicolor,virginica");
        Assert.Equal(p.GetProperty("metrics").GetProperty("log_loss").GetDouble(), l.GetProperty("log_loss").GetDouble(), 1e-12);
    }

    [Fact]
    public void TrainWithSeparateTestFileAndStandardization()
    {
        using var cli = new CliRunner();
        var lines = File.ReadAllLines(Iris());
        string train = cli.Write("train.csv", string.Join('\n', lines.Where((_, i) => i == 0 || i % 5 != 0)) + "\n");
        string test = cli.Write("test.csv", string.Join('\n', lines.Where((_, i) => i == 0 || i % 5 == 0)) + "\n");
        var r = CliRunner.Json("train", train, "--target", "species", "--test", test, "--standardize", "--c", "10");
        Assert.Equal(30, r.GetProperty("test_rows").GetInt32());
        Assert.True(r.GetProperty("standardize").GetBoolean());
        Assert.Equal(2, CliRunner.Run("train", train, "--target", "species", "--test", test, "--test-fraction", "0.2").Exit);
    }

    [Fact]
    public void BenchSoftmaxCeReportsNanosecondsPerLogit()
    {
        var r = CliRunner.Json("bench", "softmax-ce", "--rows", "8", "--classes", "100", "--repeat", "1");
        Assert.True(r.GetProperty("ns_per_element").GetDouble() > 0);
        Assert.True(double.IsFinite(r.GetProperty("loss").GetDouble()));
    }
}
