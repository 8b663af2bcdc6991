using Xent.Measures;

namespace Xent.Tests.Measures;

/// <summary>The row-wise measures against scipy 1.10 (Debian's python3-scipy) and against the one-row measures.</summary>
public class DiscreteRowsTests
{
    // import numpy as np; from scipy.stats import entropy
    // pk=np.array([[1,2,3,4],[0,5,5,0],[0.1,0.2,0.3,0.4]]); qk=np.array([[4,3,2,1],[1,1,1,1],[0.25,0.25,0.25,0.25]])
    // print([repr(v) for v in entropy(pk,axis=1)]); print([repr(v) for v in entropy(pk,qk,axis=1)]); print([repr(v) for v in entropy(pk,qk,axis=1,base=2)])
    private static readonly double[] Pk = [1, 2, 3, 4, 0, 5, 5, 0, 0.1, 0.2, 0.3, 0.4];
    private static readonly double[] Qk = [4, 3, 2, 1, 1, 1, 1, 1, 0.25, 0.25, 0.25, 0.25];

    [Fact]
    public void EntropyRowsMatchesScipyAxisOne()
    {
        var h = new double[3];
        Discrete.EntropyRows<double>(Pk, 4, h, LogBase.Nats);
        AssertClose([1.2798542258336676, 0.6931471805599453, 1.2798542258336676], h);
    }

    [Fact]
    public void KlDivergenceRowsMatchesScipyAxisOneInEitherBase()
    {
        var d = new double[3];
        Discrete.KlDivergenceRows<double>(Pk, Qk, 4, d, LogBase.Nats);
        AssertClose([0.4564348191467835, 0.6931471805599453, 0.10644013528622318], d);
        Discrete.KlDivergenceRows<double>(Pk, Qk, 4, d);
        AssertClose([0.6584962500721155, 1.0, 0.15356065532898455], d);
    }

    [Fact]
    public void CrossEntropyRowsIsEntropyPlusDivergenceRowByRow()
    {
        double[] h = new double[3], d = new double[3], ce = new double[3];
        Discrete.EntropyRows<double>(Pk, 4, h);
        Discrete.KlDivergenceRows<double>(Pk, Qk, 4, d);
        Discrete.CrossEntropyRows<double>(Pk, Qk, 4, ce);
        for (int r = 0; r < 3; r++) Assert.Equal(h[r] + d[r], ce[r], 1e-14);
    }

    [Fact]
    public void EachRowEqualsTheOneRowMeasureOnFloatsOfEveryRowLength()
    {
        var random = new Random(20260912);
        foreach (int columns in new[] { 1, 3, 8, 17, 64, 131 })
        {
            const int rows = 5;
            var p = new float[rows * columns];
            var q = new float[rows * columns];
            for (int i = 0; i < p.Length; i++) { p[i] = (float)random.NextDouble(); q[i] = (float)random.NextDouble() + 0.01f; }
            double[] h = new double[rows], ce = new double[rows], kl = new double[rows + 2];
            Discrete.EntropyRows<float>(p, columns, h);
            Discrete.CrossEntropyRows<float>(p, q, columns, ce, LogBase.Hartleys);
            Discrete.KlDivergenceRows<float>(p, q, columns, kl);
            var renormalize = new MeasureOptions { Normalization = Normalization.Renormalize };
            for (int r = 0; r < rows; r++)
            {
                var pr = p.AsSpan(r * columns, columns);
                var qr = q.AsSpan(r * columns, columns);
                Assert.Equal(Discrete.Entropy<float>(pr, default, renormalize).Value, h[r]);
                Assert.Equal(Discrete.CrossEntropy<float>(pr, qr, LogBase.Hartleys, renormalize).Value, ce[r]);
                Assert.Equal(Discrete.KlDivergence<float>(pr, qr, default, renormalize).Value, kl[r]);
            }
            Assert.Equal([0.0, 0.0], kl[rows..]);
        }
    }

    [Fact]
    public void ZeroInQWhereRowHasMassIsInfiniteForThatRowOnly()
    {
        double[] p = [0.5, 0.5, 1, 0], q = [1, 0, 1, 0];
        var d = new double[2];
        Discrete.KlDivergenceRows<double>(p, q, 2, d);
        Assert.Equal(double.PositiveInfinity, d[0]);
        Assert.Equal(0, d[1]);
    }

    [Fact]
    public void RequirePolicyAndErrorsNameTheRow()
    {
        var h = new double[2];
        var require = new MeasureOptions { Normalization = Normalization.Require };
        var e = Assert.Throws<ArgumentException>(() => Discrete.EntropyRows<double>([0.5, 0.5, 2, 1], 2, h, default, require));
        Assert.StartsWith("row 1: p sums to 3", e.Message);
        e = Assert.Throws<ArgumentException>(() => Discrete.EntropyRows<double>([0.5, 0.5, 0, 0], 2, h));
        Assert.StartsWith("row 1: p sums to 0", e.Message);
        e = Assert.Throws<ArgumentException>(() => Discrete.KlDivergenceRows<double>([0.5, 0.5, 1, 1], [1, 1, 1, double.NaN], 2, h));
        Assert.StartsWith("row 1: q[1] = NaN", e.Message);
        Assert.Throws<ArgumentException>(() => Discrete.EntropyRows<double>([1, 2, 3], 2, h));
        Assert.Throws<ArgumentException>(() => Discrete.EntropyRows<double>([1, 2, 3, 4, 5, 6], 2, h));
        Assert.Throws<ArgumentOutOfRangeException>(() => Discrete.EntropyRows<double>([1, 2], 0, h));
        Assert.Throws<ArgumentException>(() => Discrete.CrossEntropyRows<double>([1, 2], [1], 1, h));
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-14);
    }
}
