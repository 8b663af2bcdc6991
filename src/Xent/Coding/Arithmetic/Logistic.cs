using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Xent.Coding;

/// <summary>
/// The logistic function and its inverse in the fixed-point units every bit model and mixer here uses: a probability is
/// 12 bits (p / 4096), a "stretched" probability ln(p / (1 − p)) is scaled by 256 and clamped to −2047 … 2047.
/// </summary>
/// <remarks>Integer only, so encoder and decoder compute bit-identical predictions on every machine (no floating point in
/// the model): <see cref="Squash"/> interpolates linearly between 33 knots of 4096/(1 + e^−x) at x = −8, −7.5, …, 8 (one knot
/// every 128 units of d), as lpaq1 does, and <see cref="Stretch"/> is its inverse by table.</remarks>
internal static class Logistic
{
    // 4096 / (1 + e^−(i − 16)/2), i = 0 … 32, rounded: the knots of Squash (d / 256 is the logit; knots every 128 units).
    private static ReadOnlySpan<short> Knots =>
    [
        1, 2, 3, 6, 10, 16, 27, 45, 73, 120, 194, 310, 488, 747, 1101, 1546, 2047, 2549, 2994, 3348, 3607, 3785, 3901, 3975,
        4024, 4050, 4068, 4079, 4085, 4089, 4092, 4093, 4094,
    ];

    private static readonly short[] StretchTable = BuildStretch();

    /// <summary>Costs in bits, −log2(p / 4096), for p = 0 … 4096 (index 0 is +∞, never used by a coder).</summary>
    internal static readonly double[] Cost = BuildCost();

    // Squash(d) for d = −2048 … 2048 (index d + 2048): the interpolation below, tabulated once, since the CM models call it
    // five times a bit.
    private static readonly short[] SquashTable = BuildSquash();

    /// <summary>4096 / (1 + e^(−d/256)) in 0 … 4095, for any d (clamped at ±2047).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Squash(int d) =>
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(SquashTable), Math.Clamp(d, -2048, 2048) + 2048);

    private static int Interpolate(int d)
    {
        if (d > 2047) return 4095;
        if (d < -2047) return 0;
        int w = d & 127;
        int i = (d >> 7) + 16;
        return (Knots[i] * (128 - w) + Knots[i + 1] * w + 64) >> 7;
    }

    private static short[] BuildSquash()
    {
        var table = new short[4097];
        for (int d = -2048; d <= 2048; d++) table[d + 2048] = (short)Interpolate(d);
        return table;
    }

    /// <summary>The inverse of <see cref="Squash"/>: ln(p / (1 − p)) · 256 for a 12-bit p, in −2047 … 2047.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Stretch(int p) => StretchTable[p];

    private static short[] BuildStretch()
    {
        var table = new short[4096];
        int pi = 0;
        for (int x = -2047; x <= 2047; x++)
        {
            int v = Interpolate(x);
            for (int i = pi; i <= v; i++) table[i] = (short)x;
            pi = v + 1;
        }
        for (int i = pi; i < 4096; i++) table[i] = 2047;
        return table;
    }

    private static double[] BuildCost()
    {
        var cost = new double[4097];
        for (int p = 0; p <= 4096; p++) cost[p] = 12 - Math.Log2(p);
        return cost;
    }
}
