using System.Buffers.Binary;
using Xent.Cli.Plotting;
using Xent.Reports;

namespace Xent.Tests.Cli;

public class PlotRendererTests
{
    private static PlotSpec EveryStyle() => new("Every style", new PlotAxis("x", "units") { IntegerTicks = true }, new PlotAxis("y") { Scale = AxisScale.Log })
    {
        Series =
        [
            new("line", [1, 2, 3], [1, 10, 100]),
            new("line with markers", [1, 2, 3], [2, 20, 200], SeriesStyle.LineMarkers),
            new("step", [1, 2, 3], [3, 30, 300], SeriesStyle.Step) { Dashed = true },
            new("scatter", [1.5, 2.5], [5, 50], SeriesStyle.Scatter),
            new("bars", [1, 2, 3], [4, 40, 400], SeriesStyle.Bar) { BarWidth = 0.5 },
            new("point", [2], [7], SeriesStyle.Point),
        ],
        References = [ReferenceLine.Horizontal(50, "y = 50"), ReferenceLine.Vertical(2.5, "x = 2.5")],
        Legend = LegendPosition.UpperLeft,
    };

    [Theory]
    [InlineData(1200, 700)]
    [InlineData(640, 480)]
    public void WritesAPngOfTheRequestedSize(int width, int height)
    {
        using var cli = new CliRunner();
        string path = Path.Combine(cli.Directory, "every.png");
        PlotRenderer.Save(EveryStyle(), path, force: false, width: width, height: height);
        var png = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        // The IHDR chunk follows the signature: length, "IHDR", then width and height as big-endian 32-bit integers.
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    [Fact]
    public void WritesAnSvgAndRefusesOtherExtensions()
    {
        using var cli = new CliRunner();
        string svg = Path.Combine(cli.Directory, "every.svg");
        PlotRenderer.Save(EveryStyle(), svg, force: false);
        Assert.Contains("<svg", File.ReadAllText(svg));
        Assert.Throws<Xent.Cli.UsageException>(() => PlotRenderer.Save(EveryStyle(), Path.Combine(cli.Directory, "every.gif"), force: false));
    }

    [Fact]
    public void RefusesASeriesWhoseLengthsDiffer()
    {
        var spec = new PlotSpec("bad", new PlotAxis("x"), new PlotAxis("y")) { Series = [new("s", [1, 2], [1])] };
        Assert.Throws<ArgumentException>(() => PlotRenderer.Draw(spec));
    }

    [Fact]
    public void TheReliabilityDiagramIsAPlotSpec()
    {
        using var cli = new CliRunner();
        string csv = cli.Write("p.csv", "y,a,b\na,0.9,0.1\nb,0.3,0.7\na,0.6,0.4\n");
        var json = CliRunner.Json("logloss", csv, "--label", "y", "--probs", "a,b", "--bins", "5");
        var metrics = Xent.Reports.ReportJson.Deserialize<MetricsResult>(json.GetRawText());
        var spec = metrics.ReliabilityPlot();
        // Three used bins: [0.6, 0.8) holds 0.6 and 0.7, [0.8, 1] holds 0.9 — two bars and two points, and the diagonal.
        Assert.Equal([SeriesStyle.Bar, SeriesStyle.Line, SeriesStyle.Scatter], spec.Series.Select(s => s.Style));
        Assert.Equal(2, spec.Series[0].X.Length);
        Assert.Equal(0.9 / 5, spec.Series[0].BarWidth);
        string png = Path.Combine(cli.Directory, "r.png");
        Assert.Equal(0, CliRunner.Run("logloss", csv, "--label", "y", "--probs", "a,b", "--bins", "5", "--plot", png).Exit);
        Assert.True(new FileInfo(png).Length > 1000);
    }
}
