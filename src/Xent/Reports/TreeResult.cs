using Xent.Learning.Trees;

namespace Xent.Reports;

/// <summary>
/// <c>tree</c>: a decision tree's fit — accuracy and log loss (in the report's unit, bits) on the training rows and, when
/// held out, the test rows; the tree itself from its root; its size and settings.
/// </summary>
public sealed record TreeResult : InformationReport
{
    /// <summary>Accuracy on the training rows.</summary>
    public required double TrainAccuracy { get; init; }

    /// <summary>Mean log loss −log p(true class) on the training rows (+∞ when a row's class has probability 0 at its leaf).</summary>
    public required double TrainLogLoss { get; init; }

    /// <summary>Training rows.</summary>
    public required int TrainRows { get; init; }

    /// <summary>Accuracy on the test rows, when there are some.</summary>
    public double? TestAccuracy { get; init; }

    /// <summary>Mean log loss on the test rows.</summary>
    public double? TestLogLoss { get; init; }

    /// <summary>Test rows.</summary>
    public int? TestRows { get; init; }

    /// <summary>The target column.</summary>
    public required string Target { get; init; }

    /// <summary>Class names, in the order of every node's counts.</summary>
    public required string[] Classes { get; init; }

    /// <summary>Feature names, with " (categorical)" for categorical ones.</summary>
    public required string[] Features { get; init; }

    /// <summary>"gain" or "gain-ratio".</summary>
    public required string Criterion { get; init; }

    /// <summary>Nodes in the tree.</summary>
    public required int Nodes { get; init; }

    /// <summary>Leaves in the tree.</summary>
    public required int Leaves { get; init; }

    /// <summary>The tree's depth (a lone root: 0).</summary>
    public required int Depth { get; init; }

    /// <summary>Wall-clock seconds of the fit.</summary>
    public required double Seconds { get; init; }

    /// <summary>Bad rows skipped.</summary>
    public required int SkippedRows { get; init; }

    /// <summary>Why the first skipped row was bad, when rows were skipped.</summary>
    public string? FirstSkippedReason { get; init; }

    /// <summary>The root node; each node has <c>feature</c>, <c>threshold</c> or <c>categories</c>, <c>entropy_bits</c>, <c>gain_bits</c>, <c>counts</c> and <c>children</c>.</summary>
    public required TreeNode Root { get; init; }
}
