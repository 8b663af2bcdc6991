using Xent.Data;
using Xent.Learning;

namespace Xent.Tests.Cli;

/// <summary>
/// Issue 9's last gaps: out-of-range <c>--c</c> named in its message, a failing DuckDB query shown as the user wrote it (no
/// generated alias), an empty file refused by <c>bits</c>, and the progress fractions of L-BFGS and of the CSV reader.
/// </summary>
public sealed class Issue9GapsTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Data() => _cli.Write("d.csv", "a,b,y\n0.1,1.5,p\n0.9,0.2,q\n0.4,1.1,p\n1.3,0.1,q\n0.2,1.9,p\n1.1,0.3,q\n");

    [Theory]
    [InlineData("1e308", "too large")]
    [InlineData("1e400", "too large")]
    [InlineData("Infinity", "too large")]
    [InlineData("0", "must be a number > 0")]
    [InlineData("-1", "must be a number > 0")]
    [InlineData("NaN", "must be a number > 0")]
    [InlineData("inf", "is not a number")]
    public void OutOfRangeCIsNamedWithWhatWasTyped(string c, string reason)
    {
        var result = CliRunner.Run("train", Data(), "--target", "y", "--c=" + c, "--tol", "1e-4");
        CliRunner.AssertBadInput(result, "--c " + (reason == "is not a number" ? "'" + c + "'" : c));
        Assert.Contains(reason, result.Err);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void ALargeButComputableCStillFits()
    {
        var result = CliRunner.Run("train", Data(), "--target", "y", "--c", "1e12", "--tol", "1e-4", "--json");
        Assert.Equal(0, result.Exit);
        Assert.True(result.Json.GetProperty("train_log_loss").GetDouble() >= 0);
    }

    [Theory]
    [InlineData("select no_such_fn(1) as range", "no_such_fn")]
    [InlineData("select range, nope from range(3)", "nope")]
    public void AFailingQueryIsShownAsTheUserWroteIt(string sql, string reason)
    {
        var result = CliRunner.Run("mi", "--sql", sql, "--x", "range", "--y", "range");
        CliRunner.AssertBadInput(result, "the query failed");
        Assert.Contains(reason, result.Err);
        Assert.Contains("the query: " + sql, result.Err);
        Assert.DoesNotContain("xent_", result.Err);
        Assert.DoesNotContain("LINE 1", result.Err);
    }

    [Fact]
    public void BitsRefusesAnEmptyFile()
    {
        string empty = _cli.Write("empty.bin", []);
        var result = CliRunner.Run("bits", empty);
        CliRunner.AssertBadInput(result, "is empty (0 bytes)");
        Assert.Contains(empty, result.Err);
        Assert.Equal("", result.Out);
        var json = CliRunner.Run("bits", empty, "--json");
        Assert.Equal(2, json.Exit);
        Assert.Equal("", json.Out);
        Assert.Contains("\"exit_code\":2", json.Err);
    }

    [Fact]
    public void TrainShowsNoProgressWhenStderrIsNotATerminal()
    {
        var result = CliRunner.Run("train", Data(), "--target", "y", "--tol", "1e-4");
        Assert.Equal(0, result.Exit);
        Assert.Equal("", result.Err);
    }

    [Fact]
    public void PredictAndLoglossShowNoProgressWhenStderrIsNotATerminal()
    {
        string model = Path.Combine(_cli.Directory, "m.json");
        Assert.Equal(0, CliRunner.Run("train", Data(), "--target", "y", "--save", model, "--quiet").Exit);
        var predict = CliRunner.Run("predict", model, Data());
        Assert.Equal(0, predict.Exit);
        Assert.StartsWith("line,y,p_p,p_q,predicted", predict.Out);
        var written = CliRunner.Run("predict", model, Data(), "-o", Path.Combine(_cli.Directory, "p.csv"));
        Assert.Equal(0, written.Exit);
        Assert.Equal("", written.Err);
        string probs = _cli.Write("probs.csv", "p,q,y\n0.9,0.1,p\n0.2,0.8,q\n0.6,0.4,q\n");
        var logloss = CliRunner.Run("logloss", probs, "--label", "y", "--probs", "p,q");
        Assert.Equal(0, logloss.Exit);
        Assert.Equal("", logloss.Err);
    }

    [Fact]
    public void LbfgsProgressRisesToOne()
    {
        // f(x) = Σ (i+1)(x_i − 1)², an ill-conditioned bowl: several iterations.
        var seen = new List<double>();
        double[] x = new double[20];
        var result = Lbfgs.Minimize((p, g) =>
        {
            double f = 0;
            for (int i = 0; i < p.Length; i++) { f += (i + 1) * (p[i] - 1) * (p[i] - 1); g[i] = 2 * (i + 1) * (p[i] - 1); }
            return f;
        }, x, 1e-10, progress: seen.Add);
        Assert.True(result.Converged);
        Assert.True(seen.Count >= result.Iterations, $"{seen.Count} calls for {result.Iterations} iterations");
        for (int i = 1; i < seen.Count; i++) Assert.True(seen[i] >= seen[i - 1], $"fraction fell from {seen[i - 1]} to {seen[i]}");
        Assert.All(seen, f => Assert.InRange(f, 0, 1));
        Assert.Equal(1, seen[^1]);
        Assert.Contains(seen, f => f > 0 && f < 1);
    }

    [Fact]
    public void FitProgressEndsAtOneAndLeavesTheFitAlone()
    {
        double[] features = [0.1, 1.5, 0.9, 0.2, 0.4, 1.1, 1.3, 0.1, 0.2, 1.9, 1.1, 0.3];
        int[] labels = [0, 1, 0, 1, 0, 1];
        var seen = new List<double>();
        var plain = LogisticRegression.Fit(features, 2, labels, 2);
        var watched = LogisticRegression.Fit(features, 2, labels, 2, progress: seen.Add);
        Assert.Equal(plain.Coefficients[0], watched.Coefficients[0]);
        Assert.Equal(plain.Training!.Value.Iterations, watched.Training!.Value.Iterations);
        for (int i = 1; i < seen.Count; i++) Assert.True(seen[i] >= seen[i - 1]);
        Assert.Equal(1, seen[^1]);
    }

    [Fact]
    public void CsvProgressCountsTheFilesBytes()
    {
        var text = new System.Text.StringBuilder("a,b\n");
        for (int i = 0; i < 5000; i++) text.Append(i).Append(',').Append(i % 7).Append('\n');
        string path = _cli.Write("big.csv", text.ToString());
        using var csv = CsvTableReader.Open(path);
        Assert.Equal(new FileInfo(path).Length, csv.Length);
        var seen = new List<long>();
        csv.Progress = seen.Add;
        int rows = 0;
        using (var cursor = csv.ReadColumns(["a", "b"], BadRows.Stop()))
            while (cursor.Read()) rows++;
        Assert.Equal(5000, rows);
        Assert.True(seen.Count >= 4, $"{seen.Count} calls");
        for (int i = 1; i < seen.Count; i++) Assert.True(seen[i] >= seen[i - 1]);
        Assert.All(seen, b => Assert.InRange(b, 0, csv.Length!.Value));
        Assert.Equal(csv.Length, seen[^1]);
    }

    [Fact]
    public void ATextSourceHasNoLengthAndNoProgress()
    {
        using var csv = CsvTableReader.Open(new StringReader("a\n1\n2\n"), "stdin");
        Assert.Null(csv.Length);
        var seen = new List<long>();
        csv.Progress = seen.Add;
        using (var cursor = csv.ReadColumns(["a"], BadRows.Stop()))
            while (cursor.Read()) { }
        Assert.Empty(seen);
    }
}
