using System.Text;
using Xent.Coding;
using Xent.Reports;

namespace Xent.Explorer.Tests;

/// <summary>The compression panel in a browser: xent bits of the pasted text, the real size per codec, the surprise shading.</summary>
[Collection(ExplorerCollection.Name)]
public sealed class CompressionPanelTests(ExplorerFixture fixture)
{
    private const string Text = "the cat sat on the mat. the cat sat on the hat. the rat sat on the cat. zebra!";

    [SkippableFact]
    public async Task Pasted_text_shows_the_library_entropies_and_codec_sizes()
    {
        var page = await fixture.NewPageAsync();
        await page.OpenAsync(fixture);
        await page.FillAsync("#text", Text);
        await page.ClickAsync("#measure");
        await page.WaitForSelectorAsync("body[data-compressions='1']");
        byte[] data = Encoding.UTF8.GetBytes(Text);
        var bits = BitsResult.BuildFromMemory("pasted text", data, "order2", 0);
        Assert.Equal(bits.Order0EntropyBitsPerByte, await page.FigureAsync("h0"));
        Assert.Equal(bits.Order1EntropyBitsPerByte, await page.FigureAsync("h1"));
        Assert.Equal(bits.Order2EntropyBitsPerByte, await page.FigureAsync("h2"));
        Assert.Equal(bits.ModelCrossEntropyBitsPerByte, await page.FigureAsync("model"));
        foreach (var (codec, name, _) in XentContainer.Codecs)
        {
            long size = XentContainer.Compress(data, new XentContainerOptions { Codec = codec, Level = XentContainer.DefaultLevel(codec) }).Length;
            string? shown = await page.Locator($"tr[data-codec='{name}'] td.num").Nth(1).GetAttributeAsync("data-value");
            Assert.Equal(8.0 * size / data.Length, PageDriver.Parse(shown!));
        }
        Assert.Equal(Text.Length, await page.Locator(".surprise-text span").CountAsync());
        Assert.Contains("text=", page.Url);

        // The text travels in the URL: a reload measures it again.
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("body[data-compressions='1']");
        Assert.Equal(bits.Order0EntropyBitsPerByte, await page.FigureAsync("h0"));
    }

    [SkippableFact]
    public async Task Oversized_text_is_a_message_not_an_error()
    {
        var page = await fixture.NewPageAsync();
        await page.OpenAsync(fixture);
        // Past the textarea's maxlength, as a script or a paste tool could send it.
        await page.Locator("#text").EvaluateAsync("(el, n) => { el.removeAttribute('maxlength'); el.value = 'x'.repeat(n); }", CompressionModel.MaxBytes + 1);
        await page.ClickAsync("#measure");
        await page.WaitForSelectorAsync("body[data-compressions='1']");
        Assert.Contains("the page measures at most", await page.Locator("#compression-out .messages").InnerTextAsync());
    }
}
