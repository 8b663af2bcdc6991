using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;

namespace Xent.Explorer;

/// <summary>An SVG &lt;text&gt; element as markup: Razor reserves &lt;text&gt; inside code blocks, where the charts need it.</summary>
public static class SvgText
{
    public static MarkupString Of(double x, double y, string content, string anchor = "middle", string? cssClass = null) =>
        new($"<text{(cssClass is null ? "" : $" class=\"{cssClass}\"")} x=\"{PlotLayout.F(x)}\" y=\"{PlotLayout.F(y)}\" text-anchor=\"{anchor}\">{HtmlEncoder.Default.Encode(content)}</text>");
}
