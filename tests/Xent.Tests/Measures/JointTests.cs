using Xent.Measures;

namespace Xent.Tests.Measures;

public class JointTests
{
    private const double Tolerance = 1e-12;
    private static readonly MeasureOptions Counts = new() { Normalization = Normalization.Renormalize };

    // p(x,y) with X the row, Y the column:
    //        y=0   y=1
    //  x=0   1/2   1/4     p(x) = (3/4, 1/4), p(y) = (1/2, 1/2)
    //  x=1   0     1/4
    private static readonly double[] Table = [0.5, 0.25, 0, 0.25];

    [Fact]
    public void HandWorkedTwoByTwo()
    {
        // H(X,Y) = ½·1 + ¼·2 + ¼·2 = 1.5 bits.
        Assert.Equal(1.5, Joint.Entropy(Table, 2, 2).Value, Tolerance);
        // H(X) = −¾ log2 ¾ − ¼ log2 ¼ = 0.311278 + 0.5 = 0.811278 bits; H(Y) = 1 bit.
        double hx = -(0.75 * Math.Log2(0.75) + 0.25 * Math.Log2(0.25));
        // H(Y|X) = H(X,Y) − H(X) = 1.5 − 0.811278 = 0.688722: given x=0 Y is (2/3, 1/3), given x=1 Y is certain.
        Assert.Equal(1.5 - hx, Joint.ConditionalEntropy(Table, 2, 2).Value, Tolerance);
        // I(X;Y) = 0.811278 + 1 − 1.5 = 0.311278 bits.
        Assert.Equal(hx + 1 - 1.5, Joint.MutualInformation(Table, 2, 2).Value, Tolerance);
        // NMI (arithmetic) = 0.311278 / ((0.811278 + 1)/2) = 0.343711.
        Assert.Equal((hx - 0.5) / ((hx + 1) / 2), Joint.NormalizedMutualInformation(Table, 2, 2), Tolerance);

        var all = Joint.Summarize(Table, 2, 2);
        Assert.Equal(hx, all.RowEntropy.Value, Tolerance);
        Assert.Equal(1, all.ColumnEntropy.Value, Tolerance);
        // H(X|Y) = H(X,Y) − H(Y) = 0.5 bit.
        Assert.Equal(0.5, all.RowGivenColumn.Value, Tolerance);
        Assert.Equal("bits", all.MutualInformation.Unit);
    }

    [Fact]
    public void CountsGiveTheSameFiguresUnderRenormalize()
    {
        double[] counts = [2, 1, 0, 1];
        Assert.Equal(Joint.MutualInformation(Table, 2, 2).Value, Joint.MutualInformation(counts, 2, 2, default, Counts).Value, Tolerance);
        Assert.Equal(Joint.Entropy(Table, 2, 2).Value, Joint.Entropy(counts, 2, 2, default, Counts).Value, Tolerance);
        Assert.Throws<ArgumentException>(() => Joint.MutualInformation(counts, 2, 2));
    }

    [Fact]
    public void InformationGainOfADecisionTreeSplit()
    {
        // A parent node with 9 "yes" and 5 "no" split into branches (yes, no) = (6, 2) and (3, 3), as in Quinlan's weather data:
        // H(Y) = H(9/14, 5/14) = 0.940286 bits; H(Y|X) = 8/14·H(6/8, 2/8) + 6/14·H(½, ½) = 8/14·0.811278 + 6/14·1 = 0.892159;
        // IG = 0.940286 − 0.892159 = 0.048127 bits.
        double[] split = [6, 2, 3, 3];
        double hy = -(9.0 / 14 * Math.Log2(9.0 / 14) + 5.0 / 14 * Math.Log2(5.0 / 14));
        double hyGivenX = 8.0 / 14 * -(0.75 * Math.Log2(0.75) + 0.25 * Math.Log2(0.25)) + 6.0 / 14;
        Assert.Equal(hy - hyGivenX, Joint.InformationGain(split, 2, 2, default, Counts).Value, Tolerance);
        Assert.Equal(0.048127, Joint.InformationGain(split, 2, 2, default, Counts).Value, 6);
    }

    [Fact]
    public void IndependentTableHasZeroInformation()
    {
        // An outer product of (0.2, 0.8) and (0.1, 0.3, 0.6): I = 0 and H(Y|X) = H(Y).
        double[] px = [0.2, 0.8], py = [0.1, 0.3, 0.6];
        var table = new double[6];
        for (int x = 0; x < 2; x++) for (int y = 0; y < 3; y++) table[x * 3 + y] = px[x] * py[y];
        Assert.Equal(0, Joint.MutualInformation(table, 2, 3).Value, 1e-15);
        Assert.Equal(Discrete.Entropy(py).Value, Joint.ConditionalEntropy(table, 2, 3).Value, Tolerance);
        Assert.Equal(0, Joint.NormalizedMutualInformation(table, 2, 3), 1e-15);
    }

    [Fact]
    public void IdenticalVariablesHaveNmiOne()
    {
        double[] diagonal = [0.2, 0, 0, 0, 0.3, 0, 0, 0, 0.5];
        foreach (var method in Enum.GetValues<NmiNormalization>())
            Assert.Equal(1, Joint.NormalizedMutualInformation(diagonal, 3, 3, method), Tolerance);
        // One cell: both entropies are 0 — two identical constant labelings, NMI 1 as in scikit-learn.
        Assert.Equal(1, Joint.NormalizedMutualInformation([1.0], 1, 1));
    }

    [Fact]
    public void NmiNormalizationsUseTheirDenominators()
    {
        var s = Joint.Summarize(Table, 2, 2, LogBase.Nats);
        double i = s.MutualInformation.Value, hx = s.RowEntropy.Value, hy = s.ColumnEntropy.Value;
        Assert.Equal(i / Math.Sqrt(hx * hy), s.Normalized(NmiNormalization.Geometric), Tolerance);
        Assert.Equal(i / hx, s.Normalized(NmiNormalization.Min), Tolerance);
        Assert.Equal(i / hy, s.Normalized(NmiNormalization.Max), Tolerance);
        Assert.Equal(i / s.JointEntropy.Value, s.Normalized(NmiNormalization.Joint), Tolerance);
    }

    [Fact]
    public void ConditionalMutualInformationOfCopiesAndXor()
    {
        // X, Y fair independent coins, Z = X xor Y: I(X;Y) = 0 but I(X;Y|Z) = 1 bit (knowing Z, X determines Y).
        var xor = new double[8];
        for (int x = 0; x < 2; x++) for (int y = 0; y < 2; y++) xor[(x * 2 + y) * 2 + (x ^ y)] = 0.25;
        Assert.Equal(1, Joint.ConditionalMutualInformation(xor, 2, 2, 2).Value, Tolerance);

        // X = Y = Z, one fair coin: I(X;Y) = 1 bit but I(X;Y|Z) = 0 (Z already says everything).
        var copies = new double[8];
        copies[0] = copies[7] = 0.5;
        Assert.Equal(0, Joint.ConditionalMutualInformation(copies, 2, 2, 2).Value, Tolerance);
        Assert.Equal(1, Joint.MutualInformation([0.5, 0, 0, 0.5], 2, 2).Value, Tolerance);
    }

    [Fact]
    public void ResultsComeInTheRequestedBase()
    {
        double bits = Joint.MutualInformation(Table, 2, 2).Value;
        Assert.Equal(bits * Math.Log(2), Joint.MutualInformation(Table, 2, 2, LogBase.Nats).Value, Tolerance);
        Assert.Equal(bits * Math.Log10(2), Joint.ConditionalMutualInformation(Table, 2, 2, 1, LogBase.Hartleys).Value, Tolerance);
    }

    [Fact]
    public void BadInputNamesIndexAndValue()
    {
        var e = Assert.Throws<ArgumentException>(() => Joint.Entropy([0.5, -0.25, 0.5, 0.25], 2, 2));
        Assert.Contains("table[1] = -0.25", e.Message);
        e = Assert.Throws<ArgumentException>(() => Joint.MutualInformation([0.5, 0.25, double.NaN, 0.25], 2, 2));
        Assert.Contains("table[2] = NaN", e.Message);
        e = Assert.Throws<ArgumentException>(() => Joint.MutualInformation([0.5, 0.5, 0], 2, 2));
        Assert.Contains("2 × 2", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Joint.Entropy([], 0, 2));
        e = Assert.Throws<ArgumentException>(() => Joint.ConditionalEntropy([0.5, 0.25, 0, 0.2], 2, 2));
        Assert.Contains("sums to", e.Message);
        Assert.Throws<ArgumentException>(() => Joint.MutualInformation([0.0, 0, 0, 0], 2, 2, default, Counts));
    }
}
