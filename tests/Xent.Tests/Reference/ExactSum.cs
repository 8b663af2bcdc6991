using System.Numerics;

namespace Xent.Tests.Reference;

/// <summary>
/// The exact sum of doubles, rounded once to the nearest double: every double is an integer multiple of 2^-1074,
/// so the sum is accumulated as a BigInteger count of 2^-1074. The high-precision reference for the kernels' sums.
/// </summary>
internal static class ExactSum
{
    public static double Of(IEnumerable<double> values)
    {
        BigInteger total = BigInteger.Zero;
        bool positiveInfinity = false, negativeInfinity = false;
        foreach (double x in values)
        {
            if (double.IsNaN(x)) return double.NaN;
            if (double.IsPositiveInfinity(x)) { positiveInfinity = true; continue; }
            if (double.IsNegativeInfinity(x)) { negativeInfinity = true; continue; }
            long bits = BitConverter.DoubleToInt64Bits(x);
            int exponent = (int)((bits >> 52) & 0x7FF);
            long mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
            if (exponent == 0) exponent = 1; else mantissa |= 1L << 52;
            var units = (BigInteger)mantissa << (exponent - 1); // x = mantissa · 2^(exponent − 1075) = units · 2^-1074
            total += x < 0 ? -units : units;
        }
        if (positiveInfinity && negativeInfinity) return double.NaN;
        if (positiveInfinity) return double.PositiveInfinity;
        if (negativeInfinity) return double.NegativeInfinity;
        return ToDouble(total);
    }

    private static double ToDouble(BigInteger units)
    {
        if (units.IsZero) return 0;
        int sign = units.Sign;
        units = BigInteger.Abs(units);
        long length = (long)units.GetBitLength();
        if (length <= 64) return sign * Math.ScaleB((double)(ulong)units, -1074);
        int shift = (int)(length - 64);
        ulong top = (ulong)(units >> shift);
        // The 11 bits below double precision decide the rounding; fold everything shifted out into the lowest (sticky) bit.
        if (!(units & ((BigInteger.One << shift) - 1)).IsZero) top |= 1;
        return sign * Math.ScaleB((double)top, shift - 1074);
    }
}
