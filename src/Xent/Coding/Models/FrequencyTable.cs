using System.Buffers;
using Xent.Estimation;
using Xent.Numerics;

namespace Xent.Coding;

/// <summary>
/// A quantized model of a symbol distribution for entropy coders (rANS, range and arithmetic coding): integer frequencies
/// fₛ over the symbols 0 … K−1 that sum to exactly 2^P (the precision), so the model probability of s is qₛ = fₛ / 2^P and
/// a coder does exact integer arithmetic with the cumulative frequencies.
/// </summary>
/// <remarks>
/// <para>Invariants, checked by the constructor (as constriction's models check theirs): 1 ≤ P ≤ <see cref="MaxPrecision"/>,
/// 1 ≤ K ≤ <see cref="MaxAlphabetSize"/>, every fₛ ≥ 0, Σ fₛ = 2^P. A symbol with fₛ = 0 cannot be coded; a table built by
/// <see cref="Quantize(ReadOnlySpan{long}, int, bool)"/> gives every possible symbol fₛ ≥ 1.</para>
/// <para>Rounding happens once, here; a coder handed the table never sees a probability. Coding n symbols with counts cₛ
/// costs about <see cref="CodeLength(ReadOnlySpan{long})"/> = −Σ cₛ log2 qₛ bits, the cross-entropy of the counts under
/// the model.</para>
/// </remarks>
public sealed partial class FrequencyTable
{
    /// <summary>The lowest precision: 1 bit (total 2).</summary>
    public const int MinPrecision = 1;

    /// <summary>The highest precision: 24 bits (total 2^24), so frequencies and their products with a 32-bit range fit
    /// 64-bit arithmetic with room to spare.</summary>
    public const int MaxPrecision = 24;

    /// <summary>The largest alphabet: 65,536 symbols.</summary>
    public const int MaxAlphabetSize = 1 << 16;

    /// <summary>Relative margin a unit move must gain to be made: ties and rounding cannot make the exchange loop cycle.</summary>
    private const double MoveMargin = 1e-12;

    private readonly int[] _frequencies;
    private readonly int[] _cumulative;

    /// <summary>A table with the given frequencies, which must sum to exactly 2^<paramref name="precision"/>.</summary>
    /// <param name="frequencies">fₛ for the symbols s = 0 … K−1, in order (1 ≤ K ≤ 65,536): integer slot counts ≥ 0 that
    /// sum to exactly 2^<paramref name="precision"/>; a 0 marks a symbol the table cannot code. Copied: the caller may reuse
    /// the span.</param>
    /// <param name="precision">P, in bits, 1 … 24: the frequencies sum to 2^P, so qₛ = fₛ / 2^P.</param>
    /// <exception cref="ArgumentOutOfRangeException">precision is outside 1 … 24.</exception>
    /// <exception cref="ArgumentException">frequencies is empty or longer than 65,536, a frequency is negative, or the
    /// frequencies do not sum to 2^precision.</exception>
    public FrequencyTable(ReadOnlySpan<int> frequencies, int precision)
    {
        CheckPrecision(precision);
        CheckAlphabet(frequencies.Length, nameof(frequencies));
        long total = 0;
        for (int s = 0; s < frequencies.Length; s++)
        {
            if (frequencies[s] < 0) ThrowHelper.ThrowArgument(nameof(frequencies), $"frequencies[{s}] = {frequencies[s]}: a frequency must be ≥ 0.");
            total += frequencies[s];
        }
        if (total != 1L << precision)
            ThrowHelper.ThrowArgument(nameof(frequencies), $"the frequencies sum to {total}; a table of precision {precision} needs exactly 2^{precision} = {1L << precision}.");
        Precision = precision;
        _frequencies = frequencies.ToArray();
        _cumulative = new int[frequencies.Length + 1];
        for (int s = 0; s < frequencies.Length; s++) _cumulative[s + 1] = _cumulative[s] + frequencies[s];
    }

    /// <summary>P: the frequencies sum to 2^P.</summary>
    public int Precision { get; }

    /// <summary>2^P, the sum of the frequencies.</summary>
    public int Total => 1 << Precision;

    /// <summary>K, the number of symbols 0 … K−1 (with or without a frequency).</summary>
    public int AlphabetSize => _frequencies.Length;

    /// <summary>fₛ for every symbol s; 0 where s cannot be coded.</summary>
    public ReadOnlySpan<int> Frequencies => _frequencies;

    /// <summary>
    /// The K + 1 cumulative frequencies Fₛ = Σ_{t&lt;s} f_t: F₀ = 0, F_K = 2^P; symbol s owns the slots Fₛ … Fₛ₊₁ − 1, the
    /// interval a rANS or range coder narrows to.
    /// </summary>
    public ReadOnlySpan<int> Cumulative => _cumulative;

    /// <summary>qₛ = fₛ / 2^P, the model probability of <paramref name="symbol"/>.</summary>
    /// <param name="symbol">The symbol s, 0 … K−1.</param>
    /// <returns>qₛ in [0, 1]: 0 for a symbol the table cannot code.</returns>
    /// <exception cref="ArgumentOutOfRangeException">symbol is outside 0 … K−1.</exception>
    public double Probability(int symbol) => Frequency(symbol) / (double)Total;

    /// <summary>
    /// −log2 qₛ = P − log2 fₛ, in bits: what coding <paramref name="symbol"/> once costs an ideal coder under this model;
    /// +∞ when fₛ = 0.
    /// </summary>
    /// <param name="symbol">The symbol s, 0 … K−1.</param>
    /// <returns>−log2 qₛ in bits, in [0, P], or +∞ when fₛ = 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">symbol is outside 0 … K−1.</exception>
    public double CodeLength(int symbol)
    {
        int f = Frequency(symbol);
        return f == 0 ? double.PositiveInfinity : Precision - Math.Log2(f);
    }

    /// <summary>Writes −log2 qₛ in bits (+∞ where fₛ = 0) for every symbol into <paramref name="destination"/>.</summary>
    /// <param name="destination">Receives the K code lengths in bits, symbol s at index s; it must hold at least K values
    /// (entries past K are left as they were).</param>
    /// <exception cref="ArgumentException">destination is shorter than K.</exception>
    public void CodeLengths(Span<double> destination)
    {
        if (destination.Length < AlphabetSize) ThrowHelper.ThrowDestinationTooShort(nameof(destination), AlphabetSize, destination.Length);
        for (int s = 0; s < AlphabetSize; s++)
            destination[s] = _frequencies[s] == 0 ? double.PositiveInfinity : Precision - Math.Log2(_frequencies[s]);
    }

    /// <summary>
    /// The bits an ideal coder spends on a message with the symbol counts <paramref name="counts"/> under this model:
    /// −Σ cₛ log2 qₛ (compensated sum). cₛ = 0 adds nothing whatever fₛ; cₛ &gt; 0 with fₛ = 0 gives +∞. An all-zero
    /// (or empty) count vector costs 0 bits.
    /// </summary>
    /// <param name="counts">cₛ, how many times each symbol s occurs in the message, symbol s at index s; at most K entries
    /// (missing trailing symbols count 0), each ≥ 0.</param>
    /// <returns>The total code length in bits (not per symbol), ≥ 0, or +∞.</returns>
    /// <exception cref="ArgumentException">counts is longer than K, or a count is negative.</exception>
    /// <exception cref="OverflowException">The counts sum past <see cref="long.MaxValue"/>.</exception>
    public Information CodeLength(ReadOnlySpan<long> counts)
    {
        var bits = CodeLengthCore(counts, out _);
        return new Information(bits, LogBase.Bits);
    }

    /// <summary>
    /// The cross-entropy of the counts' empirical distribution P under this model, in bits per symbol:
    /// H(P, Q) = −Σ (cₛ/N) log2 qₛ = <see cref="CodeLength(ReadOnlySpan{long})"/> / N. +∞ when a counted symbol has fₛ = 0;
    /// 0 when N = 0.
    /// </summary>
    /// <param name="counts">cₛ, how many times each symbol s was observed, symbol s at index s; at most K entries (missing
    /// trailing symbols count 0), each ≥ 0. P is cₛ / N with N = Σ cₛ.</param>
    /// <returns>H(P, Q) in bits per symbol, ≥ 0, or +∞.</returns>
    /// <exception cref="ArgumentException">counts is longer than K, or a count is negative.</exception>
    /// <exception cref="OverflowException">The counts sum past <see cref="long.MaxValue"/>.</exception>
    public Information CrossEntropy(ReadOnlySpan<long> counts)
    {
        double bits = CodeLengthCore(counts, out long n);
        return new Information(n == 0 ? 0 : bits / n, LogBase.Bits);
    }

    /// <summary>
    /// The symbol whose interval holds <paramref name="slot"/>: the s with Fₛ ≤ slot &lt; Fₛ₊₁ (a decoder's lookup).
    /// Symbols with fₛ = 0 own no slot and are never returned.
    /// </summary>
    /// <param name="slot">A position in the cumulative frequencies, 0 … 2^P − 1 (in a decoder, the low P bits of its
    /// state).</param>
    /// <returns>The symbol s, 0 … K−1, whose interval Fₛ … Fₛ₊₁ − 1 contains <paramref name="slot"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">slot is outside 0 … 2^P − 1.</exception>
    public int Symbol(int slot)
    {
        if ((uint)slot >= (uint)Total) ThrowHelper.ThrowArgumentOutOfRange(nameof(slot), slot, $"a slot is in 0 … {Total - 1}");
        // The last s with Fₛ ≤ slot: it has Fₛ₊₁ > slot, so fₛ > 0.
        int lo = 0, hi = AlphabetSize - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (_cumulative[mid] <= slot) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>
    /// The table of precision <paramref name="precision"/> closest to the counts' empirical distribution P in cross-entropy:
    /// of all frequency vectors with Σ fₛ = 2^P and fₛ ≥ 1 for every possible symbol, the one that minimizes
    /// −Σ cₛ log fₛ, so the added cost D(P ‖ Q) = Σ pₛ log(pₛ / qₛ) is the least any such table has.
    /// </summary>
    /// <remarks>
    /// <para>Possible symbols are those with cₛ &gt; 0, or all K if <paramref name="everySymbol"/> (a model that must code
    /// symbols not seen when counting); the others get fₛ = 0. Symbols possible only through <paramref name="everySymbol"/>
    /// cost nothing in the objective and get fₛ = 1. With every count 0 and <paramref name="everySymbol"/>, the table is
    /// as uniform as integers allow (the first 2^P mod K symbols get one more).</para>
    /// <para>Algorithm: start from fₛ = max(1, round(2^P cₛ / N)); reach the total by adding units where cₛ log((f+1)/f)
    /// is largest or removing them where cₛ log(f/(f−1)) is smallest; then move single units from the symbol that loses
    /// least to the one that gains most while that gains (two heaps). Σ cₛ log fₛ is separable and concave, so a vector that
    /// no single-unit move improves is a global optimum (the tests compare with exhaustive search). Deterministic.</para>
    /// </remarks>
    /// <param name="counts">cₛ, how many times each symbol s was observed, symbol s at index s: 1 … 65,536 entries (the
    /// alphabet size K), each ≥ 0.</param>
    /// <param name="precision">P, in bits, 1 … 24: the table's frequencies sum to 2^P. Higher P tracks the counts more
    /// closely (a smaller D(P ‖ Q)) at the cost of larger coder arithmetic; 2^P must be at least the number of possible
    /// symbols.</param>
    /// <param name="everySymbol">true: every one of the K symbols gets fₛ ≥ 1, so symbols never counted can still be
    /// coded; false (the default): symbols with cₛ = 0 get fₛ = 0.</param>
    /// <returns>The new table, of alphabet size K = counts.Length and precision P.</returns>
    /// <exception cref="ArgumentOutOfRangeException">precision is outside 1 … 24, or 2^precision is below the number of
    /// possible symbols.</exception>
    /// <exception cref="ArgumentException">counts is empty or longer than 65,536, a count is negative, or no symbol is
    /// possible (every count 0 without <paramref name="everySymbol"/>).</exception>
    /// <exception cref="OverflowException">The counts sum past <see cref="long.MaxValue"/>.</exception>
    public static FrequencyTable Quantize(ReadOnlySpan<long> counts, int precision, bool everySymbol = false)
    {
        CheckPrecision(precision);
        CheckAlphabet(counts.Length, nameof(counts));
        long n = 0;
        int possible = 0;
        for (int s = 0; s < counts.Length; s++)
        {
            if (counts[s] < 0) ThrowHelper.ThrowBadCount(nameof(counts), s, counts[s]);
            n = checked(n + counts[s]);
            if (counts[s] > 0 || everySymbol) possible++;
        }
        if (possible == 0)
            ThrowHelper.ThrowArgument(nameof(counts), "every count is 0, so no symbol is possible; pass everySymbol: true for a table over the whole alphabet.");
        int total = 1 << precision;
        if (possible > total)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(precision), precision, $"2^{precision} = {total} slots cannot give {possible} possible symbols a frequency ≥ 1");

        var f = new int[counts.Length];
        if (n == 0)
        {
            for (int s = 0; s < f.Length; s++) f[s] = total / f.Length + (s < total % f.Length ? 1 : 0);
        }
        else
        {
            long sum = 0;
            for (int s = 0; s < f.Length; s++)
            {
                if (counts[s] > 0) f[s] = Math.Max(1, (int)Math.Round(counts[s] / (double)n * total));
                else if (everySymbol) f[s] = 1;
                sum += f[s];
            }
            Balance(counts, f, sum, total);
        }
        return new FrequencyTable(f, precision);
    }

    /// <summary>The table for the counts of <paramref name="counts"/> (see <see cref="Quantize(ReadOnlySpan{long}, int, bool)"/>).</summary>
    /// <param name="counts">Symbol counts over 0 … K−1 (K = the counts' alphabet size, 1 … 65,536); symbol s's count is cₛ.</param>
    /// <param name="precision">P, in bits, 1 … 24: the table's frequencies sum to 2^P; 2^P must be at least the number of
    /// possible symbols.</param>
    /// <param name="everySymbol">true: every one of the K symbols gets fₛ ≥ 1, so symbols never counted can still be
    /// coded; false (the default): symbols with cₛ = 0 get fₛ = 0.</param>
    /// <returns>The new table, as <see cref="Quantize(ReadOnlySpan{long}, int, bool)"/> builds it from the counts.</returns>
    /// <exception cref="ArgumentNullException">counts is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">precision is outside 1 … 24, or 2^precision is below the number of
    /// possible symbols.</exception>
    /// <exception cref="ArgumentException">the alphabet is larger than 65,536, or no symbol is possible (every count 0
    /// without <paramref name="everySymbol"/>).</exception>
    /// <exception cref="OverflowException">The counts sum past <see cref="long.MaxValue"/>.</exception>
    public static FrequencyTable Quantize(DenseCounts counts, int precision, bool everySymbol = false)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return Quantize(counts.Counts, precision, everySymbol);
    }

    /// <summary>
    /// Moves units until Σ f = total and no single-unit move raises Σ cₛ log fₛ. Symbols with cₛ = 0 keep their f (0, or 1
    /// when every symbol is possible); the others keep f ≥ 1.
    /// </summary>
    private static void Balance(ReadOnlySpan<long> counts, int[] f, long sum, int total)
    {
        // Lazy heaps: an entry (symbol, f when pushed) is stale once f[symbol] changed.
        var gains = new PriorityQueue<(int Symbol, int F), double>(counts.Length);
        var losses = new PriorityQueue<(int Symbol, int F), double>(counts.Length);
        for (int s = 0; s < counts.Length; s++)
        {
            if (counts[s] == 0) continue;
            PushGain(gains, counts, f, s);
            PushLoss(losses, counts, f, s);
        }
        while (sum < total)
        {
            int s = PopValid(gains, f);
            f[s]++;
            sum++;
            PushGain(gains, counts, f, s);
            PushLoss(losses, counts, f, s);
        }
        while (sum > total)
        {
            int s = PopValid(losses, f);
            f[s]--;
            sum--;
            PushGain(gains, counts, f, s);
            PushLoss(losses, counts, f, s);
        }
        while (true)
        {
            int up = PeekValid(gains, f), down = PeekValid(losses, f);
            if (up < 0 || down < 0 || up == down) break; // a symbol's own loss always exceeds its gain (concavity)
            gains.TryPeek(out _, out double gain);
            losses.TryPeek(out _, out double loss);
            if (-gain <= loss * (1 + MoveMargin)) break;
            gains.Dequeue();
            losses.Dequeue();
            f[up]++;
            f[down]--;
            PushGain(gains, counts, f, up);
            PushLoss(losses, counts, f, up);
            PushGain(gains, counts, f, down);
            PushLoss(losses, counts, f, down);
        }
    }

    /// <summary>Gain of one more unit, c log((f+1)/f), as a negated priority so the min-heap pops the largest.</summary>
    private static void PushGain(PriorityQueue<(int, int), double> gains, ReadOnlySpan<long> counts, int[] f, int s) =>
        gains.Enqueue((s, f[s]), -(counts[s] * Math.Log(1 + 1.0 / f[s])));

    /// <summary>Loss of one unit less, c log(f/(f−1)); only while f &gt; 1.</summary>
    private static void PushLoss(PriorityQueue<(int, int), double> losses, ReadOnlySpan<long> counts, int[] f, int s)
    {
        if (f[s] > 1) losses.Enqueue((s, f[s]), -(counts[s] * Math.Log(1 - 1.0 / f[s])));
    }

    private static int PeekValid(PriorityQueue<(int Symbol, int F), double> heap, int[] f)
    {
        while (heap.TryPeek(out var entry, out _))
        {
            if (f[entry.Symbol] == entry.F) return entry.Symbol;
            heap.Dequeue();
        }
        return -1;
    }

    private static int PopValid(PriorityQueue<(int Symbol, int F), double> heap, int[] f)
    {
        int s = PeekValid(heap, f);
        heap.Dequeue();
        return s;
    }

    private int Frequency(int symbol)
    {
        if ((uint)symbol >= (uint)AlphabetSize) ThrowHelper.ThrowArgumentOutOfRange(nameof(symbol), symbol, $"a symbol is in 0 … {AlphabetSize - 1}");
        return _frequencies[symbol];
    }

    private double CodeLengthCore(ReadOnlySpan<long> counts, out long n)
    {
        if (counts.Length > AlphabetSize)
            ThrowHelper.ThrowArgument(nameof(counts), $"counts has {counts.Length} entries; the table has {AlphabetSize} symbols.");
        var sum = new CompensatedSum();
        n = 0;
        for (int s = 0; s < counts.Length; s++)
        {
            long c = counts[s];
            if (c < 0) ThrowHelper.ThrowBadCount(nameof(counts), s, c);
            if (c == 0) continue;
            n = checked(n + c);
            sum.Add(_frequencies[s] == 0 ? double.PositiveInfinity : c * (Precision - Math.Log2(_frequencies[s])));
        }
        return sum.Value;
    }

    private static void CheckPrecision(int precision)
    {
        if (precision < MinPrecision || precision > MaxPrecision)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(precision), precision, $"the precision must be in {MinPrecision} … {MaxPrecision} bits");
    }

    private static void CheckAlphabet(int size, string paramName)
    {
        if (size < 1 || size > MaxAlphabetSize)
            ThrowHelper.ThrowArgument(paramName, $"{paramName} has {size} entries; a table has 1 … {MaxAlphabetSize} symbols.");
    }
}
