using System.Globalization;
using Microsoft.Playwright;

namespace Xent.Explorer.Tests;

/// <summary>What the tests do on the page: read a figure, move a slider the way a drag does, wait for the update.</summary>
internal static class PageDriver
{
    public static async Task OpenAsync(this IPage page, ExplorerFixture fixture, string query = "")
    {
        await page.GotoAsync(fixture.BaseUrl + (query.Length > 0 ? "?" + query : ""));
        await page.WaitForSelectorAsync("body[data-ready=true]");
    }

    /// <summary>The full-precision value of a figure (its data-value), as the library computed it.</summary>
    public static async Task<double> FigureAsync(this IPage page, string key)
    {
        string? text = await page.Locator($"[data-measure='{key}'] td.num").GetAttributeAsync("data-value");
        return double.Parse(text!, CultureInfo.InvariantCulture);
    }

    /// <summary>The page has finished an update started after the count n was read, and none is pending.</summary>
    public const string Settled = "n => Number(document.body.dataset.updates || 0) > n && document.body.dataset.idle === 'true'";

    public static async Task<int> UpdatesAsync(this IPage page) =>
        int.Parse(await page.EvaluateAsync<string>("() => document.body.dataset.updates || '0'"), CultureInfo.InvariantCulture);

    /// <summary>Sets an input's value and fires the input event a user's drag or keystroke fires; waits for the page's update.</summary>
    public static async Task SetAsync(this IPage page, string selector, string value)
    {
        int before = await page.UpdatesAsync();
        await page.Locator(selector).EvaluateAsync("(el, v) => { el.value = v; el.dispatchEvent(new Event('input', { bubbles: true })); }", value);
        await page.WaitForFunctionAsync(Settled, before);
    }

    /// <summary>Types into a field as a user does (clearing it first) and waits for the page's update.</summary>
    public static async Task EnterAsync(this IPage page, string selector, string text)
    {
        int before = await page.UpdatesAsync();
        await page.Locator(selector).FillAsync(text);
        await page.WaitForFunctionAsync(Settled, before);
    }

    /// <summary>The state a URL holds, as the server reads it.</summary>
    public static ExplorerState StateOf(string url) => ExplorerState.Parse(new Microsoft.AspNetCore.Http.QueryCollection(
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(url).Query)));

    public static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
