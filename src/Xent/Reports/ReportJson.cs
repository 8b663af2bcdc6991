using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Xent.Reports;

/// <summary>
/// The one JSON form of every result record: snake_case keys, indented, numbers in full (round-trip) precision,
/// +∞ and −∞ as the strings "Infinity" and "-Infinity" (JSON has no infinity), optional fields left out when absent.
/// NaN is never written: serializing a record that holds one throws <see cref="InvalidOperationException"/> (a bug, not
/// a user's mistake). Serialization is source-generated (<see cref="ReportJsonContext"/>), so it needs no reflection.
/// </summary>
public static class ReportJson
{
    /// <summary>The record as one indented JSON object, by its run-time type (a <see cref="PairMeasureResult"/> writes its measure's key).</summary>
    /// <exception cref="InvalidOperationException">A figure of the record is NaN, or <typeparamref name="T"/> is not a registered result type.</exception>
    /// <param name="report">A result record from Xent.Reports (not null); its run-time type chooses the JSON shape.</param>
    public static string Serialize<T>(T report) where T : notnull => JsonSerializer.Serialize(report, TypeInfo(report.GetType()));

    /// <summary>Reads a record written by <see cref="Serialize{T}"/> (the strings "Infinity" and "-Infinity" become ±∞).</summary>
    /// <exception cref="JsonException">The text is not such a record, or holds "NaN".</exception>
    /// <param name="json">The JSON text of one result record, as written by Serialize.</param>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize(json, TypeInfo<T>()) ?? throw new JsonException($"the JSON text is null, not a {typeof(T).Name}.");

    private static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)TypeInfo(typeof(T));

    private static JsonTypeInfo TypeInfo(Type type) =>
        ReportJsonContext.Default.GetTypeInfo(type)
            ?? throw new InvalidOperationException($"{type.Name} is not a result type of {nameof(ReportJsonContext)}.");

    /// <summary>Writes a double as <see cref="Serialize{T}"/> does: a number, "Infinity" or "-Infinity"; NaN throws.</summary>
    internal static void WriteNumber(Utf8JsonWriter writer, double value)
    {
        if (double.IsPositiveInfinity(value)) writer.WriteStringValue("Infinity");
        else if (double.IsNegativeInfinity(value)) writer.WriteStringValue("-Infinity");
        else if (double.IsNaN(value)) throw new InvalidOperationException("NaN reached the JSON writer: a result figure must be a number or ±∞.");
        else writer.WriteNumberValue(value);
    }

    internal static double ReadNumber(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number) return reader.GetDouble();
        if (reader.TokenType == JsonTokenType.String)
        {
            switch (reader.GetString())
            {
                case "Infinity": return double.PositiveInfinity;
                case "-Infinity": return double.NegativeInfinity;
            }
        }
        throw new JsonException($"expected a number, \"Infinity\" or \"-Infinity\", not {reader.TokenType}.");
    }
}

/// <summary>
/// The double converter of <see cref="ReportJsonContext"/>: ±∞ as named literals (what
/// <see cref="JsonNumberHandling.AllowNamedFloatingPointLiterals"/> writes), but NaN refused instead of written as "NaN".
/// </summary>
internal sealed class FiguresConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReportJson.ReadNumber(ref reader);

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => ReportJson.WriteNumber(writer, value);
}

/// <summary>Source-generated serialization of the result records, with the options of <see cref="ReportJson"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true,
    MaxDepth = 1024,
    Converters = [typeof(FiguresConverter)])]
[JsonSerializable(typeof(EntropyResult))]
[JsonSerializable(typeof(CrossEntropyResult))]
[JsonSerializable(typeof(KlDivergenceResult))]
[JsonSerializable(typeof(JsDivergenceResult))]
[JsonSerializable(typeof(SurprisalResult))]
[JsonSerializable(typeof(MutualInformationResult))]
[JsonSerializable(typeof(HuffmanCodeResult))]
[JsonSerializable(typeof(BlockCodesResult))]
[JsonSerializable(typeof(MetricsResult))]
[JsonSerializable(typeof(TrainResult))]
[JsonSerializable(typeof(PredictResult))]
[JsonSerializable(typeof(MeasureBenchResult))]
[JsonSerializable(typeof(HuffmanBenchResult))]
[JsonSerializable(typeof(RansBenchResult))]
[JsonSerializable(typeof(CmBenchResult))]
[JsonSerializable(typeof(CompressionResult))]
[JsonSerializable(typeof(BitsResult))]
[JsonSerializable(typeof(SoftmaxCeBenchResult))]
[JsonSerializable(typeof(MiTableBenchResult))]
[JsonSerializable(typeof(TourResult))]
[JsonSerializable(typeof(PlotSpec))]
[JsonSerializable(typeof(TreeResult))]
[JsonSerializable(typeof(RankFeaturesResult))]
[JsonSerializable(typeof(TreeBenchResult))]
public sealed partial class ReportJsonContext : JsonSerializerContext;
