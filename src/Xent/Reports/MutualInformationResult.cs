using System.Text.Json.Serialization;
using Xent.Measures;

namespace Xent.Reports;

/// <summary>
/// <c>mi</c>: the mutual information I(X;Y) of two categorical columns with the entropies it is made of, or, with a third
/// column Z given, also the conditional I(X;Y|Z) (<see cref="ConditionalMutualInformation"/>): a key never changes
/// meaning, so <see cref="MutualInformation"/> is I(X;Y) in both cases.
/// </summary>
public sealed record MutualInformationResult : InformationReport
{
    /// <summary>I(X;Y) ≥ 0, whether or not a Z is given.</summary>
    public required double MutualInformation { get; init; }

    /// <summary>H(X).</summary>
    [JsonPropertyName("h_x")]
    public required double HX { get; init; }

    /// <summary>H(Y).</summary>
    [JsonPropertyName("h_y")]
    public required double HY { get; init; }

    /// <summary>H(X,Y).</summary>
    [JsonPropertyName("h_xy")]
    public required double HXy { get; init; }

    /// <summary>Normalized mutual information I(X;Y) / ((H(X) + H(Y))/2), in [0, 1].</summary>
    public required double Nmi { get; init; }

    /// <summary>Rows counted.</summary>
    public required long N { get; init; }

    /// <summary>Column X's name.</summary>
    public required string X { get; init; }

    /// <summary>Column Y's name.</summary>
    public required string Y { get; init; }

    /// <summary>Distinct values of X.</summary>
    public required int XCategories { get; init; }

    /// <summary>Distinct values of Y.</summary>
    public required int YCategories { get; init; }

    /// <summary>Column Z's name, for the conditional mutual information.</summary>
    public string? Given { get; init; }

    /// <summary>I(X;Y|Z) ≥ 0, when <see cref="Given"/> is set.</summary>
    public double? ConditionalMutualInformation { get; init; }

    /// <summary>The table's columns as counted (a table's column only): each with its inferred type, missing values and categories or bins.</summary>
    public IReadOnlyList<CountedColumnReport>? Columns { get; init; }

    /// <summary>The result for the entropies of the X×Y table and, optionally, I(X;Y|Z) for column <paramref name="given"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="conditional"/> is in another unit than <paramref name="entropies"/>, or only one of it and <paramref name="given"/> is set.</exception>
    /// <param name="entropies">H(X), H(Y), H(X,Y) and I(X;Y) of the table, all in one unit, which the report states.</param>
    /// <param name="n">Rows counted into the table (≥ 0).</param>
    /// <param name="x">Column X's name.</param>
    /// <param name="y">Column Y's name.</param>
    /// <param name="xCategories">Distinct values of X (the table's rows).</param>
    /// <param name="yCategories">Distinct values of Y (the table's columns).</param>
    /// <param name="given">Column Z's name when I(X;Y|Z) is reported; null otherwise (then conditional must be null too).</param>
    /// <param name="conditional">I(X;Y|Z) in the unit of the entropies, or null when there is no given column.</param>
    public static MutualInformationResult From(JointEntropies entropies, long n, string x, string y, int xCategories, int yCategories,
        string? given = null, Information? conditional = null)
    {
        if ((given is null) != (conditional is null))
            ThrowHelper.ThrowArgument(nameof(conditional), "the conditional mutual information and the name of the given column go together.");
        var b = entropies.MutualInformation.Base;
        var result = new MutualInformationResult
        {
            Base = b.Value,
            MutualInformation = entropies.MutualInformation.Value,
            HX = entropies.RowEntropy.Value, HY = entropies.ColumnEntropy.Value, HXy = entropies.JointEntropy.Value,
            Nmi = entropies.Normalized(), N = n, X = x, Y = y, XCategories = xCategories, YCategories = yCategories,
        };
        if (conditional is not { } c) return result;
        return result with { ConditionalMutualInformation = result.InUnit(c, nameof(conditional)), Given = given };
    }
}
