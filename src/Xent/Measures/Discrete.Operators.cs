using System.Runtime.CompilerServices;
using Xent.Numerics;

namespace Xent.Measures;

public static partial class Discrete
{
    /// <summary>
    /// One term f(p_i, q_i) of a measure Σ f(p_i, q_i) in nats, in a scalar and a vector form that the pass driver
    /// (<see cref="Accumulate{TOp, TVec, TSimd}"/>) calls. Both forms must give 0 where p = 0 (0·log 0 = 0), which in
    /// vector code means selecting 0 explicitly: 0·(−∞) is NaN. The scalar form is the definition; the vector form may
    /// give a non-finite term on rare inputs where the scalar one takes care (e.g. a ratio that overflows), since the
    /// driver redoes any block whose vector terms are not all finite with the scalar form.
    /// </summary>
    internal interface ITermOperator
    {
        /// <summary>Whether the term reads q (entropy does not, and the driver then never loads it).</summary>
        static abstract bool UsesQ { get; }

        /// <summary>
        /// Whether terms of both signs may cancel to a total far below their magnitudes (KL of nearly equal P and Q), so that
        /// the driver must add every vector of terms with its rounding error kept, not only every block's sum.
        /// </summary>
        static virtual bool TermsCancel => false;

        double Invoke(double p, double q);

        TVec Invoke<TVec, TSimd>(TVec p, TVec q) where TVec : struct where TSimd : ISimd<TVec, double>;
    }

    /// <summary>
    /// The term where p &gt; 0, else 0 (0·log 0 = 0). The comparison is made after the term is computed, so that its mask is
    /// used at once: the JIT then zeroes with a masked move, where a mask made before the log was kept as a vector
    /// (vpmovm2q + vpternlogq).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec ZeroWhereNotPositive<TVec, TSimd>(TVec p, TVec term) where TVec : struct where TSimd : ISimd<TVec, double> =>
        TSimd.Select(TSimd.GreaterThan(p, TSimd.Zero), term, TSimd.Zero);

    /// <summary>p ln p: the entropy term with its sign left to the caller, which saves a negation per vector.</summary>
    internal readonly struct EntropyTerm : ITermOperator
    {
        public static bool UsesQ => false;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Invoke(double p, double q) => p > 0 ? p * Math.Log(p) : 0;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVec Invoke<TVec, TSimd>(TVec p, TVec q) where TVec : struct where TSimd : ISimd<TVec, double> =>
            ZeroWhereNotPositive<TVec, TSimd>(p, TSimd.Multiply(p, TSimd.Log(p)));
    }

    /// <summary>
    /// p ln q′, q′ the adjusted q: the cross-entropy term with its sign left to the caller, which saves a negation per vector.
    /// </summary>
    internal readonly struct CrossEntropyTerm<TAdjust>(TAdjust adjust) : ITermOperator where TAdjust : struct, IQAdjustment
    {
        public static bool UsesQ => true;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Invoke(double p, double q) => p > 0 ? p * Math.Log(adjust.Apply(q)) : 0;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVec Invoke<TVec, TSimd>(TVec p, TVec q) where TVec : struct where TSimd : ISimd<TVec, double> =>
            ZeroWhereNotPositive<TVec, TSimd>(p, TSimd.Multiply(p, TSimd.Log(adjust.Apply<TVec, TSimd>(q))));
    }

    /// <summary>
    /// How q enters a term: q′ = max(q, clip) + shift (shift = additive smoothing α, its normalization applied afterwards).
    /// A type rather than a test of the options in the loop, so that the default (neither) compiles to nothing at all.
    /// </summary>
    internal interface IQAdjustment
    {
        double Apply(double q);

        TVec Apply<TVec, TSimd>(TVec q) where TVec : struct where TSimd : ISimd<TVec, double>;
    }

    /// <summary>q′ = q: neither clipping nor smoothing.</summary>
    internal readonly struct Unadjusted : IQAdjustment
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Apply(double q) => q;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVec Apply<TVec, TSimd>(TVec q) where TVec : struct where TSimd : ISimd<TVec, double> => q;
    }

    /// <summary>
    /// q′ = max(q, clip)·scale + shift. The scale is 1 unless the smoothing α exceeds 1 (see <see cref="SmoothingScale"/>);
    /// then every q′ and their divisor are scaled by 1/α, which leaves the ratios unchanged.
    /// </summary>
    internal readonly struct ClipShift(double clip, double scale, double shift) : IQAdjustment
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Apply(double q) => Math.Max(q, clip) * scale + shift;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVec Apply<TVec, TSimd>(TVec q) where TVec : struct where TSimd : ISimd<TVec, double> =>
            TSimd.Add(TSimd.Multiply(TSimd.MaxNative(q, TSimd.Create(clip)), TSimd.Create(scale)), TSimd.Create(shift));
    }

    /// <summary>
    /// The factor applied to q′ = (q + α)/(Σq + nα) before the division: 1 for α ≤ 1, else 1/α, computing
    /// q′ = (q/α + 1)/(Σq/α + n), the same ratio. For α near double.MaxValue, q + α and Σq + nα would overflow to ∞ (and the
    /// measures with them); for any large α, ln(q + α) and ln(Σq + nα) are both near ln α and their difference cancels
    /// ln α·ε of its digits, while the scaled logs stay near 0.
    /// </summary>
    internal static double SmoothingScale(double alpha) => alpha > 1 ? 1 / alpha : 1;

    /// <summary>The clip-and-smooth adjustment of <paramref name="options"/>, scaled as <see cref="SmoothingScale"/> says.</summary>
    internal static ClipShift Adjustment(MeasureOptions options)
    {
        double scale = SmoothingScale(options.Smoothing);
        return new ClipShift(options.Clip, scale, options.Smoothing * scale);
    }

    /// <summary>
    /// p ln(p / q′), q′ as for cross-entropy. One log of the ratio keeps the digits when p ≈ q. Where the ratio overflows or
    /// underflows (q′ or p subnormal) the scalar form uses ln p − ln q′, which also gives +∞ for q′ = 0; the vector form
    /// then yields a non-finite term and the driver redoes that block with the scalar form.
    /// </summary>
    internal readonly struct KlTerm<TAdjust>(TAdjust adjust) : ITermOperator where TAdjust : struct, IQAdjustment
    {
        private const double SmallestNormal = 2.2250738585072014E-308;

        public static bool UsesQ => true;

        public static bool TermsCancel => true;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Invoke(double p, double q)
        {
            if (!(p > 0)) return 0;
            double qc = adjust.Apply(q), ratio = p / qc;
            return p * (ratio >= SmallestNormal && ratio <= double.MaxValue ? Math.Log(ratio) : Math.Log(p) - Math.Log(qc));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVec Invoke<TVec, TSimd>(TVec p, TVec q) where TVec : struct where TSimd : ISimd<TVec, double>
        {
            var qc = adjust.Apply<TVec, TSimd>(q);
            return ZeroWhereNotPositive<TVec, TSimd>(p, TSimd.Multiply(p, TSimd.Log(TSimd.Divide(p, qc))));
        }
    }

    /// <summary>
    /// The Jensen–Shannon term ½ a ln(a/m) + ½ b ln(b/m) with a = p·scaleP, b = q·scaleQ, m = (a + b)/2.
    /// a/m and b/m lie in [0, 2], so the ratios never overflow.
    /// </summary>
    internal readonly struct JsTerm(double scaleP, double scaleQ) : ITermOperator
    {
        public static bool UsesQ => true;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Invoke(double p, double q)
        {
            double a = p * scaleP, b = q * scaleQ, m = 0.5 * (a + b);
            return (a > 0 ? 0.5 * a * Math.Log(a / m) : 0) + (b > 0 ? 0.5 * b * Math.Log(b / m) : 0);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVec Invoke<TVec, TSimd>(TVec p, TVec q) where TVec : struct where TSimd : ISimd<TVec, double>
        {
            var half = TSimd.Create(0.5);
            var a = TSimd.Multiply(p, TSimd.Create(scaleP));
            var b = TSimd.Multiply(q, TSimd.Create(scaleQ));
            var m = TSimd.Multiply(half, TSimd.Add(a, b));
            var termA = TSimd.Select(TSimd.GreaterThan(a, TSimd.Zero), TSimd.Multiply(a, TSimd.Log(TSimd.Divide(a, m))), TSimd.Zero);
            var termB = TSimd.Select(TSimd.GreaterThan(b, TSimd.Zero), TSimd.Multiply(b, TSimd.Log(TSimd.Divide(b, m))), TSimd.Zero);
            return TSimd.Multiply(half, TSimd.Add(termA, termB));
        }
    }

    /// <summary>No term: a pass that only sums and validates.</summary>
    internal readonly struct NoTerm : ITermOperator
    {
        public static bool UsesQ => true;

        public double Invoke(double p, double q) => 0;

        public TVec Invoke<TVec, TSimd>(TVec p, TVec q) where TVec : struct where TSimd : ISimd<TVec, double> => TSimd.Zero;
    }
}
