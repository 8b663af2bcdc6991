using System.Text.Json;

namespace Xent.Estimation;

public sealed partial class CountTable<TSymbol>
{
    private const string FormatName = "xent.count-table";
    private const int JsonVersion = 2;

    /// <summary>
    /// Writes the table as one UTF-8 JSON object (docs/formats/count-table.md), version 2:
    /// <c>{"format":"xent.count-table","version":2,"symbol":"string","total":N,"distinct":m,"counts":[[symbol,count],…]}</c>,
    /// symbols in <see cref="SortedSymbols"/> order. Strings are JSON strings, integers (char: its UTF-16 code, enums: the
    /// underlying value) JSON numbers, bools true/false, floats shortest round-trip numbers or "NaN"/"Infinity"/"-Infinity";
    /// a value tuple is a JSON array of its elements, and its "symbol" type an array of element types.
    /// </summary>
    /// <exception cref="NotSupportedException"><typeparamref name="TSymbol"/> is not a supported symbol type (string, bool, char,
    /// the integer types, float, double, enums, value tuples of 1 … 7 of those), or a string has a lone surrogate; nothing is written then.</exception>
    /// <param name="utf8Json">Where the UTF-8 JSON is written, at its current position; not flushed or disposed (the caller owns it).</param>
    public void WriteJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var codec = SymbolCodec<TSymbol>.Instance;
        var symbols = SortedSymbols();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("format", FormatName);
            writer.WriteNumber("version", JsonVersion);
            writer.WritePropertyName("symbol");
            codec.WriteJsonType(writer);
            writer.WriteNumber("total", Total);
            writer.WriteNumber("distinct", Distinct);
            writer.WriteStartArray("counts");
            foreach (var symbol in symbols)
            {
                writer.WriteStartArray();
                codec.WriteJson(writer, symbol);
                writer.WriteNumberValue(_counts[symbol]);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        buffer.WriteTo(utf8Json); // only a complete document reaches the stream
    }

    /// <summary>
    /// Reads a table written by <see cref="WriteJson"/> (version 2, or version 1 whose symbols are strings or numbers), checking
    /// the format name, version, symbol type, counts, total and distinct. The comparer is not stored: pass the one the table was
    /// built with (for strings, ordinal when null).
    /// </summary>
    /// <exception cref="NotSupportedException"><typeparamref name="TSymbol"/> is not a supported symbol type.</exception>
    /// <exception cref="InvalidDataException">The JSON is malformed, of another format or version, holds another symbol type, has a
    /// symbol of the wrong form, a count below 1, a repeated symbol, or a total or distinct that disagrees with the counts.</exception>
    /// <param name="utf8Json">UTF-8 JSON text as written by WriteJson, read to its end; not disposed.</param>
    /// <param name="comparer">The comparer of the table read; null uses the default comparer (ordinal for strings).</param>
    public static CountTable<TSymbol> ReadJson(Stream utf8Json, IEqualityComparer<TSymbol>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var codec = SymbolCodec<TSymbol>.Instance;
        try
        {
            using var document = JsonDocument.Parse(utf8Json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != FormatName)
                ThrowHelper.ThrowInvalidData($"not a count table: the \"format\" field must be \"{FormatName}\".");
            int version = root.GetProperty("version").GetInt32();
            if (version is < 1 or > JsonVersion)
                ThrowHelper.ThrowInvalidData($"count table version {version} is not supported (this build reads 1 … {JsonVersion}).");
            if (version >= 2 && !codec.MatchesJsonType(root.GetProperty("symbol")))
                ThrowHelper.ThrowInvalidData($"the count table holds symbols of type {root.GetProperty("symbol").GetRawText()}, not {codec.Describe()}.");

            var table = new CountTable<TSymbol>(comparer);
            int index = 0;
            foreach (var entry in root.GetProperty("counts").EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Array || entry.GetArrayLength() != 2)
                    ThrowHelper.ThrowInvalidData($"count table entry {index} is not a [symbol, count] pair.");
                var symbol = codec.ReadJson(entry[0]);
                long count = entry[1].GetInt64();
                if (count < 1) ThrowHelper.ThrowInvalidData($"count table entry {index} has count {count}; stored counts are ≥ 1.");
                if (table._counts.ContainsKey(symbol)) ThrowHelper.ThrowInvalidData($"count table entry {index} repeats the symbol {entry[0].GetRawText()}.");
                table.Add(symbol, count);
                index++;
            }
            if (table.Total != root.GetProperty("total").GetInt64() || table.Distinct != root.GetProperty("distinct").GetInt32())
                ThrowHelper.ThrowInvalidData($"count table header says total {root.GetProperty("total")}, distinct {root.GetProperty("distinct")}, but its counts give {table.Total}, {table.Distinct}.");
            return table;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException or OverflowException)
        {
            throw new InvalidDataException($"malformed count table: {e.Message}", e);
        }
    }
}
