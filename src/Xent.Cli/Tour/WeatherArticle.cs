using System.Text;
using Xent.Measures;

namespace Xent.Cli.Tour;

/// <summary>Seed 000, "Cross-entropy. Intuition and applications.": London's weather, its codes, and the Barcelona model.</summary>
internal static class WeatherArticle
{
    private static readonly string[] Weather = ["Cloudy", "Rainy", "Sunny"];
    private static readonly double[] London = [0.5, 0.4, 0.1];
    private static readonly double[] Barcelona = [0.2, 0.1, 0.7];

    public static void Add(TourReport report)
    {
        var section = report.Section("London weather: codes, entropy and cross-entropy", "seed 000 — Cross-entropy. Intuition and applications.");

        Ascii(report, section);

        double h = report.Figure("weather_entropy_bits", Discrete.Entropy(London).Value);
        section.Check("H(P), London weather", h, "bits", "1.361", "the floor no code can beat on average");

        double ce = report.Figure("london_barcelona_cross_entropy_bits", Discrete.CrossEntropy(London, Barcelona).Value);
        section.Check("H(P_London, Q_Barcelona)", ce, "bits", "2.54");
        double kl = Discrete.KlDivergence(London, Barcelona).Value;
        report.Figure("london_barcelona_kl_bits", kl);
        section.Check("D(P‖Q) = H(P,Q) − H(P)", kl, "bits", null, "the cost of being wrong: extra bits per day for using Barcelona's model (Gibbs: ≥ 0)");

        double cloudyLoss = report.Figure("cloudy_loss_nats", Discrete.CrossEntropy([1, 0, 0], [0.35, 0.6, 0.05], LogBase.Nats).Value);
        section.Check("CE loss of q = [0.35, 0.6, 0.05] when Cloudy happens, −ln q_C", cloudyLoss, "nats", null,
            $"= {Format.Fixed(Discrete.Surprisal(0.35).Value, 4)} bits; the article leaves the number to the reader");
    }

    private static void Ascii(TourReport report, TourSection section)
    {
        var table = section.Table("ASCII code (8 bits per character)", "weather", "P", "codeword", "length (bits)");
        var lengths = new double[Weather.Length];
        for (int i = 0; i < Weather.Length; i++)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(Weather[i].ToLowerInvariant());
            lengths[i] = bytes.Length * 8;
            table.Row(Weather[i], Format.Fixed(London[i], 1), string.Concat(bytes.Select(b => Convert.ToString(b, 2).PadLeft(8, '0'))), lengths[i].ToString());
        }
        double mean = report.Figure("weather_ascii_bits", ExpectedLength(lengths, London));
        section.Check("Average ASCII message", mean, "bits", "44");
    }

    private static double ExpectedLength(double[] lengths, double[] p) => lengths.Zip(p, (l, pi) => l * pi).Sum();
}
