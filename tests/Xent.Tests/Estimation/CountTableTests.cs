using System.Text;
using CsCheck;
using Xent.Tests.Properties;
using Xent.Estimation;

namespace Xent.Tests.Estimation;

public class CountTableTests
{
    [Fact]
    public void CountsTotalsAndDistinct()
    {
        var table = new CountTable<string>();
        table.AddRange(["a", "b", "a", "c", "a"]);
        table.Add("b", 3);
        table.Add("z", 0);
        Assert.Equal(8, table.Total);
        Assert.Equal(3, table.Distinct);
        Assert.Equal(3, table["a"]);
        Assert.Equal(4, table["b"]);
        Assert.Equal(0, table["z"]);
        Assert.Equal(["a", "b", "c"], table.SortedSymbols());
        Assert.Equal([3L, 4, 1], table.ToCounts());
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Add("a", -1));
        Assert.Throws<OverflowException>(() => table.Add("q", long.MaxValue));
    }

    private static readonly Gen<(int[] Symbols, int Cut1, int Cut2)> SplitSamples =
        from symbols in Gen.Int[0, 12].Array[0, 200]
        from cut1 in Gen.Int[0, symbols.Length]
        from cut2 in Gen.Int[cut1, symbols.Length]
        select (symbols, cut1, cut2);

    private static CountTable<int> CountOf(ReadOnlySpan<int> symbols)
    {
        var table = new CountTable<int>();
        table.AddRange(symbols);
        return table;
    }

    private static void AssertSame(CountTable<int> expected, CountTable<int> actual)
    {
        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(expected.SortedSymbols(), actual.SortedSymbols());
        Assert.Equal(expected.ToCounts(), actual.ToCounts());
    }

    [Fact]
    public void MergeOfPartsEqualsCountingTheUnionAssociativelyAndCommutatively() => SplitSamples.SampleFixed(t =>
    {
        var all = CountOf(t.Symbols);
        var a = CountOf(t.Symbols.AsSpan(0, t.Cut1));
        var b = CountOf(t.Symbols.AsSpan(t.Cut1, t.Cut2 - t.Cut1));
        var c = CountOf(t.Symbols.AsSpan(t.Cut2));
        AssertSame(all, CountTable<int>.Merge(CountTable<int>.Merge(a, b), c));
        AssertSame(all, CountTable<int>.Merge(a, CountTable<int>.Merge(b, c)));
        AssertSame(all, CountTable<int>.Merge(c, CountTable<int>.Merge(b, a)));
        var inPlace = CountOf(t.Symbols.AsSpan(0, t.Cut1));
        inPlace.MergeFrom(b);
        inPlace.MergeFrom(c);
        AssertSame(all, inPlace);
    }, seed: "0000000000c1", iter: 300);

    [Fact]
    public void ParallelCountingMatchesSequential()
    {
        var random = new Random(5);
        var symbols = Enumerable.Range(0, 100_000).Select(_ => random.Next(1000)).ToArray();
        var parts = Enumerable.Range(0, 4).Select(_ => new CountTable<int>()).ToArray();
        Parallel.For(0, 4, p => parts[p].AddRange(symbols.AsSpan(p * 25_000, 25_000)));
        AssertSame(CountOf(symbols), parts.Aggregate(CountTable<int>.Merge));
    }

    private static CountTable<T> RoundTrip<T>(CountTable<T> table) where T : notnull
    {
        using var stream = new MemoryStream();
        table.WriteJson(stream);
        stream.Position = 0;
        return CountTable<T>.ReadJson(stream);
    }

    [Fact]
    public void JsonRoundTripAndStableLayout()
    {
        var words = new CountTable<string>();
        words.AddRange(["b", "a", "é\"quote", "b", "line\nbreak", "a", "b"]);
        var back = RoundTrip(words);
        Assert.Equal(words.SortedSymbols(), back.SortedSymbols());
        Assert.Equal(words.ToCounts(), back.ToCounts());
        Assert.Equal(words.Total, back.Total);

        var small = new CountTable<string>();
        small.AddRange(["b", "a", "b"]);
        using var stream = new MemoryStream();
        small.WriteJson(stream);
        Assert.Equal("""{"format":"xent.count-table","version":1,"total":3,"distinct":2,"counts":[["a",1],["b",2]]}""",
            Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void JsonRoundTripProperty() => SplitSamples.SampleFixed(t =>
    {
        var table = CountOf(t.Symbols);
        AssertSame(table, RoundTrip(table));
    }, seed: "0000000000c2", iter: 100);

    [Theory]
    [InlineData("""{"format":"other","version":1,"total":1,"distinct":1,"counts":[["a",1]]}""", "format")]
    [InlineData("""{"format":"xent.count-table","version":2,"total":1,"distinct":1,"counts":[["a",1]]}""", "version")]
    [InlineData("""{"format":"xent.count-table","version":1,"total":5,"distinct":1,"counts":[["a",1]]}""", "total 5")]
    [InlineData("""{"format":"xent.count-table","version":1,"total":2,"distinct":2,"counts":[["a",1],["a",1]]}""", "repeats")]
    [InlineData("""{"format":"xent.count-table","version":1,"total":1,"distinct":1,"counts":[["a",-1]]}""", "count -1")]
    [InlineData("""{"format":"xent.count-table","version":1,"total":1,"distinct":1,"counts":[["a"]]}""", "pair")]
    [InlineData("""{"format":"xent.count-table",""", "malformed")]
    public void MalformedJsonIsInvalidData(string json, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => CountTable<string>.ReadJson(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        Assert.Contains(expected, e.Message);
    }
}
