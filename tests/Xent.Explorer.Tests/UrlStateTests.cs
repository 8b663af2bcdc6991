using Xent.Measures;
using Xent.Reports;
using Xunit.Abstractions;

namespace Xent.Explorer.Tests;

/// <summary>A view restored from its URL; the update time of a slider move at the page's largest size; the README's screenshots.</summary>
[Collection(ExplorerCollection.Name)]
public sealed class UrlStateTests(ExplorerFixture fixture, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task A_shared_url_restores_every_input_and_figure()
    {
        const string query = "name=A&name=B&name=C&name=D&p=1&p=2&p=3&p=4&q=4&q=3&q=2&q=1&unit=nats&smooth=0.5&blocks=4"
            + "&class=x&class=y&z=0.5&z=-1.5&y=1&eps=0.2&bp=0.35&by=0";
        var page = await fixture.NewPageAsync();
        await page.OpenAsync(fixture, query);
        Assert.Equal(["A", "B", "C", "D"], await page.Locator("input[name=name]").EvaluateAllAsync<string[]>("els => els.map(e => e.value)"));
        Assert.Equal("3", await page.InputValueAsync("#p2"));
        Assert.True(await page.IsCheckedAsync("input[name=unit][value=nats]"));
        Assert.Equal("0.5", await page.InputValueAsync("input[name=smooth]"));
        Assert.True(await page.IsCheckedAsync("input[name=y][value='1']"));
        Assert.Equal("0.2", await page.InputValueAsync("#eps"));
        Assert.True(await page.IsCheckedAsync("input[name=by][value='0']"));

        double[] p = [0.1, 0.2, 0.3, 0.4], q = [0.4, 0.3, 0.2, 0.1];
        var options = new MeasureOptions { Smoothing = 0.5 };
        Assert.Equal(CrossEntropyResult.Of(p, q, LogBase.Nats, options).CrossEntropy, await page.FigureAsync("hpq"));
        Assert.Equal(4, await page.Locator("table.blocks tbody tr").CountAsync());
        Assert.Equal(SoftmaxLossResult.Build([0.5, -1.5], 1, 0.2).Loss, await page.FigureAsync("ce"));
        Assert.Equal(BinaryLossResult.Build(0.35, 0).Loss, await page.FigureAsync("bce"));

        // After a change the address bar holds the new state, and opening it gives the same figures.
        await page.SetAsync("input[data-for=q0]", "0.25");
        double shown = await page.FigureAsync("kpq");
        var again = await fixture.NewPageAsync();
        await again.GotoAsync(page.Url);
        Assert.Equal(shown, await again.FigureAsync("kpq"));
    }

    [SkippableFact]
    public async Task Slider_move_with_32_outcomes_and_blocks_to_8_is_timed()
    {
        var names = Enumerable.Range(1, ExplorerState.MaxOutcomes).Select(i => $"name=s{i}");
        var weights = Enumerable.Range(1, ExplorerState.MaxOutcomes).Select(i => $"p={i}");
        var model = Enumerable.Range(1, ExplorerState.MaxOutcomes).Select(i => $"q={ExplorerState.MaxOutcomes + 1 - i}");
        var page = await fixture.NewPageAsync();
        await page.OpenAsync(fixture, string.Join("&", names.Concat(weights).Concat(model)) + "&blocks=8");
        Assert.Equal(ExplorerState.MaxOutcomes, await page.Locator("input[name=p]").CountAsync());

        var times = new List<(double Total, double Model, double Render)>();
        for (int move = 0; move < 12; move++)
        {
            await page.SetAsync("input[data-for=p5]", (1 + move * 0.5).ToString(System.Globalization.CultureInfo.InvariantCulture));
            double total = await page.EvaluateAsync<double>("() => window.xentLastUpdateMs");
            string timing = await page.EvaluateAsync<string>("() => window.xentServerTiming");
            var durations = System.Text.RegularExpressions.Regex.Matches(timing, @"dur=([0-9.]+)").Select(m => PageDriver.Parse(m.Groups[1].Value)).ToArray();
            times.Add((total, durations[0], durations[1]));
        }
        var state = ExplorerState.Parse(new Microsoft.AspNetCore.Http.QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(page.Url).Query)));
        var computed = ExplorerModel.Compute(state);
        static double Median(IEnumerable<double> xs) { var s = xs.Order().ToArray(); return s[s.Length / 2]; }
        var warm = times.Skip(2).ToArray(); // the first moves warm up the JIT
        string line = $"explorer slider move, {ExplorerState.MaxOutcomes} outcomes, blocks asked to n = 8 (computed to n = {computed.Codes!.Blocks!.Rows.Length}, the live limit), {warm.Length} moves: "
            + $"update in the browser (input → request → swap) median {Median(warm.Select(t => t.Total)):F1} ms, best {warm.Min(t => t.Total):F1} ms; "
            + $"of which the server's figures median {Median(warm.Select(t => t.Model)):F1} ms and rendering {Median(warm.Select(t => t.Render)):F1} ms; "
            + $"machine load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores";
        output.WriteLine(line);
        Console.WriteLine(line);
        Assert.NotNull(computed.Codes.BlocksNote);
    }

    [SkippableFact]
    public async Task Screenshots_of_the_distribution_and_codes_panels()
    {
        var page = await fixture.NewPageAsync(1280, 1000);
        await page.OpenAsync(fixture, "preset=london");
        // Into docs/explorer with XENT_WRITE_SCREENSHOTS=1 (as the README's images are made), else a temporary directory.
        string directory = Environment.GetEnvironmentVariable("XENT_WRITE_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryRoot(), "docs", "explorer")
            : Directory.CreateTempSubdirectory("xent-explorer-").FullName;
        Directory.CreateDirectory(directory);
        string distributions = Path.Combine(directory, "distributions.png"), codes = Path.Combine(directory, "codes.png");
        await page.Locator("#distributions").ScreenshotAsync(new() { Path = distributions });
        await page.Locator("#codes").ScreenshotAsync(new() { Path = codes });
        output.WriteLine($"screenshots: {distributions}, {codes}");
        foreach (var file in new[] { distributions, codes })
        {
            var bytes = File.ReadAllBytes(file);
            Assert.True(bytes.Length > 10_000, $"{file} has {bytes.Length} bytes");
            Assert.Equal(0x89, bytes[0]); // PNG signature
        }
        if (Environment.GetEnvironmentVariable("XENT_WRITE_SCREENSHOTS") != "1") Directory.Delete(directory, recursive: true);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Xent.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Xent.slnx not found above the test's directory.");
    }
}
