using System.Text.Json;
using Xent.Tests.Reference;

namespace Xent.Tests.Cli;

/// <summary>Runs the tour once for all the tests of <see cref="TourTests"/>, into a directory of its own.</summary>
public sealed class TourRun : IDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "xent-tour-test-" + Guid.NewGuid().ToString("N"));

    public CliRunner.Result Result { get; }

    public TourRun() => Result = CliRunner.Run("tour", "--json", "--out", Directory);

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }
}

/// <summary>The tour's figures, each checked against a value worked out by hand (the working is in the comment).</summary>
public class TourTests(TourRun run) : IClassFixture<TourRun>
{
    private const double Tight = 1e-12;

    private JsonElement Figures
    {
        get
        {
            Assert.Equal(0, run.Result.Exit);
            return run.Result.Json.GetProperty("figures");
        }
    }

    private double Figure(string key) => Figures.GetProperty(key).GetDouble();

    [Fact]
    public void AsciiCodeAveragesFortyFourBits() =>
        // 0.5·48 + 0.4·40 + 0.1·40
        Assert.Equal(44, Figure("weather_ascii_bits"), Tight);

    [Fact]
    public void HuffmanCodesOfLondonAndBarcelona()
    {
        // London's code: Cloudy 0, Rainy 10, Sunny 11 → 0.5·1 + 0.4·2 + 0.1·2
        Assert.Equal(1.5, Figure("weather_huffman_bits"), Tight);
        // Barcelona's code: Sunny 0, Cloudy and Rainy two bits each, used on London's weather → 0.5·2 + 0.4·2 + 0.1·1
        Assert.Equal(1.9, Figure("barcelona_code_london_bits"), Tight);
    }

    [Fact]
    public void TenDayBlockCodes()
    {
        double[] london = [0.5, 0.4, 0.1], barcelona = [0.2, 0.1, 0.7];
        Assert.Equal(TwoQueueBlockLength(london, london, 10) / 10, Figure("weather_block10_bits_per_day"), 1e-12);
        Assert.Equal(TwoQueueBlockLength(london, barcelona, 10) / 10, Figure("barcelona_block10_london_bits_per_day"), 1e-12);
    }

    /// <summary>
    /// An independent Huffman code over all k^n sequences (van Leeuwen's two queues over leaves sorted by (weight, index),
    /// a leaf taken before a merged node of equal weight), built for Q and used on P: expected bits per block.
    /// </summary>
    private static double TwoQueueBlockLength(double[] p, double[] q, int n)
    {
        var (wq, wp) = BlockSequences.Weights(p, q, n);
        int count = wq.Length;
        var leaves = Enumerable.Range(0, count).OrderBy(i => wq[i]).ThenBy(i => i).ToArray();
        var parent = new int[2 * count - 1];
        var weight = new double[2 * count - 1];
        for (int i = 0; i < count; i++) weight[i] = wq[leaves[i]];
        int nextLeaf = 0, nextMerged = count, created = count;
        int Take() => nextLeaf < count && (nextMerged == created || weight[nextLeaf] <= weight[nextMerged]) ? nextLeaf++ : nextMerged++;
        while (created < 2 * count - 1)
        {
            int a = Take(), b = Take();
            weight[created] = weight[a] + weight[b];
            parent[a] = parent[b] = created++;
        }
        double total = 0;
        for (int i = 0; i < count; i++)
        {
            int depth = 0;
            for (int node = i; node != 2 * count - 2; node = parent[node]) depth++;
            total += wp[leaves[i]] * depth;
        }
        return total;
    }

    [Fact]
    public void WeatherEntropy() =>
        Assert.Equal(-(0.5 * Math.Log2(0.5) + 0.4 * Math.Log2(0.4) + 0.1 * Math.Log2(0.1)), Figure("weather_entropy_bits"), Tight);

    [Fact]
    public void BarcelonaCrossEntropyInLondon() =>
        Assert.Equal(0.5 * Math.Log2(1 / 0.2) + 0.4 * Math.Log2(1 / 0.1) + 0.1 * Math.Log2(1 / 0.7), Figure("london_barcelona_cross_entropy_bits"), Tight);

    [Fact]
    public void KlBothWaysInNats()
    {
        Assert.Equal(0.5 * Math.Log(0.5 / 0.4) + 0.3 * Math.Log(0.3 / 0.4), Figure("kl_pq_nats"), Tight);
        Assert.Equal(0.4 * Math.Log(0.4 / 0.5) + 0.4 * Math.Log(0.4 / 0.3), Figure("kl_qp_nats"), Tight);
        // The article prints 0.0259; the true value rounds to 0.0258.
        Assert.Equal(0.0258, Math.Round(Figure("kl_qp_nats"), 4));
    }

    [Fact]
    public void Dice()
    {
        Assert.Equal(Math.Log2(6), Figure("fair_die_bits"), Tight);
        Assert.Equal(-(0.5 * Math.Log2(0.5) + 5 * 0.1 * Math.Log2(0.1)), Figure("loaded_die_bits"), Tight);
        Assert.Equal(-(0.9 * Math.Log2(0.9) + 0.1 * Math.Log2(0.1)), Figure("biased_coin_bits"), Tight);
    }

    [Fact]
    public void DiceSumEntropy()
    {
        double h = 0;
        for (int s = 2; s <= 12; s++)
        {
            double p = (6 - Math.Abs(s - 7)) / 36.0;
            h -= p * Math.Log2(p);
        }
        Assert.Equal(h, Figure("dice_sum_entropy_bits"), Tight);
        Assert.Equal(3.274, Math.Round(h, 3));
    }

    [Fact]
    public void FriendsCrossEntropyWithTheArticlesClipping()
    {
        double[] guesses = [0, 0.2, 0.5, 0.7, 0.9, 1];
        var values = Figures.GetProperty("friends_cross_entropy_bits").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(6, values.Length);
        for (int i = 0; i < 6; i++)
        {
            double heads = Math.Max(guesses[i], 1e-10), tails = Math.Max(1 - guesses[i], 1e-10);
            Assert.Equal(-(0.7 * Math.Log2(heads) + 0.3 * Math.Log2(tails)), values[i], 1e-9);
        }
    }

    [Fact]
    public void OutlookInformationGain()
    {
        static double H(double a, double b) => -(a * Math.Log2(a) + b * Math.Log2(b));
        // H(play) with 9 yes, 5 no, minus 5/14·H(2/5) + 4/14·0 + 5/14·H(3/5)
        double expected = H(9 / 14.0, 5 / 14.0) - (5 / 14.0 * H(0.4, 0.6) + 5 / 14.0 * H(0.6, 0.4));
        Assert.Equal(expected, Figure("outlook_information_gain_bits"), Tight);
    }

    [Fact]
    public void GaussianAndVaeTerm()
    {
        Assert.Equal(0.5 * Math.Log(2 * Math.PI * Math.E), Figure("gaussian_unit_variance_entropy_nats"), Tight);
        // ½ Σ (μ² + σ² − 1 − ln σ²) for μ = (0.5, −1), σ² = (0.8, 1.5)
        double expected = 0.5 * ((0.25 + 0.8 - 1 - Math.Log(0.8)) + (1 + 1.5 - 1 - Math.Log(1.5)));
        Assert.Equal(expected, Figure("vae_kl_nats"), Tight);
    }

    [Fact]
    public void BinaryCrossEntropyExamples()
    {
        Assert.Equal(-Math.Log(0.9), Figure("bce_confident_right_nats"), Tight);
        Assert.Equal(-Math.Log(0.1), Figure("bce_confident_wrong_nats"), Tight);
    }

    [Fact]
    public void CoinMaximumLikelihoodAndMap()
    {
        Assert.Equal(0.7, Figure("coin_mle_heads"), 1e-7);
        // MAP: minimize Σ CE + ½w², so 10·σ(w) − 7 + w = 0; solved here by bisection.
        double lo = -5, hi = 5;
        for (int i = 0; i < 200; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (10 / (1 + Math.Exp(-mid)) - 7 + mid > 0) hi = mid; else lo = mid;
        }
        Assert.Equal(1 / (1 + Math.Exp(-lo)), Figure("coin_map_heads"), 1e-7);
    }

    [Fact]
    public void CloudyLoss() => Assert.Equal(-Math.Log(0.35), Figure("cloudy_loss_nats"), Tight);

    [Fact]
    public void EveryFigureFileIsWrittenAndNonEmpty()
    {
        var files = run.Result.Json.GetProperty("files").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.NotEmpty(files);
        foreach (var file in files) Assert.True(new FileInfo(file).Length > 1000, file);
        Assert.Contains(files, f => f.EndsWith(".png"));
        Assert.Contains(files, f => f.EndsWith(".svg"));
    }

    [Fact]
    public void RefusesADirectoryOfOtherFilesWithoutForce()
    {
        string other = Path.Combine(Path.GetTempPath(), "xent-tour-other-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(other);
        try
        {
            File.WriteAllText(Path.Combine(other, "thesis.tex"), "mine");
            CliRunner.AssertBadInput(CliRunner.Run("tour", "--out", other), "--force");
            Assert.Equal(["thesis.tex"], Directory.GetFiles(other).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }
}
