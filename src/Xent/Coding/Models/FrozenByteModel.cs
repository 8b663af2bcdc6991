using System.Buffers;
using Xent.Estimation;
using Xent.Numerics;

namespace Xent.Coding;

/// <summary>
/// A frozen order-0, 1 or 2 model of bytes, trained on other data and never updated: q(x | c) = (m(c,x) + α) / (m(c) + 256α)
/// from the counts m of the training data (additive smoothing α; a context the training data never showed predicts the
/// uniform 1/256 when α &gt; 0), quantized once per context to frequencies summing to 2^16 (<see cref="FrequencyTable.Quantize(ReadOnlySpan{long}, int, bool)"/>,
/// the rounding with the least added cross-entropy), and coded with the <see cref="RangeEncoder"/>. This is the articles'
/// "Barcelona code used in London" on real data: a code built for the wrong model pays the cross-entropy.
/// </summary>
/// <remarks>
/// <para>A block is coded on its own: the context before its first byte is all-zero bytes, as in <see cref="ByteContextCounts"/>.
/// The coded block is the range coder's bytes only — no length, no table: the decoder must be handed the same model and the
/// length.</para>
/// <para>With α = 0 a byte never seen in its context during training has probability 0: <see cref="CodeLength(ReadOnlySpan{byte}, Span{double})"/>
/// is +∞ and <see cref="Encode"/> refuses the block (<see cref="CanCode"/> says so beforehand).</para>
/// </remarks>
public sealed class FrozenByteModel
{
    /// <summary>The precision of every table: frequencies sum to 2^16 (<see cref="RangeEncoder.MaxTotal"/>).</summary>
    public const int Precision = 16;

    /// <summary>Pseudo-counts are scaled by 2^16 before quantizing, so a fractional α keeps 16 bits of its value.</summary>
    private const int Scale = 1 << 16;

    private readonly FrequencyTable?[] _tables;

    private FrozenByteModel(int order, double smoothing, FrequencyTable?[] tables)
    {
        Order = order;
        Smoothing = smoothing;
        _tables = tables;
    }

    /// <summary>The number of previous bytes the model conditions on: 0, 1 or 2.</summary>
    public int Order { get; }

    /// <summary>The pseudo-count α.</summary>
    public double Smoothing { get; }

    /// <summary>Freezes the model of <paramref name="counts"/> (its order is the model's) with pseudo-count
    /// <paramref name="smoothing"/>.</summary>
    /// <param name="counts">Byte counts of the training data by context: order 0 (one context), 1 (the previous byte) or 2
    /// (the previous two bytes); the model takes their order. Read once: later changes to the counts do not reach the model.</param>
    /// <param name="smoothing">The pseudo-count α ≥ 0 added to every byte's count in every context, in counts (not a
    /// probability): 0 keeps only the bytes seen in training (the others cannot be coded), 0.5 is Jeffreys', 1 Laplace's.
    /// Kept to 16 fractional bits.</param>
    /// <returns>The frozen model, one quantized table per context (a context never seen in training has none when α = 0).</returns>
    /// <exception cref="ArgumentNullException">counts is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">smoothing is negative or not finite.</exception>
    /// <exception cref="OverflowException">A scaled count passes <see cref="long.MaxValue"/> (a count above about 1.4·10^14).</exception>
    public static FrozenByteModel Train(ByteContextCounts counts, double smoothing)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (!(smoothing >= 0) || double.IsInfinity(smoothing))
            ThrowHelper.ThrowArgumentOutOfRange(nameof(smoothing), smoothing, "the smoothing must be a finite pseudo-count ≥ 0");
        long pseudo = (long)Math.Round(smoothing * Scale);
        var tables = new FrequencyTable?[counts.Contexts];
        FrequencyTable? uniform = null;
        var scaled = new long[256];
        for (int c = 0; c < tables.Length; c++)
        {
            var row = counts.Table.Slice(c << 8, 256);
            bool seen = row.ContainsAnyExcept(0L);
            if (!seen)
            {
                // An unseen context: uniform under smoothing, no prediction at all without.
                if (smoothing > 0) tables[c] = uniform ??= FrequencyTable.Quantize(new long[256], Precision, everySymbol: true);
                continue;
            }
            for (int s = 0; s < 256; s++) scaled[s] = checked(row[s] * Scale + pseudo);
            tables[c] = FrequencyTable.Quantize(scaled, Precision, everySymbol: smoothing > 0);
        }
        return new FrozenByteModel(counts.Order, smoothing, tables);
    }

    /// <summary>The largest coded size of <paramref name="count"/> bytes: 2 bytes a byte (a byte of frequency 1 costs 16 bits)
    /// plus the coder's flush.</summary>
    /// <param name="count">The number of bytes to code, ≥ 0.</param>
    /// <returns>2·count + 8: a destination this long always holds <see cref="Encode"/>'s output.</returns>
    /// <exception cref="ArgumentOutOfRangeException">count is negative.</exception>
    /// <exception cref="OverflowException">2·count + 8 passes <see cref="int.MaxValue"/>.</exception>
    public static int MaxEncodedLength(int count)
    {
        if (count < 0) ThrowHelper.ThrowArgumentOutOfRange(nameof(count), count, "the byte count must be ≥ 0");
        return checked(2 * count + 8);
    }

    /// <summary>Whether every byte of <paramref name="block"/> has a probability above 0 under the model (always, when α &gt; 0).</summary>
    /// <param name="block">The bytes to check, coded as one block: the context of its first byte is all-zero bytes.</param>
    /// <returns>true when <see cref="Encode"/> can code the block (its code length is finite); true for the empty block.</returns>
    public bool CanCode(ReadOnlySpan<byte> block) => double.IsFinite(CodeLength(block).Value);

    /// <summary>
    /// Σ −log2 q(xᵢ | context) over <paramref name="block"/> in bits, with the quantized frequencies (what the range coder
    /// pays, up to its rounding); +∞ when a byte has probability 0. When <paramref name="destination"/> is not empty, each
    /// byte's cost is written into it. The empty block costs 0.
    /// </summary>
    /// <param name="block">The bytes to cost, as one block: the context of its first byte is all-zero bytes.</param>
    /// <param name="destination">Empty (the default) for the total only; otherwise it receives each byte's cost in bits,
    /// byte i at index i (+∞ for a byte of probability 0), and must hold at least block.Length values.</param>
    /// <returns>The total code length of the block in bits (not per byte), ≥ 0, or +∞.</returns>
    /// <exception cref="ArgumentException">destination is not empty and shorter than block.</exception>
    public Information CodeLength(ReadOnlySpan<byte> block, Span<double> destination = default)
    {
        if (!destination.IsEmpty && destination.Length < block.Length)
            ThrowHelper.ThrowDestinationTooShort(nameof(destination), block.Length, destination.Length);
        var sum = new CompensatedSum();
        int context = 0, mask = _tables.Length - 1;
        for (int i = 0; i < block.Length; i++)
        {
            byte b = block[i];
            int f = _tables[context] is FrequencyTable t ? t.Frequencies[b] : 0;
            double bits = f == 0 ? double.PositiveInfinity : Precision - Math.Log2(f);
            if (!destination.IsEmpty) destination[i] = bits;
            sum.Add(bits);
            context = ((context << 8) | b) & mask;
        }
        return new Information(sum.Value, LogBase.Bits);
    }

    /// <summary>Codes <paramref name="source"/> into <paramref name="destination"/>; returns the bytes written.</summary>
    /// <param name="source">The bytes to code, as one block (the context of its first byte is all-zero bytes); every byte
    /// must have a probability above 0 in its context.</param>
    /// <param name="destination">Receives the range coder's bytes; it must hold at least
    /// <see cref="MaxEncodedLength"/>(source.Length) bytes. Neither the length nor the model is written: the decoder needs both.</param>
    /// <returns>The number of bytes written to <paramref name="destination"/>; 0 for an empty source.</returns>
    /// <exception cref="ArgumentException">destination is shorter than <see cref="MaxEncodedLength"/>(source.Length), or a
    /// byte of source has probability 0 under the model (see <see cref="CanCode"/>).</exception>
    public int Encode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int needed = MaxEncodedLength(source.Length);
        if (destination.Length < needed) ThrowHelper.ThrowDestinationTooShort(nameof(destination), needed, destination.Length);
        if (source.IsEmpty) return 0;
        var encoder = new RangeEncoder(destination[..needed]);
        int context = 0, mask = _tables.Length - 1;
        for (int i = 0; i < source.Length; i++)
        {
            byte b = source[i];
            int f = _tables[context] is FrequencyTable t ? t.Frequencies[b] : 0;
            if (f == 0) ThrowHelper.ThrowArgument(nameof(source), $"byte {i} (0x{b:X2}) has probability 0 under the frozen model (train with smoothing > 0).");
            encoder.Encode(_tables[context]!.Cumulative[b], f, 1 << Precision);
            context = ((context << 8) | b) & mask;
        }
        return encoder.Finish();
    }

    /// <summary>Decodes <paramref name="destination"/>.Length bytes coded by <see cref="Encode"/> with this model.</summary>
    /// <param name="source">The coded bytes, as <see cref="Encode"/> wrote them with this same model; bytes after the coded
    /// block are left unread. Untrusted input is fine: corruption is reported, never thrown.</param>
    /// <param name="destination">Receives the decoded bytes; its length is the number of bytes that were coded (the coded
    /// block does not store it). On failure its content is unspecified.</param>
    /// <param name="bytesConsumed">How many bytes of <paramref name="source"/> the coded block took, when Done; 0
    /// otherwise.</param>
    /// <returns>Done with the bytes read in <paramref name="bytesConsumed"/>; NeedMoreData when the input ends early;
    /// InvalidData when it is corrupt (a slot in a context or byte the model cannot code, or a coder that does not end as the
    /// encoder left it). Never reads outside <paramref name="source"/>.</returns>
    public OperationStatus TryDecode(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesConsumed)
    {
        bytesConsumed = 0;
        if (destination.IsEmpty) return OperationStatus.Done;
        var decoder = new RangeDecoder(source);
        int context = 0, mask = _tables.Length - 1;
        for (int i = 0; i < destination.Length; i++)
        {
            if (_tables[context] is not FrequencyTable t) return OperationStatus.InvalidData;
            int slot = decoder.Slot(1 << Precision);
            int s = t.Symbol(slot);
            decoder.Consume(t.Cumulative[s], t.Frequencies[s]);
            if (decoder.Corrupt) return OperationStatus.InvalidData;
            destination[i] = (byte)s;
            context = ((context << 8) | s) & mask;
        }
        if (decoder.Truncated) return OperationStatus.NeedMoreData;
        if (!decoder.IsFinishedOk) return OperationStatus.InvalidData;
        bytesConsumed = decoder.BytesConsumed;
        return OperationStatus.Done;
    }
}
