using System.Text;
using System.Text.Json;
using Xent.Cli;
using Xent.Cli.Rendering;
using Xent.Coding;
using Xent.Estimation;

namespace Xent.Tests.Cli;

public class CompressCommandTests
{
    private sealed record Piped(int Exit, string Out, string Err, byte[] Stdout);

    /// <summary>Runs with binary standard input <paramref name="stdin"/> (a pipe) and captures binary standard output.</summary>
    private static Piped Run(byte[]? stdin, params string[] args)
    {
        var output = new MemoryStream();
        var text = new StringWriter();
        var err = new StringWriter();
        var session = new CliSession { OpenStdin = () => new MemoryStream(stdin ?? []), OpenStdout = () => output, StdinIsTerminal = stdin is null };
        int exit = XentApp.Run(args, text, err, session);
        return new Piped(exit, text.ToString(), err.ToString(), output.ToArray());
    }

    private static byte[] Text(int repeats) =>
        Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("the code built for the wrong model costs the cross-entropy. ", repeats)));

    [Fact]
    public void CompressesBesideTheFileKeepsItAndDecompressesBack()
    {
        using var cli = new CliRunner();
        var data = Text(200);
        string file = cli.Write("notes.txt", data);
        var r = Run(null, "compress", file);
        Assert.True(r.Exit == 0, r.Err);
        Assert.True(File.Exists(file)); // kept by default
        Assert.Equal(data, XentContainer.Decompress(File.ReadAllBytes(file + ".xent")));
        Assert.Contains("notes.txt.xent", r.Out);

        File.Delete(file);
        r = Run(null, "decompress", file + ".xent");
        Assert.True(r.Exit == 0, r.Err);
        Assert.Equal(data, File.ReadAllBytes(file));
        Assert.DoesNotContain(Directory.GetFiles(cli.Directory), f => f.Contains(".tmp"));
    }

    [Fact]
    public void ReplacesAnExistingOutputOnlyWithForce()
    {
        using var cli = new CliRunner();
        string file = cli.Write("a.txt", Text(10));
        string existing = cli.Write("a.txt.xent", "precious");
        var r = Run(null, "compress", file);
        CliRunner.AssertBadInput(new CliRunner.Result(r.Exit, r.Out, r.Err), "exists");
        Assert.Equal("precious", File.ReadAllText(existing));
        r = Run(null, "compress", file, "-f");
        Assert.Equal(0, r.Exit);
        Assert.Equal(Text(10), XentContainer.Decompress(File.ReadAllBytes(existing)));
    }

    [Fact]
    public void StdoutStdinOutputAndRemove()
    {
        using var cli = new CliRunner();
        var data = Text(50);
        string file = cli.Write("b.txt", data);

        // -c: to standard output, no file written.
        var r = Run(null, "compress", "-c", file);
        Assert.Equal(0, r.Exit);
        Assert.False(File.Exists(file + ".xent"));
        Assert.Equal(data, XentContainer.Decompress(r.Stdout));
        Assert.Equal("", r.Out);

        // A pipe: no FILE (or -) reads standard input and writes standard output, both ways, and compress -d decompresses.
        var packed = Run(data, "compress", "-T", "3");
        Assert.Equal(data, Run(packed.Stdout, "decompress").Stdout);
        Assert.Equal(data, Run(packed.Stdout, "compress", "-d", "-").Stdout);
        // The output does not depend on the threads; -T 0 (zstd's and xz's every core) is -T -1, as many as there are cores.
        Assert.Equal(packed.Stdout, Run(data, "compress", "-T", "1").Stdout);
        Assert.Equal(packed.Stdout, Run(data, "compress", "-T", "0").Stdout);
        Assert.Equal(Environment.ProcessorCount, JsonDocument.Parse(Run(data, "compress", "-T", "0", "--json").Err).RootElement.GetProperty("threads").GetInt32());

        // -o names the output; --json with data on standard output goes to standard error.
        string named = Path.Combine(cli.Directory, "named.bin");
        r = Run(null, "compress", file, "-o", named, "--json", "--codec", "huffman");
        Assert.Equal(0, r.Exit);
        var json = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal(data.Length, json.GetProperty("input_bytes").GetInt64());
        Assert.Equal(new FileInfo(named).Length, json.GetProperty("output_bytes").GetInt64());
        Assert.Equal(8.0 * new FileInfo(named).Length / data.Length, json.GetProperty("bits_per_byte").GetDouble(), 12);
        var counts = new ByteContextCounts(0);
        counts.Add(data);
        Assert.Equal(counts.ConditionalEntropy().Value, json.GetProperty("order0_entropy_bits_per_byte").GetDouble(), 12);
        Assert.True(json.GetProperty("model_cross_entropy_bits_per_byte").GetDouble() >= json.GetProperty("order0_entropy_bits_per_byte").GetDouble());
        foreach (var key in new[] { "seconds", "threads" }) Assert.True(json.TryGetProperty(key, out _), key);
        r = Run(data, "compress", "--json");
        Assert.Equal(data.Length, JsonDocument.Parse(r.Err).RootElement.GetProperty("input_bytes").GetInt64());

        // --rm deletes the input after success.
        r = Run(null, "compress", file, "--rm");
        Assert.Equal(0, r.Exit);
        Assert.False(File.Exists(file));
        Assert.True(File.Exists(file + ".xent"));
    }

    [Fact]
    public void WithoutCodecTextGetsCmAtItsDefaultLevelAndBinaryGetsRans1()
    {
        using var cli = new CliRunner();
        var text = Text(40);
        var binary = new byte[5000];
        new Random(10).NextBytes(binary);
        foreach (var (data, codec, level) in new[] { (text, XentCodec.Cm, CmStream.DefaultLevel), (binary, XentCodec.Rans1, 1) })
        {
            Assert.Equal(codec, XentContainer.ChooseCodec(data));
            string name = XentContainer.Codecs.First(c => c.Codec == codec).Name;
            string file = cli.Write($"{name}.in", data);
            var expected = XentContainer.Compress(data, new XentContainerOptions { Codec = codec, Level = level });

            // From a file: the same bytes as the codec at its default level, and the text and JSON name the codec.
            var r = Run(null, "compress", file);
            Assert.True(r.Exit == 0, r.Err);
            Assert.Equal(expected, File.ReadAllBytes(file + ".xent"));
            Assert.Contains($"{name} ", r.Out);
            r = Run(null, "compress", file, "-o", file + ".2", "--json");
            Assert.Equal(name, JsonDocument.Parse(r.Out).RootElement.GetProperty("codec").GetString());

            // From standard input (length not known): decided from the first block, and the read-ahead block is coded too.
            var output = new MemoryStream();
            var err = new StringWriter();
            var pipe = new CliSession { OpenStdin = () => new NonSeekable(data), OpenStdout = () => output };
            Assert.Equal(0, XentApp.Run(["compress", "--json", "-B", "1000"], new StringWriter(), err, pipe));
            Assert.Equal(name, JsonDocument.Parse(err.ToString()).RootElement.GetProperty("codec").GetString());
            var unknownLength = new MemoryStream();
            XentContainer.Compress(new NonSeekable(data), unknownLength, new XentContainerOptions { Codec = codec, Level = level, BlockSize = 1000 });
            Assert.Equal(unknownLength.ToArray(), output.ToArray());
            Assert.Equal(data, XentContainer.Decompress(output.ToArray()));
        }

        // An explicit --level applies to the chosen codec; an explicit --codec wins over the choice.
        string textFile = cli.Write("t.txt", text);
        var low = Run(null, "compress", "-c", textFile, "--level", "2");
        Assert.Equal(XentContainer.Compress(text, new XentContainerOptions { Codec = XentCodec.Cm, Level = 2 }), low.Stdout);
        var huffman = Run(null, "compress", "-c", textFile, "--codec", "huffman");
        Assert.Equal(XentContainer.Compress(text), huffman.Stdout);
    }

    [Fact]
    public void ChoosesCmFromNinetyPercentTextLikeBytes()
    {
        Assert.Equal(XentCodec.Rans1, XentContainer.ChooseCodec([]));
        Assert.Equal(XentCodec.Cm, XentContainer.ChooseCodec("tab\tCR\rLF\n é ü"u8));
        var sample = new byte[100];
        sample.AsSpan().Fill((byte)'a');
        sample.AsSpan(0, 10).Fill(0); // 90% text-like: cm
        Assert.Equal(XentCodec.Cm, XentContainer.ChooseCodec(sample));
        sample[10] = 0x1B; // 89%: rans1
        Assert.Equal(XentCodec.Rans1, XentContainer.ChooseCodec(sample));
        Assert.Equal(CmStream.DefaultLevel, XentContainer.DefaultLevel(XentCodec.Cm));
        Assert.Equal(1, XentContainer.DefaultLevel(XentCodec.Rans1));
    }

    /// <summary>A stream that cannot seek, as standard input in a pipe.</summary>
    private sealed class NonSeekable(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }

    [Fact]
    public void FailedDecompressLeavesNothingAndSaysWhy()
    {
        using var cli = new CliRunner();
        var packed = XentContainer.Compress(Text(100), new XentContainerOptions { BlockSize = 1000 });
        var corrupt = (byte[])packed.Clone();
        corrupt[^20] ^= 0x10;
        string file = cli.Write("c.txt.xent", corrupt);
        var r = Run(null, "decompress", file);
        CliRunner.AssertBadInput(new CliRunner.Result(r.Exit, r.Out, r.Err), ".xent");
        Assert.False(File.Exists(Path.Combine(cli.Directory, "c.txt")));
        Assert.Equal([file], Directory.GetFiles(cli.Directory)); // no output, no temporary file

        string truncated = cli.Write("d.txt.xent", packed.AsSpan(0, packed.Length / 2).ToArray());
        r = Run(null, "decompress", truncated);
        CliRunner.AssertBadInput(new CliRunner.Result(r.Exit, r.Out, r.Err), "truncated");
        Assert.False(File.Exists(Path.Combine(cli.Directory, "d.txt")));

        string foreign = cli.Write("e.xent", "just text");
        r = Run(null, "decompress", foreign);
        CliRunner.AssertBadInput(new CliRunner.Result(r.Exit, r.Out, r.Err), "not a .xent file");

        string noSuffix = cli.Write("f.bin", packed);
        r = Run(null, "decompress", noSuffix);
        CliRunner.AssertBadInput(new CliRunner.Result(r.Exit, r.Out, r.Err), "does not end in .xent");

        r = Run(null, "compress", noSuffix, "--codec", "lzma");
        CliRunner.AssertBadInput(new CliRunner.Result(r.Exit, r.Out, r.Err), "--codec 'lzma'");
        r = Run(null, "compress", noSuffix, "--level", "9");
        CliRunner.AssertBadInput(new CliRunner.Result(r.Exit, r.Out, r.Err), "--level 9");
        r = Run(null, "compress");
        CliRunner.AssertBadInput(new CliRunner.Result(r.Exit, r.Out, r.Err), "standard input is a terminal");
    }

    [Fact]
    public void ProgressIsDrawnOnlyForLargeInputsOnATerminalWithoutQuiet()
    {
        var stream = new MemoryStream();
        Stream Wrapped(CliSession session, long? size)
        {
            CliSession.Enter(session);
            try
            {
                return WorkProgress.ForLargeInput("test", size, size ?? 0, track => track(stream));
            }
            finally
            {
                CliSession.Enter(null);
            }
        }
        var terminal = new CliSession { OpenStdin = () => Stream.Null, ErrorIsTerminal = true };
        // Silent (the stream untouched, nothing drawn): stderr not a terminal, --quiet, 50 MB or less, a pipe of unknown size.
        Assert.Same(stream, Wrapped(new CliSession { OpenStdin = () => Stream.Null }, 60_000_000));
        Assert.Same(stream, Wrapped(new CliSession { OpenStdin = () => Stream.Null, ErrorIsTerminal = true, Quiet = true }, 60_000_000));
        Assert.Same(stream, Wrapped(terminal, WorkProgress.LargeInput));
        Assert.Same(stream, Wrapped(terminal, null));

        // Through the command: a 51 MB file with stderr a "terminal" but --quiet prints nothing on stderr.
        using var cli = new CliRunner();
        var big = new byte[WorkProgress.LargeInput + 1_000_000];
        for (int i = 0; i < big.Length; i++) big[i] = (byte)(i % 251 % 7);
        string file = cli.Write("big.bin", big);
        var err = new StringWriter();
        var session = new CliSession { OpenStdin = () => Stream.Null, ErrorIsTerminal = true };
        Assert.Equal(0, XentApp.Run(["compress", file, "--codec", "rans", "--quiet"], new StringWriter(), err, session));
        Assert.Equal("", err.ToString());
        Assert.Equal(big, XentContainer.Decompress(File.ReadAllBytes(file + ".xent")));
    }

    [Fact]
    public void BitsReportsEntropiesCrossEntropyAndTheRealSize()
    {
        using var cli = new CliRunner();
        var data = Text(100);
        string file = cli.Write("g.txt", data);
        string other = cli.Write("h.bin", Enumerable.Range(0, 4096).Select(i => (byte)(i * 37)).ToArray());

        var counts = new ByteContextCounts(2);
        counts.Add(data);
        var self = CliRunner.Json("bits", file, "--model", "order2", "--smoothing", "0");
        // Trained on itself without smoothing, the whole-file static model pays exactly the empirical conditional entropy.
        Assert.Equal(counts.ConditionalEntropy().Value, self.GetProperty("static_model_cross_entropy_bits_per_byte").GetDouble(), 9);
        Assert.Equal(counts.ConditionalEntropy().Value, self.GetProperty("order2_entropy_bits_per_byte").GetDouble(), 12);
        Assert.Equal(counts.Reduce(1).ConditionalEntropy().Value, self.GetProperty("order1_entropy_bits_per_byte").GetDouble(), 12);
        Assert.Equal(counts.Reduce(0).ConditionalEntropy().Value, self.GetProperty("order0_entropy_bits_per_byte").GetDouble(), 12);
        // The file is coded by the adaptive order-2 codec, which pays its model's cross-entropy (one block: the model runs
        // over the whole file), and the real size is that container's.
        Assert.Equal("o2", self.GetProperty("codec").GetString());
        Assert.Equal(AdaptiveStream.CodeLength(data, 2).Bits / data.Length, self.GetProperty("model_cross_entropy_bits_per_byte").GetDouble(), 12);
        Assert.Equal(XentContainer.Compress(data, new XentContainerOptions { Codec = XentCodec.Order2 }).Length, self.GetProperty("output_bytes").GetInt64());
        var cm = CliRunner.Json("bits", file, "--model", "cm");
        Assert.Equal(CmStream.CodeLength(data).Bits / data.Length, cm.GetProperty("model_cross_entropy_bits_per_byte").GetDouble(), 12);
        Assert.Equal(XentContainer.Compress(data, new XentContainerOptions { Codec = XentCodec.Cm, Level = CmStream.DefaultLevel }).Length, cm.GetProperty("output_bytes").GetInt64());
        Assert.False(cm.TryGetProperty("static_model_cross_entropy_bits_per_byte", out _));

        // A model of other data pays more than the data's own entropy, and finitely with smoothing.
        var trained = CliRunner.Json("bits", file, "--model", "order1", "--train-on", other);
        double paid = trained.GetProperty("model_cross_entropy_bits_per_byte").GetDouble();
        Assert.True(double.IsFinite(paid) && paid > trained.GetProperty("order1_entropy_bits_per_byte").GetDouble());
        Assert.StartsWith("frozen order1", trained.GetProperty("codec").GetString());
        var never = CliRunner.Json("bits", file, "--model", "order1", "--train-on", other, "--smoothing", "0");
        Assert.Equal("Infinity", never.GetProperty("model_cross_entropy_bits_per_byte").GetString());
        Assert.False(never.TryGetProperty("output_bytes", out _)); // a byte of probability 0 cannot be coded
        Assert.Contains("not codable", CliRunner.Run("bits", file, "--model", "order1", "--train-on", other, "--smoothing", "0").Out);

        // --plot draws the cost along the file; the text table names the codec and the real size.
        string plot = Path.Combine(cli.Directory, "bits.svg");
        var drawn = CliRunner.Run("bits", file, "--model", "order0", "--plot", plot);
        Assert.True(drawn.Exit == 0, drawn.Err);
        Assert.Contains("<svg", File.ReadAllText(plot));
        Assert.Contains("real size", drawn.Out);
        Assert.Contains("rans", drawn.Out);
        CliRunner.AssertBadInput(CliRunner.Run("bits", file, "--plot", plot), "exists");
        CliRunner.AssertBadInput(CliRunner.Run("bits", file, "--model", "cm", "--train-on", other), "cm model learns as it codes");

        CliRunner.AssertBadInput(CliRunner.Run("bits", file, "--model", "order7"), "--model 'order7'");
        CliRunner.AssertBadInput(CliRunner.Run("bits", file, "--smoothing", "-1"), "--smoothing -1");
        CliRunner.AssertBadInput(CliRunner.Run("bits", Path.Combine(cli.Directory, "missing")), "no such file");
        CliRunner.AssertBadInput(CliRunner.Run("bits", file, "--train-on", Path.Combine(cli.Directory, "missing")), "--train-on");
    }
}
