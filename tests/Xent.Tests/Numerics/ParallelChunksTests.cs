using Xent.Estimation;
using Xent.Losses;
using Xent.Measures;
using Xent.Numerics;
using Xent.Tests.Reference;

namespace Xent.Tests.Numerics;

public class ParallelChunksTests
{
    [Theory]
    [InlineData(0L, 1, 1)]
    [InlineData(10L, 3, 1)]
    [InlineData(1000L, 3, 64)]
    [InlineData(1_000_003L, 4, 64)]
    [InlineData(13L * (1 << 20) + 5, 3, 1 << 20)]
    public void ChunksCoverTheRangeOnceAndStartAligned(long length, int chunks, int alignment)
    {
        long next = 0;
        for (int k = 0; k < chunks; k++)
        {
            var (start, end) = ParallelChunks.Bounds(length, chunks, k, alignment);
            Assert.Equal(next, start);
            Assert.True(end >= start);
            Assert.True(start == length || start % alignment == 0, $"chunk {k} starts at {start}");
            next = end;
        }
        Assert.Equal(length, next);
    }

    [Theory]
    [InlineData(1000L, 10L, 1, 1)]
    [InlineData(1000L, 10L, 4, 4)]
    [InlineData(1000L, 400L, 4, 2)]
    [InlineData(5L, 10L, 4, 1)]
    public void ChunkCountIsTheDegreeCappedByTheMinimumLength(long length, long minChunk, int degree, int chunks) =>
        Assert.Equal(chunks, ParallelChunks.ChunkCount(length, minChunk, degree));

    [Fact]
    public void MinusOneMeansEveryCore()
    {
        Assert.Equal(Environment.ProcessorCount, ParallelChunks.Threads(-1));
        Assert.Equal(Math.Min(Environment.ProcessorCount, 7), ParallelChunks.ChunkCount(7, 1, -1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(int.MinValue)]
    public void ZeroAndBelowMinusOneAreRejectedEverywhere(int degree)
    {
        double[] p = [0.5, 0.5];
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Discrete.Entropy(p, options: new() { MaxDegreeOfParallelism = degree }));
        Assert.Contains("MaxDegreeOfParallelism", e.Message);
        Assert.Contains(degree.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message);
        e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            SoftmaxCrossEntropy.Compute(new double[] { 1, 2 }, 2, [0], options: new() { MaxDegreeOfParallelism = degree }));
        Assert.Contains("MaxDegreeOfParallelism", e.Message);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => DenseCounts.OfFile("does-not-matter", degree));
        Assert.Contains("maxDegreeOfParallelism", e.Message);
    }

    private struct Sum : IChunkJob<double>
    {
        public double[] Values;
        public int FailAt;

        public readonly double Run(long start, long end)
        {
            double sum = 0;
            for (long i = start; i < end; i++)
            {
                if (i == FailAt) throw new InvalidOperationException($"element {i}");
                sum += Values[i];
            }
            return sum;
        }

        public static void Combine(ref double total, in double next) => total += next;
    }

    [Fact]
    public void OneChunkRunsInlineWithoutAllocating()
    {
        var job = new Sum { Values = Enumerable.Range(0, 1000).Select(i => 1.0 / (i + 1)).ToArray(), FailAt = -1 };
        ParallelChunks.Run<Sum, double>(job, 1000, 1, 1); // compiled before measuring
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = ParallelChunks.Run<Sum, double>(job, 1000, 1, 1);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(job.Values.Sum(), sum);
    }

    [Fact]
    public void TheFirstFailingChunksExceptionIsRethrown()
    {
        var job = new Sum { Values = new double[4000], FailAt = 2500 };
        for (int repeat = 0; repeat < 5; repeat++)
        {
            Assert.Equal("element 2500", Assert.Throws<InvalidOperationException>(() => ParallelChunks.Run<Sum, double>(job, 4000, 1, 4)).Message);
            // Two failing chunks: the earlier one's exception, whichever thread finished first.
            Assert.Equal("element 2500", Assert.Throws<InvalidOperationException>(() =>
                ParallelChunks.Run<RangeFail, double>(new RangeFail { FailFrom = 2500 }, 4000, 1, 4)).Message);
        }
    }

    private struct RangeFail : IChunkJob<double>
    {
        public int FailFrom;

        public readonly double Run(long start, long end)
        {
            if (end > FailFrom) throw new InvalidOperationException($"element {Math.Max(start, FailFrom)}");
            return 0;
        }

        public static void Combine(ref double total, in double next) => total += next;
    }

    public static TheoryData<int> Degrees() => new() { 1, 2, 3, 4, -1 };

    [Theory]
    [MemberData(nameof(Degrees))]
    public void MeasuresAreBitIdenticalAcrossRunsForAGivenThreadCount(int degree)
    {
        var random = new Random(degree + 10);
        double[] p = RandomDistributions.Create(random, 300_001), q = RandomDistributions.Positive(random, 300_001);
        float[] pf = Array.ConvertAll(p, x => (float)x);
        var options = new MeasureOptions { MaxDegreeOfParallelism = degree, Normalization = Normalization.AsIs };
        double[] Run() =>
        [
            Discrete.Entropy(p, options: options).Value, Discrete.CrossEntropy(p, q, options: options).Value,
            Discrete.KlDivergence(p, q, options: options).Value, Discrete.JsDivergence(p, q, options: options).Value,
            Discrete.Entropy(pf, options: options).Value,
        ];
        var first = Run();
        for (int repeat = 0; repeat < 3; repeat++) Assert.Equal(first.Select(BitConverter.DoubleToInt64Bits), Run().Select(BitConverter.DoubleToInt64Bits));
        if (degree == -1)
        {
            var cores = options with { MaxDegreeOfParallelism = Environment.ProcessorCount };
            Assert.Equal(BitConverter.DoubleToInt64Bits(first[2]), BitConverter.DoubleToInt64Bits(Discrete.KlDivergence(p, q, options: cores).Value));
        }
    }

    [Theory]
    [MemberData(nameof(Degrees))]
    public void LossesAreBitIdenticalForEveryThreadCount(int degree)
    {
        var random = new Random(4);
        const int n = 700, c = 600;
        var logits = new float[n * c];
        for (int i = 0; i < logits.Length; i++) logits[i] = (float)(random.NextDouble() * 10 - 5);
        var targets = Enumerable.Range(0, n).Select(i => random.Next(c)).ToArray();
        var serialGradient = new float[n * c];
        double serial = SoftmaxCrossEntropy.Compute(logits, c, targets, serialGradient);
        for (int repeat = 0; repeat < 3; repeat++)
        {
            var gradient = new float[n * c];
            double loss = SoftmaxCrossEntropy.Compute(logits, c, targets, gradient, new() { MaxDegreeOfParallelism = degree });
            Assert.Equal(BitConverter.DoubleToInt64Bits(serial), BitConverter.DoubleToInt64Bits(loss));
            Assert.True(serialGradient.AsSpan().SequenceEqual(gradient));
        }
    }

    [Theory]
    [MemberData(nameof(Degrees))]
    public void FileCountsAreTheSameForEveryThreadCount(int degree)
    {
        var bytes = new byte[9 * DenseCounts.StreamBufferSize + 17];
        new Random(degree + 20).NextBytes(bytes);
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, bytes);
            var expected = new long[256];
            foreach (byte b in bytes) expected[b]++;
            for (int repeat = 0; repeat < 2; repeat++) Assert.Equal(expected, DenseCounts.OfFile(path, degree).Counts.ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }
}

public class ParallelismDocumentationTests
{
    /// <summary>The sentence every MaxDegreeOfParallelism's documentation starts with, whitespace collapsed.</summary>
    private const string Sentence =
        "The most threads this may use: 1 (the default) runs on the calling thread, −1 means every core " +
        "(System.Environment.ProcessorCount), and 0 or a value below −1 is rejected with System.ArgumentOutOfRangeException. " +
        "The work is cut into equal contiguous chunks whose partial results are combined in chunk order, so the result is " +
        "bit-identical from run to run for a given input and thread count.";

    [Fact]
    public void EveryMaxDegreeOfParallelismSaysTheSameSentence()
    {
        string path = Path.ChangeExtension(typeof(ParallelChunks).Assembly.Location, ".xml");
        var members = System.Xml.Linq.XDocument.Load(path).Descendants("member").ToArray();
        string Text(System.Xml.Linq.XElement e) => System.Text.RegularExpressions.Regex.Replace(string.Concat(e.Nodes().Select(n =>
            n is System.Xml.Linq.XElement { Name.LocalName: "see" } see ? ((string?)see.Attribute("cref"))?[2..] : n is System.Xml.Linq.XText t ? t.Value : "")), @"\s+", " ").Trim();
        var documented = new List<string>();
        foreach (var member in members)
        {
            string name = (string)member.Attribute("name")!;
            if (name.EndsWith(".MaxDegreeOfParallelism", StringComparison.Ordinal)) documented.Add(Text(member.Element("summary")!));
            foreach (var param in member.Elements("param").Where(p => (string?)p.Attribute("name") == "maxDegreeOfParallelism"))
                documented.Add(Text(param));
        }
        Assert.True(documented.Count >= 3, $"found {documented.Count}"); // MeasureOptions, CrossEntropyOptions, DenseCounts.OfFile
        foreach (var text in documented) Assert.StartsWith(Sentence, text);
    }
}
