using System.Text.RegularExpressions;
using Xent.Cli.Rendering;
using Xent.Reports;

namespace Xent.Tests.Cli;

/// <summary>
/// For every command: its <c>--json</c> deserializes into its result record and serializes back to the same text, and the
/// text output is what the text renderer makes of that deserialized record — so the two outputs show the same figures.
/// Timed commands (train, bench) differ between runs only in their timings, which are masked.
/// </summary>
public class ResultRecordTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>Deserializes the JSON as <typeparamref name="T"/>, checks it serializes back unchanged, and renders it as text.</summary>
    private static Func<string, string> As<T>(Action<TextWriter, T> text) where T : notnull => json =>
    {
        var record = ReportJson.Deserialize<T>(json);
        Assert.IsType<T>(record);
        Assert.Equal(json.TrimEnd(), ReportJson.Serialize(record));
        var output = new StringWriter();
        text(output, record);
        return output.ToString();
    };

    public static TheoryData<string> Commands() =>
    [
        "entropy", "entropy-estimate", "cross-entropy", "kl", "js", "surprisal", "mi", "huffman", "blocks", "logloss",
        "train", "predict", "bench-entropy", "bench-huffman", "bench-softmax-ce", "bench-mi-table", "tour",
    ];

    private (string[] Args, Func<string, string> Render, bool Timed) Case(string name)
    {
        string predictions = _cli.Write("p.csv", "y,Cloudy,Rainy,Sunny\nCloudy,0.35,0.6,0.05\nRainy,0.1,0.8,0.1\n");
        string xor = _cli.Write("xor.csv", "x,y,z\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n");
        string iris = Path.Combine(LossCommandsTestsData.Root(), "data", "iris.csv");
        string model = Path.Combine(_cli.Directory, "m.json");
        if (name == "predict") Assert.Equal(0, CliRunner.Run("train", iris, "--target", "species", "--save", model).Exit);
        return name switch
        {
            "entropy" => (["entropy", "0.5,0.4,0.1", "--base", "e"], As<EntropyResult>(ResultText.Write), false),
            "entropy-estimate" => (["entropy", "5,3,1,1", "--counts", "--estimator", "miller-madow", "--ci", "0.9", "--bootstrap", "200", "--seed", "3"],
                As<EntropyResult>(ResultText.Write), false),
            "cross-entropy" => (["cross-entropy", "0.7,0.3", "0,1"], As<CrossEntropyResult>(ResultText.Write), false),
            "kl" => (["kl", "0.5,0.3,0.2", "0.4,0.4,0.2", "--base", "10", "--clip", "0.001"], As<KlDivergenceResult>(ResultText.Write), false),
            "js" => (["js", "1,0", "0,1", "--smoothing", "0.1"], As<JsDivergenceResult>(ResultText.Write), false),
            "surprisal" => (["surprisal", "0.5,0.25,0"], As<SurprisalResult>(ResultText.Write), false),
            "mi" => (["mi", xor, "--x", "x", "--y", "y", "--given", "z"], As<MutualInformationResult>(ResultText.Write), false),
            "huffman" => (["huffman", "0.5,0.25,0.125,0.0625,0.03125,0.03125,0", "--max-length", "3"], As<HuffmanCodeResult>(ResultText.Write), false),
            "blocks" => (["blocks", "0.5,0.4,0.1", "--q", "0.2,0.1,0.7", "--max-n", "4"], As<BlockCodesResult>(ResultText.Write), false),
            "logloss" => (["logloss", predictions, "--label", "y", "--probs", "Cloudy,Rainy,Sunny", "--bits"],
                As<MetricsResult>((o, r) => ResultText.Write(o, r, LogBase.Bits, $"{predictions}: {r.Rows} rows, 3 classes")), false),
            "train" => (["train", iris, "--target", "species", "--test-fraction", "0.2"], As<TrainResult>(ResultText.Write), true),
            "predict" => (["predict", model, iris], As<PredictResult>(ResultText.WriteCsv), false),
            "bench-entropy" => (["bench", "entropy", "--n", "1000", "--runs", "1"], As<MeasureBenchResult>(ResultText.Write), true),
            "bench-huffman" => (["bench", "huffman", "--file", predictions, "--runs", "1"], As<HuffmanBenchResult>(ResultText.Write), true),
            "bench-softmax-ce" => (["bench", "softmax-ce", "--rows", "4", "--classes", "10", "--repeat", "1"], As<SoftmaxCeBenchResult>(ResultText.Write), true),
            "bench-mi-table" => (["bench", "mi-table", xor, "--target", "z"], As<MiTableBenchResult>(ResultText.Write), true),
            "tour" => (["tour", "--no-plots"], As<TourResult>(ResultText.Write), false),
            _ => throw new ArgumentException(name),
        };
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void JsonIsTheRecordAndTheTextIsRenderedFromIt(string name)
    {
        var (args, render, timed) = Case(name);
        var json = CliRunner.Run([.. args, "--json"]);
        Assert.True(json.Exit == 0, json.Err);
        var text = CliRunner.Run(args);
        Assert.True(text.Exit == 0, text.Err);
        string rendered = render(json.Out);
        if (timed) Assert.Equal(MaskNumbers(text.Out), MaskNumbers(rendered));
        else Assert.Equal(text.Out, rendered);
    }

    /// <summary>Every information figure carries base and unit the same way: two top-level keys beside plain numbers.</summary>
    [Theory]
    [MemberData(nameof(Commands))]
    public void InformationResultsCarryBaseAndUnit(string name)
    {
        var (args, _, _) = Case(name);
        var json = CliRunner.Json(args);
        bool hasBase = json.TryGetProperty("base", out var b), hasUnit = json.TryGetProperty("unit", out var u);
        Assert.Equal(hasBase, hasUnit);
        if (hasBase) Assert.Equal(LogBase.Of(b.GetDouble()).Unit, u.GetString());
        bool carriesInformation = name is not ("bench-huffman" or "tour" or "predict");
        Assert.Equal(carriesInformation, hasBase);
    }

    private static string MaskNumbers(string text) => Regex.Replace(text, @"[0-9]+(\.[0-9]+)?(e-?[0-9]+)?", "#");
}

/// <summary>Where the repository's data files are.</summary>
internal static class LossCommandsTestsData
{
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Xent.slnx"))) dir = dir.Parent;
        return dir!.FullName;
    }
}
