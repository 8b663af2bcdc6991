namespace Xent.Tests.Coding;

/// <summary>Exhaustive reference: the cheapest length vector (lengths 1..maxLength, Kraft ≤ 1) for small alphabets.</summary>
internal static class CodeSearch
{
    public static long OptimalCost(long[] counts, int maxLength, int radix = 2)
    {
        var used = counts.Where(c => c > 0).ToArray();
        if (used.Length == 1) return used[0];
        long best = long.MaxValue;
        var lengths = new int[used.Length];
        Search(0, 0.0);
        return best;

        void Search(int i, double kraft)
        {
            if (kraft > 1 + 1e-12) return;
            if (i == used.Length)
            {
                long cost = 0;
                for (int k = 0; k < used.Length; k++) cost += used[k] * lengths[k];
                best = Math.Min(best, cost);
                return;
            }
            for (int l = 1; l <= maxLength; l++)
            {
                lengths[i] = l;
                Search(i + 1, kraft + Math.Pow(radix, -l));
            }
        }
    }

    public static long Cost(long[] counts, ReadOnlySpan<int> lengths)
    {
        long cost = 0;
        for (int i = 0; i < counts.Length; i++) cost += counts[i] * lengths[i];
        return cost;
    }
}
