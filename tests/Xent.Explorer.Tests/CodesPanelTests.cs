using Xent.Coding;
using Xent.Measures;
using Xent.Reports;
using Xent.Reports.Tour;

namespace Xent.Explorer.Tests;

/// <summary>The codes panel in a browser: the Huffman codes, the mismatched code, the block curve, all from the library.</summary>
[Collection(ExplorerCollection.Name)]
public sealed class CodesPanelTests(ExplorerFixture fixture)
{
    [SkippableFact]
    public async Task London_codes_and_barcelona_code_in_london_match_the_library()
    {
        var page = await fixture.NewPageAsync();
        await page.OpenAsync(fixture, "preset=london");
        double[] p = [.. TourDistributions.London], q = [.. TourDistributions.Barcelona];
        var codeP = HuffmanCodeResult.Build(p, [.. TourDistributions.Weather]);
        var codeQ = HuffmanCodeResult.Build(q, [.. TourDistributions.Weather]);
        Assert.Equal(codeP.ExpectedLength, await page.FigureAsync("lp"));
        Assert.Equal(codeP.Entropy, await page.FigureAsync("hp-bits"));
        Assert.Equal(PrefixCodes.ExpectedLength(codeQ.Lengths, p).Value, await page.FigureAsync("lq"));
        Assert.Equal(Discrete.CrossEntropy(p, q).Value, await page.FigureAsync("hpq-bits"));

        var rows = page.Locator("[data-target=codes] table.code-table:not(.blocks) tbody tr");
        Assert.Equal(3, await rows.CountAsync());
        for (int i = 0; i < 3; i++)
        {
            var cells = rows.Nth(i).Locator("td");
            Assert.Equal(codeP.Codewords[i], await cells.Nth(2).InnerTextAsync());
            Assert.Equal(codeQ.Codewords[i], await cells.Nth(6).InnerTextAsync());
        }
        // The tree: one leaf per outcome with a codeword, one edge per node but the root.
        Assert.Equal(3, await page.Locator("#tree-p circle.leaf").CountAsync());
        Assert.Equal(4, await page.Locator("#tree-p line.edge").CountAsync());
    }

    [SkippableFact]
    public async Task Block_curve_rows_are_the_library_block_codes()
    {
        var page = await fixture.NewPageAsync();
        await page.OpenAsync(fixture, "preset=london");
        await page.EnterAsync("input[name=blocks]", "6");
        double[] p = [.. TourDistributions.London], q = [.. TourDistributions.Barcelona];
        var blocks = BlockCodesResult.Build(p, q, 6);
        var rows = page.Locator("table.blocks tbody tr");
        Assert.Equal(6, await rows.CountAsync());
        for (int n = 1; n <= 6; n++)
        {
            string? value = await page.Locator($"table.blocks tr[data-n='{n}'] td.num").First.GetAttributeAsync("data-value");
            Assert.Equal(blocks.Rows[n - 1].BitsPerSymbol, PageDriver.Parse(value!));
        }
        Assert.Equal(1, await page.Locator("#plot-blocks").CountAsync());
        Assert.Contains("H(P)", await page.Locator("#plot-blocks").InnerTextAsync());
    }

    [SkippableFact]
    public async Task A_block_length_past_the_limit_is_a_message()
    {
        var page = await fixture.NewPageAsync();
        await page.OpenAsync(fixture, "blocks=11");
        Assert.Contains("block length 11 must be a whole number 1 … 10", await page.Locator("[data-target=messages] .messages").InnerTextAsync());
        // The codes panel shows no figures of a state the user did not ask for; the other panels are unaffected.
        Assert.Equal(0, await page.Locator("table.blocks").CountAsync());
        Assert.Equal(1, await page.Locator("[data-measure=hp]").CountAsync());
        await page.EnterAsync("input[name=blocks]", "5");
        Assert.Equal(5, await page.Locator("table.blocks tbody tr").CountAsync());
    }
}
