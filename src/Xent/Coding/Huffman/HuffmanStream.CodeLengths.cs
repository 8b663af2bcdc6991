using System.Buffers;

namespace Xent.Coding;

public static partial class HuffmanStream
{
    /// <summary>
    /// Reads only the header of an encoded byte message: its symbol count and the code it was coded with, as lengths in bits
    /// (<paramref name="lengths"/>[s] for byte s, 0 for a byte without a codeword). A message of one repeated symbol costs no
    /// bits per symbol, so every length is 0. With the counts of the decoded message, Σ count·length is the exact size of the
    /// streams in bits before padding: the cross-entropy the code pays on the message.
    /// </summary>
    /// <returns>The statuses of <see cref="TryGetSymbolCount"/>.</returns>
    /// <exception cref="ArgumentException">lengths holds fewer than 256 entries.</exception>
    /// <param name="source">An encoded byte message; only its header is read.</param>
    /// <param name="lengths">Receives the code length in bits of each byte value 0 … 255; at least 256 entries.</param>
    /// <param name="count">The message's symbol count, or 0 when the status is not Done.</param>
    public static OperationStatus TryGetCodeLengths(ReadOnlySpan<byte> source, Span<int> lengths, out int count)
    {
        if (lengths.Length < 256) ThrowHelper.ThrowDestinationTooShort(nameof(lengths), 256, lengths.Length);
        Span<int> sizes = stackalloc int[StreamCount];
        var h = new Header { Sizes = sizes };
        var status = ReadHeader(source, 256, ref h);
        lengths.Clear();
        count = 0;
        if (status != OperationStatus.Done) return status;
        count = h.Count;
        if (h.Count > 0 && !h.Single)
            for (int s = 0; s < h.Alphabet; s++) lengths[s] = Length(h.Lengths, s);
        return status;
    }
}
