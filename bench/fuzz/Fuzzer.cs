using System.Buffers;
using Xent.Coding;

namespace Xent.Fuzz;

/// <summary>
/// A decoder under fuzzing: how to make a valid encoded input (with random settings, from a random message), and how to
/// decode one. Decoding may succeed or report corruption (an <see cref="OperationStatus"/> or an
/// <see cref="InvalidDataException"/>); anything else — another exception, a crash — is a finding.
/// </summary>
/// <param name="Name">The target's name on the command line.</param>
/// <param name="Encode">A valid input for a message, with settings drawn from the generator.</param>
/// <param name="Decode">Decodes an input; returns the decoded bytes when it succeeded, null when it reported corruption.</param>
public sealed record FuzzTarget(string Name, Func<byte[], Random, byte[]> Encode, Func<byte[], Random, byte[]?> Decode);

/// <summary>One finding: the target, the input that triggered it, and what happened.</summary>
public sealed record FuzzFinding(string Target, string Mutation, byte[] Input, string What);

/// <summary>
/// The core loop of the fuzzer: valid inputs from random messages and settings, mutated by bit flips, truncation,
/// splices of two inputs, random header bytes, byte insertions and deletions, then decoded; unmutated inputs must decode
/// to their message (the round trip). Deterministic for a seed.
/// </summary>
public static class Fuzzer
{
    /// <summary>Every decoder under fuzzing; a new decoder is one line here.</summary>
    public static IReadOnlyList<FuzzTarget> Targets { get; } =
    [
        new("huffman",
            (message, rng) => HuffmanStream.Encode(message, rng.Next(8, HuffmanStream.MaxCodeLength + 1)),
            (input, rng) => Decoded(HuffmanStream.TryDecode, input, rng)),
        new("rans", (message, rng) => RansStream.Encode(message, rng.Next(2), rng.Next(RansStream.MinPrecision, RansStream.MaxPrecision + 1)), (input, rng) => Decoded(RansStream.TryDecode, input, rng)),
        new("adaptive", (message, rng) => AdaptiveStream.Encode(message, rng.Next(3)), (input, rng) => Decoded(AdaptiveStream.TryDecode, input, rng)),
        new("cm", (message, rng) => CmStream.Encode(message, rng.Next(1, 4)), (input, rng) => Decoded((ReadOnlySpan<byte> s, Span<byte> d, out int c, out int w) => CmStream.TryDecode(s, d, MaxCmMemory, out c, out w), input, rng)),
        new("container",
            (message, rng) => XentContainer.Compress(message, new XentContainerOptions
            {
                // Tiny blocks only for short messages: thousands of blocks per input would make each execution slow.
                BlockSize = rng.Next(3) == 0 && message.Length < 1000 ? rng.Next(1, 64) : rng.Next(64, 8192),
                Level = rng.Next(1, 6),
                MaxDegreeOfParallelism = rng.Next(1, 4),
            }),
            (input, rng) =>
            {
                try { return XentContainer.Decompress(input, rng.Next(1, 4)); }
                catch (InvalidDataException) { return null; }
            }),
    ];

    /// <summary>The most memory a fuzzed CM block may make the decoder allocate (what level 3 takes for the largest destination).</summary>
    private const long MaxCmMemory = 64L << 20;

    /// <summary>A span decoder (TryDecode) into a destination of random size: large enough, or maybe too small.</summary>
    private delegate OperationStatus SpanDecoder(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesConsumed, out int bytesWritten);

    private static byte[]? Decoded(SpanDecoder decode, byte[] input, Random rng)
    {
        var destination = new byte[rng.Next(2) == 0 ? 1 << 16 : rng.Next(0, 64)];
        return decode(input, destination, out _, out int written) == OperationStatus.Done ? destination[..written] : null;
    }

    /// <summary>A random message: empty, tiny, skewed, uniform, runs or text-like, up to about 20 000 bytes.</summary>
    public static byte[] Message(Random rng)
    {
        int length = rng.Next(4) switch { 0 => rng.Next(0, 4), 1 => rng.Next(0, 300), _ => rng.Next(0, 20_000) };
        var m = new byte[length];
        switch (rng.Next(4))
        {
            case 0: rng.NextBytes(m); break;
            case 1:
                double skew = 0.3 + 0.69 * rng.NextDouble();
                for (int i = 0; i < m.Length; i++) m[i] = (byte)Math.Min(255, (int)(Math.Log(1 - rng.NextDouble()) / Math.Log(skew)));
                break;
            case 2:
                for (int i = 0; i < m.Length;)
                {
                    byte b = (byte)rng.Next(256);
                    for (int run = rng.Next(1, 500); run > 0 && i < m.Length; run--) m[i++] = b;
                }
                break;
            default:
                const string words = "entropy cross code model bits the of a is what you pay floor ";
                for (int i = 0; i < m.Length; i++) m[i] = (byte)words[rng.Next(words.Length)];
                break;
        }
        return m;
    }

    /// <summary>A mutation of <paramref name="input"/> (<paramref name="other"/> is a second valid input, for splices), and its name.</summary>
    public static (byte[] Input, string Mutation) Mutate(byte[] input, byte[] other, Random rng)
    {
        var m = (byte[])input.Clone();
        switch (rng.Next(7))
        {
            case 0:
                if (m.Length == 0) return (m, "none");
                for (int k = rng.Next(1, 9); k > 0; k--) m[rng.Next(m.Length)] ^= (byte)(1 << rng.Next(8));
                return (m, "bit flips");
            case 1:
                return (m[..rng.Next(0, m.Length + 1)], "truncation");
            case 2:
                int cut = rng.Next(0, m.Length + 1), from = rng.Next(0, other.Length + 1);
                return ([.. m.AsSpan(0, cut), .. other.AsSpan(from)], "splice");
            case 3:
                for (int i = 0; i < Math.Min(m.Length, 40); i++)
                    if (rng.Next(4) == 0) m[i] = (byte)rng.Next(256);
                return (m, "random header bytes");
            case 4:
                int at = rng.Next(0, m.Length + 1);
                return ([.. m.AsSpan(0, at), (byte)rng.Next(256), .. m.AsSpan(at)], "byte inserted");
            case 5:
                if (m.Length == 0) return (m, "none");
                int gone = rng.Next(m.Length);
                return ([.. m.AsSpan(0, gone), .. m.AsSpan(gone + 1)], "byte deleted");
            default:
                return (m, "none");
        }
    }

    /// <summary>
    /// Runs <paramref name="target"/> for <paramref name="iterations"/> executions (or until <paramref name="stop"/> says so,
    /// checked every execution) from <paramref name="seed"/>; returns the executions done and the findings. An unmutated
    /// input that does not decode to its message is a finding too.
    /// </summary>
    public static (long Executions, List<FuzzFinding> Findings) Run(FuzzTarget target, int seed, long iterations, Func<bool>? stop = null, Action<byte[]>? current = null)
    {
        var rng = new Random(seed);
        var findings = new List<FuzzFinding>();
        byte[] message = Message(rng), encoded = target.Encode(message, rng), previous = encoded;
        long done = 0;
        for (; done < iterations && !(stop?.Invoke() ?? false); done++)
        {
            if (done % 64 == 0)
            {
                previous = encoded;
                message = Message(rng);
                encoded = target.Encode(message, rng);
            }
            var (input, mutation) = Mutate(encoded, previous, rng);
            current?.Invoke(input);
            try
            {
                var decoded = target.Decode(input, rng);
                if (mutation == "none" && decoded is not null && !decoded.AsSpan().SequenceEqual(message) && input.AsSpan().SequenceEqual(encoded))
                    findings.Add(new(target.Name, mutation, input, "round trip: decoded bytes differ from the message"));
                if (mutation == "none" && decoded is null && target.Name == "container")
                    findings.Add(new(target.Name, mutation, input, "round trip: a valid input was reported corrupt"));
            }
            catch (Exception e)
            {
                findings.Add(new(target.Name, mutation, input, $"{e.GetType().Name}: {e.Message}"));
            }
        }
        return (done, findings);
    }
}
