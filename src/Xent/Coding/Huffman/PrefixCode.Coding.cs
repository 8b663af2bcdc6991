using System.Buffers;

namespace Xent.Coding;

public sealed partial class PrefixCode
{
    // Built on first use: the codewords bit-reversed for the LSB-first BitWriter, and a binary trie for decoding.
    private CodingTables? _tables;

    private sealed class CodingTables(ulong[] reversed, int[] trie)
    {
        /// <summary>Codeword of each symbol with its bits reversed: the first bit sent is bit 0.</summary>
        public readonly ulong[] Reversed = reversed;

        /// <summary>
        /// Node n's children at [2n] (bit 0) and [2n + 1] (bit 1); the root is node 0. An entry &gt; 0 is an inner node,
        /// &lt; 0 is the leaf of symbol −entry − 1, 0 is "no codeword continues this way" (an incomplete code's gap).
        /// </summary>
        public readonly int[] Trie = trie;
    }

    private CodingTables Tables => _tables ??= BuildTables();

    private CodingTables BuildTables()
    {
        var reversed = new ulong[_lengths.Length];
        var trie = new List<int> { 0, 0 };
        for (int s = 0; s < _lengths.Length; s++)
        {
            int length = _lengths[s];
            if (length == 0) continue;
            ulong codeword = _codewords[s];
            reversed[s] = ReverseBits(codeword, length);
            int node = 0;
            for (int i = length - 1; i >= 0; i--)
            {
                int slot = 2 * node + (int)((codeword >> i) & 1);
                if (i == 0)
                {
                    trie[slot] = -s - 1;
                    break;
                }
                if (trie[slot] == 0)
                {
                    trie[slot] = trie.Count / 2;
                    trie.Add(0);
                    trie.Add(0);
                }
                node = trie[slot];
            }
        }
        return new CodingTables(reversed, [.. trie]);
    }

    private static ulong ReverseBits(ulong value, int length)
    {
        ulong result = 0;
        for (int i = 0; i < length; i++, value >>= 1) result = result << 1 | (value & 1);
        return result;
    }

    /// <summary>
    /// The number of bits <paramref name="symbols"/> take in this code: Σ Lengths[symbolᵢ], without the padding of the last byte.
    /// </summary>
    /// <param name="symbols">Symbols in 0 … <see cref="Count"/>−1, each with a codeword.</param>
    /// <returns>The encoded length in bits (0 for no symbols).</returns>
    /// <exception cref="ArgumentException">A symbol is outside the alphabet or has no codeword (the message names its index and value).</exception>
    public long EncodedBitLength(ReadOnlySpan<int> symbols)
    {
        long bits = 0;
        for (int i = 0; i < symbols.Length; i++) bits += CodewordLengthOf(symbols, i);
        return bits;
    }

    /// <summary>
    /// A destination size, in bytes, that always holds <paramref name="count"/> symbols encoded by
    /// <see cref="Encode(ReadOnlySpan{int}, Span{byte})"/>: ⌈count · <see cref="MaxLength"/> / 8⌉.
    /// </summary>
    /// <param name="count">The number of symbols (≥ 0).</param>
    /// <returns>The bound in bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException">count is negative, or the bound exceeds <see cref="int.MaxValue"/>.</exception>
    public int MaxEncodedLength(int count)
    {
        if (count < 0) ThrowHelper.ThrowArgumentOutOfRange(nameof(count), count, "a symbol count must be ≥ 0");
        long bytes = ((long)count * MaxLength + 7) / 8;
        if (bytes > int.MaxValue) ThrowHelper.ThrowArgumentOutOfRange(nameof(count), count, $"{count} symbols of up to {MaxLength} bits pass 2 GiB");
        return (int)bytes;
    }

    /// <summary>
    /// Appends the codewords of <paramref name="symbols"/> to <paramref name="writer"/>, first bit of each codeword first
    /// (so the stream reads, bit by bit in <see cref="BitReader"/> order, as the codewords' text <see cref="CodewordText"/> does).
    /// </summary>
    /// <param name="symbols">Symbols in 0 … <see cref="Count"/>−1, each with a codeword.</param>
    /// <param name="writer">The bit writer, passed by reference; it is not completed, so more bits may follow.</param>
    /// <exception cref="ArgumentException">A symbol is outside the alphabet or has no codeword (nothing of it is written), or the
    /// writer's destination is full.</exception>
    public void Encode(ReadOnlySpan<int> symbols, ref BitWriter writer)
    {
        var reversed = Tables.Reversed;
        for (int i = 0; i < symbols.Length; i++)
        {
            int length = CodewordLengthOf(symbols, i);
            writer.WriteBits(reversed[symbols[i]], length);
        }
    }

    /// <summary>
    /// Encodes <paramref name="symbols"/> with this code into <paramref name="destination"/>, the last byte padded with zero bits;
    /// <see cref="Decode(ReadOnlySpan{byte}, Span{int})"/> with the same code and symbol count gives them back. No header is
    /// written: the code and the count travel separately (see <see cref="HuffmanStream"/> for a self-describing format).
    /// </summary>
    /// <param name="symbols">Symbols in 0 … <see cref="Count"/>−1, each with a codeword.</param>
    /// <param name="destination">Where the bytes go; <see cref="MaxEncodedLength"/>(symbols.Length) bytes always suffice.</param>
    /// <returns>The number of bytes written: ⌈<see cref="EncodedBitLength"/> / 8⌉.</returns>
    /// <exception cref="ArgumentException">A symbol is outside the alphabet or has no codeword, or destination is too short.</exception>
    public int Encode(ReadOnlySpan<int> symbols, Span<byte> destination)
    {
        var writer = new BitWriter(destination);
        Encode(symbols, ref writer);
        return writer.Complete();
    }

    /// <summary>
    /// Decodes <paramref name="destination"/>.Length symbols from <paramref name="reader"/>, walking the code's tree one bit at a
    /// time (any prefix code, canonical or not, up to 64-bit codewords). Corrupt input is an expected outcome, reported, not thrown.
    /// </summary>
    /// <param name="reader">The bit reader, passed by reference; left after the last bit of the last symbol decoded.</param>
    /// <param name="destination">Receives the symbols; its length is the number to decode.</param>
    /// <param name="symbolsWritten">How many symbols were decoded completely.</param>
    /// <returns><see cref="OperationStatus.Done"/>; <see cref="OperationStatus.InvalidData"/> when the bits follow no codeword
    /// (possible only for a code whose Kraft sum is below 1); <see cref="OperationStatus.NeedMoreData"/> when the input ends inside
    /// a codeword or before the last symbol.</returns>
    public OperationStatus TryDecode(ref BitReader reader, Span<int> destination, out int symbolsWritten)
    {
        symbolsWritten = 0;
        if (destination.IsEmpty) return OperationStatus.Done;
        var trie = Tables.Trie;
        if (MaxLength == 0) return OperationStatus.InvalidData;
        for (int i = 0; i < destination.Length; i++)
        {
            int node = 0;
            while (true)
            {
                int next = trie[2 * node + (int)reader.ReadBits(1)];
                if (reader.IsOverread) return OperationStatus.NeedMoreData;
                if (next == 0) return OperationStatus.InvalidData;
                if (next < 0)
                {
                    destination[i] = -next - 1;
                    break;
                }
                node = next;
            }
            symbolsWritten = i + 1;
        }
        return OperationStatus.Done;
    }

    /// <summary>
    /// Decodes <paramref name="destination"/>.Length symbols encoded by <see cref="Encode(ReadOnlySpan{int}, Span{byte})"/> with
    /// this code; the padding bits after the last codeword must be zero.
    /// </summary>
    /// <param name="source">The encoded bytes.</param>
    /// <param name="destination">Receives the symbols; its length is the number that was encoded.</param>
    /// <returns>The number of bytes consumed (the whole bytes holding the codewords).</returns>
    /// <exception cref="InvalidDataException">The input ends early, its bits follow no codeword, or the padding is not zero.</exception>
    public int Decode(ReadOnlySpan<byte> source, Span<int> destination)
    {
        var reader = new BitReader(source);
        var status = TryDecode(ref reader, destination, out int written);
        if (status == OperationStatus.NeedMoreData)
            ThrowHelper.ThrowInvalidData($"the input ends after {written} of {destination.Length} symbols.");
        if (status == OperationStatus.InvalidData)
            ThrowHelper.ThrowInvalidData($"symbol {written}: the bits follow no codeword of this code.");
        long bitsUsed = 8L * source.Length - reader.BitsRemaining;
        int bytes = (int)((bitsUsed + 7) / 8);
        int padding = (int)(8L * bytes - bitsUsed);
        if (padding > 0 && reader.ReadBits(padding) != 0) ThrowHelper.ThrowInvalidData("the padding bits after the last codeword are not zero.");
        return bytes;
    }

    private int CodewordLengthOf(ReadOnlySpan<int> symbols, int index)
    {
        int symbol = symbols[index];
        if ((uint)symbol >= (uint)_lengths.Length)
            ThrowHelper.ThrowArgument(nameof(symbols), $"symbols[{index}] = {symbol} is outside the alphabet 0 … {_lengths.Length - 1}.");
        int length = _lengths[symbol];
        if (length == 0) ThrowHelper.ThrowArgument(nameof(symbols), $"symbols[{index}] = {symbol} has no codeword in this code.");
        return length;
    }
}
