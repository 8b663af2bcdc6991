using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml.Linq;

namespace Xent.Tests;

/// <summary>
/// Every parameter of every public or protected method, constructor, indexer and delegate of the public types of
/// Xent and Xent.Data has a non-empty &lt;param&gt; in the generated XML documentation. CS1573 only catches a method
/// that documents some parameters and not others; a method with no &lt;param&gt; at all passes the compiler, so this
/// test reads the XML file next to each assembly and checks by reflection.
/// </summary>
/// <remarks>
/// Counted as documented: a member whose XML entry has &lt;inheritdoc/&gt; (its documentation is the base member's).
/// Not checked: members the compiler synthesises (marked [CompilerGenerated]: a record's Equals, GetHashCode, ToString,
/// PrintMembers, Deconstruct, &lt;Clone&gt;$, == and !=), which have no source to document; property and event accessors
/// (the property or event is documented, and only indexers have parameters — checked as P:…Item(…)).
/// User-written operators are checked like any method.
/// </remarks>
public class ParameterDocumentationTests
{
    /// <summary>
    /// Members still missing a &lt;param&gt;, as "doc ID: parameter names". The test fails when this list is not exactly the
    /// set of offenders: a new undocumented member fails it, and so does documenting a listed one (remove it here).
    /// This list only shrinks.
    /// </summary>
    private static readonly string[] StillUndocumented =
    [
        "M:Xent.Coding.BinaryArithmeticDecoder.#ctor(System.ReadOnlySpan{System.Byte}): source",
        "M:Xent.Coding.BinaryArithmeticDecoder.Decode(System.Int32): p",
        "M:Xent.Coding.BinaryArithmeticDecoder.Decode``1(``0@): model",
        "M:Xent.Coding.BinaryArithmeticEncoder.#ctor(System.Span{System.Byte}): destination",
        "M:Xent.Coding.BinaryArithmeticEncoder.Encode(System.Int32,System.Int32): bit, p",
        "M:Xent.Coding.BinaryArithmeticEncoder.Encode``1(System.Int32,``0@): bit, model",
        "M:Xent.Coding.FrequencyTable.#ctor(System.ReadOnlySpan{System.Int32},System.Int32): frequencies, precision",
        "M:Xent.Coding.FrequencyTable.CodeLength(System.Int32): symbol",
        "M:Xent.Coding.FrequencyTable.CodeLength(System.ReadOnlySpan{System.Int64}): counts",
        "M:Xent.Coding.FrequencyTable.CodeLengths(System.Span{System.Double}): destination",
        "M:Xent.Coding.FrequencyTable.CrossEntropy(System.ReadOnlySpan{System.Int64}): counts",
        "M:Xent.Coding.FrequencyTable.Probability(System.Int32): symbol",
        "M:Xent.Coding.FrequencyTable.Quantize(System.ReadOnlySpan{System.Int64},System.Int32,System.Boolean): counts, precision, everySymbol",
        "M:Xent.Coding.FrequencyTable.Quantize(Xent.Estimation.DenseCounts,System.Int32,System.Boolean): counts, precision, everySymbol",
        "M:Xent.Coding.FrequencyTable.Read(System.ReadOnlySpan{System.Byte},System.Int32@): source, bytesConsumed",
        "M:Xent.Coding.FrequencyTable.Symbol(System.Int32): slot",
        "M:Xent.Coding.FrequencyTable.TryRead(System.ReadOnlySpan{System.Byte},Xent.Coding.FrequencyTable@,System.Int32@): source, table, bytesConsumed",
        "M:Xent.Coding.FrequencyTable.WriteTo(System.Span{System.Byte}): destination",
        "M:Xent.Coding.FrozenByteModel.CanCode(System.ReadOnlySpan{System.Byte}): block",
        "M:Xent.Coding.FrozenByteModel.CodeLength(System.ReadOnlySpan{System.Byte},System.Span{System.Double}): block, destination",
        "M:Xent.Coding.FrozenByteModel.Encode(System.ReadOnlySpan{System.Byte},System.Span{System.Byte}): source, destination",
        "M:Xent.Coding.FrozenByteModel.MaxEncodedLength(System.Int32): count",
        "M:Xent.Coding.FrozenByteModel.Train(Xent.Estimation.ByteContextCounts,System.Double): counts, smoothing",
        "M:Xent.Coding.FrozenByteModel.TryDecode(System.ReadOnlySpan{System.Byte},System.Span{System.Byte},System.Int32@): source, destination, bytesConsumed",
        "M:Xent.Coding.IAdaptiveSymbolModel.CodeLength(System.Int32): symbol",
        "M:Xent.Coding.IAdaptiveSymbolModel.Find(System.Int32,System.Int32@,System.Int32@): slot, start, frequency",
        "M:Xent.Coding.IAdaptiveSymbolModel.Frequency(System.Int32,System.Int32@): symbol, start",
        "M:Xent.Coding.IAdaptiveSymbolModel.Update(System.Int32): symbol",
        "M:Xent.Coding.IBitModel.Update(System.Int32): bit",
        "M:Xent.Coding.RangeDecoder.#ctor(System.ReadOnlySpan{System.Byte}): source",
        "M:Xent.Coding.RangeDecoder.Consume(System.Int32,System.Int32): start, frequency",
        "M:Xent.Coding.RangeDecoder.Decode``1(``0@): model",
        "M:Xent.Coding.RangeDecoder.Slot(System.Int32): total",
        "M:Xent.Coding.RangeEncoder.#ctor(System.Span{System.Byte}): destination",
        "M:Xent.Coding.RangeEncoder.Encode(System.Int32,System.Int32,System.Int32): start, frequency, total",
        "M:Xent.Coding.RangeEncoder.Encode``1(System.Int32,``0@): symbol, model",
        "M:Xent.Coding.XentContainer.ChooseCodec(System.ReadOnlySpan{System.Byte}): sample",
        "M:Xent.Coding.XentContainer.Compress(System.IO.Stream,System.IO.Stream,Xent.Coding.XentContainerOptions,System.Threading.CancellationToken): input, output, options, cancellationToken",
        "M:Xent.Coding.XentContainer.Compress(System.ReadOnlySpan{System.Byte},Xent.Coding.XentContainerOptions): source, options",
        "M:Xent.Coding.XentContainer.Decompress(System.ReadOnlySpan{System.Byte},System.Int32): source, maxDegreeOfParallelism",
        "M:Xent.Coding.XentContainer.DefaultLevel(Xent.Coding.XentCodec): codec",
    ];

    [Fact]
    public void EveryParameterOfThePublicApiIsDocumented()
    {
        var offenders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var assembly in new[] { typeof(Information).Assembly, typeof(Xent.Data.CsvTableReader).Assembly })
            foreach (var offender in Offenders(assembly)) offenders.Add(offender);

        var allowed = new SortedSet<string>(StillUndocumented, StringComparer.Ordinal);
        var added = offenders.Except(allowed).ToArray();
        var fixedOnes = allowed.Except(offenders).ToArray();
        var message = new StringBuilder();
        if (added.Length > 0)
            message.AppendLine($"{added.Length} member(s) have parameters without a <param> description:")
                .AppendJoin(Environment.NewLine, added.Select(a => "    \"" + a + "\",")).AppendLine();
        if (fixedOnes.Length > 0)
            message.AppendLine($"{fixedOnes.Length} member(s) are now documented; remove them from StillUndocumented:")
                .AppendJoin(Environment.NewLine, fixedOnes.Select(a => "    \"" + a + "\",")).AppendLine();
        Assert.True(message.Length == 0, message.ToString());
    }

    [Fact]
    public void DocIdsMatchTheCompilersForEveryCheckedMember()
    {
        // The check above is only as good as the doc IDs it builds: every member it looks at must have an XML entry
        // (CS1591 guarantees one exists), so a wrong ID shows up here as a missing entry instead of passing silently.
        var missing = new List<string>();
        int checkedCount = 0;
        foreach (var assembly in new[] { typeof(Information).Assembly, typeof(Xent.Data.CsvTableReader).Assembly })
        {
            var docs = Load(assembly);
            foreach (var (id, _) in Members(assembly))
            {
                checkedCount++;
                if (!docs.ContainsKey(id)) missing.Add(id);
            }
        }
        Assert.True(checkedCount > 100, $"only {checkedCount} members with parameters found");
        Assert.True(missing.Count == 0, "no XML entry for: " + string.Join(Environment.NewLine, missing));
    }

    private static Dictionary<string, XElement> Load(Assembly assembly)
    {
        string path = Path.ChangeExtension(assembly.Location, ".xml");
        Assert.True(File.Exists(path), $"no XML documentation next to {assembly.Location}");
        return XDocument.Load(path).Descendants("member").ToDictionary(m => (string)m.Attribute("name")!, StringComparer.Ordinal);
    }

    private static IEnumerable<string> Offenders(Assembly assembly)
    {
        var docs = Load(assembly);
        foreach (var (id, parameters) in Members(assembly))
        {
            if (!docs.TryGetValue(id, out var member)) { yield return id + ": (no XML entry)"; continue; }
            if (member.Element("inheritdoc") is not null) continue;
            var described = member.Elements("param")
                .Where(p => p.Value.Trim().Length > 0 || p.Elements().Any())
                .Select(p => (string?)p.Attribute("name"))
                .ToHashSet(StringComparer.Ordinal);
            var bare = parameters.Where(p => !described.Contains(p)).ToArray();
            if (bare.Length > 0) yield return id + ": " + string.Join(", ", bare);
        }
    }

    /// <summary>Doc ID and parameter names of every checked member that has parameters.</summary>
    private static IEnumerable<(string Id, string[] Parameters)> Members(Assembly assembly)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            string typeId = DefinitionName(type);
            if (typeof(MulticastDelegate).IsAssignableFrom(type))
            {
                var invoke = type.GetMethod("Invoke")!;
                var names = invoke.GetParameters().Select(p => p.Name!).ToArray();
                if (names.Length > 0) yield return ("T:" + typeId, names);
                continue;
            }
            bool sealedType = type.IsSealed;
            foreach (var ctor in type.GetConstructors(All))
            {
                if (!Visible(ctor, sealedType) || ctor.IsStatic) continue;
                var ps = ctor.GetParameters();
                if (ps.Length == 0 || ctor.IsDefined(typeof(CompilerGeneratedAttribute))) continue;
                yield return ($"M:{typeId}.#ctor({Parameters(ps)})", ps.Select(p => p.Name!).ToArray());
            }
            foreach (var method in type.GetMethods(All))
            {
                if (!Visible(method, sealedType)) continue;
                if (method.IsDefined(typeof(CompilerGeneratedAttribute))) continue;
                if (method.IsSpecialName && !method.Name.StartsWith("op_", StringComparison.Ordinal)) continue; // accessors
                var ps = method.GetParameters();
                if (ps.Length == 0) continue;
                string name = method.Name;
                if (method.IsGenericMethodDefinition) name += "``" + method.GetGenericArguments().Length;
                string id = $"M:{typeId}.{name}({Parameters(ps)})";
                if (method.Name is "op_Implicit" or "op_Explicit") id += "~" + TypeName(method.ReturnType);
                yield return (id, ps.Select(p => p.Name!).ToArray());
            }
            foreach (var property in type.GetProperties(All))
            {
                var ps = property.GetIndexParameters();
                if (ps.Length == 0) continue;
                if (!property.GetAccessors(true).Any(a => Visible(a, sealedType))) continue;
                yield return ($"P:{typeId}.{property.Name}({Parameters(ps)})", ps.Select(p => p.Name!).ToArray());
            }
        }
    }

    private static bool Visible(MethodBase m, bool sealedType) =>
        m.IsPublic || !sealedType && (m.IsFamily || m.IsFamilyOrAssembly);

    private static string Parameters(ParameterInfo[] ps) => string.Join(",", ps.Select(p => TypeName(p.ParameterType)));

    /// <summary>The name of a type being documented: Namespace.Outer.Inner`1.</summary>
    private static string DefinitionName(Type type) => type.FullName!.Replace('+', '.');

    /// <summary>The name of a type in a doc ID's parameter list: generic arguments in braces, `n and ``n for type and method parameters.</summary>
    private static string TypeName(Type t)
    {
        if (t.IsByRef) return TypeName(t.GetElementType()!) + "@";
        if (t.IsPointer) return TypeName(t.GetElementType()!) + "*";
        if (t.IsArray)
        {
            int rank = t.GetArrayRank();
            string dims = t.IsSZArray ? "[]" : "[" + string.Join(",", Enumerable.Repeat("0:", rank)) + "]";
            return TypeName(t.GetElementType()!) + dims;
        }
        if (t.IsGenericParameter)
            return (t.DeclaringMethod is not null ? "``" : "`") + t.GenericParameterPosition;
        if (!t.IsGenericType) return (t.FullName ?? t.Name).Replace('+', '.');

        // Constructed generic, possibly nested: each segment of Outer`1+Inner`2 takes its own share of the arguments.
        var args = t.GetGenericArguments();
        var chain = new List<Type>();
        for (var d = t.IsGenericTypeDefinition ? t : t.GetGenericTypeDefinition(); d is not null; d = d.DeclaringType) chain.Insert(0, d);
        var sb = new StringBuilder(chain[0].Namespace is { Length: > 0 } ns ? ns + "." : "");
        int used = 0;
        for (int i = 0; i < chain.Count; i++)
        {
            string segment = chain[i].Name;
            int tick = segment.IndexOf('`');
            int count = tick < 0 ? 0 : int.Parse(segment[(tick + 1)..]);
            if (i > 0) sb.Append('.');
            sb.Append(tick < 0 ? segment : segment[..tick]);
            if (count > 0)
            {
                sb.Append('{').AppendJoin(",", args.Skip(used).Take(count).Select(TypeName)).Append('}');
                used += count;
            }
        }
        return sb.ToString();
    }
}
