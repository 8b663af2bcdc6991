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
        // Mantissas are added per binade in 64-bit integers (1024 of them, < 2^53 each, cannot overflow), and each
        // binade is moved into the BigInteger before it could: exact, and much faster than a BigInteger add per value.
        var binades = new long[2048];
        var counts = new int[2048];
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
            binades[exponent] += x < 0 ? -mantissa : mantissa; // x = mantissa · 2^(exponent − 1075)
            if (++counts[exponent] == 1024) Flush(exponent);
        }
        for (int exponent = 0; exponent < binades.Length; exponent++) Flush(exponent);
        if (positiveInfinity && negativeInfinity) return double.NaN;
        if (positiveInfinity) return double.PositiveInfinity;
        if (negativeInfinity) return double.NegativeInfinity;
        return ToDouble(total);

        // total counts units of 2^-1074.
        void Flush(int exponent)
        {
            if (binades[exponent] != 0) total += (BigInteger)binades[exponent] << (exponent - 1);
            binades[exponent] = 0;
            counts[exponent] = 0;
        }
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
