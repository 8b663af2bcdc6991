namespace Xent.Measures;

public static partial class Discrete
{
    private static void CheckSameLength(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        if (p.Length != q.Length) ThrowHelper.ThrowLengthMismatch(nameof(p), p.Length, nameof(q), q.Length);
    }

    /// <summary>Cold path: a pass found an invalid entry; find the first and throw naming it.</summary>
    internal static void ThrowFirstInvalid(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
            if (!(values[i] >= 0) || double.IsPositiveInfinity(values[i])) ThrowHelper.ThrowBadEntry(name, i, values[i]);
    }

    private static void CheckEntries(in PassSums sums, ReadOnlySpan<double> p, ReadOnlySpan<double> q)
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
                return Math.Log(sum);
            default:
                return 0;
        }
    }

    private static void CheckOptions(MeasureOptions options)
    {
        if (!(options.Clip >= 0) || options.Clip >= 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(options.Clip), options.Clip, "clip must be in [0, 1)");
        if (!(options.Smoothing >= 0) || double.IsInfinity(options.Smoothing)) ThrowHelper.ThrowArgumentOutOfRange(nameof(options.Smoothing), options.Smoothing, "smoothing must be finite and ≥ 0");
        if (!(options.Tolerance >= 0)) ThrowHelper.ThrowArgumentOutOfRange(nameof(options.Tolerance), options.Tolerance, "tolerance must be ≥ 0");
    }
}
