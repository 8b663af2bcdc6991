namespace Xent;

/// <summary>Constants and checks shared by every measure over probability vectors.</summary>
public static class DistributionCheck
{
    /// <summary>
    /// Under <see cref="Normalization.Require"/>, the largest |Σp − 1| accepted: 1e-6, loose enough for
    /// probabilities printed to six decimals or summed in float, tight enough to catch 0.333 + 0.333 + 0.333.
    /// </summary>
    public const double DefaultTolerance = 1e-6;
}
