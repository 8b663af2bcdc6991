using System.Globalization;
using System.Numerics;

namespace Xent;

/// <summary>
/// An amount of information (entropy, cross-entropy, divergence, surprisal) with its unit:
/// <see cref="Value"/> is expressed in <see cref="Base"/>. May be +∞ (a divergence with q = 0 where p &gt; 0); never NaN.
/// </summary>
/// <remarks>
/// <para>
/// Arithmetic and ordering work across units: <c>a + b</c> and <c>a − b</c> convert <c>b</c> to <c>a</c>'s unit
/// (the result is in the left operand's unit), and <see cref="CompareTo(Information)"/> and the operators
/// <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c> compare the amounts, so 1 bit &lt; 1 nat.
/// Equality (<c>==</c>, <see cref="Equals(Information)"/>) stays member-wise, as for any record:
/// 1 bit and ln 2 nats are the same amount (<c>CompareTo</c> gives 0 up to rounding) but not equal records.
/// </para>
/// <para>
/// Formatting (<see cref="IFormattable"/>, <see cref="ISpanFormattable"/>) formats <see cref="Value"/> with the
/// format string given (default <c>0.######</c>) followed by a space and the unit; +∞ is written "∞" and −∞ "-∞".
/// A null format provider means the invariant culture, the library's convention for every figure it prints.
/// </para>
/// </remarks>
/// <param name="Value">The figure, in the unit of <paramref name="Base"/>.</param>
/// <param name="Base">The logarithm base, hence the unit (bits, nats, hartleys, …).</param>
public readonly record struct Information(double Value, LogBase Base)
    : IFormattable, ISpanFormattable, IComparable<Information>, IComparable,
      IComparisonOperators<Information, Information, bool>,
      IAdditionOperators<Information, Information, Information>,
      ISubtractionOperators<Information, Information, Information>
{
    private const string DefaultFormat = "0.######";

    /// <summary>The unit's name ("bits", "nats", …).</summary>
    public string Unit => Base.Unit;

    /// <summary>The same amount in nats.</summary>
    public double Nats => Base == LogBase.Nats ? Value : Value * Base.NatsPerUnit;

    /// <summary>The same amount in bits.</summary>
    public double Bits => Base == LogBase.Bits ? Value : Nats / Math.Log(2);

    /// <summary>The same amount in another base.</summary>
    /// <param name="other">The base (unit) to express the amount in; returns this value unchanged when it is already <see cref="Base"/>.</param>
    public Information In(LogBase other) => other == Base ? this : new(other.FromNats(Nats), other);

    /// <summary>Builds a figure from nats.</summary>
    /// <param name="nats">The amount in nats (may be ±∞).</param>
    /// <param name="logBase">The base (unit) the result is expressed in.</param>
    public static Information FromNats(double nats, LogBase logBase) => new(logBase.FromNats(nats), logBase);

    /// <summary>The sum of two amounts, in the unit of <paramref name="left"/>.</summary>
    /// <param name="left">The first amount; its unit is the result's unit.</param>
    /// <param name="right">The second amount, converted to <paramref name="left"/>'s unit before adding.</param>
    /// <exception cref="ArithmeticException">The sum is undefined: +∞ + (−∞).</exception>
    public static Information operator +(Information left, Information right)
    {
        var sum = left.Value + right.In(left.Base).Value;
        if (double.IsNaN(sum))
            ThrowHelper.ThrowUndefinedInformation(left.ToString(), "+", right.ToString());
        return new(sum, left.Base);
    }

    /// <summary>The difference of two amounts, in the unit of <paramref name="left"/>.</summary>
    /// <param name="left">The amount subtracted from; its unit is the result's unit.</param>
    /// <param name="right">The amount subtracted, converted to <paramref name="left"/>'s unit first.</param>
    /// <exception cref="ArithmeticException">The difference is undefined: ∞ − ∞ (an infinite cross-entropy minus an infinite one, say).</exception>
    public static Information operator -(Information left, Information right)
    {
        var difference = left.Value - right.In(left.Base).Value;
        if (double.IsNaN(difference))
            ThrowHelper.ThrowUndefinedInformation(left.ToString(), "−", right.ToString());
        return new(difference, left.Base);
    }

    /// <summary>
    /// Compares the amounts, whatever their units: the values directly when the bases are equal, otherwise in nats.
    /// A NaN value (which no library measure produces) orders before every number, as <see cref="double.CompareTo(double)"/> does.
    /// </summary>
    /// <param name="other">The amount to compare with.</param>
    /// <returns>Negative when this amount is smaller, 0 when equal, positive when larger.</returns>
    public int CompareTo(Information other) =>
        Base == other.Base ? Value.CompareTo(other.Value) : Nats.CompareTo(other.Nats);

    /// <inheritdoc cref="CompareTo(Information)"/>
    /// <param name="obj">An <see cref="Information"/>, or null (which every amount follows).</param>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not an <see cref="Information"/>.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Information other => CompareTo(other),
        _ => throw new ArgumentException($"obj is a {obj.GetType().Name}, not an Information.", nameof(obj)),
    };

    /// <summary>True when <paramref name="left"/> is a smaller amount than <paramref name="right"/> (units converted).</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    public static bool operator <(Information left, Information right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> is at most <paramref name="right"/> (units converted).</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    public static bool operator <=(Information left, Information right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> is a larger amount than <paramref name="right"/> (units converted).</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    public static bool operator >(Information left, Information right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> is at least <paramref name="right"/> (units converted).</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    public static bool operator >=(Information left, Information right) => left.CompareTo(right) >= 0;

    /// <summary>The value, with its unit: "1.360964 bits".</summary>
    public override string ToString() => ToString(DefaultFormat, CultureInfo.InvariantCulture);

    /// <summary>The value formatted with <paramref name="format"/> in the invariant culture, then its unit.</summary>
    /// <param name="format">A standard or custom numeric format string for <see cref="Value"/> ("F3", "0.00e+00"); null or empty means <c>0.######</c>.</param>
    public string ToString(string? format) => ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The value formatted with <paramref name="format"/> and <paramref name="formatProvider"/>, then a space and the unit.</summary>
    /// <param name="format">A standard or custom numeric format string for <see cref="Value"/>; null or empty means <c>0.######</c>.</param>
    /// <param name="formatProvider">The culture for the number; null means the invariant culture (not the current one).</param>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        FormatValue(format, formatProvider) + " " + Unit;

    /// <summary>Formats like <see cref="ToString(string?, IFormatProvider?)"/> into <paramref name="destination"/> without allocating for the number.</summary>
    /// <param name="destination">Where the characters go.</param>
    /// <param name="charsWritten">How many characters were written; 0 when <paramref name="destination"/> is too short.</param>
    /// <param name="format">A numeric format for <see cref="Value"/>; empty means <c>0.######</c>.</param>
    /// <param name="provider">The culture for the number; null means the invariant culture.</param>
    /// <returns>False when <paramref name="destination"/> is too short (nothing meaningful is written then).</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        int n;
        if (double.IsInfinity(Value))
        {
            var text = double.IsPositiveInfinity(Value) ? "∞" : "-∞";
            if (!text.TryCopyTo(destination)) return false;
            n = text.Length;
        }
        else if (!Value.TryFormat(destination, out n, format.IsEmpty ? DefaultFormat : format, provider ?? CultureInfo.InvariantCulture))
        {
            return false;
        }
        var unit = Unit;
        if (destination.Length < n + 1 + unit.Length) return false;
        destination[n] = ' ';
        unit.CopyTo(destination[(n + 1)..]);
        charsWritten = n + 1 + unit.Length;
        return true;
    }

    private string FormatValue(string? format, IFormatProvider? provider) =>
        double.IsPositiveInfinity(Value) ? "∞"
        : double.IsNegativeInfinity(Value) ? "-∞"
        : Value.ToString(string.IsNullOrEmpty(format) ? DefaultFormat : format, provider ?? CultureInfo.InvariantCulture);
}
