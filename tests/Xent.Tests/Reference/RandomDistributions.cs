namespace Xent.Tests.Reference;

/// <summary>Seeded random probability vectors for the kernel tests.</summary>
internal static class RandomDistributions
{
    /// <summary>n entries in [0, 1), about <paramref name="zeroFraction"/> of them exactly 0, divided by their sum (when it is positive).</summary>
    public static double[] Create(Random random, int n, double zeroFraction = 0.1)
    {
        var values = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) sum += values[i] = random.NextDouble() < zeroFraction ? 0 : random.NextDouble();
        if (sum > 0) for (int i = 0; i < n; i++) values[i] /= sum;
        return values;
    }

    /// <summary>Strictly positive entries, so every divergence against it is finite.</summary>
    public static double[] Positive(Random random, int n)
    {
        var values = Create(random, n, zeroFraction: 0);
        for (int i = 0; i < n; i++) values[i] = Math.Max(values[i], 1e-300);
        return values;
    }
}
