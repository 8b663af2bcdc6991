using System.Text.Json;

namespace Xent.Estimation;

public sealed partial class CountTable<TSymbol>
{
    private const string FormatName = "xent.count-table";
    private const int FormatVersion = 1;

    /// <summary>
    /// Writes the table as one UTF-8 JSON object (docs/formats/count-table.md):
    /// <c>{"format":"xent.count-table","version":1,"total":N,"distinct":m,"counts":[[symbol,count],…]}</c>,
    /// symbols in <see cref="SortedSymbols"/> order and written by System.Text.Json's default serialization of <typeparamref name="TSymbol"/>.
    /// </summary>
    public void WriteJson(Stream utf8Json)
    {
        using var writer = new Utf8JsonWriter(utf8Json);
        writer.WriteStartObject();
        writer.WriteString("format", FormatName);
        writer.WriteNumber("version", FormatVersion);
        writer.WriteNumber("total", Total);
        writer.WriteNumber("distinct", Distinct);
        writer.WriteStartArray("counts");
        foreach (var symbol in SortedSymbols())
        {
            writer.WriteStartArray();
            JsonSerializer.Serialize(writer, symbol);
            writer.WriteNumberValue(_counts[symbol]);
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Reads a table written by <see cref="WriteJson"/>, checking the format name, version, counts, total and distinct.</summary>
    /// <exception cref="InvalidDataException">The JSON is malformed, of another format or version, has a negative count, a repeated
    /// symbol, or a total or distinct that disagrees with the counts.</exception>
    public static CountTable<TSymbol> ReadJson(Stream utf8Json, IEqualityComparer<TSymbol>? comparer = null)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8Json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.GetString() != FormatName)
                ThrowHelper.ThrowInvalidData($"not a count table: the \"format\" field must be \"{FormatName}\".");
            if (root.GetProperty("version").GetInt32() != FormatVersion)
                ThrowHelper.ThrowInvalidData($"count table version {root.GetProperty("version")} is not supported (expected {FormatVersion}).");

            var table = new CountTable<TSymbol>(comparer);
            int index = 0;
            foreach (var entry in root.GetProperty("counts").EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Array || entry.GetArrayLength() != 2)
                    ThrowHelper.ThrowInvalidData($"count table entry {index} is not a [symbol, count] pair.");
                var symbol = entry[0].Deserialize<TSymbol>();
                long count = entry[1].GetInt64();
                if (symbol is null) ThrowHelper.ThrowInvalidData($"count table entry {index} has a null symbol.");
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
