using System.Globalization;

namespace Xent;

/// <summary>
/// An amount of information (entropy, cross-entropy, divergence, surprisal) with its unit:
/// <see cref="Value"/> is expressed in <see cref="Base"/>. May be +∞ (a divergence with q = 0 where p &gt; 0); never NaN.
/// </summary>
/// <param name="Value">The figure, in the unit of <paramref name="Base"/>.</param>
/// <param name="Base">The logarithm base, hence the unit (bits, nats, hartleys, …).</param>
public readonly record struct Information(double Value, LogBase Base)
{
    /// <summary>The unit's name ("bits", "nats", …).</summary>
    public string Unit => Base.Unit;

    /// <summary>The same amount in nats.</summary>
    public double Nats => Base == LogBase.Nats ? Value : Value * Base.NatsPerUnit;

    /// <summary>The same amount in bits.</summary>
    public double Bits => Base == LogBase.Bits ? Value : Nats / Math.Log(2);

    /// <summary>The same amount in another base.</summary>
    public Information In(LogBase other) => other == Base ? this : new(other.FromNats(Nats), other);

    /// <summary>Builds a figure from nats.</summary>
    public static Information FromNats(double nats, LogBase logBase) => new(logBase.FromNats(nats), logBase);

    /// <summary>The value, with its unit: "1.360964 bits".</summary>
    public override string ToString() => ToString("0.######");

    /// <summary>The value formatted with <paramref name="format"/>, then its unit.</summary>
    public string ToString(string format) =>
        (double.IsPositiveInfinity(Value) ? "∞" : Value.ToString(format, CultureInfo.InvariantCulture)) + " " + Unit;
}
