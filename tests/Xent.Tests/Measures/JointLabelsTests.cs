using Xent.Measures;

namespace Xent.Tests.Measures;

/// <summary>
/// The scikit-learn-shaped label entry points against scikit-learn 1.2.1 (Debian's python3-sklearn). Every expected figure below
/// was printed by the Python snippet in the comment above it (MI in nats; NMI and AMI unitless).
/// </summary>
public class JointLabelsTests
{
    private const double Tolerance = 1e-12;

    private static readonly NmiNormalization[] SklearnMethods =
        [NmiNormalization.Arithmetic, NmiNormalization.Geometric, NmiNormalization.Min, NmiNormalization.Max];

    // from sklearn.metrics import mutual_info_score as mi, normalized_mutual_info_score as nmi, adjusted_mutual_info_score as ami
    // x, y = [0,0,0,1,1,1], [0,0,1,1,2,2]
    // print(repr(mi(x,y)), [repr(nmi(x,y,average_method=m)) for m in ("arithmetic","geometric","min","max")],
    //       [repr(ami(x,y,average_method=m)) for m in ("arithmetic","geometric","min","max")])
    [Fact]
    public void MatchesScikitLearnOnItsDocumentationExample()
    {
        int[] x = [0, 0, 0, 1, 1, 1], y = [0, 0, 1, 1, 2, 2];
        Check(x, y, 0.4620981203732969,
            [0.5158037429793888, 0.5295405780575618, 0.6666666666666666, 0.420619835714305],
            [0.2987924581708899, 0.310455503197702, 0.44444444444444414, 0.2250422831983087]);
    }

    // x, y = ["a","a","b","b","c","c","c","a"], ["x","y","y","y","x","z","z","x"]   (then the same print as above)
    [Fact]
    public void MatchesScikitLearnOnStringLabels()
    {
        string[] x = ["a", "a", "b", "b", "c", "c", "c", "a"], y = ["x", "y", "y", "y", "x", "z", "z", "x"];
        Check(x, y, 0.6048099038176578,
            [0.5588730382170326, 0.5588730382170326, 0.5588730382170326, 0.5588730382170326],
            [0.31967265056964694, 0.31967265056964694, 0.31967265056964694, 0.31967265056964694]);
    }

    // x = [(i*7+3)%5 for i in range(60)]; y = [(i*i+2*i)%4 for i in range(60)]   (independent by construction: MI = 0, AMI < 0)
    [Fact]
    public void MatchesScikitLearnOnIndependentLabelsWhereAmiIsNegative()
    {
        var x = Enumerable.Range(0, 60).Select(i => (i * 7 + 3) % 5).ToArray();
        var y = Enumerable.Range(0, 60).Select(i => (i * i + 2 * i) % 4).ToArray();
        Check(x, y, 0.0, [0.0, 0.0, 0.0, 0.0],
            [-0.03153623974328859, -0.0344731106680486, -0.053495640693801125, -0.02235836484052454]);
    }

    // x = [(i*7+3)%5 for i in range(200)]; y = [(i*i+2*i+i//7)%4 for i in range(200)]
    [Fact]
    public void MatchesScikitLearnOnTwoHundredItems()
    {
        var x = Enumerable.Range(0, 200).Select(i => (i * 7 + 3) % 5).ToArray();
        var y = Enumerable.Range(0, 200).Select(i => (i * i + 2 * i + i / 7) % 4).ToArray();
        Check(x, y, 0.003844803258198498,
            [0.0025754820764968276, 0.002583372705578107, 0.00279366443829581, 0.0023889105808273465],
            [-0.01845852194423827, -0.018516270534447828, -0.020058072226963423, -0.017095245158829965]);
    }

    // x = [1,1,1,1,1,1,1,1,2,3]; y = [1,1,1,1,1,1,1,2,2,2]; print(repr(mi(x,y)), repr(nmi(x,y)), repr(ami(x,y)))
    [Fact]
    public void MatchesScikitLearnOnSkewedClusters()
    {
        int[] x = [1, 1, 1, 1, 1, 1, 1, 1, 2, 3], y = [1, 1, 1, 1, 1, 1, 1, 2, 2, 2];
        Assert.Equal(0.3094481730497445, Joint.MutualInformation<int>(x, y, LogBase.Nats).Value, Tolerance);
        Assert.Equal(0.4951582099869872, Joint.NormalizedMutualInformation<int>(x, y), Tolerance);
        Assert.Equal(0.3575651659529549, Joint.AdjustedMutualInformation<int>(x, y), Tolerance);
    }

    // print(ami([5,5,5],[1,1,1]), ami([1,2,3],[1,1,1]), nmi([1,2,3],[1,1,1]), ami([],[]), nmi([],[]))  →  1.0 0.0 0.0 1.0 1.0
    [Fact]
    public void LimitCasesAsScikitLearn()
    {
        Assert.Equal(1.0, Joint.AdjustedMutualInformation<int>([5, 5, 5], [1, 1, 1]));
        Assert.Equal(0.0, Joint.AdjustedMutualInformation<int>([1, 2, 3], [1, 1, 1]));
        Assert.Equal(0.0, Joint.NormalizedMutualInformation<int>([1, 2, 3], [1, 1, 1]));
        Assert.Equal(1.0, Joint.AdjustedMutualInformation<int>([], []));
        Assert.Equal(1.0, Joint.NormalizedMutualInformation<int>([], []));
        Assert.Equal(0.0, Joint.MutualInformation<int>([], []).Value);
    }

    [Fact]
    public void IdenticalPartitionsUnderRenamingScoreOne()
    {
        string[] x = ["a", "b", "c", "a", "b", "c", "c"];
        int[] y = [7, 3, 9, 7, 3, 9, 9];
        var renamed = y.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(1.0, Joint.AdjustedMutualInformation<string>(x, renamed), Tolerance);
        Assert.Equal(1.0, Joint.NormalizedMutualInformation<string>(x, renamed), Tolerance);
        // I(X;X) = H(X), in the unit asked for.
        Assert.Equal(Discrete.Entropy([2L, 2, 3]).Value, Joint.MutualInformation<string>(x, renamed).Value, Tolerance);
    }

    [Fact]
    public void LabelOverloadsEqualTheCountTableOverloads()
    {
        var x = Enumerable.Range(0, 97).Select(i => (i * 5 + 1) % 6).ToArray();
        var y = Enumerable.Range(0, 97).Select(i => (i * 3 + i / 11) % 4).ToArray();
        var table = new long[6 * 4];
        // First-seen codes of x and y, as the counter assigns them.
        var codesX = x.Distinct().Select((v, c) => (v, c)).ToDictionary(t => t.v, t => t.c);
        var codesY = y.Distinct().Select((v, c) => (v, c)).ToDictionary(t => t.v, t => t.c);
        for (int i = 0; i < x.Length; i++) table[codesX[x[i]] * 4 + codesY[y[i]]]++;
        Assert.Equal(Joint.MutualInformation(table, 6, 4).Value, Joint.MutualInformation<int>(x, y).Value, 15);
        Assert.Equal(Joint.AdjustedMutualInformation(table, 6, 4), Joint.AdjustedMutualInformation<int>(x, y), 15);
        // Empty rows and columns in a count table change nothing.
        var padded = new long[7 * 5];
        for (int r = 0; r < 6; r++) for (int c = 0; c < 4; c++) padded[r * 5 + c] = table[r * 4 + c];
        Assert.Equal(Joint.AdjustedMutualInformation(table, 6, 4), Joint.AdjustedMutualInformation(padded, 7, 5), 14);
    }

    [Fact]
    public void ExpectedMutualInformationIsTheMeanOverAllPermutations()
    {
        // Brute force: every permutation of y (6! = 720) against fixed x; E[I] is their mean MI.
        int[] x = [0, 0, 0, 1, 1, 2], y = [0, 0, 1, 1, 1, 1];
        var sum = 0.0;
        var count = 0;
        foreach (var permutation in Permutations(y))
        {
            sum += Joint.MutualInformation<int>(x, permutation, LogBase.Nats).Value;
            count++;
        }
        Assert.Equal(720, count);
        Assert.Equal(sum / count, Joint.ExpectedMutualInformationNats([3L, 2, 1], [2L, 4], 6), 14);
    }

    [Fact]
    public void RejectsMismatchedLengthsAndTheJointNormalization()
    {
        var e = Assert.Throws<ArgumentException>(() => Joint.MutualInformation<int>([1, 2], [1]));
        Assert.Contains("labelsX has 2 entries", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Joint.AdjustedMutualInformation<int>([1, 2], [1, 2], NmiNormalization.Joint));
        Assert.Throws<ArgumentOutOfRangeException>(() => Joint.AdjustedMutualInformation([1L, 2, 3, 4], 2, 2, NmiNormalization.Joint));
    }

    private static void Check<T>(T[] x, T[] y, double mi, double[] nmi, double[] ami) where T : notnull
    {
        Assert.Equal(mi, Joint.MutualInformation<T>(x, y, LogBase.Nats).Value, Tolerance);
        Assert.Equal(mi / Math.Log(2), Joint.MutualInformation<T>(x, y).Value, Tolerance);
        for (int m = 0; m < SklearnMethods.Length; m++)
        {
            Assert.Equal(nmi[m], Joint.NormalizedMutualInformation<T>(x, y, SklearnMethods[m]), Tolerance);
            Assert.Equal(ami[m], Joint.AdjustedMutualInformation<T>(x, y, SklearnMethods[m]), Tolerance);
        }
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1) { yield return items; yield break; }
        for (int i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, j) => j != i).ToArray();
            foreach (var tail in Permutations(rest)) yield return [items[i], .. tail];
        }
    }
}
