using CsCheck;
using Xent.Tests.Properties;
using Xent.Measures;

namespace Xent.Tests.Measures;

public class JointPropertyTests
{
    private const double Tolerance = 1e-12;

    /// <summary>Rounding allowed against a law, relative to a bound on Σ|terms| (see DiscretePropertyTests).</summary>
    private const double RoundingUlps = 64 * 2.220446049250313e-16;
    private static readonly MeasureOptions Counts = new() { Normalization = Normalization.Renormalize };

    /// <summary>A random rows × columns count table (entries 0..9, some zero), with at least one positive cell.</summary>
    private static readonly Gen<(int Rows, int Columns, double[] Table)> Tables =
        from rows in Gen.Int[1, 6]
        from columns in Gen.Int[1, 6]
        from cells in Gen.Int[0, 9].Array[rows * columns]
        select (rows, columns, cells.Select((c, i) => i == 0 ? c + 1.0 : c).ToArray());

    private static readonly Gen<(int X, int Y, int Z, double[] Table)> Tables3 =
        from nx in Gen.Int[1, 4]
        from ny in Gen.Int[1, 4]
        from nz in Gen.Int[1, 4]
        from cells in Gen.Int[0, 9].Array[nx * ny * nz]
        select (nx, ny, nz, cells.Select((c, i) => i == 0 ? c + 1.0 : c).ToArray());

    [Fact]
    public void MutualInformationIsTheEntropyIdentityAndNonNegative() => Tables.SampleFixed(t =>
    {
        var s = Joint.Summarize(t.Table, t.Rows, t.Columns, LogBase.Nats, Counts);
        double i = s.MutualInformation.Value;
        // Unclamped (the public figure is max(I, 0)): each term p ln(p/(p_x p_y)) is at most p(|ln p| + |ln p_x| + |ln p_y|),
        // so Σ|terms| ≤ H(X,Y) + H(X) + H(Y).
        double raw = Joint.MutualInformationNats<double>(t.Table, t.Rows, t.Columns, t.Table.Sum());
        double scale = s.JointEntropy.Value + s.RowEntropy.Value + s.ColumnEntropy.Value;
        Assert.True(raw >= -RoundingUlps * scale, $"I(X;Y) = {raw:R} < 0 beyond rounding");
        Assert.Equal(Math.Max(raw, 0), i);
        long[] counts = Array.ConvertAll(t.Table, c => (long)c);
        double fromCounts = Joint.MutualInformationNats<long>(counts, t.Rows, t.Columns, counts.Sum());
        Assert.True(fromCounts >= -RoundingUlps * scale, $"I(X;Y) of counts = {fromCounts:R} < 0 beyond rounding");
        Assert.Equal(raw, fromCounts, Tolerance);
        Assert.Equal(s.RowEntropy.Value + s.ColumnEntropy.Value - s.JointEntropy.Value, i, Tolerance);
        Assert.True(i <= Math.Min(s.RowEntropy.Value, s.ColumnEntropy.Value) + Tolerance);
    }, seed: "0000000000j1", iter: 300);

    [Fact]
    public void ChainRuleForEntropy() => Tables.SampleFixed(t =>
    {
        // H(X,Y) = H(X) + H(Y|X) = H(Y) + H(X|Y).
        var s = Joint.Summarize(t.Table, t.Rows, t.Columns, LogBase.Bits, Counts);
        Assert.Equal(s.JointEntropy.Value, s.RowEntropy.Value + s.ColumnGivenRow.Value, Tolerance);
        Assert.Equal(s.JointEntropy.Value, s.ColumnEntropy.Value + s.RowGivenColumn.Value, Tolerance);
        Assert.Equal(s.ColumnGivenRow.Value, Joint.ConditionalEntropy(t.Table, t.Rows, t.Columns, LogBase.Bits, Counts).Value, Tolerance);
        Assert.Equal(s.JointEntropy.Value, Discrete.Entropy(t.Table, LogBase.Bits, Counts).Value, Tolerance);
    }, seed: "0000000000j2", iter: 300);

    [Fact]
    public void NmiIsBetweenZeroAndOne() => Tables.SampleFixed(t =>
    {
        foreach (var method in Enum.GetValues<NmiNormalization>())
            Assert.InRange(Joint.NormalizedMutualInformation(t.Table, t.Rows, t.Columns, method, Counts), 0, 1);
    }, seed: "0000000000j3", iter: 300);

    [Fact]
    public void ConditionalMutualInformationIsNonNegativeAndObeysTheChainRule() => Tables3.SampleFixed(t =>
    {
        double cmi = Joint.ConditionalMutualInformation(t.Table, t.X, t.Y, t.Z, LogBase.Nats, Counts).Value;
        // Unclamped: Σ|terms| ≤ H(X,Y,Z) + H(Z) + H(X,Z) + H(Y,Z) ≤ 4 ln(cells).
        double raw = Joint.ConditionalMutualInformationNats<double>(t.Table, t.X, t.Y, t.Z, t.Table.Sum());
        double scale = 4 * Math.Log(Math.Max(2, t.Table.Length));
        Assert.True(raw >= -RoundingUlps * scale, $"I(X;Y|Z) = {raw:R} < 0 beyond rounding");
        Assert.Equal(Math.Max(raw, 0), cmi);

        // I(X;Y,Z): the table is already X by the pair (Y,Z), row-major.
        double iXyz = Joint.MutualInformation(t.Table, t.X, t.Y * t.Z, LogBase.Nats, Counts).Value;
        // I(X;Z): sum Y out.
        var xz = new double[t.X * t.Z];
        for (int x = 0; x < t.X; x++)
            for (int y = 0; y < t.Y; y++)
                for (int z = 0; z < t.Z; z++) xz[x * t.Z + z] += t.Table[(x * t.Y + y) * t.Z + z];
        double iXz = Joint.MutualInformation(xz, t.X, t.Z, LogBase.Nats, Counts).Value;
        Assert.Equal(iXyz, iXz + cmi, Tolerance);
    }, seed: "0000000000j4", iter: 300);
}
