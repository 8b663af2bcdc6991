namespace Xent.Explorer;

/// <summary>
/// The binary tree of a prefix code, laid out for drawing: each codeword is a path from the root (0 = left, 1 = right),
/// leaves spread evenly left to right in codeword order, each inner node centred over its children.
/// </summary>
public sealed class CodeTree
{
    public sealed record Node(string Path, double X, int Depth, int Symbol);

    public IReadOnlyList<Node> Nodes { get; }

    public IReadOnlyList<(Node Parent, Node Child, char Bit)> Edges { get; }

    public int Depth { get; }

    public int Leaves { get; }

    public CodeTree(IReadOnlyList<string> codewords)
    {
        var leaves = codewords.Select((c, i) => (Code: c, Symbol: i)).Where(x => x.Code.Length > 0).OrderBy(x => x.Code, StringComparer.Ordinal).ToArray();
        // Symbols without a codeword (probability 0) are not in the tree.
        var x = new Dictionary<string, double>(StringComparer.Ordinal);
        var symbol = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < leaves.Length; i++)
        {
            x[leaves[i].Code] = i;
            symbol[leaves[i].Code] = leaves[i].Symbol;
        }
        var prefixes = leaves.SelectMany(l => Enumerable.Range(0, l.Code.Length).Select(n => l.Code[..n])).Distinct().OrderByDescending(p => p.Length).ToArray();
        foreach (var prefix in prefixes)
        {
            var children = new[] { prefix + "0", prefix + "1" }.Where(x.ContainsKey).Select(c => x[c]).ToArray();
            x[prefix] = children.Average();
        }
        var nodes = x.Select(kv => new Node(kv.Key, kv.Value, kv.Key.Length, symbol.TryGetValue(kv.Key, out int s) ? s : -1)).ToDictionary(n => n.Path, StringComparer.Ordinal);
        Nodes = nodes.Values.OrderBy(n => n.Depth).ThenBy(n => n.X).ToArray();
        Edges = nodes.Values.Where(n => n.Path.Length > 0).Select(n => (nodes[n.Path[..^1]], n, n.Path[^1])).ToArray();
        Depth = leaves.Length == 0 ? 0 : leaves.Max(l => l.Code.Length);
        Leaves = leaves.Length;
    }
}
