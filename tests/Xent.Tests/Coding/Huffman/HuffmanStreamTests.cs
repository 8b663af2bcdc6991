using System.Buffers;
using CsCheck;
using Xent.Tests.Properties;
using Xent.Coding;

namespace Xent.Tests.Coding;

public class HuffmanStreamTests
{
    /// <summary>A message over an alphabet of 1..4096 symbols, flat or skewed (geometric-like), of 0..5000 symbols.</summary>
    private static readonly Gen<ushort[]> Messages =
        from alphabet in Gen.Int[1, 4096]
        from skew in Gen.Double[0, 0.999]
        from length in Gen.Int[0, 5000]
        from seed in Gen.Int
        select Message(alphabet, skew, length, seed);

    private static ushort[] Message(int alphabet, double skew, int length, int seed)
    {
        var rng = new Random(seed);
        var m = new ushort[length];
        for (int i = 0; i < length; i++)
        {
            int s = skew < 0.5 ? rng.Next(alphabet) : (int)(Math.Log(1 - rng.NextDouble()) / Math.Log(skew));
            m[i] = (ushort)Math.Min(s, alphabet - 1);
        }
        return m;
    }

    private static byte[] Bytes(int length, int seed, double skew)
    {
        var rng = new Random(seed);
        var m = new byte[length];
        for (int i = 0; i < length; i++) m[i] = (byte)Math.Min(255, (int)(Math.Log(1 - rng.NextDouble()) / Math.Log(skew)));
        return m;
    }

    [Fact]
    public void HandWorkedStream()
    {
        // [0, 0, 1]: n = 3, Huffman kind, alphabet 2, lengths 1 and 1 (byte 0x11), stream sizes 1, 1, 1, 0,
        // quarters [0], [0], [1], []: codewords "0", "0", "1", each padded to a byte.
        byte[] expected = [0x03, 0x01, 0x02, 0x11, 0x01, 0x01, 0x01, 0x00, 0x00, 0x00, 0x01];
        Assert.Equal(expected, HuffmanStream.Encode([0, 0, 1]));
        Assert.Equal([0, 0, 1], HuffmanStream.Decode(expected));
    }

    [Fact]
    public void EveryShortMessage()
    {
        // n = 2 and n = 5 leave the third and fourth streams short or empty (n = 5: 2, 2, 1, 0 symbols).
        for (int n = 0; n <= 40; n++)
        {
            var bytes = Enumerable.Range(0, n).Select(i => (byte)(i * 7 % 5)).ToArray();
            Assert.Equal(bytes, HuffmanStream.Decode(HuffmanStream.Encode(bytes)));
            var symbols = Enumerable.Range(0, n).Select(i => (ushort)(i % 3 == 0 ? 415 : 97 + i % 2)).ToArray();
            var encoded = new byte[HuffmanStream.MaxEncodedLength(n, HuffmanStream.MaxAlphabetSize, HuffmanStream.MaxCodeLength)];
            int size = HuffmanStream.Encode(symbols, encoded);
            Assert.Equal(symbols, HuffmanStream.DecodeSymbols(encoded.AsSpan(0, size)));
        }
    }

    [Fact]
    public void EmptyAndSingleSymbolMessages()
    {
        Assert.Equal([0x00], HuffmanStream.Encode([]));
        Assert.Empty(HuffmanStream.Decode([0x00]));
        var single = HuffmanStream.Encode([7, 7, 7, 7, 7]);
        Assert.Equal([0x05, 0x00, 0x07], single);
        Assert.Equal([7, 7, 7, 7, 7], HuffmanStream.Decode(single));
        Assert.Equal([9], HuffmanStream.Decode(HuffmanStream.Encode([9])));
    }

    [Fact]
    public void ADeclaredLengthIsCheckedBeforeTheArrayIsAllocated()
    {
        // The audit's 7 bytes: count 2^31 − 1 (varint FF FF FF FF 07), kind single (00), symbol 7 — a 2 GiB array before.
        byte[] hostile = [0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0x00, 0x07];
        Assert.Equal(OperationStatus.Done, HuffmanStream.TryGetSymbolCount(hostile, out int declared));
        Assert.Equal(int.MaxValue, declared);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<InvalidDataException>(() => HuffmanStream.Decode(hostile));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "nothing of the declared size was allocated");
        Assert.Contains($"declares {int.MaxValue} symbols, more than the {HuffmanStream.DefaultMaxDecodedSymbols} allowed", e.Message);
        Assert.Throws<InvalidDataException>(() => HuffmanStream.DecodeSymbols(hostile));
        // A destination the caller sized bounds it too: TryDecode says the destination is too small, writing nothing past it.
        Assert.Equal(OperationStatus.DestinationTooSmall, HuffmanStream.TryDecode(hostile, new byte[16], out _, out _));
        // A long run of one symbol is legitimate: decoded when the limit allows it, refused when not.
        var run = HuffmanStream.Encode(new byte[1000]);
        Assert.Equal(new byte[1000], HuffmanStream.Decode(run, maxSymbols: 1000));
        Assert.Throws<InvalidDataException>(() => HuffmanStream.Decode(run, maxSymbols: 999));
        Assert.Throws<ArgumentOutOfRangeException>(() => HuffmanStream.Decode(run, maxSymbols: -1));
    }

    [Fact]
    public void SymbolRoundTrip() => Messages.SampleFixed(m =>
    {
        var encoded = new byte[HuffmanStream.MaxEncodedLength(m.Length, HuffmanStream.MaxAlphabetSize, HuffmanStream.MaxCodeLength)];
        int size = HuffmanStream.Encode(m, encoded);
        var decoded = new ushort[m.Length];
        Assert.Equal(OperationStatus.Done, HuffmanStream.TryDecode(encoded.AsSpan(0, size), decoded, out int consumed, out int written));
        Assert.Equal(size, consumed);
        Assert.Equal(m.Length, written);
        Assert.Equal(m, decoded);
    }, seed: "0000000000s1", iter: 150);

    [Fact]
    public void ByteRoundTripAtEveryLengthLimit() =>
        (from length in Gen.Int[0, 20000] from seed in Gen.Int from skew in Gen.Double[0.05, 0.99] from maxLength in Gen.Int[8, 15]
         select (length, seed, skew, maxLength)).SampleFixed((length, seed, skew, maxLength) =>
    {
        var m = Bytes(length, seed, skew);
        var encoded = new byte[HuffmanStream.MaxEncodedLength(m.Length, 256, maxLength)];
        int size = HuffmanStream.Encode(m, encoded, maxLength);
        Assert.Equal(m, HuffmanStream.Decode(encoded.AsSpan(0, size)));
    }, seed: "0000000000s2", iter: 150);

    [Fact]
    public void TenMillionSymbols()
    {
        var m = Bytes(10_000_000, 11, 0.5);
        var encoded = HuffmanStream.Encode(m);
        Assert.True(encoded.Length < m.Length / 3); // about 2 bits per symbol
        Assert.Equal(m, HuffmanStream.Decode(encoded));
    }

    [Fact]
    public void Deterministic()
    {
        var m = Bytes(100_000, 5, 0.8);
        Assert.Equal(HuffmanStream.Encode(m), HuffmanStream.Encode(m.ToArray()));
    }

    [Fact]
    public void DestinationChecks()
    {
        var m = Bytes(1000, 2, 0.5);
        var encoded = HuffmanStream.Encode(m);
        Assert.Equal(OperationStatus.DestinationTooSmall, HuffmanStream.TryDecode(encoded, new byte[999], out _, out _));
        Assert.Throws<ArgumentException>(() => HuffmanStream.Encode(m, new byte[10]));
        Assert.Throws<ArgumentOutOfRangeException>(() => HuffmanStream.Encode(m, new byte[100_000], 16));
        Assert.Throws<ArgumentException>(() => HuffmanStream.Encode([(ushort)4096], new byte[100]));
        // A byte decoder refuses symbols above 255.
        ushort[] wide = [300, 1, 300];
        var encodedWide = new byte[HuffmanStream.MaxEncodedLength(3, 301, 15)];
        int size = HuffmanStream.Encode(wide, encodedWide);
        Assert.Equal(OperationStatus.InvalidData, HuffmanStream.TryDecode(encodedWide.AsSpan(0, size), new byte[3], out _, out _));
    }

    [Fact]
    public void TruncatedStreamsFailCleanly()
    {
        var m = Bytes(3000, 3, 0.7);
        var encoded = HuffmanStream.Encode(m);
        var output = new byte[m.Length];
        for (int cut = 0; cut < encoded.Length; cut++)
        {
            var status = HuffmanStream.TryDecode(encoded.AsSpan(0, cut), output, out _, out _);
            Assert.True(status is OperationStatus.NeedMoreData or OperationStatus.InvalidData, $"cut {cut}: {status}");
            Assert.Throws<InvalidDataException>(() => HuffmanStream.Decode(encoded.AsSpan(0, cut)));
        }
        Assert.Throws<InvalidDataException>(() => HuffmanStream.Decode([.. encoded, 0]));
    }

    [Fact]
    public void FlippedBitsFailCleanly() =>
        (from length in Gen.Int[1, 3000] from seed in Gen.Int from flips in Gen.Int[1, 4] select (length, seed, flips))
        .SampleFixed((length, seed, flips) =>
    {
        var m = Bytes(length, seed, 0.6);
        var encoded = HuffmanStream.Encode(m);
        var rng = new Random(seed);
        for (int f = 0; f < flips; f++)
        {
            int bit = rng.Next(encoded.Length * 8);
            encoded[bit / 8] ^= (byte)(1 << (bit % 8));
        }
        var output = new byte[m.Length + 16];
        var status = HuffmanStream.TryDecode(encoded, output, out int consumed, out int written);
        // Any status is acceptable; a Done must stay within the input and the destination.
        if (status == OperationStatus.Done) Assert.True(consumed <= encoded.Length && written <= output.Length);
        try { HuffmanStream.Decode(encoded); }
        catch (InvalidDataException) { }
    }, seed: "0000000000s3", iter: 400);

    [Fact]
    public void RandomBytesNeverCrashTheDecoder() =>
        Gen.Byte.Array[0, 200].SampleFixed(junk =>
    {
        HuffmanStream.TryDecode(junk, new byte[4096], out _, out _);
        HuffmanStream.TryDecode(junk, new ushort[4096], out _, out _);
    }, seed: "0000000000s4", iter: 2000);

    [Fact]
    public void EncodeCountsBuildsAndEncodesWithTheCode() =>
        (from length in Gen.Int[0, 20000] from seed in Gen.Int from skew in Gen.Double[0.05, 0.99] from maxLength in Gen.Int[8, 15]
         select (length, seed, skew, maxLength)).SampleFixed((length, seed, skew, maxLength) =>
    {
        // The convenience Encode = count, build the optimal length-limited code, EncodeWithCode: the same bytes.
        var m = Bytes(length, seed, skew);
        var counts = new long[256];
        foreach (byte b in m) counts[b]++;
        if (counts.Count(c => c > 0) < 2) return; // one distinct symbol is written as kind 0 instead
        var lengths = new int[256];
        Huffman.LengthLimitedCodeLengths(counts, maxLength, lengths);
        var withCode = new byte[HuffmanStream.MaxEncodedLength(m.Length, 256, maxLength)];
        int size = HuffmanStream.EncodeWithCode(m, lengths, withCode);
        Assert.Equal(HuffmanStream.Encode(m, maxLength), withCode[..size]);
    }, seed: "0000000000s5", iter: 100);

    [Fact]
    public void EncodeWithTheCodeOfAnotherModel() =>
        (from length in Gen.Int[0, 5000] from seed in Gen.Int from skewP in Gen.Double[0.1, 0.95] from skewQ in Gen.Double[0.1, 0.95]
         select (length, seed, skewP, skewQ)).SampleFixed((length, seed, skewP, skewQ) =>
    {
        // Data from P coded with the full-alphabet code built for Q: decodes exactly, and the streams hold Σ cₛ lₛ bits.
        var m = Bytes(length, seed, skewP);
        var q = Enumerable.Range(0, 256).Select(s => Math.Pow(skewQ, s) + 1e-9).ToArray();
        var code = Huffman.BuildLengthLimited(q, HuffmanStream.MaxCodeLength);
        var encoded = new byte[HuffmanStream.MaxEncodedLength(m.Length, 256, code.MaxLength)];
        int size = HuffmanStream.EncodeWithCode(m, code.Lengths, encoded);
        Assert.Equal(m, HuffmanStream.Decode(encoded.AsSpan(0, size)));
        long bits = m.Sum(b => (long)code.Lengths[b]);
        // Header: varint n, kind, varint 256, 128 length bytes, four size varints; four streams of ≤ 7 padding bits each.
        int header = Varint.Length((ulong)m.Length) + (m.Length == 0 ? 0 : 1 + 2 + 128);
        if (m.Length > 0) Assert.InRange(size - header, (bits + 7) / 8 + 4, (bits + 7) / 8 + 4 + 4 * 3 + 4);
    }, seed: "0000000000s6", iter: 100);

    [Fact]
    public void EncodeWithCodeCodesOneSymbolMessagesWithTheCode()
    {
        int[] lengths = [1, 2, 2];
        var encoded = new byte[HuffmanStream.MaxEncodedLength(5, 3, 2)];
        int size = HuffmanStream.EncodeWithCode([2, 2, 2, 2, 2], lengths, encoded);
        Assert.Equal(0x01, encoded[1]); // kind 1: coded with the given code, not the one-symbol form
        Assert.Equal([2, 2, 2, 2, 2], HuffmanStream.Decode(encoded.AsSpan(0, size)));
        var symbols = new byte[HuffmanStream.MaxEncodedLength(3, 3, 2)];
        size = HuffmanStream.EncodeWithCode([(ushort)1, 0, 2], lengths, symbols);
        Assert.Equal([(ushort)1, 0, 2], HuffmanStream.DecodeSymbols(symbols.AsSpan(0, size)));
        Assert.Equal(1, HuffmanStream.EncodeWithCode(ReadOnlySpan<byte>.Empty, lengths, new byte[64]));
    }

    [Fact]
    public void EncodeWithCodeRejectsBadCodesClearly()
    {
        var destination = new byte[1000];
        // A used symbol without a codeword: the message names the first such position and symbol.
        var missing = Assert.Throws<ArgumentException>(() => HuffmanStream.EncodeWithCode([0, 1, 3, 1], [1, 2, 2, 0], destination));
        Assert.Equal("source", missing.ParamName);
        Assert.Contains("source[2] = 3", missing.Message);
        var beyond = Assert.Throws<ArgumentException>(() => HuffmanStream.EncodeWithCode([0, 1, 7], [1, 1], destination));
        Assert.Contains("source[2] = 7", beyond.Message);
        var wide = Assert.Throws<ArgumentException>(() => HuffmanStream.EncodeWithCode([(ushort)0, 1, 300], [1, 1], destination));
        Assert.Contains("source[2] = 300", wide.Message);
        // Codes the format cannot carry.
        Assert.Equal("codeLengths", Assert.Throws<ArgumentException>(() => HuffmanStream.EncodeWithCode([0, 1], [1, 2], destination)).ParamName); // Kraft 3/4
        Assert.Throws<ArgumentException>(() => HuffmanStream.EncodeWithCode([0, 0], [1], destination)); // one codeword
        Assert.Throws<ArgumentException>(() => HuffmanStream.EncodeWithCode([0, 1], [1, 16], destination)); // above 15
        Assert.Throws<ArgumentException>(() => HuffmanStream.EncodeWithCode([0, 1], [1, 2, 2, 0, -1], destination));
        var lengths300 = new int[301];
        lengths300[0] = 1; lengths300[300] = 1;
        Assert.Throws<ArgumentException>(() => HuffmanStream.EncodeWithCode([0, 0], lengths300, destination)); // symbol 300 in a byte code
        Assert.Throws<ArgumentException>(() => HuffmanStream.EncodeWithCode(new byte[100], [1, 1], new byte[10])); // destination
    }
}
