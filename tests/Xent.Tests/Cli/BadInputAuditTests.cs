using System.Text.Json.Nodes;

namespace Xent.Tests.Cli;

/// <summary>
/// Each case found by the adversarial audit of the command line: bad input gives exit 2 and one line naming the problem,
/// outputs are never overwritten without --force, and no NaN reaches the JSON writer (which used to exit 70).
/// </summary>
public class BadInputAuditTests
{
    private const string Training = "x1,x2,y\n1,2,A\n2,1,B\n0,3,A\n3,0,B\n1.5,1,A\n1,1.5,B\n";
    private const string Predictions = "y,p0,p1\n0,0.8,0.2\n1,0.3,0.7\n";

    [Theory]
    [InlineData("entropy", "1e308,1e308", "--normalize", "p sums to Infinity")]
    [InlineData("cross-entropy", "1e308,1e308", "1,1", "--normalize", "p sums to Infinity")]
    [InlineData("kl", "1e308,1e308", "1,1", "--normalize", "p sums to Infinity")]
    [InlineData("js", "0.5,0.5", "1e-320,1e-320", "--normalize", "q sums to 2E-320")]
    public void RenormalizingASumThatOverflowsIsBadInputNotNaN(params string[] args) =>
        CliRunner.AssertBadInput(CliRunner.Run([.. args[..^1], "--json"]), args[^1]);

    [Theory]
    [InlineData("--clip", "NaN", "--clip NaN must be in [0, 1)")]
    [InlineData("--clip", "2", "--clip 2 must be in [0, 1)")]
    [InlineData("--smoothing", "-1", "--smoothing -1 must be")]
    public void PairMeasureOptionsNameTheOptionAndValue(string option, string value, string fragment) =>
        CliRunner.AssertBadInput(CliRunner.Run("kl", "0.5,0.5", "0.5,0.5", option, value), fragment);

    [Theory]
    [InlineData("--ci", "2", "--ci 2 must be a confidence level")]
    [InlineData("--bootstrap", "1", "--bootstrap 1 must be ≥ 2")]
    [InlineData("--alphabet-size", "0", "--alphabet-size 0 must be ≥ 1")]
    [InlineData("--alphabet-size", "1", "--alphabet-size 1 is smaller than the 2 distinct symbols observed")]
    public void EntropyDataOptionsNameTheOptionAndValue(string option, string value, string fragment)
    {
        string[] extra = option == "--bootstrap" ? ["--ci", "0.9"] : [];
        CliRunner.AssertBadInput(CliRunner.Run(["entropy", "3,2", "--counts", option, value, .. extra]), fragment);
    }

    [Fact]
    public void CountsWhoseTotalOverflowsAreNamed() =>
        CliRunner.AssertBadInput(CliRunner.Run("entropy", "9000000000000000000,9000000000000000000", "--counts"), "P: the counts up to item 2 sum to more than");

    [Fact]
    public void InputPathsThatAreDirectoriesOrEmptyAreNamed()
    {
        using var cli = new CliRunner();
        CliRunner.AssertBadInput(CliRunner.Run("entropy", "--file", cli.Directory), "--file '" + cli.Directory + "' is a directory");
        CliRunner.AssertBadInput(CliRunner.Run("entropy", "--file", ""), "--file: the path is empty");
        CliRunner.AssertBadInput(CliRunner.Run("entropy", "--file", cli.Write("empty", "")), "' is empty: no bytes to count");
        CliRunner.AssertBadInput(CliRunner.Run("entropy", "--csv", cli.Directory, "--column", "a"), "is a directory");
        CliRunner.AssertBadInput(CliRunner.Run("bench", "huffman", "--file", cli.Directory), "--file '" + cli.Directory + "' is a directory");
        CliRunner.AssertBadInput(CliRunner.Run("predict", cli.Directory, cli.Write("t.csv", Training)), "MODEL '" + cli.Directory + "' is a directory");
    }

    [Theory]
    [InlineData("a,\"b\n1,2\n", "the header row is not valid CSV")]
    [InlineData("a,b\n1,2\n\"3,4\n", "line 3 is not valid CSV")]
    [InlineData("a,a,b\n1,2,x\n3,4,y\n", "columns 1 and 2 are both named 'a'")]
    [InlineData("\u0004\u00ff,b\n1,2\n", "the header row holds the control character U+0004 in column 1; is this a CSV text file?")]
    public void MalformedCsvIsOneLineNamingFileAndPlaceInEveryReader(string content, string fragment)
    {
        using var cli = new CliRunner();
        string path = cli.Write("bad.csv", content);
        CliRunner.AssertBadInput(CliRunner.Run("entropy", "--csv", path, "--column", "a"), fragment);
        CliRunner.AssertBadInput(CliRunner.Run("mi", path, "--x", "a", "--y", "b"), fragment);
        // Rows stream, so logloss must accept line 2 (label 1, logit 2) to reach the bad line 3.
        CliRunner.AssertBadInput(CliRunner.Run("logloss", path, "--label", "a", "--logits", "b", "--labels", "1"), fragment);
        CliRunner.AssertBadInput(CliRunner.Run("train", path, "--target", "b"), fragment);
    }

    [Fact]
    public void BinaryGarbageAsCsvIsOneLineWithoutTheBytes()
    {
        using var cli = new CliRunner();
        var bytes = new byte[3000];
        new Random(7).NextBytes(bytes);
        bytes[0] = 4; // a control character in the first header field
        var result = CliRunner.Run("entropy", "--csv", cli.Write("garbage.csv", bytes), "--column", "a");
        CliRunner.AssertBadInput(result, "is this a CSV text file?");
        Assert.True(result.Err.Length < 200, result.Err);
    }

    [Fact]
    public void AFailedWriteLeavesTheOldFileAndNoTemporaryFile()
    {
        using var cli = new CliRunner();
        string mine = cli.Write("model.json", "precious");
        // The failure is the user's to fix (exit 2), named by the path they gave, not the temporary file.
        var e = Assert.Throws<Xent.Cli.UsageException>(() => Xent.Cli.Data.OutputFile.WriteText(mine, "--save", force: true, writer =>
        {
            writer.Write("half a mod");
            throw new IOException("Disk full");
        }));
        Assert.Equal($"--save '{mine}': the write failed (disk full).", e.Message);
        Assert.Equal("precious", File.ReadAllText(mine));
        Assert.Single(Directory.GetFiles(cli.Directory));
    }

    [Theory]
    [InlineData("a,a", "--symbols 'a,a' names 'a' twice")]
    [InlineData("a,", "--symbols 'a,' has an empty name")]
    public void HuffmanSymbolNamesMustBeDistinctAndNonEmpty(string symbols, string fragment) =>
        CliRunner.AssertBadInput(CliRunner.Run("huffman", "0.5,0.5", "--symbols", symbols), fragment);

    [Fact]
    public void BlocksNamesTheLengthOfQ() =>
        CliRunner.AssertBadInput(CliRunner.Run("blocks", "0.5,0.4,0.1", "--q", "0.5,0.5"), "--q has 2 entries but P has 3");

    [Fact]
    public void PlotPathsThatAreDirectoriesOrInMissingDirectoriesAreRefusedBeforeAnyWork()
    {
        using var cli = new CliRunner();
        string dir = Path.Combine(cli.Directory, "d.png");
        Directory.CreateDirectory(dir);
        CliRunner.AssertBadInput(CliRunner.Run("blocks", "0.5,0.5", "--plot", dir, "--force"), "is a directory");
        var missing = CliRunner.Run("blocks", "0.5,0.5", "--plot", Path.Combine(cli.Directory, "nope", "x.png"));
        CliRunner.AssertBadInput(missing, "does not exist");
        Assert.Equal("", missing.Out); // refused before the table was printed
    }

    [Fact]
    public void LoglossPlotNeverOverwritesWithoutForce()
    {
        using var cli = new CliRunner();
        string csv = cli.Write("p.csv", Predictions);
        string mine = cli.Write("mine.png", "precious");
        CliRunner.AssertBadInput(CliRunner.Run("logloss", csv, "--label", "y", "--probs", "p0,p1", "--labels", "0,1", "--plot", mine), "--plot '" + mine + "' exists; pass --force");
        Assert.Equal("precious", File.ReadAllText(mine));
        string text = cli.Write("notes.txt", "precious");
        CliRunner.AssertBadInput(CliRunner.Run("logloss", csv, "--label", "y", "--probs", "p0,p1", "--labels", "0,1", "--plot", text), "must end in .png");
        Assert.Equal("precious", File.ReadAllText(text));
        Assert.Equal(0, CliRunner.Run("logloss", csv, "--label", "y", "--probs", "p0,p1", "--labels", "0,1", "--plot", mine, "--force").Exit);
        Assert.True(new FileInfo(mine).Length > 1000);
        Assert.Empty(Directory.GetFiles(cli.Directory, ".*.tmp*")); // no temporary file left behind
    }

    [Theory]
    [InlineData("--tolerance", "NaN", "--tolerance NaN must be a number ≥ 0")]
    [InlineData("--tolerance", "-1", "--tolerance -1 must be")]
    [InlineData("--bins", "0", "--bins 0 must be ≥ 1")]
    [InlineData("--clip", "2", "--clip 2 must be in [0, 1)")]
    public void LoglossOptionsNameTheOptionAndValue(string option, string value, string fragment)
    {
        using var cli = new CliRunner();
        CliRunner.AssertBadInput(CliRunner.Run("logloss", cli.Write("p.csv", Predictions), "--label", "y", "--probs", "p0,p1", "--labels", "0,1", option, value), fragment);
    }

    [Fact]
    public void LoglossWeightsSummingToZeroNameTheColumn()
    {
        using var cli = new CliRunner();
        string csv = cli.Write("w.csv", "y,p0,p1,w\n0,0.8,0.2,0\n");
        CliRunner.AssertBadInput(CliRunner.Run("logloss", csv, "--label", "y", "--probs", "p0,p1", "--labels", "0,1", "--weight", "w"), "the --weight column 'w' sums to 0");
    }

    [Fact]
    public void TrainSaveNeverOverwritesWithoutForceAndRefusesADirectory()
    {
        using var cli = new CliRunner();
        string csv = cli.Write("t.csv", Training);
        string mine = cli.Write("model.json", "precious");
        CliRunner.AssertBadInput(CliRunner.Run("train", csv, "--target", "y", "--save", mine), "--save '" + mine + "' exists; pass --force");
        Assert.Equal("precious", File.ReadAllText(mine));
        CliRunner.AssertBadInput(CliRunner.Run("train", csv, "--target", "y", "--save", cli.Directory), "--save '" + cli.Directory + "' is a directory");
        CliRunner.AssertBadInput(CliRunner.Run("train", csv, "--target", "y", "--save", Path.Combine(cli.Directory, "no", "m.json")), "does not exist");
        Assert.Equal(0, CliRunner.Run("train", csv, "--target", "y", "--save", mine, "--force").Exit);
        Assert.Equal("xent.logistic-regression/1", JsonNode.Parse(File.ReadAllText(mine))!["format"]!.GetValue<string>());
        Assert.Empty(Directory.GetFiles(cli.Directory, ".*.tmp*"));
    }

    /// <summary>Trains on <see cref="Training"/> in the runner's directory; returns the CSV and the saved model's paths.</summary>
    private static (string Csv, string Model) TrainedModel(CliRunner cli)
    {
        string csv = cli.Write("t.csv", Training);
        string model = Path.Combine(cli.Directory, "m.json");
        Assert.Equal(0, CliRunner.Run("train", csv, "--target", "y", "--save", model).Exit);
        return (csv, model);
    }

    [Theory]
    [InlineData("--c", "0", "--c 0 must be a number > 0")]
    [InlineData("--c", "NaN", "--c NaN must be a number > 0")]
    [InlineData("--features", "x1,y", "--features names the target column 'y'")]
    public void TrainOptionsNameTheProblem(string option, string value, string fragment)
    {
        using var cli = new CliRunner();
        CliRunner.AssertBadInput(CliRunner.Run("train", cli.Write("t.csv", Training), "--target", "y", option, value), fragment);
    }

    [Fact]
    public void PredictOutputNeverOverwritesWithoutForce()
    {
        using var cli = new CliRunner();
        var (csv, model) = TrainedModel(cli);
        string mine = cli.Write("out.csv", "precious");
        CliRunner.AssertBadInput(CliRunner.Run("predict", model, csv, "--output", mine), "--output '" + mine + "' exists; pass --force");
        Assert.Equal("precious", File.ReadAllText(mine));
        Assert.Equal(0, CliRunner.Run("predict", model, csv, "--output", mine, "--force").Exit);
        Assert.StartsWith("line,y,p_A,p_B,predicted", File.ReadAllText(mine));
        CliRunner.AssertBadInput(CliRunner.Run("predict", model, cli.Write("c.csv", "x1,x2,y\n1,2,C\n"), "--skip-bad-rows", "--json"), "no row has a label the model knows (1 skipped)");
    }

    [Fact]
    public void FeaturesWhoseScoresOverflowAreNamedByLineNotPrintedAsNaN()
    {
        using var cli = new CliRunner();
        var (_, model) = TrainedModel(cli);
        var node = JsonNode.Parse(File.ReadAllText(model))!.AsObject();
        node["coefficients"] = JsonNode.Parse("[[2, 2]]"); // 2·1e308 = ∞ and 2·(−1e308) = −∞: the score is ∞ − ∞
        File.WriteAllText(model, node.ToJsonString());
        string csv = cli.Write("huge.csv", "x1,x2\n1,2\n1e308,-1e308\n");
        CliRunner.AssertBadInput(CliRunner.Run("predict", model, csv, "--json"), "huge.csv: line 3: the model's scores w·x + b overflow");
        CliRunner.AssertBadInput(CliRunner.Run("predict", model, csv), "huge.csv: line 3");
    }

    [Theory]
    [InlineData("coefficients", "[[\"NaN\", 1]]", "coefficients[0][0] = NaN is not finite")]
    [InlineData("intercepts", "[\"Infinity\"]", "intercepts[0] = Infinity is not finite")]
    [InlineData("classes", "[\"A\", \"A\"]", "classes[1] = 'A' repeats an earlier name")]
    [InlineData("classes", "[\"A\", null]", "classes[1] is missing or empty")]
    [InlineData("classes", "null", "has null where its classes")]
    [InlineData("features", "[\"x1\", \"x1\"]", "features[1] = 'x1' repeats an earlier name")]
    [InlineData("target", "\"x1\"", "target 'x1' is also one of its features")]
    [InlineData("scales", "[0, 1]", "scales[0] = 0 is not finite and positive")]
    public void ACorruptedModelFileIsNamedAndRejected(string field, string json, string fragment)
    {
        using var cli = new CliRunner();
        var (csv, model) = TrainedModel(cli);
        var node = JsonNode.Parse(File.ReadAllText(model))!.AsObject();
        node[field] = JsonNode.Parse(json);
        if (field == "scales") node["means"] = JsonNode.Parse("[0, 0]");
        string bad = cli.Write("bad.json", node.ToJsonString());
        var result = CliRunner.Run("predict", bad, csv, "--json");
        CliRunner.AssertBadInput(result, "bad.json: ");
        Assert.Contains(fragment, result.Err);
    }

    [Fact]
    public void TourOutUnderAFileOrEmptyIsNamed()
    {
        using var cli = new CliRunner();
        string file = cli.Write("f", "x");
        CliRunner.AssertBadInput(CliRunner.Run("tour", "--out", Path.Combine(file, "sub")), "is a file, not a directory");
        CliRunner.AssertBadInput(CliRunner.Run("tour", "--out", ""), "--out: the path is empty");
    }

    [Theory]
    [InlineData("--n", "0", "--n 0 must be ≥ 1")]
    [InlineData("--runs", "0", "--runs 0 must be ≥ 1")]
    [InlineData("--threads", "-2", "--threads -2 must be ≥ 1")]
    [InlineData("--n", "2147483647", "--n 2147483647 is more doubles than one array holds")]
    public void BenchOptionsNameTheOptionAndValue(string option, string value, string fragment) =>
        CliRunner.AssertBadInput(CliRunner.Run("bench", "entropy", option, value), fragment);
}
