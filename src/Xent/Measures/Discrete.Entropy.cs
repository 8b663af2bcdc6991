using System.Numerics;

namespace Xent.Measures;

public static partial class Discrete
{
    /// <summary>
    /// Shannon entropy H(P) = −Σ p_i log p_i, in the unit of <paramref name="logBase"/> (bits by default).
    /// </summary>
    /// <remarks>0·log 0 = 0. Empty p: 0 under <see cref="Normalization.AsIs"/>, else an error (its sum is 0).
    /// Under <see cref="Normalization.Renormalize"/>, counts are accepted: H = ln S − (1/S)Σ c ln c with S = Σc.
    /// One vectorised pass with compensated sums; on up to <see cref="MeasureOptions.MaxDegreeOfParallelism"/> threads for long inputs.</remarks>
    /// <exception cref="ArgumentException">An entry is NaN, infinite or negative, or the sum breaks the normalization policy.</exception>
    public static Information Entropy(ReadOnlySpan<double> p, LogBase logBase = default, MeasureOptions? options = null) =>
        EntropyCore(p, logBase, options ?? MeasureOptions.Default);

    /// <summary>
    /// Shannon entropy H(P) = −Σ p_i log p_i of single-precision probabilities, accumulated in double precision;
    /// in the unit of <paramref name="logBase"/>. Same conventions as <see cref="Entropy(ReadOnlySpan{double}, LogBase, MeasureOptions?)"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An entry is NaN, infinite or negative, or the sum breaks the normalization policy.</exception>
    public static Information Entropy(ReadOnlySpan<float> p, LogBase logBase = default, MeasureOptions? options = null) =>
        EntropyCore(p, logBase, options ?? MeasureOptions.Default);

    private static Information EntropyCore<T>(ReadOnlySpan<T> p, LogBase logBase, MeasureOptions options) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckOptions(options);
        var sums = Pass(p, default, new EntropyTerm(), options.MaxDegreeOfParallelism);
        if (sums.Invalid) ThrowFirstInvalid(p, nameof(p));
        double logS = LogNormalizer(sums.SumP, options, nameof(p));
        // The pass sums p ln p, so H = −Terms (for counts, ln S − Terms/S).
        double nats = logS == 0 ? -sums.Terms : logS - sums.Terms / sums.SumP;
        return Information.FromNats(Math.Max(nats, 0), logBase);
    }

    /// <summary>
    /// Cross-entropy H(P,Q) = −Σ p_i log q_i: the mean code length, in the unit of <paramref name="logBase"/>, of a
    /// code built for Q and used on outcomes drawn from P.
    /// </summary>
    /// <remarks>Terms with p_i = 0 are 0 whatever q_i. q_i = 0 with p_i &gt; 0 gives +∞ unless
    /// <see cref="MeasureOptions.Clip"/> or <see cref="MeasureOptions.Smoothing"/> is set.</remarks>
    /// <exception cref="ArgumentException">Lengths differ, an entry is NaN, infinite or negative, or a sum breaks the normalization policy.</exception>
    public static Information CrossEntropy(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase logBase = default, MeasureOptions? options = null) =>
        CrossEntropyCore(p, q, logBase, options ?? MeasureOptions.Default);

    /// <summary>
    /// Cross-entropy H(P,Q) = −Σ p_i log q_i of single-precision probabilities, accumulated in double precision; in the unit
    /// of <paramref name="logBase"/>. Same conventions as <see cref="CrossEntropy(ReadOnlySpan{double}, ReadOnlySpan{double}, LogBase, MeasureOptions?)"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, an entry is NaN, infinite or negative, or a sum breaks the normalization policy.</exception>
    public static Information CrossEntropy(ReadOnlySpan<float> p, ReadOnlySpan<float> q, LogBase logBase = default, MeasureOptions? options = null) =>
        CrossEntropyCore(p, q, logBase, options ?? MeasureOptions.Default);

    private static Information CrossEntropyCore<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, LogBase logBase, MeasureOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (sums, pDivisor, logZ) = TakesQAsIs(options)
            ? PairPass(p, q, new CrossEntropyTerm<Unadjusted>(), options)
            : PairPass(p, q, new CrossEntropyTerm<ClipShift>(new(options.Clip, options.Smoothing)), options);
        // The pass sums p ln q′, so H(P,Q) = (Σp·ln Z − Terms) / divisor.
        double nats = (sums.SumP * logZ - sums.Terms) / pDivisor;
        return Information.FromNats(nats, logBase);
    }

    /// <summary>
    /// Kullback–Leibler divergence D(P‖Q) = Σ p_i log(p_i / q_i) = H(P,Q) − H(P) ≥ 0 (Gibbs' inequality):
    /// the extra length, in the unit of <paramref name="logBase"/>, paid for coding P with a code built for Q.
    /// </summary>
    /// <remarks>Each term is computed as p·log(p/q), not p·log p − p·log q, so that nearly equal P and Q keep their digits
    /// (where p/q overflows or underflows, as with subnormal entries, the difference of logs is used).
    /// q_i = 0 with p_i &gt; 0 gives +∞ unless clipping or smoothing is asked for. A result that rounds below 0 is returned as 0.</remarks>
    /// <exception cref="ArgumentException">Lengths differ, an entry is NaN, infinite or negative, or a sum breaks the normalization policy.</exception>
    public static Information KlDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase logBase = default, MeasureOptions? options = null) =>
        KlDivergenceCore(p, q, logBase, options ?? MeasureOptions.Default);

    /// <summary>
    /// Kullback–Leibler divergence D(P‖Q) = Σ p_i log(p_i / q_i) of single-precision probabilities, accumulated in double
    /// precision; in the unit of <paramref name="logBase"/>. Same conventions as
    /// <see cref="KlDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, LogBase, MeasureOptions?)"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, an entry is NaN, infinite or negative, or a sum breaks the normalization policy.</exception>
    public static Information KlDivergence(ReadOnlySpan<float> p, ReadOnlySpan<float> q, LogBase logBase = default, MeasureOptions? options = null) =>
        KlDivergenceCore(p, q, logBase, options ?? MeasureOptions.Default);

    private static Information KlDivergenceCore<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, LogBase logBase, MeasureOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (sums, pDivisor, logZ) = TakesQAsIs(options)
            ? PairPass(p, q, new KlTerm<Unadjusted>(), options)
            : PairPass(p, q, new KlTerm<ClipShift>(new(options.Clip, options.Smoothing)), options);
        double logP = pDivisor == 1 ? 0 : Math.Log(pDivisor);
        double nats = (sums.Terms + sums.SumP * (logZ - logP)) / pDivisor;
        return Information.FromNats(Math.Max(nats, 0), logBase);
    }

    /// <summary>Whether q enters the terms as it is (no clipping, no smoothing), which has its own faster instantiation.</summary>
    private static bool TakesQAsIs(MeasureOptions options) => options.Clip == 0 && options.Smoothing == 0;

    /// <summary>
    /// The pass of a two-distribution measure with its checks, and the normalizers the options imply: the divisor of p
    /// (Σp under <see cref="Normalization.Renormalize"/>, else 1) and ln of the divisor of q′ (smoothing renormalizes q by
    /// construction: q′_i = (q_i + α) / (Σq + nα)).
    /// </summary>
    private static (PassSums Sums, double PDivisor, double LogZ) PairPass<T, TOp>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, TOp op, MeasureOptions options)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, ITermOperator
    {
        CheckSameLength(p, q);
        CheckOptions(options);
        var sums = Pass(p, q, op, options.MaxDegreeOfParallelism);
        CheckEntries(sums, p, q);
        double logP = LogNormalizer(sums.SumP, options, nameof(p));
        double logQ = LogNormalizer(sums.SumQ, options, nameof(q));
        double logZ = options.Smoothing > 0 ? Math.Log(sums.SumQ + p.Length * options.Smoothing) : logQ;
        return (sums, logP == 0 ? 1 : sums.SumP, logZ);
    }

    /// <summary>Perplexity b^H(P) = e^H(P) in nats: the effective number of equally likely outcomes (unitless, base-independent).</summary>
    public static double Perplexity(ReadOnlySpan<double> p, MeasureOptions? options = null) =>
        Math.Exp(Entropy(p, LogBase.Nats, options).Value);

    /// <summary>Surprisal (information content) −log p of an outcome of probability p, in the unit of <paramref name="logBase"/>. p = 0 gives +∞, p = 1 gives 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">p is NaN or outside [0, 1].</exception>
    public static Information Surprisal(double p, LogBase logBase = default)
    {
        if (!(p >= 0 && p <= 1)) ThrowHelper.ThrowArgumentOutOfRange(nameof(p), p, "a probability must be in [0, 1]");
        return Information.FromNats(p == 1 ? 0 : -Math.Log(p), logBase);
    }

    /// <summary>Writes −log p_i for every entry into <paramref name="destination"/>, in the unit of <paramref name="logBase"/>.</summary>
    /// <exception cref="ArgumentException">destination is shorter than p, or an entry is NaN or outside [0, 1].</exception>
    public static void Surprisal(ReadOnlySpan<double> p, Span<double> destination, LogBase logBase = default)
    {
        if (destination.Length < p.Length) ThrowHelper.ThrowArgument(nameof(destination), "destination is shorter than p.");
        for (int i = 0; i < p.Length; i++)
        {
            if (!(p[i] >= 0 && p[i] <= 1)) ThrowHelper.ThrowNotProbability(nameof(p), i, p[i]);
            destination[i] = logBase.FromNats(p[i] == 1 ? 0 : -Math.Log(p[i]));
        }
    }
}
