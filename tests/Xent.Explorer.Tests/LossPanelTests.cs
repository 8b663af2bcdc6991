using Xent.Reports;
using Xent.Reports.Tour;

namespace Xent.Explorer.Tests;

/// <summary>The loss panel in a browser: softmax, the cross-entropy and its gradient, label smoothing, class weights, BCE.</summary>
[Collection(ExplorerCollection.Name)]
public sealed class LossPanelTests(ExplorerFixture fixture)
{
    [SkippableFact]
    public async Task Logit_sliders_smoothing_and_weights_give_the_library_loss()
    {
        var page = await fixture.NewPageAsync();
        await page.OpenAsync(fixture, "class=a&class=b&class=c&z=1&z=2&z=0.5&y=0");
        Assert.Equal(SoftmaxLossResult.Build([1, 2, 0.5], 0).Loss, await page.FigureAsync("ce"));

        await page.SetAsync("input[data-for=z1]", "-1");
        var expected = SoftmaxLossResult.Build([1, -1, 0.5], 0);
        Assert.Equal(expected.Loss, await page.FigureAsync("ce"));
        Assert.Equal(expected.Gradient[0], await page.FigureAsync("grad-y"));
        for (int i = 0; i < 3; i++)
        {
            string? q = await page.Locator($"tr[data-class='{i}'] td.num").Nth(1).GetAttributeAsync("data-value");
            Assert.Equal(expected.Probabilities[i], PageDriver.Parse(q!));
        }

        await page.SetAsync("input[data-for=eps]", "0.1");
        Assert.Equal(SoftmaxLossResult.Build([1, -1, 0.5], 0, 0.1).Loss, await page.FigureAsync("ce"));

        int before = await page.UpdatesAsync();
        await page.CheckAsync("#weights-on");
        await page.WaitForFunctionAsync(PageDriver.Settled, before);
        await page.EnterAsync("input.weight >> nth=0", "2");
        Assert.Equal(SoftmaxLossResult.Build([1, -1, 0.5], 0, 0.1, [2, 1, 1]).Loss, await page.FigureAsync("ce"));
        Assert.Equal([2.0, 1, 1], PageDriver.StateOf(page.Url).ClassWeights);
    }

    [SkippableFact]
    public async Task Binary_cross_entropy_follows_the_prediction_and_marks_it_on_the_curve()
    {
        var page = await fixture.NewPageAsync();
        await page.OpenAsync(fixture);
        Assert.Equal(BinaryLossResult.Build(TourDistributions.Coin07[0], 1).Loss, await page.FigureAsync("bce"));
        await page.SetAsync("input[data-for=bp]", "0.2");
        Assert.Equal(BinaryLossResult.Build(0.2, 1).Loss, await page.FigureAsync("bce"));
        Assert.Equal(BinaryLossResult.Build(0.2, 1).Gradient, await page.FigureAsync("bce-grad"));
        Assert.Equal(1, await page.Locator("#plot-bce circle.point").CountAsync());
        await page.EnterAsync("#bp", "1.5");
        Assert.Contains("predicted probability 1.5 must be in [0.001, 0.999]", await page.Locator("[data-target=messages] .messages").InnerTextAsync());
    }
}
