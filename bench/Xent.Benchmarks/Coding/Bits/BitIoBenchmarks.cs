using BenchmarkDotNet.Attributes;
using Xent.Coding;

namespace Xent.Benchmarks.Coding;

/// <summary>
/// The public, checked bit I/O a new coder starts with: 1,000,000 values of <see cref="Width"/> bits written with
/// <see cref="BitWriter.WriteBits"/> and read back with <see cref="BitReader.ReadBits"/> (the Huffman coder's hot loops use
/// the unchecked members instead; <c>./xent bench huffman</c> measures those).
/// </summary>
[MemoryDiagnoser]
public class BitIoBenchmarks
{
    private const int Count = 1_000_000;
    private ulong[] _values = [];
    private byte[] _buffer = [];

    [Params(5, 11, 23)]
    public int Width { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        _values = Enumerable.Range(0, Count).Select(_ => (ulong)rng.NextInt64() & ((1UL << Width) - 1)).ToArray();
        _buffer = new byte[(Count * Width + 7) / 8 + 8];
        Write();
    }

    [Benchmark]
    public int Write()
    {
        var writer = new BitWriter(_buffer);
        foreach (ulong v in _values) writer.WriteBits(v, Width);
        return writer.Complete();
    }

    [Benchmark]
    public ulong Read()
    {
        var reader = new BitReader(_buffer);
        ulong sum = 0;
        for (int i = 0; i < Count; i++) sum += reader.ReadBits(Width);
        return sum;
    }
}

// Results (BenchmarkDotNet v0.15.8, --job short, AMD EPYC 2.10GHz, 2 cores shared with other builds — load average ≈ 20,
// so the errors are wide; .NET 10), 10^6 values per call, so ns per value = Mean[ms]:
// | Method | Width | Mean     | Error      | StdDev    |
// |------- |------ |---------:|-----------:|----------:|
// | Write  | 5     | 2.496 ms |  6.1965 ms | 0.3397 ms |
// | Read   | 5     | 1.890 ms |  0.2586 ms | 0.0142 ms |
// | Write  | 11    | 2.753 ms |  2.6770 ms | 0.1467 ms |
// | Read   | 11    | 2.735 ms |  9.3975 ms | 0.5151 ms |
// | Write  | 23    | 4.330 ms | 20.4317 ms | 1.1199 ms |
// | Read   | 23    | 3.930 ms |  5.9267 ms | 0.3249 ms |
