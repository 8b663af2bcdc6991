using System.Text.Json;
using System.Text.Json.Serialization;

namespace Xent.Learning.Trees;

/// <summary>A feature of a decision tree model: its name, and for a categorical one its categories (codes are their indices).</summary>
/// <param name="Name">The feature's name.</param>
/// <param name="Categories">The categories seen in training, indexed by code, or null for a numeric feature.</param>
public sealed record TreeFeature(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("categories")] string[]? Categories = null);

/// <summary>
/// A fitted classification tree (<see cref="DecisionTree.Fit"/>): its features, classes and nodes. Class probabilities of a
/// row are those of the node it reaches, p_k = (c_k + α)/(N + Kα) with α = <see cref="Smoothing"/>. Saved as JSON
/// (<see cref="ToJson"/>, <see cref="FromJson"/>), format "xent.decision-tree/1".
/// </summary>
/// <remarks>
/// Rows are given as doubles, one per feature in <see cref="Features"/> order: a numeric feature's value, or a categorical
/// feature's code (its index in <see cref="TreeFeature.Categories"/>, see <see cref="CategoryCode"/>); a code that is
/// negative, not an integer or beyond the categories is a category the tree never saw, and the row stops at the first
/// node that splits on that feature.
/// </remarks>
public sealed record DecisionTreeModel
{
    /// <summary>The JSON format identifier written by <see cref="ToJson"/> and required by <see cref="FromJson"/>.</summary>
    public const string FormatName = "xent.decision-tree/1";

    /// <summary>The deepest tree that can be saved and read (JSON nesting grows two levels per tree level).</summary>
    public const int MaxSavedDepth = 400;

    /// <summary>The format identifier (always <see cref="FormatName"/>).</summary>
    [JsonPropertyName("format")] public string Format { get; init; } = FormatName;

    /// <summary>The name of the predicted column, or null.</summary>
    [JsonPropertyName("target")] public string? Target { get; init; }

    /// <summary>The K class names, in the order of the counts and probabilities.</summary>
    [JsonPropertyName("classes")] public required IReadOnlyList<string> ClassNames { get; init; }

    /// <summary>The features, in the order rows are given.</summary>
    [JsonPropertyName("features")] public required IReadOnlyList<TreeFeature> Features { get; init; }

    /// <summary>The split criterion the tree was grown with.</summary>
    [JsonPropertyName("criterion")] public SplitCriterion Criterion { get; init; }

    /// <summary>The pseudo-count α of the node probabilities.</summary>
    [JsonPropertyName("smoothing")] public double Smoothing { get; init; }

    /// <summary>The root node.</summary>
    [JsonPropertyName("root")] public required TreeNode Root { get; init; }

    /// <summary>K.</summary>
    [JsonIgnore] public int Classes => ClassNames.Count;

    /// <summary>The number of nodes.</summary>
    [JsonIgnore] public int NodeCount => Root.CountNodes();

    /// <summary>The number of leaves.</summary>
    [JsonIgnore] public int LeafCount => Root.CountLeaves();

    /// <summary>The depth (a lone root has depth 0).</summary>
    [JsonIgnore] public int Depth => Root.Depth();

    /// <summary>The code of <paramref name="category"/> for categorical feature <paramref name="feature"/>, or −1 if the tree never saw it.</summary>
    /// <param name="feature">The feature's index in <see cref="Features"/>.</param>
    /// <param name="category">The category's name.</param>
    public int CategoryCode(int feature, ReadOnlySpan<char> category)
    {
        var categories = Features[feature].Categories;
        if (categories is null) ThrowHelper.ThrowArgument(nameof(feature), $"feature '{Features[feature].Name}' is numeric.");
        for (int c = 0; c < categories!.Length; c++)
            if (category.SequenceEqual(categories[c])) return c;
        return -1;
    }

    /// <summary>The leaf (or stopping node) row <paramref name="row"/> reaches.</summary>
    /// <param name="row">One value per feature (codes for categorical features).</param>
    public TreeNode Apply(ReadOnlySpan<double> row)
    {
        if (row.Length != Features.Count) ThrowHelper.ThrowShape(nameof(row), row.Length, $"d = {Features.Count}");
        var node = Root;
        while (node.Children is { } children)
        {
            double x = row[node.FeatureIndex];
            if (node.ChildOfCode is { } map)
            {
                if (!(x >= 0 && x < map.Length && x == Math.Floor(x))) break;
                int child = map[(int)x];
                if (child < 0) break;
                node = children[child];
            }
            else
            {
                if (double.IsNaN(x)) ThrowHelper.ThrowBadValue(nameof(row), node.FeatureIndex, x, "a numeric feature must not be NaN");
                node = x <= node.Threshold!.Value ? children[0] : children[1];
            }
        }
        return node;
    }

    /// <summary>Writes p(k | xᵢ) of rows X [n, d] into <paramref name="destination"/> [n, K]: the smoothed class frequencies of the node each row reaches.</summary>
    /// <param name="features">X, n·d values, columns in <see cref="Features"/> order (codes for categorical features).</param>
    /// <param name="destination">n·K entries; each row sums to 1.</param>
    /// <exception cref="ArgumentException">Shapes do not match, or a numeric feature is NaN.</exception>
    public void PredictProbabilities(ReadOnlySpan<double> features, Span<double> destination)
    {
        int d = Features.Count, k = Classes;
        if (features.Length % d != 0) ThrowHelper.ThrowShape(nameof(features), features.Length, $"a multiple of d = {d}");
        int n = features.Length / d;
        if (destination.Length != n * k) ThrowHelper.ThrowShape(nameof(destination), destination.Length, $"n·K = {n}·{k}");
        for (int i = 0; i < n; i++)
            Probabilities(Apply(features.Slice(i * d, d)), destination.Slice(i * k, k));
    }

    /// <summary>The class probabilities of <paramref name="node"/>: p_k = (c_k + α)/(N + Kα).</summary>
    /// <param name="node">A node of this tree.</param>
    /// <param name="destination">K entries.</param>
    public void Probabilities(TreeNode node, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(node);
        double total = node.Samples + Classes * Smoothing;
        for (int c = 0; c < Classes; c++) destination[c] = (node.Counts[c] + Smoothing) / total;
    }

    /// <summary>The model as indented JSON.</summary>
    /// <exception cref="InvalidOperationException">The tree is deeper than <see cref="MaxSavedDepth"/>.</exception>
    public string ToJson()
    {
        if (Depth > MaxSavedDepth) throw new InvalidOperationException($"the tree is {Depth} levels deep; at most {MaxSavedDepth} can be saved (limit its depth).");
        return JsonSerializer.Serialize(this, DecisionTreeJsonContext.Default.DecisionTreeModel);
    }

    /// <summary>
    /// Reads a model written by <see cref="ToJson"/>; throws <see cref="InvalidDataException"/> on another format or an
    /// inconsistent tree: an unknown feature, a numeric split without a finite threshold or with other than two children, a
    /// categorical split whose category lists do not match its children or name unknown or repeated categories, counts of the
    /// wrong length or negative, a negative or non-finite smoothing.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    public static DecisionTreeModel FromJson(string json)
    {
        DecisionTreeModel? model;
        try
        {
            model = JsonSerializer.Deserialize(json, DecisionTreeJsonContext.Default.DecisionTreeModel);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Not a decision tree model: {e.Message}", e);
        }
        if (model is null || model.Format != FormatName)
            throw new InvalidDataException($"Not a decision tree model (format '{model?.Format}', expected '{FormatName}').");
        if (model.ClassNames is null || model.Features is null || model.Root is null || model.Features.Any(f => f is null || string.IsNullOrEmpty(f.Name)))
            ThrowHelper.ThrowInvalidData("The model has null where its classes, features or root belong.");
        if (model.Classes < 1 || model.ClassNames.Distinct(StringComparer.Ordinal).Count() != model.Classes)
            ThrowHelper.ThrowInvalidData("The model's classes are missing or repeated.");
        if (model.Features.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count() != model.Features.Count)
            ThrowHelper.ThrowInvalidData("The model's features repeat a name.");
        if (!(model.Smoothing >= 0) || double.IsInfinity(model.Smoothing)) ThrowHelper.ThrowInvalidData($"The model's smoothing {model.Smoothing} is not a finite number ≥ 0.");
        model.Bind(model.Root, 0, checkDepth: true);
        return model;
    }

    /// <summary>Resolves every node's feature index and category map, checking the node against the features.</summary>
    internal void Bind(TreeNode node, int depth, bool checkDepth)
    {
        if (checkDepth && depth > MaxSavedDepth) ThrowHelper.ThrowInvalidData($"The tree is deeper than {MaxSavedDepth} levels.");
        if (node.Counts is null || node.Counts.Length != Classes || node.Counts.Any(c => c < 0))
            ThrowHelper.ThrowInvalidData($"A node's counts must be {Classes} numbers ≥ 0.");
        if (node.Children is null)
        {
            if (node.Feature is not null) ThrowHelper.ThrowInvalidData($"A node splits on '{node.Feature}' but has no children.");
            return;
        }
        int index = -1;
        for (int j = 0; j < Features.Count; j++) if (Features[j].Name == node.Feature) index = j;
        if (index < 0) ThrowHelper.ThrowInvalidData($"A node splits on '{node.Feature}', which is not one of the model's features.");
        node.FeatureIndex = index;
        if (node.Children.Any(c => c is null)) ThrowHelper.ThrowInvalidData("A node has a null child.");
        if (Features[index].Categories is { } categories)
        {
            if (node.Categories is null || node.Categories.Length != node.Children.Length || node.Threshold is not null)
                ThrowHelper.ThrowInvalidData($"A split on categorical '{node.Feature}' needs one category list per child.");
            var map = new int[categories.Length];
            Array.Fill(map, -1);
            for (int b = 0; b < node.Categories!.Length; b++)
            {
                foreach (string name in node.Categories[b] ?? [])
                {
                    int code = Array.IndexOf(categories, name);
                    if (code < 0 || map[code] >= 0) ThrowHelper.ThrowInvalidData($"A split on '{node.Feature}' names category '{name}' unknown or twice.");
                    map[code] = b;
                }
            }
            node.ChildOfCode = map;
        }
        else if (node.Threshold is not double t || !double.IsFinite(t) || node.Children.Length != 2 || node.Categories is not null)
            ThrowHelper.ThrowInvalidData($"A split on numeric '{node.Feature}' needs a finite threshold and two children.");
        foreach (var child in node.Children) Bind(child, depth + 1, checkDepth);
    }
}

/// <summary>
/// The source-generated (reflection-free, trim- and AOT-safe) JSON contract of <see cref="DecisionTreeModel"/>: indented,
/// absent fields left out, the criterion by name.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true, MaxDepth = 2 * global::Xent.Learning.Trees.DecisionTreeModel.MaxSavedDepth + 16,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(DecisionTreeModel))]
internal sealed partial class DecisionTreeJsonContext : JsonSerializerContext;
