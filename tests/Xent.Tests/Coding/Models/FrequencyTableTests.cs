using System.Buffers;
using CsCheck;
using Xent.Coding;
using Xent.Estimation;
using Xent.Measures;
using Xent.Tests.Properties;

namespace Xent.Tests.Coding;

public class FrequencyTableTests
{
    /// <summary>Relative tolerance when comparing objectives computed in different orders.</summary>
    private const double Tolerance = 1e-12;

    /// <summary>Counts over 1..40 symbols, some zero, flat or skewed, with a precision that leaves room for every symbol.</summary>
    private static readonly Gen<(long[] Counts, int Precision, bool EverySymbol)> Cases =
        from k in Gen.Int[1, 40]
        from counts in Gen.Long[0, 1_000_000].Array[k]
        from zeros in Gen.Bool.Array[k]
        from precision in Gen.Int[1, 16]
        from every in Gen.Bool
        let masked = counts.Select((c, i) => zeros[i] ? 0 : c).ToArray()
        where masked.Any(c => c > 0) && (every ? k : masked.Count(c => c > 0)) <= 1 << precision
        select (masked, precision, every);

    /// <summary>Σ cₛ log fₛ, the quantity the quantization maximizes.</summary>
    private static double Objective(long[] counts, ReadOnlySpan<int> f)
    {
        double sum = 0;
        for (int s = 0; s < counts.Length; s++)
            if (counts[s] > 0) sum += counts[s] * Math.Log(f[s]);
        return sum;
    }

    [Fact]
    public void InvariantsHold() => Cases.SampleFixed(c =>
    {
        var table = FrequencyTable.Quantize(c.Counts, c.Precision, c.EverySymbol);
        Assert.Equal(c.Precision, table.Precision);
        Assert.Equal(c.Counts.Length, table.AlphabetSize);
        Assert.Equal(1L << c.Precision, table.Frequencies.ToArray().Sum(f => (long)f));
        for (int s = 0; s < c.Counts.Length; s++)
        {
            if (c.Counts[s] > 0 || c.EverySymbol) Assert.True(table.Frequencies[s] >= 1, $"symbol {s}");
            else Assert.Equal(0, table.Frequencies[s]);
            Assert.Equal(table.Cumulative[s] + table.Frequencies[s], table.Cumulative[s + 1]);
        }
        Assert.Equal(0, table.Cumulative[0]);
        Assert.Equal(table.Total, table.Cumulative[^1]);
        // Symbol(slot) inverts the cumulative frequencies (every slot when few, else a sample).
        int step = Math.Max(1, table.Total / 4096);
        for (int slot = 0; slot < table.Total; slot += step)
        {
            int s = table.Symbol(slot);
            Assert.InRange(slot, table.Cumulative[s], table.Cumulative[s + 1] - 1);
        }
    }, seed: "0000000000f1", iter: 400);

    [Fact]
    public void NoUnitMoveImproves() => Cases.SampleFixed(c =>
    {
        // The optimality condition: moving one unit from any symbol (keeping it ≥ 1) to any other never raises Σ c log f.
        var table = FrequencyTable.Quantize(c.Counts, c.Precision, c.EverySymbol);
        var f = table.Frequencies.ToArray();
        double best = Objective(c.Counts, f);
        for (int from = 0; from < f.Length; from++)
        {
            if (f[from] <= 1) continue;
            for (int to = 0; to < f.Length; to++)
            {
                if (to == from || (f[to] == 0 && !(c.Counts[to] > 0 || c.EverySymbol))) continue;
                f[from]--; f[to]++;
                Assert.True(Objective(c.Counts, f) <= best + Tolerance * Math.Abs(best) + 1e-9, $"moving a unit {from} → {to} improves");
                f[from]++; f[to]--;
            }
        }
    }, seed: "0000000000f2", iter: 200);

    [Fact]
    public void MatchesExhaustiveSearch() =>
        (from k in Gen.Int[1, 4] from counts in Gen.Long[0, 1000].Array[k] from precision in Gen.Int[1, 5] from every in Gen.Bool
         where counts.Any(x => x > 0) && (every ? k : counts.Count(x => x > 0)) <= 1 << precision
         select (counts, precision, every)).SampleFixed(c =>
    {
        var (counts, precision, every) = c;
        int total = 1 << precision;
        double best = double.NegativeInfinity;
        var f = new int[counts.Length];
        Search(0, total);
        var table = FrequencyTable.Quantize(counts, precision, every);
        Assert.Equal(best, Objective(counts, table.Frequencies), Tolerance * Math.Max(1, Math.Abs(best)));

        void Search(int s, int left)
        {
            bool possible = counts[s] > 0 || every;
            if (s == counts.Length - 1)
            {
                if (possible ? left < 1 : left != 0) return;
                f[s] = left;
                best = Math.Max(best, Objective(counts, f));
                return;
            }
            for (int v = possible ? 1 : 0; v <= (possible ? left : 0); v++)
            {
                f[s] = v;
                Search(s + 1, left - v);
            }
        }
    }, seed: "0000000000f3", iter: 300);

    [Fact]
    public void BeatsNaiveRoundingOnASkewedCase()
    {
        // counts 1000, 1, 1 at 4 bits: rounding gives 16, 0, 0, which cannot code two symbols; the fix-up must take 2 units
        // from the large symbol: 14, 1, 1 — the only table with every symbol ≥ 1 and the largest f₀.
        var table = FrequencyTable.Quantize([1000, 1, 1], 4);
        Assert.Equal([14, 1, 1], table.Frequencies.ToArray());
    }

    [Fact]
    public void CrossEntropyIsTheMeasure() => Cases.SampleFixed(c =>
    {
        var table = FrequencyTable.Quantize(c.Counts, c.Precision, c.EverySymbol);
        double n = c.Counts.Sum();
        var p = c.Counts.Select(x => x / n).ToArray();
        var q = Enumerable.Range(0, table.AlphabetSize).Select(table.Probability).ToArray();
        double expected = Discrete.CrossEntropy(p, q, LogBase.Bits).Value;
        var ce = table.CrossEntropy(c.Counts);
        Assert.Equal(LogBase.Bits, ce.Base);
        Assert.Equal(expected, ce.Value, 1e-9 * Math.Max(1, expected));
        Assert.Equal(ce.Value * n, table.CodeLength(c.Counts).Value, 1e-9 * Math.Max(1, ce.Value * n));
        // Gibbs: the quantized model never beats the empirical entropy.
        Assert.True(ce.Value >= Discrete.Entropy(p, LogBase.Bits).Value - 1e-9);
        var lengths = new double[table.AlphabetSize];
        table.CodeLengths(lengths);
        for (int s = 0; s < lengths.Length; s++)
            Assert.Equal(table.Frequencies[s] == 0 ? double.PositiveInfinity : -Math.Log2(q[s]), lengths[s], 1e-12);
    }, seed: "0000000000f4", iter: 200);

    [Fact]
    public void ZeroFrequencyCostsInfinity()
    {
        var table = new FrequencyTable([3, 0, 5], 3);
        Assert.Equal(double.PositiveInfinity, table.CodeLength(1));
        Assert.Equal(3 - Math.Log2(5), table.CodeLength(2));
        Assert.Equal(double.PositiveInfinity, table.CodeLength([1, 1, 1]).Value);
        Assert.Equal(3 * (3 - Math.Log2(3)), table.CodeLength([3, 0]).Value, 1e-12);
        Assert.Equal(0, table.CrossEntropy([0, 0, 0]).Value);
        Assert.Equal(0, table.CrossEntropy([]).Value);
    }

    [Fact]
    public void EverySymbolWithoutCountsIsUniform()
    {
        var table = FrequencyTable.Quantize([0, 0, 0], 3, everySymbol: true);
        Assert.Equal([3, 3, 2], table.Frequencies.ToArray());
        var seen = FrequencyTable.Quantize([0, 10, 0, 0], 4, everySymbol: true);
        Assert.Equal([1, 13, 1, 1], seen.Frequencies.ToArray());
    }

    [Fact]
    public void DenseCountsOverloadAgrees()
    {
        var counts = DenseCounts.ForBytes();
        counts.AddBytes("abracadabra, a table of bytes"u8);
        Assert.Equal(FrequencyTable.Quantize(counts.Counts, 12).Frequencies.ToArray(), FrequencyTable.Quantize(counts, 12).Frequencies.ToArray());
    }

    [Fact]
    public void ConstructorAndQuantizeValidate()
    {
        Assert.Throws<ArgumentException>(() => new FrequencyTable([3, 4], 3));
        Assert.Throws<ArgumentException>(() => new FrequencyTable([9, -1], 3));
        Assert.Throws<ArgumentException>(() => new FrequencyTable([], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrequencyTable([1], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrequencyTable(new int[2] { 1 << 24, 1 << 24 }, 25));
        Assert.Throws<ArgumentException>(() => FrequencyTable.Quantize([0, 0], 4));
        Assert.Throws<ArgumentException>(() => FrequencyTable.Quantize([1, -2], 4));
        var tooMany = Assert.Throws<ArgumentOutOfRangeException>(() => FrequencyTable.Quantize([1, 1, 1, 1, 1], 2));
        Assert.Equal("precision", tooMany.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrequencyTable([4], 2).Symbol(4));
        Assert.Throws<ArgumentException>(() => new FrequencyTable([4], 2).CodeLength([1, 2]));
    }

    [Fact]
    public void HandWorkedSerialization()
    {
        // P = 4, K = 5, frequencies 3, 0, 0, 0, 13: precision byte, K, 3, a zero run of 3 (0 then 3 − 1), 13.
        var table = new FrequencyTable([3, 0, 0, 0, 13], 4);
        var bytes = new byte[table.SerializedLength];
        Assert.Equal(6, table.WriteTo(bytes));
        Assert.Equal([0x04, 0x05, 0x03, 0x00, 0x02, 0x0D], bytes);
        var read = FrequencyTable.Read(bytes, out int consumed);
        Assert.Equal(6, consumed);
        Assert.Equal(table.Frequencies.ToArray(), read.Frequencies.ToArray());
    }

    [Fact]
    public void SerializationRoundTripsAndEveryTruncationNeedsMoreData() => Cases.SampleFixed(c =>
    {
        var table = FrequencyTable.Quantize(c.Counts, c.Precision, c.EverySymbol);
        var bytes = new byte[table.SerializedLength + 2];
        int size = table.WriteTo(bytes);
        Assert.Equal(table.SerializedLength, size);
        Assert.Equal(OperationStatus.Done, FrequencyTable.TryRead(bytes, out var read, out int consumed));
        Assert.Equal(size, consumed);
        Assert.Equal(table.Precision, read!.Precision);
        Assert.Equal(table.Frequencies.ToArray(), read.Frequencies.ToArray());
        for (int cut = 0; cut < size; cut++)
        {
            Assert.Equal(OperationStatus.NeedMoreData, FrequencyTable.TryRead(bytes.AsSpan(0, cut), out var none, out consumed));
            Assert.Null(none);
            Assert.Throws<InvalidDataException>(() => FrequencyTable.Read(bytes.AsSpan(0, cut), out _));
        }
    }, seed: "0000000000f5", iter: 200);

    [Fact]
    public void CorruptTablesAreInvalid()
    {
        byte[][] corrupt =
        [
            [0x00, 0x01, 0x01],             // precision 0
            [0x19, 0x01, 0x01],             // precision 25
            [0x04, 0x00],                   // K = 0
            [0x04, 0x02, 0x03, 0x0C],       // 3 + 12 ≠ 16
            [0x04, 0x03, 0x00, 0x00, 0x00, 0x00, 0x10], // two zero runs in a row
            [0x04, 0x02, 0x00, 0x02],       // a run of 3 zeros in a 2-symbol alphabet
            [0x04, 0x01, 0x11],             // a frequency above 2^P
            [0x04, 0x01, 0x90, 0x00],       // overlong varint for 16
            [0x04, 0x83, 0x80, 0x04, 0x10], // K = 65,539 > 65,536
        ];
        foreach (var bytes in corrupt)
        {
            Assert.Equal(OperationStatus.InvalidData, FrequencyTable.TryRead(bytes, out _, out _));
            Assert.Throws<InvalidDataException>(() => FrequencyTable.Read(bytes, out _));
        }
    }

    [Fact]
    public void RandomBytesNeverCrashTheReader() =>
        Gen.Byte.Array[0, 40].SampleFixed(junk =>
    {
        var status = FrequencyTable.TryRead(junk, out var table, out int consumed);
        if (status == OperationStatus.Done) Assert.Equal(table!.Total, table.Cumulative[^1]);
        else Assert.Equal(0, consumed);
    }, seed: "0000000000f6", iter: 3000);
}
