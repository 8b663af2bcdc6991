namespace Xent;

/// <summary>
/// The base of the logarithm a measure is expressed in, and so its unit: base 2 gives bits,
/// base e nats, base 10 hartleys (bans); any other base b &gt; 1 gives "log_b units".
/// </summary>
/// <remarks>
/// Kernels compute in nats and divide by ln b once at the end, so the choice of base costs nothing.
/// <c>default(LogBase)</c> is <see cref="Bits"/>, the unit of the articles' tables.
/// </remarks>
public readonly struct LogBase : IEquatable<LogBase>
{
    // Stored as (b - 2) so that default(LogBase) means base 2.
    private readonly double _offsetFromTwo;

    private LogBase(double b) => _offsetFromTwo = b - 2;

    /// <summary>Base 2: bits (shannons).</summary>
    public static LogBase Bits => default;

    /// <summary>Base e: nats.</summary>
    public static LogBase Nats => new(Math.E);

    /// <summary>Base 10: hartleys (bans, dits).</summary>
    public static LogBase Hartleys => new(10);

    /// <summary>The base b of the logarithm.</summary>
    public double Value => _offsetFromTwo + 2;

    /// <summary>ln b: a figure in nats divided by this is a figure in this base.</summary>
    public double NatsPerUnit => Math.Log(Value);

    /// <summary>The unit's name: "bits", "nats", "hartleys", or "log_b units" for another base.</summary>
    public string Unit => Value switch
    {
        2 => "bits",
        Math.E => "nats",
        10 => "hartleys",
        var b => $"log{b.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} units",
    };

    /// <summary>A base b &gt; 1 (finite).</summary>
    /// <exception cref="ArgumentOutOfRangeException">b is not a finite number greater than 1.</exception>
    /// <param name="b">The base: a finite number greater than 1 (2 for bits, e for nats, 10 for hartleys).</param>
    public static LogBase Of(double b)
    {
        if (!(b > 1) || double.IsInfinity(b))
            ThrowHelper.ThrowArgumentOutOfRange(nameof(b), b, "a logarithm base must be a finite number greater than 1");
        return new LogBase(b);
    }

    /// <summary>
    /// Parses "2", "bits", "e", "nats", "10", "hartleys" or any number greater than 1.
    /// </summary>
    /// <param name="text">The text to parse (case-insensitive names, invariant-culture numbers); null or blank fails.</param>
    /// <param name="logBase">The base parsed, or the default (bits) when parsing fails.</param>
    public static bool TryParse(string? text, out LogBase logBase)
    {
        logBase = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "2" or "bits" or "bit": logBase = Bits; return true;
            case "e" or "nats" or "nat": logBase = Nats; return true;
            case "10" or "hartleys" or "hartley" or "bans": logBase = Hartleys; return true;
        }
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var b)
            && b > 1 && !double.IsInfinity(b))
        {
            logBase = new LogBase(b);
            return true;
        }
        return false;
    }

    /// <summary>Converts a figure in nats to this base.</summary>
    /// <param name="nats">A figure in nats (natural-log units); ±∞ stays ±∞.</param>
    public double FromNats(double nats) => _offsetFromTwo == Math.E - 2 ? nats : nats / NatsPerUnit;

    /// <inheritdoc/>
    public bool Equals(LogBase other) => _offsetFromTwo == other._offsetFromTwo;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is LogBase other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _offsetFromTwo.GetHashCode();

    /// <summary>Equality of bases.</summary>
    /// <param name="left">The first base.</param>
    /// <param name="right">The second base.</param>
    public static bool operator ==(LogBase left, LogBase right) => left.Equals(right);

    /// <summary>Inequality of bases.</summary>
    /// <param name="left">The first base.</param>
    /// <param name="right">The second base.</param>
    public static bool operator !=(LogBase left, LogBase right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => Unit;
}
