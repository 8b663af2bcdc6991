using BenchmarkDotNet.Attributes;
using Xent.Coding;

namespace Xent.Benchmarks.Coding;

/// <summary>
/// Encode and decode of 20 MB with an 11-bit-limited code and 4 interleaved streams. Inputs: <see cref="Corpus"/>
/// (text from /usr/share/doc, binaries from /usr/lib). MB/s = 20 / mean time in seconds.
/// </summary>
public class HuffmanStreamThroughput
{
    private byte[] _source = [];
    private byte[] _encoded = [];
    private byte[] _decoded = [];
    private int _size;

    [Params("text", "binary")]
    public string Data { get; set; } = "text";

    [GlobalSetup]
    public void Setup()
    {
        _source = Data == "text" ? Corpus.Text : Corpus.Binary;
        _encoded = new byte[HuffmanStream.MaxEncodedLength(_source.Length)];
        _decoded = new byte[_source.Length];
        _size = HuffmanStream.Encode(_source, _encoded);
    }

    [Benchmark]
    public int Encode() => HuffmanStream.Encode(_source, _encoded);

    [Benchmark]
    public int Decode()
    {
        HuffmanStream.TryDecode(_encoded.AsSpan(0, _size), _decoded, out _, out int written);
        return written;
    }
}
