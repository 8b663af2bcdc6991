using System.Diagnostics;
using System.Text;
using Xent.Coding;
using Xent.Reports;

namespace Xent.Explorer;

/// <summary>One character of the text and what the adaptive order-2 model (the <c>o2</c> codec's) paid for its bytes.</summary>
public readonly record struct SurprisedChar(string Text, double Bits);

/// <summary>The compression panel's figures: <c>xent bits</c> of the text (order-0/1/2 entropies, the model's cross-entropy),
/// the real container size per codec (as <c>xent compress</c> reports it), and the cost of each character under the
/// adaptive order-2 model.</summary>
public sealed record CompressionView(BitsResult Bits, IReadOnlyList<CompressionResult> Codecs, IReadOnlyList<SurprisedChar> Surprise, double SurpriseTotalBits);

/// <summary>Computes the compression panel, one text at a time (an order-2 count table takes 128 MiB).</summary>
public static class CompressionModel
{
    /// <summary>The longest text the page measures, in UTF-8 bytes.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The model orders offered.</summary>
    public static readonly int[] Orders = [0, 1, 2];

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Measures <paramref name="text"/>; null with a message when it is empty or too long.</summary>
    public static async Task<(CompressionView? View, string? Message)> ComputeAsync(string text, int order, CancellationToken cancellationToken)
    {
        if (text.Length == 0) return (null, "Paste a text to measure.");
        byte[] data = Encoding.UTF8.GetBytes(text);
        if (data.Length > MaxBytes) return (null, $"The text has {data.Length:N0} bytes; the page measures at most {MaxBytes:N0} (xent bits FILE has no limit).");
        if (order is < 0 or > 2) return (null, $"model order {order} must be 0, 1 or 2.");
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            return (Compute(text, data, order), null);
        }
        finally { OneAtATime.Release(); }
    }

    private static CompressionView Compute(string text, byte[] data, int order)
    {
        var bits = BitsResult.BuildFromMemory("pasted text", data, $"order{order}", smoothing: 0);
        var codecs = new List<CompressionResult>();
        foreach (var (codec, _, _) in XentContainer.Codecs)
        {
            var clock = Stopwatch.StartNew();
            var summary = XentContainer.Compress(new MemoryStream(data, writable: false), Stream.Null,
                new XentContainerOptions { Codec = codec, Level = XentContainer.DefaultLevel(codec) });
            codecs.Add(CompressionResult.From("compress", "pasted text", "-", summary, clock.Elapsed.TotalSeconds));
        }

        // Character by character: the bits the adaptive order-2 model pays for the character's UTF-8 bytes, then learns them.
        var model = new AdaptiveByteModel(2);
        var chars = new List<SurprisedChar>();
        double total = 0;
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            int length = rune.EncodeToUtf8(buffer);
            double cost = 0;
            for (int i = 0; i < length; i++)
            {
                cost += model.CodeLength(buffer[i]);
                model.Update(buffer[i]);
            }
            total += cost;
            chars.Add(new SurprisedChar(rune.ToString(), cost));
        }
        return new CompressionView(bits, codecs, chars, total);
    }
}
