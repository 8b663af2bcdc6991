using BenchmarkDotNet.Attributes;
using Xent.Coding;

namespace Xent.Benchmarks.Coding;

/// <summary>Code construction for a 256-symbol alphabet (byte counts of a text): lengths only, unlimited and 11-bit limited.</summary>
[MemoryDiagnoser]
public class HuffmanConstruction
{
    private readonly long[] _counts = new long[256];
    private readonly int[] _lengths = new int[256];

    [GlobalSetup]
    public void Setup()
    {
        foreach (byte b in Corpus.Text) _counts[b]++;
        for (int i = 0; i < _counts.Length; i++) _counts[i]++; // every symbol present: the full 256-leaf tree
    }

    [Benchmark(Baseline = true)]
    public int Unlimited() => Huffman.CodeLengths(_counts, _lengths);

    [Benchmark]
    public int LimitedTo11Bits() => Huffman.LengthLimitedCodeLengths(_counts, 11, _lengths);
}

// Results (BenchmarkDotNet v0.15.8, --job short, AMD EPYC 2.10GHz, 2 cores shared with other builds, .NET 10.0.12, 2026-11-23):
// | Method          | Mean      | Error     | StdDev    | Ratio | Allocated |
// |---------------- |----------:|----------:|----------:|------:|----------:|
// | Unlimited       |  3.912 us |  2.923 us | 0.1602 us |  1.00 |         - |
// | LimitedTo11Bits | 17.034 us | 15.674 us | 0.8592 us |  4.36 |         - |
