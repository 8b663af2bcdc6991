using System.Runtime.CompilerServices;

namespace Xent.Coding;

/// <summary>
/// An adaptive order-0, order-1 or order-2 model of bytes for the <see cref="RangeEncoder"/>: one table of 256 frequencies per
/// context (none, the previous byte, the previous two bytes), each starting flat (every fₛ = 1, so every byte stays codable)
/// and raised by <see cref="Increment"/> each time its byte is seen; a table whose total would pass 2^16 − 1 is halved
/// (fₛ → ⌈fₛ/2⌉), which also lets the model follow a drifting source.
/// </summary>
/// <remarks>
/// <para>The probability of s in context c is qₛ = fₛ(c) / T(c), and <see cref="CodeLength"/> = −log2 qₛ is what the range
/// coder pays for it (up to its rounding), so summing it over a message gives the message's coded size without coding.</para>
/// <para>Each table keeps 16 group sums beside the 256 frequencies, so a cumulative frequency or a slot lookup touches at most
/// 16 + 16 entries. Order 2 has 65,536 contexts; its tables are created on first use (at most one per byte coded).</para>
/// </remarks>
public struct AdaptiveByteModel : IAdaptiveSymbolModel
{
    /// <summary>What a byte's frequency grows by each time it is seen: 32.</summary>
    public const int Increment = 32;

    private const int Limit = ushort.MaxValue - Increment;
    private const int GroupsAt = 256;
    private const int TotalAt = GroupsAt + 16;
    private const int Stride = 288;

    [ThreadStatic] private static ushort[]? t_spareTables;
    [ThreadStatic] private static int[]? t_spareMap;

    private ushort[] _tables;
    private readonly int[]? _map;
    private int _used;
    private int _base;
    private int _history;

    /// <summary>A fresh model of order <paramref name="order"/> (0, 1 or 2), with no byte seen yet (the context before the
    /// first byte is all-zero previous bytes).</summary>
    /// <exception cref="ArgumentOutOfRangeException">order is not 0, 1 or 2.</exception>
    /// <param name="order">The context length in bytes: 0, 1 or 2 (the previous bytes the frequencies are conditioned on).</param>
    public AdaptiveByteModel(int order)
    {
        if ((uint)order > 2) ThrowHelper.ThrowArgumentOutOfRange(nameof(order), order, "the adaptive byte models have order 0, 1 or 2");
        Order = order;
        int contexts = order == 0 ? 1 : order == 1 ? 256 : 16;
        if (order == 2)
        {
            // Order 2's tables grow to ≈ 38 MB: reuse the ones a finished model on this thread gave back (ReturnTables), since
            // a fresh set per block is garbage the collector lets pile up. Every context is reset when first located, so a
            // reused array's old contents are never read.
            _tables = t_spareTables is { Length: >= 16 * Stride } spare ? spare : new ushort[contexts * Stride];
            _map = t_spareMap ?? new int[1 << 16];
            t_spareTables = null;
            t_spareMap = null;
            Array.Fill(_map, -1);
        }
        else
        {
            _tables = new ushort[contexts * Stride];
            for (int c = 0; c < contexts; c++) Reset(c * Stride);
            _used = contexts;
        }
        _base = Locate(0);
    }

    /// <summary>The number of previous bytes the model conditions on: 0, 1 or 2.</summary>
    public int Order { get; }

    /// <inheritdoc/>
    public readonly int Total => _tables[_base + TotalAt];

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int Frequency(int symbol, out int start)
    {
        var t = _tables.AsSpan(_base, Stride);
        int group = symbol >> 4, sum = 0;
        for (int g = 0; g < group; g++) sum += t[GroupsAt + g];
        for (int s = group << 4; s < symbol; s++) sum += t[s];
        start = sum;
        return t[symbol];
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int Find(int slot, out int start, out int frequency)
    {
        var t = _tables.AsSpan(_base, Stride);
        int sum = 0, g = 0;
        while (g < 15 && sum + t[GroupsAt + g] <= slot) sum += t[GroupsAt + g++];
        int s = g << 4, end = s + 15;
        while (s < end && sum + t[s] <= slot) sum += t[s++];
        start = sum;
        frequency = t[s];
        return s;
    }

    /// <inheritdoc/>
    public void Update(int symbol)
    {
        var t = _tables.AsSpan(_base, Stride);
        t[symbol] += Increment;
        t[GroupsAt + (symbol >> 4)] += Increment;
        t[TotalAt] += Increment;
        if (t[TotalAt] > Limit) Halve(t);
        _history = ((_history << 8) | symbol) & 0xFFFF;
        _base = Locate(Order == 0 ? 0 : Order == 1 ? _history & 0xFF : _history);
    }

    /// <inheritdoc/>
    public readonly double CodeLength(int symbol)
    {
        var t = _tables.AsSpan(_base, Stride);
        return Math.Log2(t[TotalAt]) - Math.Log2(t[symbol]);
    }

    /// <summary>Gives an order-2 model's tables back for the next model on this thread; the model must not be used after.</summary>
    internal void ReturnTables()
    {
        if (_map is null) return;
        t_spareTables = _tables;
        t_spareMap = _map;
        _tables = [];
    }

    private int Locate(int context)
    {
        if (_map is null) return context * Stride;
        int index = _map[context];
        if (index < 0)
        {
            if ((_used + 1) * Stride > _tables.Length) Array.Resize(ref _tables, _tables.Length * 2);
            index = _used++;
            _map[context] = index;
            Reset(index * Stride);
        }
        return index * Stride;
    }

    private readonly void Reset(int at)
    {
        var t = _tables.AsSpan(at, Stride);
        t[..256].Fill(1);
        t.Slice(GroupsAt, 16).Fill(16);
        t[TotalAt] = 256;
    }

    private static void Halve(Span<ushort> t)
    {
        int total = 0;
        for (int g = 0; g < 16; g++)
        {
            int sum = 0;
            for (int s = g << 4; s < (g + 1) << 4; s++)
            {
                t[s] = (ushort)((t[s] + 1) >> 1);
                sum += t[s];
            }
            t[GroupsAt + g] = (ushort)sum;
            total += sum;
        }
        t[TotalAt] = (ushort)total;
    }
}
