using Xent.Measures;
using Xent.Reports;
using Xent.Reports.Tour;

namespace Xent.Explorer.Tests;

/// <summary>The distribution panel in a real browser: every figure shown is the library's, and follows the sliders.</summary>
[Collection(ExplorerCollection.Name)]
public sealed class DistributionsPanelTests(ExplorerFixture fixture)
{
    private static async Task AssertFiguresAsync(Microsoft.Playwright.IPage page, double[] p, double[] q, LogBase b, MeasureOptions options)
    {
        Assert.Equal(Discrete.Entropy(p, b).Value, await page.FigureAsync("hp"));
        Assert.Equal(Discrete.Entropy(q, b).Value, await page.FigureAsync("hq"));
        Assert.Equal(CrossEntropyResult.Of(p, q, b, options).CrossEntropy, await page.FigureAsync("hpq"));
        Assert.Equal(CrossEntropyResult.Of(q, p, b, options).CrossEntropy, await page.FigureAsync("hqp"));
        Assert.Equal(KlDivergenceResult.Of(p, q, b, options).KlDivergence, await page.FigureAsync("kpq"));
        Assert.Equal(KlDivergenceResult.Of(q, p, b, options).KlDivergence, await page.FigureAsync("kqp"));
        Assert.Equal(JsDivergenceResult.Of(p, q, b, MeasureOptions.Default).JsDivergence, await page.FigureAsync("js"));
    }

    [SkippableFact]
    public async Task Default_page_is_london_and_barcelona_with_the_library_figures()
    {
        var page = await fixture.NewPageAsync();
        await page.OpenAsync(fixture);
        await AssertFiguresAsync(page, [.. TourDistributions.London], [.. TourDistributions.Barcelona], LogBase.Bits, MeasureOptions.Default);
        Assert.Equal(3, await page.Locator("input[name=p]").CountAsync());
        Assert.Equal(2, await page.Locator("[data-target=distributions] figure.plot svg").CountAsync());
    }

    [SkippableFact]
    public async Task Moving_a_slider_updates_every_figure_and_the_url()
    {
        var page = await fixture.NewPageAsync();
        await page.OpenAsync(fixture);
        await page.SetAsync("input[data-for=p2]", "0.5");
        Assert.Equal("0.5", await page.InputValueAsync("#p2"));
        // Weights 0.5, 0.4, 0.5 are divided by their sum.
        double[] p = [0.5 / 1.4, 0.4 / 1.4, 0.5 / 1.4];
        await AssertFiguresAsync(page, p, [.. TourDistributions.Barcelona], LogBase.Bits, MeasureOptions.Default);
        Assert.Equal([0.5, 0.4, 0.5], PageDriver.StateOf(page.Url).P);
    }

    [SkippableFact]
    public async Task Nats_switch_changes_the_unit_of_every_figure()
    {
        var page = await fixture.NewPageAsync();
        await page.OpenAsync(fixture);
        int before = await page.UpdatesAsync();
        await page.CheckAsync("input[name=unit][value=nats]");
        await page.WaitForFunctionAsync(PageDriver.Settled, before);
        await AssertFiguresAsync(page, [.. TourDistributions.London], [.. TourDistributions.Barcelona], LogBase.Nats, MeasureOptions.Default);
        Assert.Equal("nats", await page.Locator("[data-measure=hp] td.unit").InnerTextAsync());
    }

    [SkippableFact]
    public async Task Each_preset_sets_the_tour_distributions()
    {
        var page = await fixture.NewPageAsync();
        await page.OpenAsync(fixture);
        foreach (var preset in Presets.All)
        {
            await page.ClickAsync($"a[data-preset='{preset.Key}']");
            await page.WaitForSelectorAsync("body[data-ready=true]");
            var state = preset.Apply(new ExplorerState());
            Assert.Equal(state.Names.Count, await page.Locator("input[name=p]").CountAsync());
            var options = new MeasureOptions { Clip = state.Clip, Smoothing = state.Smoothing };
            await AssertFiguresAsync(page, state.Pn, state.Qn, LogBase.Bits, options);
        }
        Assert.Equal(Discrete.Entropy([.. TourDistributions.TwoDiceSum]).Value,
            ExplorerModel.Compute(Presets.Find("dice-sum")!.Apply(new ExplorerState())).Distributions!.EntropyP.Entropy, 12);
    }

    [SkippableFact]
    public async Task A_zero_in_q_explains_the_infinity_and_clipping_shows_what_it_does()
    {
        var page = await fixture.NewPageAsync();
        await page.OpenAsync(fixture, "name=heads&name=tails&p=0.7&p=0.3&q=0&q=1");
        Assert.Equal(double.PositiveInfinity, await page.FigureAsync("hpq"));
        Assert.Contains("q = 0 for heads", await page.Locator(".infinite-note").InnerTextAsync());

        int before = await page.UpdatesAsync();
        await page.SelectOptionAsync("select[name=clip]", "1E-10");
        await page.WaitForFunctionAsync(PageDriver.Settled, before);
        double clipped = await page.FigureAsync("hpq");
        Assert.Equal(Discrete.CrossEntropy([0.7, 0.3], [0, 1], LogBase.Bits, new MeasureOptions { Clip = 1e-10 }).Value, clipped);
        Assert.True(double.IsFinite(clipped));
        Assert.Contains("unclipped it is ∞", await page.Locator(".clip-note").InnerTextAsync());
    }

    [SkippableFact]
    public async Task Bad_values_give_a_message_on_the_page_and_keep_the_server_answering()
    {
        var page = await fixture.NewPageAsync();
        await page.OpenAsync(fixture);
        await page.EnterAsync("#p1", "-2");
        Assert.Contains("weights must be ≥ 0", await page.Locator("[data-target=messages] .messages").InnerTextAsync());
        Assert.Equal(0, await page.Locator("[data-target=distributions] [data-measure=hp]").CountAsync());

        await page.EnterAsync("#p1", "");
        Assert.Contains("not a finite number", await page.Locator("[data-target=messages] .messages").InnerTextAsync());

        await page.EnterAsync("#p1", "0.4");
        Assert.Equal(0, await page.Locator("[data-target=messages] .messages").CountAsync());
        Assert.Equal(Discrete.Entropy([.. TourDistributions.London]).Value, await page.FigureAsync("hp"));
    }

    [SkippableFact]
    public async Task Outcomes_can_be_added_renamed_and_removed()
    {
        var page = await fixture.NewPageAsync();
        await page.OpenAsync(fixture);
        await page.ClickAsync("button[value=add]");
        await page.WaitForSelectorAsync("body[data-ready=true]");
        Assert.Equal(4, await page.Locator("input[name=p]").CountAsync());
        await page.EnterAsync("input[name=name] >> nth=3", "Snowy");
        Assert.Equal("Snowy", PageDriver.StateOf(page.Url).Names[3]);
        await page.ClickAsync("button[value=remove-0]");
        await page.WaitForSelectorAsync("body[data-ready=true]");
        Assert.Equal(3, await page.Locator("input[name=p]").CountAsync());
        Assert.Equal("Rainy", await page.InputValueAsync("input[name=name] >> nth=0"));
        Assert.Equal("Snowy", await page.InputValueAsync("input[name=name] >> nth=2"));
    }
}
