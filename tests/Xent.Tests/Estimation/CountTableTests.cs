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
        Assert.Equal("""{"format":"xent.count-table","version":2,"symbol":"string","total":3,"distinct":2,"counts":[["a",1],["b",2]]}""",
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
    [InlineData("""{"format":"xent.count-table","version":3,"total":1,"distinct":1,"counts":[["a",1]]}""", "version 3")]
    [InlineData("""{"format":"xent.count-table","version":2,"symbol":"int32","total":1,"distinct":1,"counts":[["a",1]]}""", "holds symbols of type \"int32\", not string")]
    [InlineData("""{"format":"xent.count-table","version":2,"symbol":"string","total":1,"distinct":1,"counts":[[5,1]]}""", "symbol element 5 is not a string")]
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

    [Fact]
    public void VersionOneJsonStillReads()
    {
        var json = """{"format":"xent.count-table","version":1,"total":5,"distinct":2,"counts":[[3,2],[-7,3]]}""";
        var table = CountTable<int>.ReadJson(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(3, table[-7]);
        Assert.Equal(5, table.Total);
    }

    [Fact]
    public void MergingTablesWithDifferentComparersIsRefused()
    {
        var ordinal = new CountTable<string>(StringComparer.Ordinal);
        var ignoreCase = new CountTable<string>(StringComparer.OrdinalIgnoreCase);
        ordinal.AddRange(["a", "A"]);
        ignoreCase.AddRange(["a", "A"]);
        // Left-operand-wins would give 3 distinct symbols one way and 1 the other: refused both ways, naming both comparers.
        var e = Assert.Throws<ArgumentException>(() => CountTable<string>.Merge(ordinal, ignoreCase));
        Assert.Contains("a compares symbols with StringComparer.Ordinal but b with StringComparer.OrdinalIgnoreCase", e.Message);
        Assert.Contains("a compares symbols with StringComparer.OrdinalIgnoreCase but b with StringComparer.Ordinal",
            Assert.Throws<ArgumentException>(() => CountTable<string>.Merge(ignoreCase, ordinal)).Message);
        Assert.Throws<ArgumentException>(() => ordinal.MergeFrom(ignoreCase));
        Assert.Equal(2, ordinal.Total);

        // The default string comparer is ordinal: such tables merge with explicitly ordinal ones.
        var byDefault = new CountTable<string>();
        byDefault.Add("a");
        Assert.Same(StringComparer.Ordinal, byDefault.Comparer);
        Assert.Equal(2, CountTable<string>.Merge(byDefault, ordinal)["a"]);
        byDefault.MergeFrom(byDefault);
        Assert.Equal(2, byDefault["a"]);
        Assert.Equal(2, byDefault.Total);
    }

    [Fact]
    public void ComparerRefusalMakesMergeAssociativeInFact() =>
        Gen.Int[0, 3].Select(i => new[] { "a", "A", "b", "B" }[i]).Array[0, 20].Array[3].Select(Gen.Bool.Array[3]).SampleFixed((parts, ignoreCase) =>
        {
            var tables = parts.Select((p, i) =>
            {
                var t = new CountTable<string>(ignoreCase[i] ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
                t.AddRange(p);
                return t;
            }).ToArray();
            // Either every grouping and order gives the same table, or every one is refused. "The same" is under the comparer:
            // with OrdinalIgnoreCase, which spelling represents {a, A} is the first one a table saw, and that may differ.
            var results = new Func<CountTable<string>>[]
            {
                () => CountTable<string>.Merge(CountTable<string>.Merge(tables[0], tables[1]), tables[2]),
                () => CountTable<string>.Merge(tables[0], CountTable<string>.Merge(tables[1], tables[2])),
                () => CountTable<string>.Merge(tables[2], CountTable<string>.Merge(tables[1], tables[0])),
            }.Select(f => { try { return f(); } catch (ArgumentException) { return null; } }).ToArray();
            bool same = ignoreCase.Distinct().Count() == 1;
            Assert.All(results, r => Assert.Equal(same, r is not null));
            if (same)
                foreach (var r in results)
                {
                    Assert.Equal(results[0]!.Total, r!.Total);
                    Assert.Equal(results[0]!.Distinct, r.Distinct);
                    foreach (var symbol in new[] { "a", "A", "b", "B" }) Assert.Equal(results[0]![symbol], r[symbol]);
                }
        }, seed: "0000000000c3", iter: 100);

    private enum Weather : short { Sunny = -1, Rainy = 3, Overcast = 700 }

    private enum Big : ulong { Huge = ulong.MaxValue, Small = 1 }

    /// <summary>Writes a table of <paramref name="symbols"/> (counts 1, 2, …) as JSON and binary, reads both back, and compares.</summary>
    private static void AssertRoundTrips<T>(params T[] symbols) where T : notnull
    {
        var table = new CountTable<T>();
        for (int i = 0; i < symbols.Length; i++) table.Add(symbols[i], i + 1);
        using var json = new MemoryStream();
        table.WriteJson(json);
        using var binary = new MemoryStream();
        table.WriteTo(binary);
        foreach (var back in new[] { CountTable<T>.ReadJson(new MemoryStream(json.ToArray())), CountTable<T>.ReadFrom(new MemoryStream(binary.ToArray())) })
        {
            Assert.Equal(table.Total, back.Total);
            Assert.Equal(table.SortedSymbols(), back.SortedSymbols());
            Assert.Equal(table.ToCounts(), back.ToCounts());
            foreach (var symbol in symbols) Assert.Equal(table[symbol], back[symbol]);
        }
        CountTableFuzz.AssertEveryCorruptionRejected(binary.ToArray(), b => CountTable<T>.ReadFrom(new MemoryStream(b)));
    }

    [Fact]
    public void EverySupportedSymbolTypeRoundTripsInJsonAndBinary()
    {
        AssertRoundTrips("a", "", "é\"quote", "line\nbreak", "🙂", "\u0000");
        AssertRoundTrips(true, false);
        AssertRoundTrips('a', '\0', '\uFFFF', '\uD800'); // chars are UTF-16 code units: a lone surrogate is a valid char
        AssertRoundTrips(sbyte.MinValue, (sbyte)0, sbyte.MaxValue);
        AssertRoundTrips(byte.MinValue, byte.MaxValue);
        AssertRoundTrips(short.MinValue, (short)-1, short.MaxValue);
        AssertRoundTrips(ushort.MinValue, ushort.MaxValue);
        AssertRoundTrips(int.MinValue, 0, int.MaxValue);
        AssertRoundTrips(uint.MinValue, uint.MaxValue);
        AssertRoundTrips(long.MinValue, 0L, long.MaxValue);
        AssertRoundTrips(ulong.MinValue, ulong.MaxValue);
        AssertRoundTrips(0.1f, -3.4e38f, float.Epsilon, float.NaN, float.PositiveInfinity, float.NegativeInfinity);
        AssertRoundTrips(0.1, 1.0 / 3, -1e308, double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0);
        AssertRoundTrips(Weather.Sunny, Weather.Rainy, Weather.Overcast, (Weather)12);
        AssertRoundTrips(Big.Huge, Big.Small);
        AssertRoundTrips(ValueTuple.Create(4), ValueTuple.Create(-4));
        AssertRoundTrips((0, 1, 2), (2, 1, 0), (0, 0, 0));
        AssertRoundTrips(("x", true, 1.5), ("x", false, double.NaN), ("", true, -2.0));
        AssertRoundTrips((1, 'c', "s", Weather.Rainy, 2UL, (byte)3, 4.5f), (1, 'd', "s", Weather.Sunny, 2UL, (byte)3, 4.5f));
        AssertRoundTrips<string>(); // empty table
    }

    [Fact]
    public void TuplesAreJsonArraysAndTheirTypeIsNamed()
    {
        var table = new CountTable<(int, int, int)>();
        table.Add((1, 2, 3), 5);
        table.Add((0, 9, 9));
        using var stream = new MemoryStream();
        table.WriteJson(stream);
        Assert.Equal("""{"format":"xent.count-table","version":2,"symbol":["int32","int32","int32"],"total":6,"distinct":2,"counts":[[[0,9,9],1],[[1,2,3],5]]}""",
            Encoding.UTF8.GetString(stream.ToArray()));
        var e = Assert.Throws<InvalidDataException>(() => CountTable<(int, int)>.ReadJson(new MemoryStream(stream.ToArray())));
        Assert.Contains("""holds symbols of type ["int32","int32","int32"], not (int32, int32)""", e.Message);
        using var binary = new MemoryStream();
        table.WriteTo(binary);
        e = Assert.Throws<InvalidDataException>(() => CountTable<(int, long, int)>.ReadFrom(new MemoryStream(binary.ToArray())));
        Assert.Contains("holds symbols of type (int32, int32, int32), not (int32, int64, int32)", e.Message);
    }

    [Fact]
    public void UnsupportedSymbolTypesAreRefusedBeforeWriting()
    {
        void AssertRefused<T>(T symbol, string named) where T : notnull
        {
            var table = new CountTable<T>();
            table.Add(symbol);
            using var stream = new MemoryStream();
            Assert.Contains(named, Assert.Throws<NotSupportedException>(() => table.WriteJson(stream)).Message);
            Assert.Contains(named, Assert.Throws<NotSupportedException>(() => table.WriteTo(stream)).Message);
            Assert.Equal(0, stream.Length);
        }
        AssertRefused(DateTime.UnixEpoch, "System.DateTime");
        AssertRefused(1.5m, "System.Decimal");
        AssertRefused((1, Guid.Empty), "its element System.Guid is not supported");
        AssertRefused(((1, 2), 3), "its element System.ValueTuple`2[System.Int32,System.Int32] is not supported");
        AssertRefused(new object(), "System.Object");
        AssertRefused("bad \uD800 surrogate", "lone surrogate at index 4");
        Assert.Throws<NotSupportedException>(() => CountTable<DateTime>.ReadJson(new MemoryStream("{}"u8.ToArray())));
    }
}
