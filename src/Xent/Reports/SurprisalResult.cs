namespace Xent.Reports;

/// <summary><c>surprisal</c>: −log p of each probability given, in order (always arrays, even for one probability).</summary>
public sealed record SurprisalResult : InformationReport
{
    /// <summary>The probabilities p.</summary>
    public required double[] Probabilities { get; init; }

    /// <summary>−log p of each; +∞ for p = 0.</summary>
    public required double[] Surprisal { get; init; }
}
