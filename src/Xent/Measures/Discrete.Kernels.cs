using Xent.Numerics;

namespace Xent.Measures;

public static partial class Discrete
{
    /// <summary>The sums one fused pass over p (and q) yields: Σ f(p_i, q_i) in nats, Σp, Σq, and whether an entry was invalid.</summary>
    internal readonly record struct PassSums(double Terms, double SumP, double SumQ, bool Invalid);

    /// <summary>Σ −p ln p, with Σp and the invalid flag (NaN, ±∞ or negative).</summary>
    internal static PassSums EntropyPass(ReadOnlySpan<double> p)
    {
        CompensatedSum terms = default, sumP = default;
        bool invalid = false;
        foreach (double pi in p)
        {
            invalid |= !(pi >= 0) || double.IsPositiveInfinity(pi);
            sumP.Add(pi);
            if (pi > 0) terms.Add(-pi * Math.Log(pi));
        }
        return new(terms.Value, sumP.Value, 0, invalid);
    }

    /// <summary>Σ −p ln q(after clip/smoothing shift), Σp, Σq.</summary>
    internal static PassSums CrossEntropyPass(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double clip, double shift)
    {
        CompensatedSum terms = default, sumP = default, sumQ = default;
        bool invalid = false;
        for (int i = 0; i < p.Length; i++)
        {
            double pi = p[i], qi = q[i];
            invalid |= !(pi >= 0) || double.IsPositiveInfinity(pi) || !(qi >= 0) || double.IsPositiveInfinity(qi);
            sumP.Add(pi);
            sumQ.Add(qi);
            if (pi > 0) terms.Add(-pi * Math.Log(Math.Max(qi, clip) + shift));
        }
        return new(terms.Value, sumP.Value, sumQ.Value, invalid);
    }

    /// <summary>Σ p ln(p / q'), Σp, Σq.</summary>
    internal static PassSums KlPass(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double clip, double shift)
    {
        CompensatedSum terms = default, sumP = default, sumQ = default;
        bool invalid = false;
        for (int i = 0; i < p.Length; i++)
        {
            double pi = p[i], qi = q[i];
            invalid |= !(pi >= 0) || double.IsPositiveInfinity(pi) || !(qi >= 0) || double.IsPositiveInfinity(qi);
            sumP.Add(pi);
            sumQ.Add(qi);
            if (pi > 0) terms.Add(pi * Math.Log(pi / (Math.Max(qi, clip) + shift)));
        }
        return new(terms.Value, sumP.Value, sumQ.Value, invalid);
    }
}
