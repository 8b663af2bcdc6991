using System.Text;
using Xent.Coding;
using Xent.Losses;
using Xent.Measures;

namespace Xent.Reports.Tour;

/// <summary>Seed 000, "Cross-entropy. Intuition and applications.": London's weather, its codes, and the Barcelona model.</summary>
internal static class WeatherArticle
{
    private static readonly string[] Weather = [.. TourDistributions.Weather];
    private static readonly double[] London = [.. TourDistributions.London];
    private static readonly double[] Barcelona = [.. TourDistributions.Barcelona];

    public static void Add(TourReport report)
    {
        var section = report.Section("London weather: codes, entropy and cross-entropy", "seed 000 — Cross-entropy. Intuition and applications.");

        Ascii(report, section);
        OwnHuffmanCode(report, section);
        TenDayCode(report, section);

        double h = report.Figure("weather_entropy_bits", Discrete.Entropy(London).Value);
        section.Check("H(P), London weather", h, "bits", "1.361", "the floor no code can beat on average");

        BarcelonaCode(report, section);
        BlockPlots(report);

        // The model's output as logits (ln q gives back q under softmax), scored as a classifier is trained.
        double[] prediction = [.. TourDistributions.WeatherPrediction];
        double cloudyLoss = report.Figure("cloudy_loss_nats", SoftmaxCrossEntropy.Compute(prediction.Select(q => Math.Log(q)).ToArray(), 3, [0]));
        section.Check("CE loss of q = [0.35, 0.6, 0.05] when Cloudy happens, −ln q_C", cloudyLoss, "nats", null,
            $"= H(one-hot, q) = {Numbers.Fixed(Discrete.CrossEntropy([1, 0, 0], prediction, LogBase.Nats).Value, 4)} nats = {Numbers.Fixed(Discrete.Surprisal(0.35).Value, 4)} bits; the article leaves the number to the reader");
    }

    private static void Ascii(TourReport report, TourSection section)
    {
        var table = section.Table("ASCII code (8 bits per character)", "weather", "P", "codeword", "length (bits)");
        var lengths = new int[Weather.Length];
        for (int i = 0; i < Weather.Length; i++)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(Weather[i].ToLowerInvariant());
            lengths[i] = bytes.Length * 8;
            table.Row(Weather[i], Numbers.Fixed(London[i], 1), string.Concat(bytes.Select(b => Convert.ToString(b, 2).PadLeft(8, '0'))), lengths[i].ToString());
        }
        double mean = report.Figure("weather_ascii_bits", PrefixCodes.ExpectedLength(lengths, London).Value);
        section.Check("Average ASCII message", mean, "bits", "44");
    }

    private static void OwnHuffmanCode(TourReport report, TourSection section)
    {
        var code = Huffman.Build(London);
        CodeTable(section, "Huffman code built for London's P", code, London);
        double mean = report.Figure("weather_huffman_bits", PrefixCodes.ExpectedLength(code.Lengths, London).Value);
        section.Check("Average Huffman message", mean, "bits", "1.5");
    }

    private static void CodeTable(TourSection section, string title, PrefixCode code, double[] model)
    {
        var table = section.Table(title, "weather", "probability", "codeword", "length (bits)", "−log2 p (bits)");
        for (int i = 0; i < Weather.Length; i++)
            table.Row(Weather[i], Numbers.Fixed(model[i], 1), code.CodewordText(i), code.Lengths[i].ToString(), Numbers.Fixed(Discrete.Surprisal(model[i]).Value, 2));
    }

    /// <summary>The Huffman code over all 3^10 ten-day sequences, listed explicitly so that its codewords can be shown.</summary>
    private static void TenDayCode(TourReport report, TourSection section)
    {
        const int days = 10;
        var sequences = Sequences(days);
        var weights = sequences.Select(s => SequenceProbability(s, London)).ToArray();
        var code = Huffman.Build(weights);
        double blockBits = PrefixCodes.ExpectedLength(code.Lengths, weights).Value;

        // Most likely first; equal probabilities in the order C < R < S, first day most significant.
        var order = Enumerable.Range(0, sequences.Length).OrderByDescending(i => weights[i]).ThenBy(i => i).ToArray();
        var table = section.Table($"Huffman code over the {sequences.Length:N0} ten-day sequences (first and last rows)",
            "10-day weather", "probability", "codeword", "length (bits)");
        foreach (int i in order.Take(3).Concat(order.TakeLast(3)))
            table.Row(sequences[i], Numbers.Scientific(weights[i]), code.CodewordText(i), code.Lengths[i].ToString());

        section.Check("Average 10-day message", blockBits, "bits", "13.64");
        section.Check("… per day", report.Figure("weather_block10_bits_per_day", blockBits / days), "bits", "1.364",
            "batching spends fractions of a bit: H(P) ≤ L₁₀/10 < H(P) + 1/10");
        // The same figure from the library's block code, which groups the sequences by composition instead of listing them.
        section.Check("… per day, by composition (BlockCode)", BlockCode.ExpectedLength(London, days).Value / days, "bits", "1.364");
    }

    private static void BarcelonaCode(TourReport report, TourSection section)
    {
        var code = Huffman.Build(Barcelona);
        CodeTable(section, "Huffman code built for Barcelona's Q", code, Barcelona);
        double inLondon = report.Figure("barcelona_code_london_bits", PrefixCodes.ExpectedLength(code.Lengths, London).Value);
        section.Check("Barcelona code used in London", inLondon, "bits", "1.9");

        double ce = report.Figure("london_barcelona_cross_entropy_bits", Discrete.CrossEntropy(London, Barcelona).Value);
        section.Check("H(P_London, Q_Barcelona)", ce, "bits", "2.54", "above 1.9: integer code lengths got lucky on cloudy and rainy days");

        var table = section.Table("Where the Barcelona code saves and spends bits in London", "weather", "P", "codeword length",
            "Q-optimal length −log2 q", "(length − optimal) × p");
        for (int i = 0; i < Weather.Length; i++)
        {
            double optimal = Discrete.Surprisal(Barcelona[i]).Value;
            table.Row(Weather[i], Numbers.Fixed(London[i], 1), code.Lengths[i].ToString(), Numbers.Fixed(optimal, 2),
                Numbers.Signed((code.Lengths[i] - optimal) * London[i], 2));
        }

        const int days = 10;
        double block = report.Figure("barcelona_block10_london_bits_per_day", BlockCode.ExpectedLength(London, Barcelona, days).Value / days);
        double otherTieBreak = BlockCode.ExpectedLength(London, Barcelona, days, HuffmanTieBreak.MergedFirst).Value / days;
        report.Figure("barcelona_block10_london_bits_per_day_merged_first", otherTieBreak);
        section.Check("10-day Barcelona code used in London, per day", block, "bits", "2.53",
            $"ties between equally likely groups decide which optimal code for Q you get; the merged-first tie-break gives {Numbers.Fixed(otherTieBreak, 4)} bits/day (docs/coding/huffman.md)");

        double kl = Discrete.KlDivergence(London, Barcelona).Value;
        report.Figure("london_barcelona_kl_bits", kl);
        section.Check("D(P‖Q) = H(P,Q) − H(P)", kl, "bits", null, "the cost of being wrong: extra bits per day for using Barcelona's model (Gibbs: ≥ 0)");
    }

    private static readonly PlotAxis DaysAxis = new("days per message (batch size n)") { IntegerTicks = true };
    private static readonly PlotAxis BitsPerDayAxis = new("average bits per day");

    private static void BlockPlots(TourReport report)
    {
        const int maxDays = 20;
        var n = Enumerable.Range(1, maxDays).Select(i => (double)i).ToArray();
        var own = n.Select(k => BlockCode.ExpectedLength(London, (int)k).Value / k).ToArray();
        var barcelona = n.Select(k => BlockCode.ExpectedLength(London, Barcelona, (int)k).Value / k).ToArray();
        report.Plot("entropy-batch-size-vs-bits-per-day", "Batching days: London's own Huffman code approaches H(P)",
                DaysAxis, BitsPerDayAxis)
            .AddSeries("Huffman code for P, used on P", n, own, markers: true)
            .AddReference("H(P) = entropy", Discrete.Entropy(London).Value);
        report.Plot("crossentropy-batch-size-vs-bits-per-day", "Batching days: Barcelona's code in London approaches H(P,Q)",
                DaysAxis, BitsPerDayAxis, LegendPosition.LowerRight)
            .AddSeries("Huffman code for Q (Barcelona), used on P (London)", n, barcelona, markers: true)
            .AddReference("H(P,Q) = cross-entropy", Discrete.CrossEntropy(London, Barcelona).Value)
            .AddReference("H(P) = entropy", Discrete.Entropy(London).Value);
    }

    /// <summary>All sequences of <paramref name="days"/> symbols C, R, S, in base-3 order, first day most significant.</summary>
    private static string[] Sequences(int days)
    {
        int count = (int)Math.Pow(3, days);
        var result = new string[count];
        var chars = new char[days];
        for (int i = 0; i < count; i++)
        {
            for (int d = days - 1, rest = i; d >= 0; d--, rest /= 3) chars[d] = "CRS"[rest % 3];
            result[i] = new string(chars);
        }
        return result;
    }

    private static double SequenceProbability(string sequence, double[] p)
    {
        double probability = 1;
        foreach (char c in sequence) probability *= p["CRS".IndexOf(c)];
        return probability;
    }
}
