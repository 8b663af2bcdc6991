using System.Globalization;
using System.Text;
using CsCheck;
using Xent.Tests;
using Xent.Tests.Properties;

namespace Xent.Data.Tests;

public class FeatureMatrixTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void ReadsRowMajorFeaturesLabelsAndLines()
    {
        string path = _files.Write("t.csv", "x1,x2,y,note\n1,2,A,n\n3,oops,B,n\n5,6, A ,n\n");
        using var table = CsvTableReader.Open(path);
        var bad = BadRows.Skip();
        var m = FeatureMatrix.Read(table, ["x2", "x1"], "y", bad);
        Assert.Equal((2, 2), (m.Rows, m.Columns));
        Assert.Equal([2.0, 1, 6, 5], m.Values);
        Assert.Equal([6.0, 5], m.Row(1).ToArray());
        Assert.Equal(["A", "A"], m.Labels!);
        Assert.Same(m.Labels![0], m.Labels[1]); // one string per distinct label
        Assert.Equal([2L, 4L], m.Lines);
        Assert.Equal(["x2", "x1"], m.ColumnNames);
        Assert.Equal(path, m.Source);
        Assert.Equal(1, bad.Skipped);
        Assert.Equal($"{path}: line 3, column 'x2': 'oops' is not a finite number.", bad.FirstReason);
        Assert.Null(FeatureMatrix.Read(table, ["x1"], null, BadRows.Skip()).Labels);
    }

    [Fact]
    public void AMissingLabelIsAMissingLabel()
    {
        string path = _files.Write("t.csv", "x,y\n1,\n");
        using var table = CsvTableReader.Open(path);
        var error = Assert.Throws<DataException>(() => FeatureMatrix.Read(table, ["x"], "y", BadRows.Stop())).Error;
        Assert.Equal($"{path}: line 2, column 'y': missing label.", error.Message);
    }

    [Fact]
    public void NoUsableRowIsAnErrorCountingTheSkipped()
    {
        string path = _files.Write("t.csv", "x,y\n,A\nz,B\n");
        using var table = CsvTableReader.Open(path);
        var error = Assert.Throws<DataException>(() => FeatureMatrix.Read(table, ["x"], "y", BadRows.Skip())).Error;
        Assert.Equal(DataErrorKind.NoUsableRows, error.Kind);
        Assert.Equal($"{path}: no usable rows (2 skipped).", error.Message);
    }

    /// <summary>
    /// Random tables with random bad cells (empty, not a number, a missing field) against a naive reference: split every
    /// line at commas, keep the rows whose features all parse and whose label is non-empty.
    /// </summary>
    [Fact]
    public void MatchesANaiveSplitOnRandomTablesWithBadCells()
    {
        var cell = Gen.Frequency(
            (8, Gen.Double[-1e6, 1e6].Select(v => v.ToString("R", CultureInfo.InvariantCulture))),
            (1, Gen.Const("")),
            (1, Gen.Const("x")));
        var label = Gen.Frequency((6, Gen.Int[0, 2].Select(i => "abc"[i].ToString())), (1, Gen.Const("")));
        var row = Gen.Select(cell.Array[3], label, Gen.Int[0, 20]).Select((cells, l, drop) => drop == 0 ? string.Join(",", cells) : string.Join(",", cells) + "," + l);
        var gen = Gen.Select(row.Array[1, 60], Gen.Int[1, 3]);
        int file = 0;
        gen.SampleFixed((rows, d) =>
        {
            var text = new StringBuilder("f0,f1,f2,label\n");
            foreach (var r in rows) text.Append(r).Append('\n');
            string path = _files.Write($"p{file++}.csv", text.ToString());

            var expected = new List<double>();
            var labels = new List<string>();
            var lines = new List<long>();
            for (int i = 0; i < rows.Length; i++)
            {
                var fields = rows[i].Split(',');
                if (fields.Length != 4) continue;
                var values = fields[..d].Select(f => double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : (double?)null).ToArray();
                if (values.Any(v => v is null) || fields[3].Length == 0) continue;
                expected.AddRange(values.Select(v => v!.Value));
                labels.Add(fields[3]);
                lines.Add(i + 2);
            }

            using var table = CsvTableReader.Open(path);
            var bad = BadRows.Skip();
            string[] features = [.. Enumerable.Range(0, d).Select(j => $"f{j}")];
            if (lines.Count == 0)
            {
                Assert.Equal(DataErrorKind.NoUsableRows, Assert.Throws<DataException>(() => FeatureMatrix.Read(table, features, "label", bad)).Error.Kind);
                return;
            }
            var m = FeatureMatrix.Read(table, features, "label", bad);
            Assert.Equal(expected, m.Values);
            Assert.Equal(labels, m.Labels);
            Assert.Equal(lines, m.Lines);
            Assert.Equal(rows.Length - lines.Count, bad.Skipped);
        }, "0000feature01", iter: 60);
    }
}
