using CsCheck;

namespace Xent.Tests.Properties;

/// <summary>
/// Property tests with a fixed sequence of cases. CsCheck's <c>Sample(seed: …)</c> fixes only the first case and draws
/// the rest at random, so a suite built on it gives different cases on every run; here every case comes from one PCG
/// stream seeded by the test, so a run is repeatable and a failure names the case that broke.
/// </summary>
internal static class FixedSample
{
    public static void SampleFixed<T>(this Gen<T> gen, Action<T> assert, ulong seed, int iter = 100)
    {
        var pcg = new PCG(1, seed);
        for (int i = 0; i < iter; i++)
        {
            T value = gen.Generate(pcg, null!, out _);
            try
            {
                assert(value);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"case {i} of seed {seed} failed for {Describe(value)}: {e.Message}");
            }
        }
    }

    /// <summary>The same, with the seed given as text (hashed with FNV-1a), so CsCheck-style seeds such as "0000000000b1" keep their meaning as names.</summary>
    public static void SampleFixed<T>(this Gen<T> gen, Action<T> assert, string seed, int iter = 100) =>
        gen.SampleFixed(assert, Fnv1a(seed), iter);

    public static void SampleFixed<T1, T2>(this Gen<(T1, T2)> gen, Action<T1, T2> assert, string seed, int iter = 100) =>
        gen.SampleFixed(t => assert(t.Item1, t.Item2), Fnv1a(seed), iter);

    public static void SampleFixed<T1, T2, T3>(this Gen<(T1, T2, T3)> gen, Action<T1, T2, T3> assert, string seed, int iter = 100) =>
        gen.SampleFixed(t => assert(t.Item1, t.Item2, t.Item3), Fnv1a(seed), iter);

    public static void SampleFixed<T1, T2, T3, T4>(this Gen<(T1, T2, T3, T4)> gen, Action<T1, T2, T3, T4> assert, string seed, int iter = 100) =>
        gen.SampleFixed(t => assert(t.Item1, t.Item2, t.Item3, t.Item4), Fnv1a(seed), iter);

    public static void SampleFixed<T1, T2, T3, T4, T5>(this Gen<(T1, T2, T3, T4, T5)> gen, Action<T1, T2, T3, T4, T5> assert, string seed, int iter = 100) =>
        gen.SampleFixed(t => assert(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5), Fnv1a(seed), iter);

    private static ulong Fnv1a(string text)
    {
        ulong hash = 14695981039346656037;
        foreach (char c in text) hash = (hash ^ c) * 1099511628211;
        return hash;
    }

    public static void SampleFixed<T1, T2>(this Gen<(T1, T2)> gen, Action<T1, T2> assert, ulong seed, int iter = 100) =>
        gen.SampleFixed(t => assert(t.Item1, t.Item2), seed, iter);

    public static void SampleFixed<T1, T2, T3>(this Gen<(T1, T2, T3)> gen, Action<T1, T2, T3> assert, ulong seed, int iter = 100) =>
        gen.SampleFixed(t => assert(t.Item1, t.Item2, t.Item3), seed, iter);

    private static string Describe(object? value) => value switch
    {
        null => "null",
        System.Runtime.CompilerServices.ITuple tuple => "(" + string.Join(", ", Enumerable.Range(0, tuple.Length).Select(i => Describe(tuple[i]))) + ")",
        System.Collections.IEnumerable items and not string => "[" + string.Join(", ", items.Cast<object?>().Take(20).Select(Describe)) + "]",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
