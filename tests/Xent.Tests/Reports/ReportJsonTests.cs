using System.Text.Json;
using Xent.Estimation;
using Xent.Reports;

namespace Xent.Tests.Reports;

public class ReportJsonTests
{
    [Fact]
    public void InfinityIsANamedLiteralAndRoundTrips()
    {
        var result = new SurprisalResult { Probabilities = [0.5, 0], Surprisal = [1, double.PositiveInfinity], Base = 2 };
        string json = ReportJson.Serialize(result);
        Assert.Equal("Infinity", JsonDocument.Parse(json).RootElement.GetProperty("surprisal")[1].GetString());
        Assert.Equal(double.PositiveInfinity, ReportJson.Deserialize<SurprisalResult>(json).Surprisal[1]);
    }

    [Fact]
    public void NaNIsNeverWritten()
    {
        var result = new SurprisalResult { Probabilities = [0.5], Surprisal = [double.NaN], Base = 2 };
        var e = Assert.Throws<InvalidOperationException>(() => ReportJson.Serialize(result));
        Assert.Contains("NaN", e.Message);
        Assert.Throws<InvalidOperationException>(() => ReportJson.Serialize(EntropyResult.OfDistribution(new Information(double.NaN, LogBase.Bits))));
        Assert.ThrowsAny<JsonException>(() => ReportJson.Deserialize<SurprisalResult>("""{"probabilities":[0.5],"surprisal":["NaN"],"base":2}"""));
    }

    [Fact]
    public void BaseAndUnitAreWrittenOnceFromTheLogBase()
    {
        var json = JsonDocument.Parse(ReportJson.Serialize(EntropyResult.OfDistribution(new Information(1.5, LogBase.Nats)))).RootElement;
        Assert.Equal(Math.E, json.GetProperty("base").GetDouble());
        Assert.Equal("nats", json.GetProperty("unit").GetString());
        Assert.Equal(1.5, json.GetProperty("entropy").GetDouble());
        Assert.False(json.TryGetProperty("n", out _)); // absent optional fields are left out, not null
    }

    [Fact]
    public void AnIntervalInAnotherUnitIsRefused()
    {
        var interval = new BootstrapInterval(new Information(1, LogBase.Bits), new Information(0.5, LogBase.Nats), new Information(2, LogBase.Nats),
            0.9, 100, EntropyEstimator.PlugIn);
        Assert.Throws<ArgumentException>(() => EntropyResult.OfEstimate(new Information(1, LogBase.Bits), 10, 3, "plugin", interval));
    }

    [Fact]
    public void APlotSpecRoundTrips()
    {
        var spec = new PlotSpec("t", new PlotAxis("n", "symbols") { IntegerTicks = true }, new PlotAxis("y") { Scale = AxisScale.Log, Min = 1 })
        {
            Series = [new PlotSeries("s", [1, 2], [3, 4], SeriesStyle.Step) { Dashed = true }],
            References = [ReferenceLine.Vertical(1.5, "x = 1.5")],
            Legend = LegendPosition.LowerLeft,
        };
        string json = ReportJson.Serialize(spec);
        Assert.Contains("\"style\": \"Step\"", json);
        var back = ReportJson.Deserialize<PlotSpec>(json);
        Assert.Equal(json, ReportJson.Serialize(back));
        Assert.Equal("n (symbols)", back.X.Title);
    }
}
