using System.Globalization;

namespace Xent.Reports.Tour;

/// <summary>Invariant number formatting for the tour's tables.</summary>
internal static class Format
{
    public static string Fixed(double value, int decimals) =>
        double.IsPositiveInfinity(value) ? "∞" : value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    public static string Scientific(double value) => value.ToString("0.00e+00", CultureInfo.InvariantCulture);

    public static string Signed(double value, int decimals) =>
        (value >= 0 ? "+" : "") + value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
