using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Xml.Linq;
using Xent.Reports;

namespace Xent.Tests.Cli;

/// <summary>
/// docs/json.md is the JSON contract of every command: each key of each result record (<see cref="ReportJsonContext"/>)
/// must be documented there. <c>XENT_WRITE_JSON_DOC=1 dotnet test --filter JsonContract</c> regenerates the key tables
/// from the records and their XML docs.
/// </summary>
public class JsonContractTests
{

    private static IEnumerable<Type> ResultTypes() =>
    [
        typeof(EntropyResult), typeof(CrossEntropyResult), typeof(KlDivergenceResult), typeof(JsDivergenceResult), typeof(SurprisalResult),
        typeof(MutualInformationResult), typeof(HuffmanCodeResult), typeof(BlockCodesResult), typeof(MetricsResult), typeof(TrainResult),
        typeof(PredictResult), typeof(MeasureBenchResult), typeof(HuffmanBenchResult), typeof(SoftmaxCeBenchResult), typeof(MiTableBenchResult),
        typeof(TourResult), typeof(CompressionResult), typeof(BitsResult), typeof(RansBenchResult), typeof(CmBenchResult),
        typeof(TreeResult), typeof(RankFeaturesResult), typeof(TreeBenchResult),
    ];

    [Fact]
    public void The_list_of_result_types_is_the_contexts()
    {
        // Every record the JSON context serializes (but the figure spec, documented with its page) is covered here.
        foreach (var type in ResultTypes()) Assert.NotNull(ReportJsonContext.Default.GetTypeInfo(type));
        var registered = typeof(ReportJsonContext).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(JsonTypeInfo<>))
            .Select(p => p.PropertyType.GetGenericArguments()[0])
            .Where(t => t.Name.EndsWith("Result", StringComparison.Ordinal) && !t.IsAbstract)
            .ToHashSet();
        Assert.Subset(registered, ResultTypes().ToHashSet());
    }

    [Fact]
    public void Every_key_of_every_record_is_in_docs_json_md()
    {
        string path = Path.Combine(LossCommandsTestsData.Root(), "docs", "json.md");
        if (Environment.GetEnvironmentVariable("XENT_WRITE_JSON_DOC") == "1") WriteDoc(path);
        string doc = File.ReadAllText(path);
        var missing = new List<string>();
        foreach (var type in ResultTypes())
        {
            string section = Section(doc, type.Name);
            if (section.Length == 0) { missing.Add($"{type.Name}: no section"); continue; }
            foreach (var (key, _, _) in Keys(type, ""))
                if (!section.Contains($"`{key}`", StringComparison.Ordinal)) missing.Add($"{type.Name}.{key}");
        }
        Assert.True(missing.Count == 0, "not in docs/json.md: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_information_record_has_base_and_unit()
    {
        foreach (var type in ResultTypes().Where(t => typeof(InformationReport).IsAssignableFrom(t)))
        {
            var keys = Keys(type, "").Select(k => k.Key).ToHashSet();
            Assert.Contains("base", keys);
            Assert.Contains("unit", keys);
        }
    }

    /// <summary>The text of the section headed "### … (TypeName)" up to the next heading of that level.</summary>
    private static string Section(string doc, string typeName)
    {
        int start = doc.IndexOf($"(`{typeName}`)", StringComparison.Ordinal);
        if (start < 0) return "";
        int end = doc.IndexOf("\n### ", start, StringComparison.Ordinal);
        return end < 0 ? doc[start..] : doc[start..end];
    }

    /// <summary>Every JSON key of <paramref name="type"/> (nested objects as "parent.key", array items as "parent[].key"), with its JSON type and C# property.</summary>
    private static IEnumerable<(string Key, string JsonType, System.Reflection.PropertyInfo? Property)> Keys(Type type, string prefix)
    {
        var info = ReportJsonContext.Default.GetTypeInfo(type)!;
        foreach (var property in info.Properties)
        {
            if (property.Get is null) continue;
            var clr = type.GetProperties().FirstOrDefault(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name) == property.Name);
            string key = prefix + property.Name;
            bool optional = clr is not null && !clr.PropertyType.IsValueType
                && new System.Reflection.NullabilityInfoContext().Create(clr).ReadState == System.Reflection.NullabilityState.Nullable;
            yield return (key, JsonType(property.PropertyType) + (optional ? " (optional)" : ""), clr);
            var element = Element(property.PropertyType);
            // A recursive record (a tree node's children) is documented once, at its first level.
            if (element is not null && element != type && IsRecord(element))
                foreach (var nested in Keys(element, key + (element == property.PropertyType ? "." : "[].")))
                    yield return nested;
        }
    }

    private static Type? Element(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        if (t.IsArray) return t.GetElementType();
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)) return t.GetGenericArguments()[0];
        return t;
    }

    private static bool IsRecord(Type t) =>
        t.Namespace?.StartsWith("Xent", StringComparison.Ordinal) == true && (t.IsClass || (t.IsValueType && !t.IsPrimitive)) && !t.IsEnum
        && ReportJsonContext.Default.GetTypeInfo(t) is { Kind: JsonTypeInfoKind.Object };

    private static string JsonType(Type t)
    {
        bool nullable = Nullable.GetUnderlyingType(t) is not null;
        t = Nullable.GetUnderlyingType(t) ?? t;
        string name = t == typeof(double) || t == typeof(float) ? "number" + (nullable ? "" : "")
            : t == typeof(int) || t == typeof(long) ? "integer"
            : t == typeof(bool) ? "boolean"
            : t == typeof(string) ? "string"
            : t.IsEnum ? "string (" + string.Join(" | ", Enum.GetNames(t).Select(n => JsonNamingPolicy.SnakeCaseLower.ConvertName(n))) + ")"
            : t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Dictionary<,>) ? "object (name → number)"
            : t.IsArray || (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)) ? "array of " + JsonType(Element(t)!)
            : "object";
        return nullable ? name + " (optional)" : name;
    }

    /// <summary>Regenerates the key tables of docs/json.md (the prose before the first "## " heading is kept).</summary>
    private static void WriteDoc(string path)
    {
        string old = File.Exists(path) ? File.ReadAllText(path) : "";
        int cut = old.IndexOf("\n## Records", StringComparison.Ordinal);
        var text = new StringBuilder(cut < 0 ? old : old[..(cut + 1)]);
        text.Append("## Records\n\nGenerated from the result records (`src/Xent/Reports`) and their XML docs; a test checks that every key is here.\n");
        var docs = XmlDocs();
        foreach (var type in ResultTypes())
        {
            text.Append($"\n### {Summary(docs, "T:" + type.FullName)} (`{type.Name}`)\n\n| key | type | meaning |\n| --- | --- | --- |\n");
            foreach (var (key, jsonType, property) in Keys(type, ""))
            {
                string meaning = property is null ? "" : Summary(docs, $"P:{property.DeclaringType!.FullName}.{property.Name}");
                if (meaning.Length == 0 && property?.DeclaringType is { } declaring && declaring.GetConstructors().FirstOrDefault() is { } ctor)
                    meaning = Param(docs, declaring, property.Name);
                text.Append($"| `{key}` | {jsonType} | {meaning.Replace("|", "\\|")} |\n");
            }
        }
        File.WriteAllText(path, text.ToString());
    }

    private static Dictionary<string, XElement> XmlDocs()
    {
        string xml = Path.Combine(LossCommandsTestsData.Root(), "src", "Xent", "bin", "Release", "net10.0", "Xent.xml");
        if (!File.Exists(xml)) xml = Path.ChangeExtension(typeof(ReportJson).Assembly.Location, ".xml");
        return XDocument.Load(xml).Descendants("member").ToDictionary(m => (string)m.Attribute("name")!, m => m);
    }

    private static string Summary(Dictionary<string, XElement> docs, string id) =>
        docs.TryGetValue(id, out var member) && member.Element("summary") is { } summary ? Flatten(summary) : "";

    private static string Param(Dictionary<string, XElement> docs, Type type, string name) =>
        docs.TryGetValue("T:" + type.FullName, out var member)
            ? member.Elements("param").Where(p => (string?)p.Attribute("name") == name).Select(Flatten).FirstOrDefault() ?? ""
            : "";

    private static string Flatten(XElement e) => string.Join(" ", e.Nodes().Select(n => n switch
    {
        XText t => t.Value,
        XElement { Name.LocalName: "see" } see => ((string?)see.Attribute("cref") ?? (string?)see.Attribute("langword") ?? "").Split('.', ':').Last(),
        XElement { Name.LocalName: "c" } c => $"`{c.Value}`",
        XElement x => x.Value,
        _ => "",
    }).Select(s => s.Trim())).Replace("\n", " ").Split(' ', StringSplitOptions.RemoveEmptyEntries).Aggregate("", (a, w) => a.Length == 0 ? w : a + " " + w)
        .Replace(" .", ".").Replace(" ,", ",").Replace("( ", "(");
}
