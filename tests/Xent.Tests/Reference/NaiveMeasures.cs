namespace Xent.Tests.Reference;

/// <summary>
/// The obvious scalar definitions, term by term with <see cref="Math.Log(double)"/>, summed exactly: what the vectorised
/// kernels must reproduce. Inputs are taken as they are (no normalization); results in nats.
/// </summary>
internal static class NaiveMeasures
{
    public static double Entropy(ReadOnlySpan<double> p)
    {
        var terms = new double[p.Length];
        for (int i = 0; i < p.Length; i++) terms[i] = p[i] == 0 ? 0 : -p[i] * Math.Log(p[i]);
        return ExactSum.Of(terms);
    }

    public static double CrossEntropy(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double clip = 0)
    {
        var terms = new double[p.Length];
        for (int i = 0; i < p.Length; i++) terms[i] = p[i] == 0 ? 0 : -p[i] * Math.Log(Math.Max(q[i], clip));
        return ExactSum.Of(terms);
    }

    public static double KlDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var terms = new double[p.Length];
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] == 0) continue;
            double ratio = p[i] / q[i];
            // Where p/q leaves the normal range (subnormal entries), the difference of logs is the accurate form.
            terms[i] = p[i] * (double.IsNormal(ratio) ? Math.Log(ratio) : Math.Log(p[i]) - Math.Log(q[i]));
        }
        return ExactSum.Of(terms);
    }

    public static double JsDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var m = new double[p.Length];
        for (int i = 0; i < p.Length; i++) m[i] = 0.5 * (p[i] + q[i]);
        return 0.5 * KlDivergence(p, m) + 0.5 * KlDivergence(q, m);
    }

    public static double Sum(ReadOnlySpan<double> values) => ExactSum.Of(values.ToArray());

    public static double[] Widen(ReadOnlySpan<float> values)
    {
        var wide = new double[values.Length];
        for (int i = 0; i < values.Length; i++) wide[i] = values[i];
        return wide;
    }
}
