namespace Xent.Coding;

/// <summary>
/// A binary prefix code over the symbols 0..n−1: a codeword length per symbol (0 = the symbol has no codeword) and the
/// codewords themselves, each held in the low <c>length</c> bits of a <see cref="ulong"/>, first bit sent = most significant.
/// </summary>
/// <remarks>Invariant, checked on construction: lengths in 0..<see cref="MaxCodewordLength"/>, Kraft sum ≤ 1 and no
/// codeword a prefix of another.</remarks>
public sealed partial class PrefixCode
{
    /// <summary>The longest codeword a <see cref="PrefixCode"/> can hold: 64 bits.</summary>
    public const int MaxCodewordLength = 64;

    private readonly int[] _lengths;
    private readonly ulong[] _codewords;

    private PrefixCode(int[] lengths, ulong[] codewords)
    {
        _lengths = lengths;
        _codewords = codewords;
        foreach (int l in lengths) MaxLength = Math.Max(MaxLength, l);
    }

    /// <summary>Codeword length of each symbol, in bits; 0 where the symbol has no codeword.</summary>
    public ReadOnlySpan<int> Lengths => _lengths;

    /// <summary>Codeword of each symbol, in the low <c>Lengths[i]</c> bits, most significant bit first; 0 where there is none.</summary>
    public ReadOnlySpan<ulong> Codewords => _codewords;

    /// <summary>Number of symbols of the alphabet (with or without a codeword).</summary>
    public int Count => _lengths.Length;

    /// <summary>The longest codeword, in bits.</summary>
    public int MaxLength { get; }

    /// <summary>Kraft sum Σ 2^−lᵢ over the symbols that have a codeword: 1 for a complete code, ≤ 1 for any prefix code.</summary>
    public double KraftSum => PrefixCodes.KraftSum(_lengths);

    /// <summary>The codeword of <paramref name="symbol"/> as text, "010"; empty when it has none.</summary>
    /// <param name="symbol">The symbol, 0 ≤ symbol &lt; the code's symbol count.</param>
    public string CodewordText(int symbol)
    {
        int length = _lengths[symbol];
        var chars = new char[length];
        for (int b = 0; b < length; b++) chars[b] = ((_codewords[symbol] >> (length - 1 - b)) & 1) == 0 ? '0' : '1';
        return new string(chars);
    }

    /// <summary>
    /// The canonical code with the given lengths: symbols sorted by (length, index), each codeword the previous plus one,
    /// shifted left when the length grows (as in Deflate and zstd), so the lengths alone describe the code.
    /// </summary>
    /// <exception cref="ArgumentException">A length is negative or above <see cref="MaxCodewordLength"/>, or the Kraft sum exceeds 1.</exception>
    /// <param name="lengths">The codeword length of each symbol in bits (0 = no codeword; at most <see cref="PrefixCode.MaxCodewordLength"/>). Copied.</param>
    public static PrefixCode Canonical(ReadOnlySpan<int> lengths)
    {
        var codewords = new ulong[lengths.Length];
        CanonicalCodewords(lengths, codewords);
        return new PrefixCode(lengths.ToArray(), codewords);
    }

    /// <summary>A code with given lengths and codewords (Shannon–Fano–Elias, hand-made codes), checked to be prefix-free.</summary>
    /// <exception cref="ArgumentException">Lengths differ in count from codewords, a length is out of range, a codeword
    /// does not fit its length, or one codeword is a prefix of another.</exception>
    /// <param name="lengths">The codeword length of each symbol in bits (0 = no codeword; at most <see cref="PrefixCode.MaxCodewordLength"/>). Copied.</param>
    /// <param name="codewords">Each symbol's codeword in its low lengths[i] bits, first bit most significant; as many as lengths. Copied.</param>
    public static PrefixCode Create(ReadOnlySpan<int> lengths, ReadOnlySpan<ulong> codewords)
    {
        if (lengths.Length != codewords.Length) ThrowHelper.ThrowLengthMismatch(nameof(lengths), lengths.Length, nameof(codewords), codewords.Length);
        CheckLengths(lengths);
        for (int i = 0; i < lengths.Length; i++)
            if (lengths[i] < MaxCodewordLength && codewords[i] >> lengths[i] != 0)
                ThrowHelper.ThrowArgument(nameof(codewords), $"codewords[{i}] = {codewords[i]} has more than lengths[{i}] = {lengths[i]} bits.");
        if (!PrefixCodes.IsPrefixFree(codewords, lengths))
            ThrowHelper.ThrowArgument(nameof(codewords), "one codeword is a prefix of another.");
        return new PrefixCode(lengths.ToArray(), codewords.ToArray());
    }

    /// <summary>
    /// Fills <paramref name="codewords"/> with the canonical codewords for <paramref name="lengths"/>
    /// (see <see cref="Canonical"/>); symbols of length 0 get 0.
    /// </summary>
    /// <exception cref="ArgumentException">A length is out of 0..64, the Kraft sum exceeds 1, or the destination is too short.</exception>
    /// <param name="lengths">The codeword length of each symbol in bits (0 = no codeword; at most <see cref="PrefixCode.MaxCodewordLength"/>).</param>
    /// <param name="codewords">Receives each symbol's canonical codeword, first bit most significant; at least as long as lengths.</param>
    public static void CanonicalCodewords(ReadOnlySpan<int> lengths, Span<ulong> codewords)
    {
        if (codewords.Length < lengths.Length) ThrowHelper.ThrowDestinationTooShort(nameof(codewords), lengths.Length, codewords.Length);
        CheckLengths(lengths);
        Span<int> perLength = stackalloc int[MaxCodewordLength + 1];
        perLength.Clear();
        foreach (int l in lengths) perLength[l]++;
        Span<ulong> next = stackalloc ulong[MaxCodewordLength + 1];
        ulong code = 0;
        perLength[0] = 0;
        for (int l = 1; l <= MaxCodewordLength; l++)
        {
            code = (code + (ulong)perLength[l - 1]) << 1;
            next[l] = code;
        }
        for (int i = 0; i < lengths.Length; i++)
            codewords[i] = lengths[i] == 0 ? 0 : next[lengths[i]]++;
    }

    private static void CheckLengths(ReadOnlySpan<int> lengths)
    {
        for (int i = 0; i < lengths.Length; i++)
            if ((uint)lengths[i] > MaxCodewordLength)
                ThrowHelper.ThrowArgument(nameof(lengths), $"lengths[{i}] = {lengths[i]} is outside 0..{MaxCodewordLength}.");
        double kraft = PrefixCodes.KraftSum(lengths);
        if (kraft > 1)
            ThrowHelper.ThrowArgument(nameof(lengths), $"the Kraft sum of the lengths is {kraft:R} > 1; no prefix code has these lengths.");
    }
}
