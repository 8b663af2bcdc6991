using System.Buffers;
using Xent.Coding;

namespace Xent.Tests.Coding;

/// <summary>The CM models (format version 8 at levels 1 … 7, version 5 at 8 and 9, and the older versions, which stay
/// decodable): their memory bound per level, the decoder's refusal of a block above the caller's memory limit, the version byte of the blocks the
/// encoder writes, and the golden files of every version.</summary>
public class CmModelTests
{
    private static byte[] Text(int length)
    {
        var words = "a model pays the cross entropy of the data it codes and the better model writes the smaller file ".Split(' ');
        var rng = new Random(5);
        var sb = new System.Text.StringBuilder();
        while (sb.Length < length) sb.Append(words[rng.Next(words.Length)]).Append(rng.Next(12) == 0 ? ".\n" : " ");
        return System.Text.Encoding.ASCII.GetBytes(sb.ToString()[..length]);
    }

    [Theory]
    [InlineData(4, 1, 100)]
    [InlineData(4, 3, 20_000)]
    [InlineData(4, 5, 1 << 20)]
    [InlineData(5, 1, 100)]
    [InlineData(5, 3, 20_000)]
    [InlineData(5, 5, 1 << 20)]
    [InlineData(5, 8, 1 << 20)]
    [InlineData(6, 1, 100)]
    [InlineData(6, 3, 20_000)]
    [InlineData(6, 7, 1 << 20)]
    [InlineData(7, 1, 100)]
    [InlineData(7, 7, 1 << 20)]
    [InlineData(8, 1, 100)]
    [InlineData(8, 7, 1 << 20)]
    public void MemoryBytesIsWhatTheModelAllocates(int version, int level, int length)
    {
        var (build, claimed) = version switch
        {
            4 => ((Action)(() => new CmModelV4(level, length).P()), CmModelV4.MemoryBytes(level, length)),
            5 => (() => new CmModelV5(level, length).P(), CmModelV5.MemoryBytes(level, length)),
            _ => (() => new CmModelV6(level, length, version).P(), CmModelV6.MemoryBytes(level, length)),
        };
        // Array headers and the few small arrays are the only difference.
        Assert.InRange(AllocatedBy(build), claimed, claimed + 8192);
    }

    // The bytes build allocates on this thread, the least of three builds after one unmeasured (the type's one-off static
    // tables, the state machine, are built on first use, maybe on this thread: not the model's). The least, because a
    // garbage collection another test starts mid-build charges the rest of this thread's allocation quantum to the build
    // (seen: 8,192 + 280 … 690 bytes over the model's size in 2 of 8 runs beside the other coding tests).
    private static long AllocatedBy(Action build)
    {
        build();
        long least = long.MaxValue;
        for (int i = 0; i < 3; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            build();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return least;
    }

    // Letters and spaces drawn at random (no 48-byte repeat to speak of), then that text again `copies` times, each copy with
    // one byte changed every 97 bytes — by flipping bit (copy + i) mod 8 — so that version 7's long matches are left at every
    // bit position of a byte.
    private static byte[] Repeated(int copies, int seed)
    {
        var rng = new Random(seed);
        var text = new byte[4000];
        for (int i = 0; i < text.Length; i++) text[i] = (byte)(rng.Next(8) == 0 ? ' ' : 'a' + rng.Next(26));
        var data = new List<byte>(text);
        for (int copy = 1; copy <= copies; copy++)
            for (int i = 0; i < text.Length; i++)
                data.Add(i % 97 == 96 ? (byte)(text[i] ^ (1 << ((copy + i) % 8))) : text[i]);
        return [.. data];
    }

    // The probability each model gives each bit of data.
    private static int[] Predictions(CmModelV6 model, byte[] data)
    {
        var p = new int[data.Length * 8];
        for (int i = 0; i < data.Length; i++)
            for (int j = 7; j >= 0; j--)
            {
                p[i * 8 + 7 - j] = model.P();
                model.Update((data[i] >> j) & 1);
            }
        return p;
    }

    [Fact]
    public void Version7IsVersion6UntilAMatchIsLong()
    {
        // No 48-byte match: every bit gets the probability version 6 gives it.
        var plain = Repeated(0, 3);
        Assert.Equal(Predictions(new CmModelV6(7, plain.Length, 6), plain), Predictions(new CmModelV6(7, plain.Length, 7), plain));
        // Repeated text: the same up to the 48th byte of the first match, then the match alone codes the copy.
        var data = Repeated(1, 3);
        var six = Predictions(new CmModelV6(7, data.Length, 6), data);
        var seven = Predictions(new CmModelV6(7, data.Length, 7), data);
        int first = 0;
        while (first < six.Length && six[first] == seven[first]) first++;
        Assert.InRange(first / 8, 4000 + CmModelV6.LongMatch - 8, 4000 + CmModelV6.LongMatch + 8);
    }

    // Σ −log2 p over bytes [from, to) of data, in bits, under the model (which sees bytes 0 … to − 1).
    private static double Cost(CmModelV6 model, byte[] data, int from, int to)
    {
        var p = Predictions(model, data[..to]);
        double bits = 0;
        for (int k = from * 8; k < to * 8; k++)
            bits += Logistic.Cost[((data[k >> 3] >> (7 - (k & 7))) & 1) != 0 ? p[k] : 4096 - p[k]];
        return bits;
    }

    [Fact]
    public void Version8AdaptsFasterThanVersion7()
    {
        // A short text: the mixers' faster start and the faster order-0/1 counters pay off from the first bytes.
        var text = Text(3000);
        Assert.True(Cost(new CmModelV6(7, text.Length, 8), text, 0, text.Length) < Cost(new CmModelV6(7, text.Length, 7), text, 0, text.Length));
        // Statistics that change: 40,000 bytes of lower-case text (past the mixers' 32 KiB ramp), then the same words in
        // capitals. Version 8's order-0 and order-1 counters follow the change sooner: the capitals' first 2,000 bytes cost less.
        var lower = Text(40_000);
        var data = lower.Concat(lower.Take(20_000).Select(b => (byte)char.ToUpperInvariant((char)b))).ToArray();
        double seven = Cost(new CmModelV6(7, data.Length, 7), data, 40_000, 42_000);
        double eight = Cost(new CmModelV6(7, data.Length, 8), data, 40_000, 42_000);
        Assert.True(eight < seven, $"version 8 {eight:F0} bits, version 7 {seven:F0} bits");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void LongMatchesRoundTripWhereverABitLeavesThem(int level)
    {
        // Three edited copies: a byte leaves its match at each of its eight bits, and the full model takes over mid-byte.
        var data = Repeated(3, level);
        var encoded = CmStream.Encode(data, level);
        Assert.Equal(data, CmStream.Decode(encoded));
        double bits = CmStream.CodeLength(data, level).Bits;
        Assert.InRange((encoded.Length - Varint.Length((ulong)data.Length) - 1) * 8.0, bits, bits * 1.001 + 32);
        // The copies cost a small part of what the random text does (about 4.4 bits a byte).
        var costs = new double[data.Length];
        CmStream.CodeLength(data, level, costs);
        double original = costs.AsSpan(0, 4000).ToArray().Sum(), copies = costs.AsSpan(4000).ToArray().Sum();
        Assert.True(copies < original / 4, $"copies {copies:F0} bits, original {original:F0} bits");
    }

    [Fact]
    public void AModelOnAReusedArenaCodesAsAFreshOne()
    {
        // The arena first serves a longer block of other data (every table dirty and larger than the next block needs),
        // then a shorter one, then a longer one again: each output must be the bytes a freshly allocated model writes.
        var arena = new CmModelArena();
        var random = new Random(11);
        var noise = new byte[30_000];
        random.NextBytes(noise);
        // Levels 5 and 8 alternate, so the version-8 and version-5 models take turns on the same arena (and the repeated
        // texts send version 8's long matches through its match-only tables).
        int level = 5;
        foreach (var data in new[] { Text(60_000), Text(7_000), noise, Text(100_000), Repeated(2, 0), Text(30_000), Repeated(1, 1) })
        {
            level = level == 5 ? CmStream.StrongLevel : 5;
            var fresh = CmStream.Encode(data, level);
            var buffer = new byte[CmStream.MaxEncodedLength(data.Length)];
            int n = CmStream.EncodeCore(data, buffer, level, out double bits, arena);
            Assert.Equal(fresh, buffer[..n]);
            Assert.Equal(CmStream.CodeLength(data, level).Value, bits, 6);
            var output = new byte[data.Length];
            Assert.Equal(OperationStatus.Done, CmStream.TryDecodeCore(fresh, output, long.MaxValue, out _, out int written, out _, arena));
            Assert.Equal(data, output[..written]);
        }
    }

    [Fact]
    public void MemoryGrowsWithTheLevelUpToItsDocumentedBound()
    {
        const int Long = 64 << 20;
        for (int level = CmModelV4.MinLevel; level < CmModelV4.MaxLevel; level++)
            Assert.True(CmModelV4.MemoryBytes(level, Long) < CmModelV4.MemoryBytes(level + 1, Long));
        // docs/coding/context-mixing.md: level 9 stays under 448 MiB for any block, level 7 under 128 MiB.
        Assert.True(CmModelV4.MemoryBytes(CmModelV4.MaxLevel, int.MaxValue) < 448L << 20);
        Assert.True(CmModelV4.MemoryBytes(CmModelV4.DefaultLevel, int.MaxValue) < 128L << 20);
        // A short block never takes the level's full tables.
        Assert.True(CmModelV4.MemoryBytes(CmModelV4.MaxLevel, 1000) < 2L << 20);
        for (int level = CmModelV5.MinLevel; level < CmModelV5.MaxLevel; level++)
            Assert.True(CmModelV5.MemoryBytes(level, Long) < CmModelV5.MemoryBytes(level + 1, Long));
        Assert.True(CmModelV5.MemoryBytes(CmModelV5.MaxLevel, int.MaxValue) < 448L << 20);
        Assert.True(CmModelV5.MemoryBytes(CmModelV5.MaxLevel, 1000) < 2L << 20);
    }

    [Fact]
    public void DecoderRefusesABlockAboveTheMemoryLimitWithoutDecoding()
    {
        var data = Text(5000);
        var encoded = CmStream.Encode(data, 4);
        long needed = CmStream.DecoderMemoryBytes(encoded);
        Assert.Equal(CmModelV6.MemoryBytes(4, data.Length), needed); // level 4 codes with the eight-context model
        var output = new byte[data.Length];
        Assert.Equal(OperationStatus.InvalidData, CmStream.TryDecode(encoded, output, needed - 1, out _, out int written));
        Assert.Equal(0, written);
        Assert.Equal(OperationStatus.Done, CmStream.TryDecode(encoded, output, needed, out int consumed, out written));
        Assert.Equal(encoded.Length, consumed);
        Assert.Equal(data, output[..written]);
    }

    [Fact]
    public void BlocksCarryTheModelVersionOfTheirLevelAndTheLevel()
    {
        var data = Text(3000);
        foreach (int level in new[] { CmStream.MinLevel, 5, CmStream.StrongLevel - 1, CmStream.StrongLevel, CmStream.MaxLevel })
        {
            var encoded = CmStream.Encode(data, level);
            Assert.Equal(OperationStatus.Done, Varint.TryRead(encoded, out ulong n, out int pos));
            Assert.Equal((ulong)data.Length, n);
            // Levels 1 … 7: the eight-context model (version 8); 8 and 9: the twelve-context model of version 5.
            Assert.Equal((level >= CmStream.StrongLevel ? 0x40 : 0x70) | level, encoded[pos]);
            Assert.Equal(data, CmStream.Decode(encoded));
            // What the block costs is that model's cross-entropy: CodeLength picks the same model for the level.
            double bits = CmStream.CodeLength(data, level).Bits;
            Assert.InRange((encoded.Length - pos - 1) * 8.0, bits, bits * 1.001 + 32);
        }
        Assert.Equal(0, CmStream.DecoderMemoryBytes(CmStream.Encode([])));
        // Mode bytes of no known version (0x80 | level: version 9) or no level are refused before any model is built.
        var unknown = CmStream.Encode(data, 7);
        Assert.Equal(OperationStatus.Done, Varint.TryRead(unknown, out _, out int at));
        foreach (byte mode in new byte[] { 0x87, 0x30, 0x3A, 0x40, 0x4A, 0x50, 0x5A, 0x60, 0x6A, 0x70, 0x7A, 0x90 | 7 })
        {
            unknown[at] = mode;
            Assert.Equal(-1, CmStream.DecoderMemoryBytes(unknown));
            Assert.Equal(OperationStatus.InvalidData, CmStream.TryDecode(unknown, new byte[data.Length], out _, out _));
        }
        Assert.Equal(-1, CmStream.DecoderMemoryBytes([]));
    }

    [Fact]
    public void AContainerWithAVersion9BlockSaysItWasMadeByANewerVersion()
    {
        var data = Text(3000);
        var packed = XentContainer.Compress(data, new XentContainerOptions { Codec = XentCodec.Cm, Level = CmStream.StrongLevel });
        // The CM block's mode byte sits right after its varint length, inside the first block's payload: find 0x38 there.
        int at = ModeByteOffset(packed);
        Assert.Equal(0x40 | CmStream.StrongLevel, packed[at]);
        packed[at] = 0x80 | CmStream.StrongLevel;
        var error = Assert.Throws<InvalidDataException>(() => XentContainer.Decompress(packed));
        Assert.Contains("made by a newer version", error.Message);
        Assert.Contains("cm model version 9", error.Message);
        // A version-5 mode byte with a corrupt level is corruption, not a newer version.
        packed[at] = 0x40;
        Assert.DoesNotContain("newer", Assert.Throws<InvalidDataException>(() => XentContainer.Decompress(packed)).Message);
    }

    // Container header (docs/formats/xent-container.md): preamble, codec, parameters, B, L + 1, CRC; then the first block:
    // n, kind 1, c, and the CM block itself: n, mode.
    private static int ModeByteOffset(byte[] packed)
    {
        int pos = 8 + 1;
        pos += 1 + packed[pos];
        for (int field = 0; field < 2; field++) pos += Skip(packed, pos);
        pos += 4;
        pos += Skip(packed, pos);
        Assert.Equal(1, packed[pos++]);
        pos += Skip(packed, pos);
        pos += Skip(packed, pos);
        return pos;
    }

    [Theory]
    [Trait(Xent.Tests.Numerics.VectorPaths.Trait, Xent.Tests.Numerics.VectorPaths.Kernels)] // rerun on AVX2, SSE and scalar
    [InlineData("apache-head.txt", 0x07)] // version 1, level 7 (CmModelV1)
    [InlineData("apache-v2.txt", 0x17)]   // version 2, level 7 (CmModelV2, frozen)
    [InlineData("gpl-v3.txt", 0x27)]      // version 3, level 7 (CmModelV3, frozen: levels 1 … 7 code with version 8 now)
    [InlineData("gpl-v4.txt", 0x37)]      // version 4, level 7 (CmModelV4; level 7 now codes with version 3, so decode only)
    [InlineData("gpl-v4-8.txt", 0x38)]    // version 4, level 8 (CmModelV4, frozen: levels 8 and 9 code with version 5 now)
    [InlineData("gpl-v5-8.txt", 0x48)]    // version 5, level 8 (CmModelV5, as levels 8 and 9 code)
    [InlineData("gpl-v6.txt", 0x57)]      // version 6, level 7 (CmModelV6 with version 6, frozen: levels 1 … 7 code with version 8 now)
    [InlineData("gpl-v6-1.txt", 0x51)]    // version 6, level 1 (Debian's GPL-3, 35,149 bytes, in 2^17-byte tables: slots collide and are replaced)
    [InlineData("gpl-v7.txt", 0x67)]      // version 7, level 7 (CmModelV6 with version 7, frozen: long matches coded by the match alone, left at every bit position)
    [InlineData("gpl-v7-1.txt", 0x61)]    // version 7, level 1 (the same bytes in 2^17-byte tables)
    [InlineData("gpl-v8.txt", 0x77)]      // version 8, level 7 (CmModelV6 with version 8, as levels 1 … 7 code; the same bytes as gpl-v7.txt)
    [InlineData("gpl-v8-1.txt", 0x71)]    // version 8, level 1
    public void GoldenFilesOfEveryModelVersionDecode(string name, int mode)
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "Coding", "Container", "golden");
        var packed = File.ReadAllBytes(Path.Combine(dir, name + ".xent"));
        Assert.Equal(mode, packed[ModeByteOffset(packed)]);
        var original = File.ReadAllBytes(Path.Combine(dir, name));
        Assert.Equal(original, XentContainer.Decompress(packed));
        // A model the encoder still writes at this level (version 8 at levels 1 … 7, version 5 at 8 and 9) writes its golden
        // file again, byte for byte, on whichever vector path runs this test.
        int level = mode & 0x0F, version = (mode >> 4) + 1;
        if (version == (level >= CmStream.StrongLevel ? 5 : 8))
            Assert.Equal(packed, XentContainer.Compress(original, new XentContainerOptions { Codec = XentCodec.Cm, Level = level }));
    }

    private static int Skip(byte[] data, int at)
    {
        Assert.Equal(OperationStatus.Done, Varint.TryRead(data.AsSpan(at), out _, out int used));
        return used;
    }

    [Fact]
    public void CodeLengthIsWhatTheCoderPays()
    {
        var data = Text(8000);
        double bits = CmStream.CodeLength(data).Bits;
        int payload = CmStream.Encode(data).Length - Varint.Length((ulong)data.Length) - 1;
        Assert.InRange(payload * 8.0, bits, bits * 1.001 + 32);
        // The model learns: the second half of repetitive text costs less than the first.
        var costs = new double[data.Length];
        CmStream.CodeLength(data, CmStream.DefaultLevel, costs);
        Assert.True(costs.AsSpan(4000).ToArray().Sum() < costs.AsSpan(0, 4000).ToArray().Sum());
    }
}
