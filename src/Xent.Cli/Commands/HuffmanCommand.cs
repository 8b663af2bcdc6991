using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Xent.Cli.Rendering;
using Xent.Coding;
using Xent.Measures;

namespace Xent.Cli.Commands;

/// <summary>huffman: the optimal prefix code for a distribution (optionally length-limited), with its figures.</summary>
internal static class HuffmanCommand
{
    public static Command Create()
    {
        var p = new Argument<string>("P") { Description = "Probabilities, comma-separated: 0.5,0.4,0.1" };
        var symbols = new Option<string?>("--symbols") { Description = "Symbol names, comma-separated, one per probability (default 0, 1, 2, …)." };
        var maxLength = new Option<int?>("--max-length") { Description = "Longest codeword allowed, in bits: the optimal length-limited code (package-merge)." };
        var json = Inputs.Json();
        var command = new Command("huffman", "Huffman code of P: codewords, lengths, expected length, entropy, redundancy, efficiency.") { p, symbols, maxLength, json };
        command.SetAction(parse =>
        {
            var probabilities = Inputs.ParseList(parse.GetValue(p)!, "P");
            var names = ParseSymbols(parse.GetValue(symbols), probabilities.Length);
            var report = Build(probabilities, names, parse.GetValue(maxLength));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json)) report.ToJson().WriteTo(output);
            else report.Render(output);
            return 0;
        });
        return command;
    }

    /// <summary>Names for <paramref name="count"/> symbols: the given list, or 0..count−1.</summary>
    private static string[] ParseSymbols(string? text, int count)
    {
        if (text is null) return Enumerable.Range(0, count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var names = Inputs.Names(text, "--symbols");
        if (names.Length != count) throw new UsageException($"--symbols has {names.Length} names but P has {count} probabilities.");
        return names;
    }

    private static Report Build(double[] p, string[] names, int? maxLength)
    {
        var entropy = Discrete.Entropy(p); // validates P as a distribution
        var unlimited = Huffman.Build(p);
        PrefixCode code;
        if (maxLength is int limit)
        {
            int used = p.Count(x => x > 0);
            if (limit < 1 || (limit < 31 && 1 << limit < used))
                throw new UsageException($"--max-length {limit} is too small for {used} symbols (2^{limit} < {used}).");
            if (limit > PrefixCode.MaxCodewordLength) limit = PrefixCode.MaxCodewordLength;
            code = Huffman.BuildLengthLimited(p, limit);
        }
        else code = unlimited;
        double expected = PrefixCodes.ExpectedLength(code.Lengths, p).Value;
        double unlimitedLength = PrefixCodes.ExpectedLength(unlimited.Lengths, p).Value;
        return new Report(names, p, code, expected, entropy.Value, PrefixCodes.Redundancy(code.Lengths, p).Value,
            PrefixCodes.Efficiency(code.Lengths, p), maxLength, expected - unlimitedLength);
    }

    private sealed record Report(string[] Symbols, double[] P, PrefixCode Code, double ExpectedLength, double Entropy,
        double Redundancy, double Efficiency, int? MaxLength, double ExtraBitsOverUnlimited)
    {
        private IEnumerable<string> Codewords => Enumerable.Range(0, P.Length).Select(Code.CodewordText);

        private static double Surprisal(double p) => p == 0 ? double.PositiveInfinity : -Math.Log2(p);

        public JsonReport ToJson()
        {
            var json = new JsonReport()
                .Add("symbols", Symbols)
                .Add("probabilities", P)
                .Add("codewords", Codewords.ToArray())
                .Add("lengths", Code.Lengths.ToArray())
                .Add("surprisal_bits", P.Select(Surprisal).ToArray())
                .Add("expected_length", ExpectedLength)
                .Add("entropy", Entropy)
                .Add("redundancy", Redundancy)
                .Add("efficiency", Efficiency)
                .Add("kraft_sum", Code.KraftSum)
                .Add("unit", "bits");
            if (MaxLength is int limit) json.Add("max_length", limit).Add("extra_bits_over_unlimited", ExtraBitsOverUnlimited);
            return json;
        }

        public void Render(TextWriter output)
        {
            var table = new Table().AddColumns("symbol", "p", "codeword", "length (bits)", "−log2 p (bits)");
            var words = Codewords.ToArray();
            for (int i = 0; i < P.Length; i++)
                table.AddRow(Markup.Escape(Symbols[i]), F(P[i]), words[i].Length == 0 ? "(none)" : words[i],
                    Code.Lengths[i].ToString(CultureInfo.InvariantCulture), F(Surprisal(P[i])));
            TextTable.Write(output, table);
            output.WriteLine($"Expected length L = {F(ExpectedLength)} bits/symbol");
            output.WriteLine($"Entropy H(P)     = {F(Entropy)} bits/symbol");
            output.WriteLine($"Redundancy L − H = {F(Redundancy)} bits/symbol");
            output.WriteLine($"Efficiency H / L = {(100 * Efficiency).ToString("0.##", CultureInfo.InvariantCulture)} %");
            output.WriteLine($"Kraft sum        = {F(Code.KraftSum)}");
            if (MaxLength is int limit)
                output.WriteLine($"Limit {limit} bits costs {F(ExtraBitsOverUnlimited)} bits/symbol over the unlimited Huffman code.");
        }

        private static string F(double x) => double.IsPositiveInfinity(x) ? "∞" : x.ToString("0.######", CultureInfo.InvariantCulture);
    }
}
