using System.Buffers;

namespace Xent.Coding;

public static partial class HuffmanStream
{
    private const byte KindSingle = 0;
    private const byte KindHuffman = 1;

    /// <summary>What the header says: symbol count, kind, the repeated symbol or the code lengths, and the streams.</summary>
    private ref struct Header
    {
        public int Count;
        public bool Single;
        public int Symbol;
        public int Alphabet;
        public int MaxLength;
        public ReadOnlySpan<byte> Lengths;
        public int PayloadAt;
        public int PayloadSize;
        public Span<int> Sizes;
    }

    private static int HeaderBound(int alphabetSize) => 5 + 1 + 2 + (alphabetSize + 1) / 2 + StreamCount * 5;

    /// <summary>Reads a varint of at most 31 bits (<see cref="Varint"/>): truncated → NeedMoreData; overlong or too large → InvalidData.</summary>
    private static OperationStatus ReadVarint(ReadOnlySpan<byte> source, ref int pos, out int value)
    {
        var status = Varint.TryRead(source, ref pos, int.MaxValue, out ulong v);
        value = (int)v;
        return status;
    }

    /// <summary>Code lengths, two per byte, the first symbol in the low nibble.</summary>
    private static void WriteLengths(Span<byte> destination, ref int pos, ReadOnlySpan<int> lengths)
    {
        Varint.Write((uint)lengths.Length, destination, ref pos);
        for (int s = 0; s < lengths.Length; s += 2)
            destination[pos++] = (byte)(lengths[s] | (s + 1 < lengths.Length ? lengths[s + 1] << 4 : 0));
    }

    /// <summary>
    /// Parses and checks the header: every field in range, the code complete (Kraft sum exactly 1, so every table entry
    /// decodes), the stream sizes within the input, and at least one bit per symbol.
    /// </summary>
    private static OperationStatus ReadHeader(ReadOnlySpan<byte> source, int alphabetLimit, ref Header h)
    {
        int pos = 0;
        var status = ReadVarint(source, ref pos, out h.Count);
        if (status != OperationStatus.Done) return status;
        if (h.Count == 0)
        {
            h.PayloadAt = pos;
            return OperationStatus.Done;
        }
        if (pos >= source.Length) return OperationStatus.NeedMoreData;
        byte kind = source[pos++];
        if (kind == KindSingle)
        {
            status = ReadVarint(source, ref pos, out h.Symbol);
            if (status != OperationStatus.Done) return status;
            if (h.Symbol >= alphabetLimit) return OperationStatus.InvalidData;
            h.Single = true;
            h.PayloadAt = pos;
            return OperationStatus.Done;
        }
        if (kind != KindHuffman) return OperationStatus.InvalidData;
        status = ReadVarint(source, ref pos, out h.Alphabet);
        if (status != OperationStatus.Done) return status;
        if (h.Alphabet < 2 || h.Alphabet > alphabetLimit) return OperationStatus.InvalidData;
        int lengthBytes = (h.Alphabet + 1) / 2;
        if (source.Length - pos < lengthBytes) return OperationStatus.NeedMoreData;
        h.Lengths = source.Slice(pos, lengthBytes);
        pos += lengthBytes;
        if ((h.Alphabet & 1) == 1 && h.Lengths[^1] >> 4 != 0) return OperationStatus.InvalidData;
        int kraft = 0, used = 0;
        for (int s = 0; s < h.Alphabet; s++)
        {
            int l = Length(h.Lengths, s);
            if (l == 0) continue;
            used++;
            kraft += 1 << (MaxCodeLength - l);
            h.MaxLength = Math.Max(h.MaxLength, l);
        }
        if (used < 2 || kraft != 1 << MaxCodeLength) return OperationStatus.InvalidData;
        long total = 0;
        for (int s = 0; s < StreamCount; s++)
        {
            status = ReadVarint(source, ref pos, out h.Sizes[s]);
            if (status != OperationStatus.Done) return status;
            total += h.Sizes[s];
        }
        if (8 * total < h.Count) return OperationStatus.InvalidData;
        if (source.Length - pos < total) return OperationStatus.NeedMoreData;
        h.PayloadAt = pos;
        h.PayloadSize = (int)total;
        return OperationStatus.Done;
    }

    private static int Length(ReadOnlySpan<byte> packed, int symbol) => (packed[symbol >> 1] >> ((symbol & 1) << 2)) & 0xF;

    /// <summary>
    /// The decoding table (2^tableLog entries, tableLog ≥ the longest codeword), one entry per <c>tableLog</c>-bit window of the stream (least significant bit = next bit):
    /// <code>
    ///  31            8 7      0
    /// ┌───────────────┬────────┐
    /// │    symbol     │ length │   a codeword of length l, bit-reversed, fills every entry whose low l bits equal it
    /// └───────────────┴────────┘
    /// </code>
    /// The length in the low byte lets the decoder shift by the entry itself (64-bit shifts use the count's low 6 bits).
    /// The code is complete, so every entry is filled.
    /// </summary>
    private static void BuildDecodeTable(ReadOnlySpan<byte> packed, int alphabet, Span<uint> table)
    {
        Span<int> lengths = stackalloc int[alphabet];
        for (int s = 0; s < alphabet; s++) lengths[s] = Length(packed, s);
        Span<ulong> codewords = stackalloc ulong[alphabet];
        PrefixCode.CanonicalCodewords(lengths, codewords);
        for (int s = 0; s < alphabet; s++)
        {
            int l = lengths[s];
            if (l == 0) continue;
            uint entry = (uint)(s << 8 | l);
            for (int index = (int)Reverse((uint)codewords[s], l); index < table.Length; index += 1 << l)
                table[index] = entry;
        }
    }
}
