namespace Xent.Reports;

/// <summary>
/// <c>rank-features</c>: each feature's mutual information with the target in bits, with a bootstrap interval and a
/// permutation p-value, in rank (or greedy selection) order.
/// </summary>
public sealed record RankFeaturesResult : InformationReport
{
    /// <summary>The target column.</summary>
    public required string Target { get; init; }

    /// <summary>Rows used.</summary>
    public required int Rows { get; init; }

    /// <summary>"plugin", "miller-madow" or "ksg".</summary>
    public required string Method { get; init; }

    /// <summary>"mi", "mrmr" or "jmi".</summary>
    public required string Strategy { get; init; }

    /// <summary>Quantile bins of numeric columns in the discrete estimators and in mRMR/JMI.</summary>
    public required int Bins { get; init; }

    /// <summary>k of the nearest-neighbour estimator.</summary>
    public required int Neighbors { get; init; }

    /// <summary>Permutations behind each p-value (0: none).</summary>
    public required int Permutations { get; init; }

    /// <summary>Bootstrap resamples behind each interval (0: none).</summary>
    public required int Bootstrap { get; init; }

    /// <summary>The intervals' confidence level.</summary>
    public required double Confidence { get; init; }

    /// <summary>The seed of permutations, resamples and noise.</summary>
    public required int Seed { get; init; }

    /// <summary>Bad rows skipped.</summary>
    public required int SkippedRows { get; init; }

    /// <summary>The features, in rank order (greedy selection order for mRMR and JMI).</summary>
    public required RankedFeature[] Features { get; init; }
}

/// <summary>One row of <see cref="RankFeaturesResult"/>.</summary>
public sealed record RankedFeature
{
    /// <summary>The feature's column name.</summary>
    public required string Name { get; init; }

    /// <summary>"numeric", "categorical", or "boolean" (a categorical column whose values are all true/false, read as two categories).</summary>
    public required string Kind { get; init; }

    /// <summary>The estimate of I(feature; target) in bits.</summary>
    public required double MiBits { get; init; }

    /// <summary>The lower end of the bootstrap interval, in bits.</summary>
    public double? CiLow { get; init; }

    /// <summary>The upper end of the bootstrap interval, in bits.</summary>
    public double? CiHigh { get; init; }

    /// <summary>The permutation p-value of the estimate.</summary>
    public double? PValue { get; init; }

    /// <summary>For mRMR and JMI, the greedy score (bits) with which the feature was chosen.</summary>
    public double? SelectionScoreBits { get; init; }
}
