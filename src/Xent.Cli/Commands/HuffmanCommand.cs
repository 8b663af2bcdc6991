using System.CommandLine;
using System.Globalization;
using Xent.Cli.Rendering;
using Xent.Coding;
using Xent.Measures;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>huffman: the optimal prefix code for a distribution (optionally length-limited), with its figures.</summary>
internal static class HuffmanCommand
{
    public static Command Create()
    {
        var p = new Argument<string>("P") { Description = "Probabilities, comma-separated: 0.5,0.4,0.1" };
        var symbols = new Option<string?>("--symbols") { Description = "Symbol names, comma-separated, one per probability (default 0, 1, 2, …)." };
        var maxLength = new Option<int?>("--max-length") { Description = "Longest codeword allowed, in bits: the optimal length-limited code (package-merge)." };
        var all = new Option<bool>("--all") { Description = $"Print every row of the code table (by default a table of more than {ResultText.CodeTableRows} symbols shows its first and last {ResultText.CodeTableEnds})." };
        var logBase = Inputs.Base();
        var json = Inputs.Json();
        var command = new Command("huffman", "Huffman code of P: codewords, lengths, expected length, entropy, redundancy, efficiency.") { p, symbols, maxLength, all, logBase, json };
        command.SetAction(parse =>
        {
            var probabilities = Inputs.ParseList(parse.GetValue(p)!, "P");
            var names = ParseSymbols(parse.GetValue(symbols), probabilities.Length);
            var unit = Inputs.ParseBase(parse.GetValue(logBase)!);
            var report = ResultOutput.InBase(Build(probabilities, names, parse.GetValue(maxLength)), unit);
            var output = parse.InvocationConfiguration.Output;
            bool every = parse.GetValue(all);
            ResultOutput.Write(output, report, parse.GetValue(json), (o, r) => ResultText.Write(o, r, every));
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

    /// <summary>Checks --max-length against the symbols P uses (the library clamps a limit above its maximum), then builds the code.</summary>
    private static HuffmanCodeResult Build(double[] p, string[] names, int? maxLength)
    {
        if (maxLength is int limit)
        {
            int used = p.Count(x => x > 0);
            if (limit < 1) throw new UsageException($"--max-length {limit} must be ≥ 1 (bits).");
            if (limit < 31 && 1 << limit < used)
                throw new UsageException($"--max-length {limit} is too small for {used} symbols (2^{limit} < {used}).");
        }
        else
        {
            // The optimal code's longest codeword must fit PrefixCode's 64 bits; past that, say how to get the best code that fits.
            Discrete.Entropy(p); // P checked as a distribution first, with its own message
            int longest = Huffman.CodeLengths(p, new int[p.Length]);
            if (longest > PrefixCode.MaxCodewordLength)
                throw new UsageException($"P: its Huffman code needs a codeword of {longest} bits, more than the {PrefixCode.MaxCodewordLength} a code can hold; add --max-length {PrefixCode.MaxCodewordLength} (or less) for the best code within that.");
        }
        return HuffmanCodeResult.Build(p, names, maxLength);
    }
}
