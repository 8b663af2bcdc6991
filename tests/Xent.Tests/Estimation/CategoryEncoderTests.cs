using CsCheck;
using Xent.Estimation;
using Xent.Tests.Properties;

namespace Xent.Tests.Estimation;

public class CategoryEncoderTests
{
    [Fact]
    public void CodesInFirstSeenOrderWithNamesKept()
    {
        var encoder = new CategoryEncoder<string>();
        Assert.Equal([0, 1, 0, 2, 1], new[] { "sunny", "rainy", "sunny", "overcast", "rainy" }.Select(encoder.Encode).ToArray());
        Assert.Equal(["sunny", "rainy", "overcast"], encoder.Categories);
        Assert.Equal("overcast", encoder[2]);
        Assert.Equal(3, encoder.Count);
        Assert.True(encoder.TryGetCode("rainy", out int code));
        Assert.Equal(1, code);
        Assert.False(encoder.TryGetCode("snow", out _));
        Assert.Equal(3, encoder.Count); // TryGetCode assigns nothing
        Assert.Same(StringComparer.Ordinal, encoder.Comparer);
        Assert.Equal(3, encoder.Encode("Sunny")); // ordinal: case matters
        Assert.Throws<ArgumentOutOfRangeException>(() => encoder[4]);

        var ignoreCase = new CategoryEncoder<string>(StringComparer.OrdinalIgnoreCase);
        Assert.Equal([0, 0, 1], new[] { "a", "A", "b" }.Select(ignoreCase.Encode).ToArray());
        var tuples = new CategoryEncoder<(int, bool)>();
        Assert.Equal([0, 1, 0], new[] { (1, true), (1, false), (1, true) }.Select(tuples.Encode).ToArray());
    }

    [Fact]
    public void SpanEncodingMatchesStringEncoding()
    {
        var text = "b,a,b,c,a,,b";
        foreach (var comparer in new IEqualityComparer<string>?[] { null, StringComparer.OrdinalIgnoreCase, new LengthComparer() })
        {
            var byString = new CategoryEncoder<string>(comparer);
            var bySpan = new CategoryEncoder<string>(comparer);
            var fields = text.Split(',');
            int start = 0;
            foreach (var field in fields)
            {
                Assert.Equal(byString.Encode(field), bySpan.Encode(text.AsSpan(start, field.Length)));
                start += field.Length + 1;
            }
            Assert.Equal(byString.Categories, bySpan.Categories);
        }
    }

    private sealed class LengthComparer : IEqualityComparer<string>
    {
        public bool Equals(string? x, string? y) => x?.Length == y?.Length;
        public int GetHashCode(string s) => s.Length;
    }

    [Fact]
    public void CounterMatchesANaiveCountOfValueTuples() =>
        Gen.Int[0, 3].Select(i => new[] { "x", "y", "z", "w" }[i]).Array[3].Array[0, 120].SampleFixed(rows =>
        {
            var counter = new ContingencyCounter<string>(3);
            counter.AddRange(rows);
            var table = counter.Table;
            Assert.Equal(rows.Length, table.Total);
            Assert.Equal(counter.Categories.Select(c => c.Count).ToArray(), table.Shape.ToArray());
            var naive = rows.GroupBy(r => (r[0], r[1], r[2])).ToDictionary(g => g.Key, g => (long)g.Count());
            var cells = table.Counts;
            for (int i = 0; i < cells.Length; i++)
            {
                int x = i / (table.Shape[1] * table.Shape[2]), y = i / table.Shape[2] % table.Shape[1], z = i % table.Shape[2];
                var key = (counter.Categories[0][x], counter.Categories[1][y], counter.Categories[2][z]);
                Assert.Equal(naive.GetValueOrDefault(key), cells[i]);
            }
            // First-seen order: the first row's values have code 0.
            if (rows.Length > 0) Assert.Equal(rows[0], counter.Categories.Select(c => c[0]).ToArray());
        }, seed: "00000000ce01", iter: 100);

    [Fact]
    public void CounterStopsAtTheCellLimitWithoutEncodingTheRow()
    {
        var counter = new ContingencyCounter<string>(2, maxCells: 6);
        // (a, p) → 1 × 1, (b, q) → 2 × 2, (c, r) would make 3 × 3 = 9 cells > 6: refused, the rows before it stay counted.
        var e = Assert.Throws<ArgumentException>(() => counter.AddRange([["a", "p"], ["b", "q"], ["c", "r"], ["a", "q"]]));
        Assert.Contains("at least 3 × 3 categories, more than the limit of 6 cells", e.Message);
        Assert.Equal(2, counter.Table.Total);
        Assert.Equal([2, 2], counter.Categories.Select(c => c.Count).ToArray());
        Assert.False(counter.TryAdd(["c", "r"]));
        Assert.Equal([3, 3], counter.PendingShape());
        Assert.True(counter.TryAdd(["a", "r"])); // 2 × 3 = 6 fits
        Assert.Equal([2, 3], counter.Table.Shape.ToArray());
        Assert.Equal(["p", "q", "r"], counter.Categories[1].Categories);
        Assert.Throws<ArgumentException>(() => counter.Add(["a"]));
    }
}
