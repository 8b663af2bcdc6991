using Xent.Learning;

namespace Xent.Tests.Learning;

public class ClassificationMetricsTests
{
    private const double Exact = 1e-15;
    private static readonly double[] TwoRows = [0.35, 0.6, 0.05, 0.1, 0.8, 0.1];

    [Fact]
    public void HandComputedMetrics()
    {
        var r = ClassificationMetrics.Evaluate(TwoRows, 3, [0, 1]);
        double ll = (-Math.Log(0.35) - Math.Log(0.8)) / 2;
        Assert.Equal("bits", r.LogLoss.Unit); // bits by default, as every information figure in Xent
        Assert.Equal(ll / Math.Log(2), r.LogLoss.Value, Exact);
        Assert.Equal(ll, ClassificationMetrics.Evaluate(TwoRows, 3, [0, 1], new() { Base = LogBase.Nats }).LogLoss.Value, Exact);
        Assert.Equal(Math.Exp(ll), r.Perplexity, 1e-14);
        Assert.Equal(0.5, r.Accuracy);
        Assert.Equal((0.65 * 0.65 + 0.36 + 0.0025 + 0.01 + 0.04 + 0.01) / 2, r.Brier, Exact);
        Assert.Equal(1, r.PriorLogLoss.Value, Exact); // two equally frequent classes: 1 bit
        Assert.Equal(1 - ll / Math.Log(2), r.LogLossReduction!.Value, 1e-14);
        // Row 0: confidence 0.6 (bin 6), wrong; row 1: confidence 0.8 (bin 8), right.
        Assert.Equal(0.5 * 0.6 + 0.5 * 0.2, r.ExpectedCalibrationError, 1e-14);
        Assert.Equal(1, r.Reliability[6].Count);
        Assert.Equal(0, r.Reliability[6].Accuracy);
        Assert.Equal(0.8, r.Reliability[8].Confidence, Exact);
        Assert.Equal(0, r.ClippedRows);
    }

    [Fact]
    public void BitsAndWeights()
    {
        var bits = ClassificationMetrics.Evaluate(TwoRows, 3, [0, 1], new() { Base = LogBase.Bits });
        Assert.Equal((-Math.Log2(0.35) - Math.Log2(0.8)) / 2, bits.LogLoss.Value, 1e-14);
        var weighted = ClassificationMetrics.Evaluate(TwoRows, 3, [0, 1], new() { Base = LogBase.Nats }, sampleWeights: [1.0, 3.0]);
        Assert.Equal((-Math.Log(0.35) - 3 * Math.Log(0.8)) / 4, weighted.LogLoss.Value, Exact);
        Assert.Equal(0.75, weighted.Accuracy);
        Assert.Equal(-(0.25 * Math.Log(0.25) + 0.75 * Math.Log(0.75)), weighted.PriorLogLoss.Value, Exact);
    }

    [Fact]
    public void ZeroProbabilityIsInfiniteUnlessClipped()
    {
        double[] p = [0, 1, 0.5, 0.5];
        Assert.Equal(double.PositiveInfinity, ClassificationMetrics.Evaluate(p, 2, [0, 0]).LogLoss.Value);
        var clipped = ClassificationMetrics.Evaluate(p, 2, [0, 0], new() { Clip = 1e-15, Base = LogBase.Nats });
        Assert.Equal((-Math.Log(1e-15) + Math.Log(2)) / 2, clipped.LogLoss.Value, 1e-14);
        Assert.Equal(1, clipped.ClippedRows);
        Assert.Null(clipped.LogLossReduction); // one class in the labels: the prior's loss is 0
    }

    [Fact]
    public void LogitsKeepExtremeLossesExact()
    {
        var r = ClassificationMetrics.EvaluateLogits([0.0, -1000.0], 2, [1]);
        Assert.Equal(1000, r.LogLoss.Nats, 1e-12);
        double[] z = [Math.Log(0.35), Math.Log(0.6), Math.Log(0.05), Math.Log(0.1), Math.Log(0.8), Math.Log(0.1)];
        var fromLogits = ClassificationMetrics.EvaluateLogits(z, 3, [0, 1]);
        var fromProbabilities = ClassificationMetrics.Evaluate(TwoRows, 3, [0, 1]);
        Assert.Equal(fromProbabilities.LogLoss.Value, fromLogits.LogLoss.Value, 1e-14);
        Assert.Equal(fromProbabilities.Brier, fromLogits.Brier, 1e-14);
    }

    [Fact]
    public void TheClassificationPriorIsTheEntropyOfTheLabelCounts()
    {
        int[] labels = [0, 2, 2, 1, 2, 0, 2];
        double[] uniform = Enumerable.Repeat(1 / 3.0, labels.Length * 3).ToArray();
        var report = ClassificationMetrics.Evaluate(uniform, 3, labels);
        Assert.Equal(Xent.Measures.Discrete.Entropy([2, 1, 4]).Value, report.PriorLogLoss.Value, 15);
    }

    [Fact]
    public void TheWeightedPriorIsTheEntropyOfTheClassWeights()
    {
        var report = ClassificationMetrics.Evaluate([0.5, 0.5, 0.5, 0.5, 0.5, 0.5], 2, [0, 1, 1], sampleWeights: [3.0, 0.5, 0.5]);
        Assert.Equal(Xent.Measures.Discrete.Entropy([0.75, 0.25]).Value, report.PriorLogLoss.Value, 15);
    }

    [Fact]
    public void RejectsRowsNotSummingToOneAndOutOfRange()
    {
        Assert.Contains("row 1 sums to", Assert.Throws<ArgumentException>(() => ClassificationMetrics.Evaluate([0.5, 0.5, 0.5, 0.6], 2, [0, 1])).Message);
        Assert.Contains("row 0", Assert.Throws<ArgumentException>(() => ClassificationMetrics.Evaluate([1.5, -0.5], 2, [0])).Message);
        Assert.Contains("labels[0] = 2", Assert.Throws<ArgumentException>(() => ClassificationMetrics.Evaluate([0.5, 0.5], 2, [2])).Message);
    }
}
