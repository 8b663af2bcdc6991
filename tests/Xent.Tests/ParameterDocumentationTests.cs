using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml.Linq;

namespace Xent.Tests;

/// <summary>
/// Every parameter of every public or protected method, constructor, indexer and delegate of the public types of
/// Xent and Xent.Data has a non-empty &lt;param&gt; in the generated XML documentation. CS1573 only catches a method
/// that documents some parameters and not others; a method with no &lt;param&gt; at all passes the compiler, so this
/// test reads the XML file next to each assembly and checks by reflection. No exceptions are allowed: every such
/// parameter is documented.
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
    [Fact]
    public void EveryParameterOfThePublicApiIsDocumented()
    {
        var offenders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var assembly in new[] { typeof(Information).Assembly, typeof(Xent.Data.CsvTableReader).Assembly })
            foreach (var offender in Offenders(assembly)) offenders.Add(offender);

        var message = new StringBuilder();
        if (offenders.Count > 0)
            message.AppendLine($"{offenders.Count} member(s) have parameters without a <param> description:")
                .AppendJoin(Environment.NewLine, offenders.Select(a => "    " + a)).AppendLine();
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
