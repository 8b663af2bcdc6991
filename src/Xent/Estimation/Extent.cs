namespace Xent.Estimation;

/// <summary>
/// The one rule for merging the alphabet of two dense tables along one axis (<see cref="DenseCounts"/>, each axis of a
/// <see cref="ContingencyTable"/>). A table either <em>declares</em> its alphabet (fixed size K: symbols 0 … K−1 can occur,
/// the rest cannot; K counts for estimators that need the number of possible symbols) or <em>grows</em> it (K is 1 + the
/// largest symbol added so far). Symbol s means the same thing in every table, so:
/// <list type="bullet">
/// <item>two growing alphabets merge into a growing one of size max(K₁, K₂) (the smaller is padded with zeros);</item>
/// <item>a growing alphabet merges into a declared one if it fits (K_grow ≤ K_declared); the result is declared;</item>
/// <item>two declared alphabets must be equal.</item>
/// </list>
/// Anything else is refused. The rule is commutative and associative, and so is whether it refuses.
/// </summary>
internal static class Extent
{
    /// <summary>The merged size of <paramref name="a"/> and <paramref name="b"/> (see the class remarks).</summary>
    /// <exception cref="ArgumentException">The two declare different sizes, or the growing one does not fit the declared one.</exception>
    public static int Merge(int a, bool aGrows, int b, bool bGrows, string what)
    {
        if (aGrows && bGrows) return Math.Max(a, b);
        if (!aGrows && !bGrows)
        {
            if (a != b)
                ThrowHelper.ThrowArgument("b", $"incompatible alphabets: {what} of a declares {a} symbols and that of b declares {b}; tables over different declared alphabets cannot be merged.");
            return a;
        }
        int declared = aGrows ? b : a, grown = aGrows ? a : b;
        if (grown > declared)
            ThrowHelper.ThrowArgument("b", $"incompatible alphabets: {what} of {(aGrows ? "a" : "b")} grew to {grown} symbols, beyond the {declared} that {(aGrows ? "b" : "a")} declares.");
        return declared;
    }

    /// <summary>The capacity to grow an array of <paramref name="capacity"/> to so it holds <paramref name="needed"/>: at least double, at most <paramref name="limit"/>.</summary>
    public static long GrowCapacity(long capacity, long needed, long limit) => Math.Max(needed, Math.Min(Math.Max(2 * capacity, 4), limit));
}
