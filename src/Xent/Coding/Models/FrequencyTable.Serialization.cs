using System.Buffers;

namespace Xent.Coding;

public sealed partial class FrequencyTable
{
    /// <summary>The number of bytes <see cref="WriteTo"/> writes (docs/formats/frequency-table.md).</summary>
    public int SerializedLength
    {
        get
        {
            int length = 1 + Varint.Length((ulong)AlphabetSize);
            for (int s = 0; s < AlphabetSize;)
            {
                if (_frequencies[s] > 0)
                {
                    length += Varint.Length((ulong)_frequencies[s++]);
                    continue;
                }
                int run = ZeroRun(s);
                length += 1 + Varint.Length((ulong)(run - 1));
                s += run;
            }
            return length;
        }
    }

    /// <summary>
    /// Writes the table in its compact block form (docs/formats/frequency-table.md: the precision, K, then each frequency
    /// as a varint with runs of zeros collapsed); returns the bytes written, <see cref="SerializedLength"/>. A block format:
    /// no preamble or checksum, the enclosing format carries them.
    /// </summary>
    /// <param name="destination">Where the table is written, from its first byte; it must hold at least
    /// <see cref="SerializedLength"/> bytes (bytes past those are left as they were).</param>
    /// <returns>The number of bytes written, <see cref="SerializedLength"/>.</returns>
    /// <exception cref="ArgumentException">destination is shorter than <see cref="SerializedLength"/>.</exception>
    public int WriteTo(Span<byte> destination)
    {
        int needed = SerializedLength;
        if (destination.Length < needed) ThrowHelper.ThrowDestinationTooShort(nameof(destination), needed, destination.Length);
        int pos = 0;
        destination[pos++] = (byte)Precision;
        Varint.Write((ulong)AlphabetSize, destination, ref pos);
        for (int s = 0; s < AlphabetSize;)
        {
            if (_frequencies[s] > 0)
            {
                Varint.Write((ulong)_frequencies[s++], destination, ref pos);
                continue;
            }
            int run = ZeroRun(s);
            destination[pos++] = 0;
            Varint.Write((ulong)(run - 1), destination, ref pos);
            s += run;
        }
        return pos;
    }

    /// <summary>
    /// Reads a table written by <see cref="WriteTo"/> from the start of <paramref name="source"/>.
    /// </summary>
    /// <param name="source">Bytes that begin with a serialized table; anything after the table is ignored (see
    /// <paramref name="bytesConsumed"/>). Untrusted input is fine: it is bounds-checked and never throws.</param>
    /// <param name="table">The table read, or null unless the result is <see cref="OperationStatus.Done"/>.</param>
    /// <param name="bytesConsumed">The size of the table in bytes (where the next field of <paramref name="source"/>
    /// starts), or 0 on failure.</param>
    /// <returns><see cref="OperationStatus.Done"/> with the table and its size in <paramref name="bytesConsumed"/>;
    /// <see cref="OperationStatus.NeedMoreData"/> when the source ends inside the table; <see cref="OperationStatus.InvalidData"/>
    /// when a field is out of range, a varint is overlong, a zero run passes the alphabet or follows another, or the
    /// frequencies do not sum to 2^P. On failure <paramref name="table"/> is null and <paramref name="bytesConsumed"/> 0.</returns>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out FrequencyTable? table, out int bytesConsumed)
    {
        table = null;
        bytesConsumed = 0;
        if (source.IsEmpty) return OperationStatus.NeedMoreData;
        int precision = source[0];
        if (precision < MinPrecision || precision > MaxPrecision) return OperationStatus.InvalidData;
        int pos = 1;
        var status = Varint.TryRead(source, ref pos, MaxAlphabetSize, out ulong k);
        if (status != OperationStatus.Done) return status;
        if (k == 0) return OperationStatus.InvalidData;
        long total = 1L << precision, sum = 0;
        var frequencies = new int[(int)k];
        bool afterRun = false;
        for (int s = 0; s < frequencies.Length;)
        {
            status = Varint.TryRead(source, ref pos, (ulong)total, out ulong f);
            if (status != OperationStatus.Done) return status;
            if (f > 0)
            {
                frequencies[s++] = (int)f;
                sum += (long)f;
                afterRun = false;
                continue;
            }
            // Two runs in a row would be one longer run: only one encoding per table.
            if (afterRun) return OperationStatus.InvalidData;
            status = Varint.TryRead(source, ref pos, (ulong)(frequencies.Length - s - 1), out ulong more);
            if (status != OperationStatus.Done) return status;
            s += (int)more + 1;
            afterRun = true;
        }
        if (sum != total) return OperationStatus.InvalidData;
        table = new FrequencyTable(frequencies, precision);
        bytesConsumed = pos;
        return OperationStatus.Done;
    }

    /// <summary>Reads a table written by <see cref="WriteTo"/>; <paramref name="bytesConsumed"/> is its size.</summary>
    /// <param name="source">Bytes that begin with a serialized table; anything after the table is ignored.</param>
    /// <param name="bytesConsumed">The size of the table in bytes: where the next field of <paramref name="source"/>
    /// starts.</param>
    /// <returns>The table read.</returns>
    /// <exception cref="InvalidDataException">The input is truncated or corrupt (the message says which).</exception>
    public static FrequencyTable Read(ReadOnlySpan<byte> source, out int bytesConsumed)
    {
        var status = TryRead(source, out var table, out bytesConsumed);
        if (status == OperationStatus.NeedMoreData) ThrowHelper.ThrowInvalidData("frequency table truncated.");
        if (status != OperationStatus.Done) ThrowHelper.ThrowInvalidData("frequency table is corrupt.");
        return table!;
    }

    /// <summary>The number of symbols from <paramref name="start"/> on with frequency 0.</summary>
    private int ZeroRun(int start)
    {
        int end = start;
        while (end < AlphabetSize && _frequencies[end] == 0) end++;
        return end - start;
    }
}
