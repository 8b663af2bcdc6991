namespace Xent.Measures;

/// <summary>
/// Differential entropies of common continuous densities in closed form, to set beside
/// <see cref="Gaussian.DifferentialEntropy(double, LogBase)"/>: at equal variance the Gaussian has the largest.
/// </summary>
public static class Continuous
{
    /// <summary>h(Uniform(a, a + w)) = ln w nats = log2 w bits (variance w²/12), in the unit of <paramref name="logBase"/> (bits by default); negative for w &lt; 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">width is not finite and positive.</exception>
    /// <param name="width">The width w of the support, in the variable's own units (finite, &gt; 0).</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information UniformEntropy(double width, LogBase logBase = default)
    {
        CheckPositive(width, nameof(width));
        return Information.FromNats(Math.Log(width), logBase);
    }

    /// <summary>h(Laplace(μ, b)) = 1 + ln(2b) nats (variance 2b²), in the unit of <paramref name="logBase"/> (bits by default).</summary>
    /// <exception cref="ArgumentOutOfRangeException">scale is not finite and positive.</exception>
    /// <param name="scale">The scale b of the density (finite, &gt; 0), in the variable's own units.</param>
    /// <param name="logBase">The unit of the result: bits (the default), nats, hartleys or any base &gt; 1.</param>
    public static Information LaplaceEntropy(double scale, LogBase logBase = default)
    {
        CheckPositive(scale, nameof(scale));
        return Information.FromNats(1 + Math.Log(2 * scale), logBase);
    }

    private static void CheckPositive(double value, string name)
    {
        if (!(value > 0) || double.IsPositiveInfinity(value)) ThrowHelper.ThrowArgumentOutOfRange(name, value, "must be finite and positive");
    }
}
