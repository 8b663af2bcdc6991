using System.Text.Json.Serialization;

namespace Xent.Reports;

/// <summary>
/// A result whose information figures are all in one unit. The figures are plain numbers; <c>base</c> and <c>unit</c> are
/// written once beside them, the same way in every result, so a reader of the JSON knows every figure's unit.
/// </summary>
public abstract record InformationReport
{
    /// <summary>The logarithm base b &gt; 1 of every information figure of the report.</summary>
    [JsonPropertyName("base"), JsonPropertyOrder(100)]
    public required double Base { get; init; }

    /// <summary>The unit of the figures ("bits", "nats", "hartleys", "log_b units").</summary>
    [JsonPropertyOrder(101)]
    public string Unit => LogBase.Unit;

    /// <summary>The base as a <see cref="Xent.LogBase"/>.</summary>
    [JsonIgnore]
    public LogBase LogBase => LogBase.Of(Base);

    /// <summary>A figure of this report with its unit.</summary>
    /// <param name="value">A figure of the report, in the report's unit (its Base).</param>
    public Information Figure(double value) => new(value, LogBase);

    /// <summary>Checks that a library figure is in this report's unit, and returns its value.</summary>
    /// <exception cref="ArgumentException"><paramref name="figure"/> is in another unit.</exception>
    /// <param name="figure">A figure computed by the library, which must be in the report's base.</param>
    /// <param name="name">The name of the figure, used in the exception's message and as its parameter name.</param>
    protected double InUnit(Information figure, string name)
    {
        if (figure.Base != LogBase) ThrowHelper.ThrowArgument(name, $"{name} is in {figure.Unit} but the report is in {Unit}.");
        return figure.Value;
    }
}
