namespace Xent.Tests.Cli;

public class MiCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    // x and y fair and independent, z = x xor y (each combination once), and w a copy of x.
    private string XorTable() => _cli.Write("xor.csv", "x,y,z,w\n0,0,0,a\n0,1,1,a\n1,0,1,b\n1,1,0,b\n");

    [Fact]
    public void MutualInformationOfColumns()
    {
        string path = XorTable();
        // x and w are copies: I = H(x) = 1 bit, NMI = 1; x and y are independent: I = 0.
        var copy = CliRunner.Json("mi", path, "--x", "x", "--y", "w");
        Assert.Equal(1, copy.GetProperty("mutual_information").GetDouble(), 12);
        Assert.Equal(1, copy.GetProperty("h_x").GetDouble(), 12);
        Assert.Equal(1, copy.GetProperty("h_y").GetDouble(), 12);
        Assert.Equal(1, copy.GetProperty("h_xy").GetDouble(), 12);
        Assert.Equal(1, copy.GetProperty("nmi").GetDouble(), 12);
        Assert.Equal("bits", copy.GetProperty("unit").GetString());
        Assert.Equal(4, copy.GetProperty("n").GetInt64());
        Assert.Equal(0, CliRunner.Json("mi", path, "--x", "x", "--y", "y").GetProperty("mutual_information").GetDouble(), 12);
        Assert.Equal(Math.Log(2), CliRunner.Json("mi", path, "--x", "x", "--y", "w", "--base", "e").GetProperty("mutual_information").GetDouble(), 12);
    }

    [Fact]
    public void InformationGainOfQuinlansWeatherData()
    {
        // Quinlan's play-tennis table (14 days). Outlook splits play (9 yes, 5 no) into sunny (2 yes, 3 no), overcast (4, 0),
        // rainy (3, 2): H(play) = 0.940286, H(play|outlook) = 5/14·0.970951 + 0 + 5/14·0.970951 = 0.693536,
        // IG = I(outlook; play) = 0.246750 bits.
        string path = _cli.Write("weather.csv", """
            outlook,windy,play
            sunny,false,no
            sunny,true,no
            overcast,false,yes
            rainy,false,yes
            rainy,false,yes
            rainy,true,no
            overcast,true,yes
            sunny,false,no
            sunny,false,yes
            rainy,false,yes
            sunny,true,yes
            overcast,true,yes
            overcast,false,yes
            rainy,true,no
            """);
        var json = CliRunner.Json("mi", path, "--x", "outlook", "--y", "play");
        Assert.Equal(0.246750, json.GetProperty("mutual_information").GetDouble(), 6);
        Assert.Equal(0.940286, json.GetProperty("h_y").GetDouble(), 6);
        // Windy splits play into (6 yes, 2 no) and (3, 3): IG = 0.048127 bits (see JointTests).
        Assert.Equal(0.048127, CliRunner.Json("mi", path, "--x", "windy", "--y", "play").GetProperty("mutual_information").GetDouble(), 6);
    }

    [Fact]
    public void ConditionalMutualInformationWithGiven()
    {
        // I(x;y) = 0 but I(x;y|z) = 1 bit: knowing z = x xor y, x determines y.
        var json = CliRunner.Json("mi", XorTable(), "--x", "x", "--y", "y", "--given", "z");
        Assert.Equal(1, json.GetProperty("conditional_mutual_information").GetDouble(), 12);
        Assert.Equal(0, json.GetProperty("mutual_information").GetDouble(), 12);
        Assert.Equal("z", json.GetProperty("given").GetString());
    }

    [Fact]
    public void HumanOutputIsATable()
    {
        var (exit, output, _) = CliRunner.Run("mi", XorTable(), "--x", "x", "--y", "w");
        Assert.Equal(0, exit);
        Assert.Contains("I(X;Y)", output);
        Assert.Contains("NMI (arithmetic)", output);
        Assert.Contains("4 rows, 2 × 2 categories", output);
    }

    [Fact]
    public void BadInputExitsTwo()
    {
        string path = XorTable();
        foreach (var (args, expected) in new (string[], string)[]
        {
            (["mi", path, "--x", "x", "--y", "nope"], "no column 'nope'; the columns are: x, y, z, w"),
            (["mi", path, "--x", "x", "--y", "y", "--given", "q"], "no column 'q'"),
            (["mi", _cli.Write("r.csv", "a,b\n1,2\n3,4,5\n"), "--x", "a", "--y", "b"], "line 3 has 3 fields"),
            (["mi", _cli.Write("h.csv", "a,b\n"), "--x", "a", "--y", "b"], "no data rows"),
            (["mi", Path.Combine(_cli.Directory, "none.csv"), "--x", "a", "--y", "b"], "no such file"),
            (["mi", path, "--x", "x"], "--y"),
            // 5,000 distinct values in each column: a 25-million-cell table, over the limit; counting stops at the row that
            // would pass it, 4097 × 4097 > 2^24.
            (["mi", _cli.Write("ids.csv", "a,b\n" + string.Concat(Enumerable.Range(0, 5000).Select(i => $"{i},{i}\n"))), "--x", "a", "--y", "b"],
                $"at least 4097 × 4097 categories, a table of more than {1 << 24} cells"),
        })
        {
            var (exit, _, error) = CliRunner.Run(args);
            Assert.Equal(2, exit);
            Assert.Contains(expected, error);
            // mi skips bad rows on request (--skip-bad-rows), so only a row error carries the hint.
            Assert.Equal(expected.StartsWith("line ", StringComparison.Ordinal), error.Contains("--skip-bad-rows", StringComparison.Ordinal));
        }
    }
}
