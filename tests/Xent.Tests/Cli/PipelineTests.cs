using System.Text.Json;
using Xent.Cli;

namespace Xent.Tests.Cli;

/// <summary>Pipes and files: "-" for stdin and stdout, @response files, one failure format under --json, help and exit codes.</summary>
public class PipelineTests : IDisposable
{
    private readonly CliRunner _cli = new();

    private const string Table = "city,wind\nrome,calm\nrome,windy\noslo,windy\nparis,calm\nrome,calm\n";

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Entropy_of_stdin_bytes_equals_that_of_the_file()
    {
        var bytes = new byte[100_000];
        new Random(7).NextBytes(bytes.AsSpan(0, 50_000)); // half random, half zeros
        string path = _cli.Write("data.bin", bytes);
        var fromFile = CliRunner.Json("entropy", "--file", path);
        var fromStdin = CliRunner.RunWith(bytes, default, "entropy", "--file", "-", "--json");
        Assert.Equal(0, fromStdin.Exit);
        Assert.Equal(fromFile.GetProperty("entropy").GetDouble(), fromStdin.Json.GetProperty("entropy").GetDouble());
        Assert.Equal(bytes.Length, fromStdin.Json.GetProperty("n").GetInt64());
    }

    [Fact]
    public void Empty_stdin_is_named_as_stdin() =>
        CliRunner.AssertBadInput(CliRunner.RunWithInput("", "entropy", "--file", "-"), "standard input is empty");

    [Fact]
    public void Csv_commands_read_stdin()
    {
        string path = _cli.Write("t.csv", Table);
        Assert.Equal(CliRunner.Json("entropy", "--csv", path, "--column", "city").GetProperty("entropy").GetDouble(),
            CliRunner.RunWithInput(Table, "entropy", "--csv", "-", "--column", "city", "--json").Json.GetProperty("entropy").GetDouble());
        Assert.Equal(CliRunner.Json("mi", path, "--x", "city", "--y", "wind").GetProperty("mutual_information").GetDouble(),
            CliRunner.RunWithInput(Table, "mi", "-", "--x", "city", "--y", "wind", "--json").Json.GetProperty("mutual_information").GetDouble());
    }

    [Fact]
    public void A_stdin_error_names_stdin()
    {
        var result = CliRunner.RunWithInput(Table, "entropy", "--csv", "-", "--column", "nope");
        CliRunner.AssertBadInput(result, "stdin");
    }

    [Fact]
    public void Train_and_predict_through_pipes()
    {
        const string data = "x,y\n0,a\n1,a\n2,a\n3,b\n4,b\n5,b\n1.5,a\n3.5,b\n";
        // --save - puts the model on stdout and the report on stderr.
        var trained = CliRunner.RunWithInput(data, "train", "-", "--target", "y", "--save", "-");
        Assert.Equal(0, trained.Exit);
        Assert.Contains("log loss", trained.Err);
        string model = _cli.Write("model.json", trained.Out);
        Assert.Equal("y", JsonDocument.Parse(trained.Out).RootElement.GetProperty("target").GetString());

        var fromFile = CliRunner.Run("predict", model, _cli.Write("new.csv", data));
        var fromStdin = CliRunner.RunWithInput(data, "predict", model, "-");
        Assert.Equal(0, fromStdin.Exit);
        Assert.Equal(fromFile.Out, fromStdin.Out);

        // -o - writes the predictions to stdout, never a file named "-"; the metrics go to stderr.
        var toStdout = CliRunner.Run("predict", model, _cli.Write("again.csv", data), "-o", "-");
        Assert.Equal(0, toStdout.Exit);
        Assert.Equal(fromFile.Out, toStdout.Out);
        Assert.Contains("log loss", toStdout.Err);
        Assert.False(File.Exists("-"));
    }

    [Fact]
    public void Logloss_reads_stdin()
    {
        const string preds = "y,p0,p1\np0,0.9,0.1\np1,0.2,0.8\np0,0.6,0.4\n";
        double expected = CliRunner.Json("logloss", _cli.Write("p.csv", preds), "--label", "y", "--probs", "p0,p1").GetProperty("log_loss").GetDouble();
        var piped = CliRunner.RunWithInput(preds, "logloss", "-", "--label", "y", "--probs", "p0,p1", "--json");
        Assert.Equal(expected, piped.Json.GetProperty("log_loss").GetDouble());
    }

    [Fact]
    public void Stdin_twice_is_refused()
    {
        var result = CliRunner.RunWithInput(Table, "train", "-", "--target", "wind", "--test", "-");
        CliRunner.AssertBadInput(result, "stdin");
    }

    [Fact]
    public void Response_file_supplies_arguments()
    {
        string rsp = _cli.Write("args.rsp", "# the distribution\nentropy\n\"0.5,0.5\"\n--base 2\n");
        Assert.Equal(1, CliRunner.Json("@" + rsp).GetProperty("entropy").GetDouble(), 12);
    }

    [Fact]
    public void A_distribution_too_long_for_one_argument_comes_from_a_response_file()
    {
        // 200,000 probabilities are ≈ 4 MB of text: past Linux's 128 KiB per argument and the old 1 MiB response-file cap.
        const int n = 200_000;
        var weights = Enumerable.Range(0, n).Select(i => 1.0 + i % 7).ToArray();
        double total = weights.Sum();
        string text = string.Join(",", weights.Select(w => (w / total).ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(text.Length > 1 << 20);
        string rsp = _cli.Write("p.rsp", "huffman\n" + text + "\n");
        var result = CliRunner.Run("@" + rsp);
        Assert.Equal(0, result.Exit);
        Assert.Contains($"{n} symbols", result.Out); // the table is summarized, not printed in full
        Assert.True(result.Out.Length < 20_000, $"{result.Out.Length} characters of output");
        double entropy = -weights.Sum(w => w / total * Math.Log2(w / total));
        var json = CliRunner.Json("@" + rsp, "--json");
        Assert.Equal(entropy, json.GetProperty("entropy").GetDouble(), 9);
        Assert.True(json.GetProperty("expected_length").GetDouble() >= entropy);
    }

    [Fact]
    public void Endless_or_large_response_files_are_refused_after_a_bounded_read()
    {
        CliRunner.AssertBadInput(CliRunner.Run("@/dev/zero"), "/dev/zero");
        string big = _cli.Write("big.rsp", new string('x', ResponseFiles.MaxBytes + 10));
        CliRunner.AssertBadInput(CliRunner.Run("@" + big), "larger than");
        CliRunner.AssertBadInput(CliRunner.Run("@" + Path.Combine(_cli.Directory, "missing.rsp")), "no such file");
    }

    [Fact]
    public void Json_errors_are_one_object_on_stderr_with_the_exit_code()
    {
        var plain = CliRunner.Run("entropy", "0.5,0.6");
        var json = CliRunner.Run("entropy", "0.5,0.6", "--json");
        Assert.Equal(2, json.Exit);
        Assert.Equal("", json.Out);
        var error = JsonDocument.Parse(json.Err).RootElement;
        Assert.Equal(2, error.GetProperty("exit_code").GetInt32());
        Assert.Equal(plain.Err.Trim(), "xent: " + error.GetProperty("error").GetString());

        var parse = JsonDocument.Parse(CliRunner.Run("kl", "0.5,0.5", "--json").Err).RootElement; // Q missing: a parse error
        Assert.Equal(2, parse.GetProperty("exit_code").GetInt32());
        Assert.Contains("Q", parse.GetProperty("error").GetString());
    }

    [Fact]
    public void Help_names_xent_and_shows_examples_and_exit_codes_for_every_command()
    {
        var root = CliRunner.Run("--help");
        Assert.Equal(0, root.Exit);
        Assert.Contains("\n  xent [command] [options]", root.Out);
        Assert.Contains("130  interrupted", root.Out);
        foreach (var command in XentApp.BuildRoot().Subcommands)
        {
            var help = CliRunner.Run(command.Name, "--help");
            Assert.Equal(0, help.Exit);
            Assert.Contains($"\n  xent {command.Name}", help.Out);
            Assert.Contains("Examples:", help.Out);
            Assert.Contains("Exit codes:", help.Out);
            Assert.True(HelpText.Examples.ContainsKey(command.Name), command.Name);
        }
    }

    [Fact]
    public void Help_examples_are_valid_command_lines()
    {
        // Each example parses (files need not exist: parsing checks the options and arguments).
        foreach (var (name, examples) in HelpText.Examples)
        {
            foreach (var example in examples)
            {
                var words = example.Split(" | ")[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeWhile(w => w is not "<" and not ">").ToArray();
                Assert.Equal("xent", words[0]);
                var parsed = XentApp.BuildRoot().Parse(words[1..]);
                Assert.True(parsed.Errors.Count == 0, $"{example}: {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
            }
        }
    }

    [Fact]
    public void A_mistyped_command_gets_the_nearest_and_its_help()
    {
        var result = CliRunner.Run("entrpy", "0.5,0.5");
        Assert.Equal(2, result.Exit);
        Assert.StartsWith("xent: 'entrpy' is not a command; did you mean 'entropy'?", result.Err);
        Assert.Contains("xent entropy [<P>] [options]", result.Err);
        Assert.DoesNotContain("Required command", result.Err);
        Assert.Equal("", result.Out);

        var far = CliRunner.Run("zzzzzz");
        Assert.Contains("is not a command; the commands are:", far.Err);
    }

    [Fact]
    public void No_command_prints_the_overview_as_a_usage_error()
    {
        var result = CliRunner.Run();
        Assert.Equal(2, result.Exit);
        Assert.StartsWith("xent: give a command", result.Err);
        Assert.Contains("Commands:", result.Err);
    }

    [Fact]
    public void Every_parse_error_is_printed()
    {
        var result = CliRunner.Run("mi", "--x", "a", "--base");  // --base without its value, and --y missing
        Assert.Equal(2, result.Exit);
        var lines = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 2, result.Err);
        Assert.All(lines, l => Assert.StartsWith("xent: ", l));
        Assert.Contains("--y", result.Err);
        Assert.Contains("'xent mi --help'", lines[^1]);
    }

    [Fact]
    public void Suggestion_distance_is_the_edit_distance()
    {
        Assert.Equal(0, Suggestions.Distance("kl", "kl"));
        Assert.Equal(1, Suggestions.Distance("entrpy", "entropy"));
        Assert.Equal(1, Suggestions.Distance("hufmfan", "huffman")); // a transposition
        Assert.Equal(3, Suggestions.Distance("abc", ""));
    }
}

/// <summary>logloss without --labels when the labels are not the column names (scikit-learn's sorted-labels rule), and --base on the loss commands.</summary>
public class LossLabelsAndBaseTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    // Labels 0, 2, 10 (numeric order, not text order) with columns p0..p2.
    private const string Preds = "y,p0,p1,p2\n0,0.8,0.1,0.1\n10,0.1,0.1,0.8\n2,0.2,0.7,0.1\n0,0.5,0.3,0.2\n";

    [Fact]
    public void Sorted_labels_map_to_the_columns_in_order_and_the_mapping_is_printed()
    {
        string path = _cli.Write("p.csv", Preds);
        var mapped = CliRunner.Run("logloss", path, "--label", "y", "--probs", "p0,p1,p2", "--json");
        Assert.Equal(0, mapped.Exit);
        Assert.Contains("0 → p0, 2 → p1, 10 → p2", mapped.Err);
        var explicitLabels = CliRunner.Json("logloss", path, "--label", "y", "--probs", "p0,p1,p2", "--labels", "0,2,10");
        Assert.Equal(explicitLabels.GetProperty("log_loss").GetDouble(), mapped.Json.GetProperty("log_loss").GetDouble());
        // The reference: mean −ln p(true class) with 0→p0, 2→p1, 10→p2.
        double expected = -(Math.Log(0.8) + Math.Log(0.8) + Math.Log(0.7) + Math.Log(0.5)) / 4;
        Assert.Equal(expected, mapped.Json.GetProperty("log_loss").GetDouble(), 12);
    }

    [Fact]
    public void Labels_that_neither_name_nor_count_the_columns_are_unknown()
    {
        string path = _cli.Write("p.csv", "y,p0,p1\n0,0.5,0.5\n1,0.5,0.5\n2,0.5,0.5\n");
        CliRunner.AssertBadInput(CliRunner.Run("logloss", path, "--label", "y", "--probs", "p0,p1"), "unknown label '0'");
    }

    [Fact]
    public void Base_converts_the_log_losses_of_logloss_and_train()
    {
        string path = _cli.Write("p.csv", Preds);
        var nats = CliRunner.Json("logloss", path, "--label", "y", "--probs", "p0,p1,p2");
        var bits = CliRunner.Json("logloss", path, "--label", "y", "--probs", "p0,p1,p2", "--base", "2");
        Assert.Equal("nats", nats.GetProperty("unit").GetString());
        Assert.Equal("bits", bits.GetProperty("unit").GetString());
        Assert.Equal(2, bits.GetProperty("base").GetDouble());
        Assert.Equal(nats.GetProperty("log_loss").GetDouble() / Math.Log(2), bits.GetProperty("log_loss").GetDouble(), 12);
        Assert.Equal(nats.GetProperty("prior_log_loss").GetDouble() / Math.Log(2), bits.GetProperty("prior_log_loss").GetDouble(), 12);
        Assert.Equal(bits.GetProperty("log_loss").GetDouble(), bits.GetProperty("log_loss_bits").GetDouble(), 12);

        string data = _cli.Write("t.csv", "x,y\n0,a\n1,a\n2,b\n3,a\n4,b\n5,b\n");
        var trainNats = CliRunner.Json("train", data, "--target", "y");
        var trainHartleys = CliRunner.Json("train", data, "--target", "y", "--base", "10");
        Assert.Equal("hartleys", trainHartleys.GetProperty("unit").GetString());
        Assert.Equal(trainNats.GetProperty("train_log_loss").GetDouble() / Math.Log(10), trainHartleys.GetProperty("train_log_loss").GetDouble(), 12);
    }
}
