using Xent.Measures;

namespace Xent.Estimation;

/// <summary>
/// How often each byte follows each context of the <see cref="Order"/> bytes before it, in a table of 256^order rows (the
/// context, earlier byte in the higher digit) × 256 columns (the byte): the counts of an order-k Markov model of a byte
/// stream. Bytes before the start of the stream count as 0, so every byte is counted once and the table of order k holds
/// those of every lower order (<see cref="Reduce"/>).
/// </summary>
/// <remarks>Memory: 8·256^(order+1) bytes — 2 KiB for order 0, 512 KiB for order 1, 128 MiB for order 2 — whatever the
/// stream's length. The conditional entropy of the table is the plug-in H(X_i | X_{i−k} … X_{i−1}).</remarks>
public sealed class ByteContextCounts
{
    /// <summary>The largest order: 2 (a 65536 × 256 table).</summary>
    public const int MaxOrder = 2;

    private readonly long[] _table;
    private int _context;

    /// <summary>An empty table of order <paramref name="order"/> (0, 1 or 2).</summary>
    /// <exception cref="ArgumentOutOfRangeException">order is outside 0 … 2.</exception>
    /// <param name="order">The context length k in bytes: 0 (byte frequencies), 1 or 2.</param>
    public ByteContextCounts(int order)
    {
        if (order < 0 || order > MaxOrder) ThrowHelper.ThrowArgumentOutOfRange(nameof(order), order, $"the context order must be 0 … {MaxOrder}");
        Order = order;
        _table = new long[Contexts * 256];
    }

    /// <summary>The context length k.</summary>
    public int Order { get; }

    /// <summary>The number of contexts, 256^k (the table's rows).</summary>
    public int Contexts => 1 << (8 * Order);

    /// <summary>Bytes counted.</summary>
    public long Total { get; private set; }

    /// <summary>The table, row-major: <c>Table[context·256 + byte]</c>.</summary>
    public ReadOnlySpan<long> Table => _table;

    /// <summary>Counts <paramref name="bytes"/> as the continuation of what was counted before.</summary>
    /// <param name="bytes">The next bytes of the data; may be empty. Not kept.</param>
    public void Add(ReadOnlySpan<byte> bytes)
    {
        if (Order == 0)
        {
            ByteHistogram.Add(bytes, _table);
            Total += bytes.Length;
            return;
        }
        int mask = Contexts - 1, context = _context;
        var table = _table;
        foreach (byte b in bytes)
        {
            table[(context << 8) | b]++;
            context = ((context << 8) | b) & mask;
        }
        _context = context;
        Total += bytes.Length;
    }

    /// <summary>Counts a stream to its end, in bounded memory; returns the table.</summary>
    /// <param name="stream">The data, read from its current position to its end; not disposed (the caller owns it).</param>
    /// <param name="order">The context length k in bytes: 0, 1 or 2.</param>
    public static ByteContextCounts Of(Stream stream, int order)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var counts = new ByteContextCounts(order);
        var buffer = new byte[DenseCounts.StreamBufferSize];
        int n;
        while ((n = stream.Read(buffer)) > 0) counts.Add(buffer.AsSpan(0, n));
        return counts;
    }

    /// <summary>The table of a lower order, by summing over the oldest context bytes (the same zero padding, so the same bytes counted).</summary>
    /// <exception cref="ArgumentOutOfRangeException">order is negative or above this table's.</exception>
    /// <param name="order">The lower context length, 0 ≤ order ≤ this table's order.</param>
    public ByteContextCounts Reduce(int order)
    {
        if (order < 0 || order > Order) ThrowHelper.ThrowArgumentOutOfRange(nameof(order), order, $"the order must be 0 … {Order}, this table's");
        var lower = new ByteContextCounts(order) { Total = Total };
        int rows = lower.Contexts * 256;
        for (int i = 0; i < _table.Length; i++) lower._table[i % rows] += _table[i];
        return lower;
    }

    /// <summary>
    /// The plug-in conditional entropy H(X_i | the k bytes before), −Σ n(c,x)/N · log2(n(c,x)/n(c)) (<see cref="Joint.ConditionalEntropy(ReadOnlySpan{long}, int, int, LogBase)"/>;
    /// for k = 0 the entropy of the byte frequencies), in bits per byte by default; 0 when nothing was counted.
    /// </summary>
    /// <param name="logBase">The unit of the result: bits (the default, giving bits per byte), nats, hartleys or any base &gt; 1.</param>
    public Information ConditionalEntropy(LogBase logBase = default) =>
        Order == 0 ? Discrete.Entropy(_table, logBase) : Joint.ConditionalEntropy(_table, Contexts, 256, logBase);

    /// <summary>
    /// The cross-entropy, per byte, of the data these counts describe under the order-k model frozen from
    /// <paramref name="model"/>'s counts: q(x | c) = (m(c,x) + α) / (m(c) + 256α) (additive smoothing with pseudo-count α =
    /// <paramref name="smoothing"/>; a context the model never saw predicts the uniform 1/256), averaged as
    /// Σ n(c,x)·(−log q(x | c)) / N over this table (<see cref="Discrete.CrossEntropy(ReadOnlySpan{long}, ReadOnlySpan{long}, LogBase, MeasureOptions?)"/> row by row).
    /// </summary>
    /// <remarks>With α = 0 a byte the model never saw in its context costs +∞; with the model trained on these same counts
    /// and α = 0 the result is <see cref="ConditionalEntropy"/>. Nothing counted here gives 0.</remarks>
    /// <exception cref="ArgumentException">The orders differ, or smoothing is negative or not finite.</exception>
    /// <param name="model">The counts of the model's training data, of the same order; not modified.</param>
    /// <param name="smoothing">The additive pseudocount α per byte value in each context of the model (finite, ≥ 0; 0 can give +∞ for an unseen byte).</param>
    /// <param name="logBase">The unit of the result: bits (the default, giving bits per byte), nats, hartleys or any base &gt; 1.</param>
    public Information CrossEntropy(ByteContextCounts model, double smoothing, LogBase logBase = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Order != Order) ThrowHelper.ThrowArgument(nameof(model), $"the model has order {model.Order}, these counts order {Order}.");
        if (!(smoothing >= 0) || double.IsInfinity(smoothing)) ThrowHelper.ThrowArgumentOutOfRange(nameof(smoothing), smoothing, "the smoothing must be a finite pseudo-count ≥ 0");
        if (Total == 0) return new Information(0, logBase);
        var options = new MeasureOptions { Smoothing = smoothing };
        var total = new Numerics.CompensatedSum();
        for (int c = 0; c < Contexts; c++)
        {
            var row = Table.Slice(c * 256, 256);
            long n = 0;
            foreach (long x in row) n += x;
            if (n == 0) continue;
            var q = model.Table.Slice(c * 256, 256);
            total.Add(n * Discrete.CrossEntropy(row, q, logBase, options).Value);
        }
        return new Information(total.Value / Total, logBase);
    }
}
