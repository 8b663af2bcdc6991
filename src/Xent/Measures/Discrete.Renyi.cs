using Xent.Numerics;

namespace Xent.Measures;

public static partial class Discrete
{
    /// <summary>
    /// Rényi entropy of order α, H_α(P) = log(Σ p_i^α) / (1 − α), in the unit of <paramref name="logBase"/>.
    /// α = 0 is the Hartley entropy log |{i : p_i &gt; 0}|, α = 1 the Shannon entropy (the limit),
    /// α = +∞ the min-entropy −log max p_i. H_α is non-increasing in α.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">α is negative or NaN.</exception>
    /// <exception cref="ArgumentException">An entry is NaN, infinite or negative, or the sum breaks the normalization policy.</exception>
    public static Information RenyiEntropy(ReadOnlySpan<double> p, double alpha, LogBase logBase = default, MeasureOptions? options = null)
    {
        if (!(alpha >= 0)) ThrowHelper.ThrowArgumentOutOfRange(nameof(alpha), alpha, "the order α must be ≥ 0");
        if (alpha == 1) return Entropy(p, logBase, options);
        options ??= MeasureOptions.Default;
        CheckOptions(options);

        var sums = Pass(p, default, new EntropyTerm(), options.MaxDegreeOfParallelism);
        if (sums.Invalid) ThrowFirstInvalid(p, nameof(p));
        double logS = LogNormalizer(sums.SumP, options, nameof(p));

        double nats;
        if (alpha == 0)
        {
            int support = 0;
            foreach (double pi in p) if (pi > 0) support++;
            nats = support == 0 ? 0 : Math.Log(support);
        }
        else if (double.IsPositiveInfinity(alpha))
        {
            double max = 0;
            foreach (double pi in p) max = Math.Max(max, pi);
            nats = max == 0 ? 0 : -(Math.Log(max) - logS);
        }
        else
        {
            // Σ (p_i/S)^α = Σ p_i^α / S^α; factor out the largest entry so that large α does not underflow.
            double max = 0;
            foreach (double pi in p) max = Math.Max(max, pi);
            if (max == 0) return Information.FromNats(0, logBase);
            CompensatedSum power = default;
            foreach (double pi in p) if (pi > 0) power.Add(Math.Pow(pi / max, alpha));
            nats = (Math.Log(power.Value) + alpha * (Math.Log(max) - logS)) / (1 - alpha);
        }
        return Information.FromNats(Math.Max(nats, 0), logBase);
    }
}
