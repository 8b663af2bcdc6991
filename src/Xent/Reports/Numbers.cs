using System.Globalization;

namespace Xent.Reports;

/// <summary>
/// The one number formatting of every text rendering (the CLI's tables, the tour, the web page): invariant culture,
/// +∞ written as "∞" (an infinite cross-entropy is a result, not an error). NaN never reaches here.
/// </summary>
public static class Numbers
{
    /// <summary>Up to six decimals, trailing zeros dropped: 1.360964, 0.5, 12.</summary>
    /// <param name="value">The number to format; +∞ prints as "∞".</param>
    public static string Short(double value) =>
        double.IsPositiveInfinity(value) ? "∞" : value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>Exactly <paramref name="decimals"/> decimals: 1.36.</summary>
    /// <param name="decimals">Digits after the decimal point (0 to 15 for a meaningful result; the .NET "F" format accepts up to 999).</param>
    /// <param name="value">The number to format; +∞ prints as "∞".</param>
    public static string Fixed(double value, int decimals) =>
        double.IsPositiveInfinity(value) ? "∞" : value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    /// <summary>
    /// Exactly <paramref name="decimals"/> decimals, except a nonzero value that would print as 0 (|x| below half the last
    /// decimal): three significant digits in scientific notation instead, so 6.12e-17 bits is not shown as 0.000000.
    /// </summary>
    /// <param name="value">The number to format; +∞ prints as "∞", 0 as a fixed zero.</param>
    /// <param name="decimals">Digits after the decimal point; a nonzero value below half a unit of the last one switches to scientific notation.</param>
    public static string FixedOrTiny(double value, int decimals) =>
        value != 0 && double.IsFinite(value) && Math.Abs(value) < 0.5 * Math.Pow(10, -decimals) ? Scientific(value) : Fixed(value, decimals);

    /// <summary>Three significant digits in scientific notation: 1.23e-05.</summary>
    /// <param name="value">The number to format, of any magnitude.</param>
    public static string Scientific(double value) => value.ToString("0.00e+00", CultureInfo.InvariantCulture);

    /// <summary>Exactly <paramref name="decimals"/> decimals with an explicit sign for values ≥ 0: +0.25.</summary>
    /// <param name="value">The number to format; a "+" is written for values ≥ 0.</param>
    /// <param name="decimals">Digits after the decimal point.</param>
    public static string Signed(double value, int decimals) =>
        (value >= 0 ? "+" : "") + value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
