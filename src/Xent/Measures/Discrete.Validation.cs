using System.Numerics;
using Xent.Numerics;

namespace Xent.Measures;

public static partial class Discrete
{
    private static void CheckSameLength<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q)
    {
        if (p.Length != q.Length) ThrowHelper.ThrowLengthMismatch(nameof(p), p.Length, nameof(q), q.Length);
    }

    /// <summary>Cold path: a pass found an invalid entry; find the first and throw naming it.</summary>
    /// <remarks>Returns normally when every entry is valid (a pass can flag a sum of valid entries that overflowed).</remarks>
    internal static void ThrowFirstInvalid<T>(ReadOnlySpan<T> values, string name) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            double value = double.CreateTruncating(values[i]);
            if (!(value >= 0) || double.IsPositiveInfinity(value)) ThrowHelper.ThrowBadEntry(name, i, value);
        }
    }

    private static void CheckEntries<T>(in PassSums sums, ReadOnlySpan<T> p, ReadOnlySpan<T> q) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!sums.Invalid) return;
        ThrowFirstInvalid(p, nameof(p));
        ThrowFirstInvalid(q, nameof(q));
    }

    /// <summary>
    /// Applies the normalization policy to a sum: returns ln of the divisor the measure must account for
    /// (0 when the values are used as they are).
    /// </summary>
    internal static double LogNormalizer(double sum, MeasureOptions options, string name)
    {
        switch (options.Normalization)
        {
            case Normalization.Require:
                if (!(Math.Abs(sum - 1) <= options.Tolerance)) ThrowHelper.ThrowNotNormalized(name, sum, options.Tolerance);
                return 0;
            case Normalization.Renormalize:
                if (!(sum > 0)) ThrowHelper.ThrowZeroSum(name);
                // An overflowed sum, or one so small its reciprocal overflows, would turn every term into NaN.
                if (double.IsInfinity(sum) || double.IsInfinity(1 / sum)) ThrowHelper.ThrowSumOutOfRange(name, sum);
                return Math.Log(sum);
            default:
                return 0;
        }
    }

    private static void CheckOptions(MeasureOptions options)
    {
        if (!(options.Clip >= 0) || options.Clip >= 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(options.Clip), options.Clip, "clip must be in [0, 1)");
        if (!(options.Smoothing >= 0) || double.IsInfinity(options.Smoothing)) ThrowHelper.ThrowArgumentOutOfRange(nameof(options.Smoothing), options.Smoothing, "smoothing must be finite and ≥ 0");
        ParallelChunks.CheckDegree(options.MaxDegreeOfParallelism, nameof(options.MaxDegreeOfParallelism));
        if (!(options.Tolerance >= 0)) ThrowHelper.ThrowArgumentOutOfRange(nameof(options.Tolerance), options.Tolerance, "tolerance must be ≥ 0");
    }
}
