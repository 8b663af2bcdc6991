using System.Text.Json;

namespace Xent.Cli.Rendering;

/// <summary>
/// Writes one JSON object per command. Numbers are written in full precision; +∞ and −∞ as the strings
/// "Infinity" and "-Infinity" (JSON has no infinity); NaN never reaches here.
/// </summary>
internal sealed class JsonReport
{
    private readonly List<KeyValuePair<string, object?>> _fields = [];

    public JsonReport Add(string name, object? value)
    {
        _fields.Add(new(name, value));
        return this;
    }

    public JsonReport AddInformation(string name, Information value) =>
        Add(name, value.Value).Add("base", value.Base.Value).Add("unit", value.Unit);

    public void WriteTo(TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            WriteObject(writer, _fields);
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteObject(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> fields)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in fields)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }
        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case double d: WriteNumber(writer, d); break;
            case float f: WriteNumber(writer, f); break;
            case int or long or uint or ulong or short or byte: writer.WriteNumberValue(Convert.ToInt64(value)); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case string s: writer.WriteStringValue(s); break;
            case JsonReport nested: WriteObject(writer, nested._fields); break;
            case IEnumerable<KeyValuePair<string, object?>> map: WriteObject(writer, map); break;
            case System.Collections.IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items) WriteValue(writer, item);
                writer.WriteEndArray();
                break;
            default: writer.WriteStringValue(value.ToString()); break;
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, double d)
    {
        if (double.IsPositiveInfinity(d)) writer.WriteStringValue("Infinity");
        else if (double.IsNegativeInfinity(d)) writer.WriteStringValue("-Infinity");
        else if (double.IsNaN(d)) throw new InvalidOperationException("NaN reached the JSON writer.");
        else writer.WriteNumberValue(d);
    }
}
