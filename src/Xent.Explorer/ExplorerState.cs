using System.Globalization;
using System.Text;
using Microsoft.Extensions.Primitives;
using Xent.Reports.Tour;

namespace Xent.Explorer;

/// <summary>
/// Everything the page shows is a function of this state, and the state is the query string: a view is shared by its URL
/// and restored from it. Parsing validates every field at the boundary; a bad field keeps its default and adds one message
/// naming the problem (the page shows the messages; the server never fails on input).
/// </summary>
public sealed record ExplorerState
{
    /// <summary>The most outcomes P and Q may have.</summary>
    public const int MaxOutcomes = 32;

    /// <summary>The longest block the bits-per-symbol curve may ask for.</summary>
    public const int MaxBlockLength = 10;

    /// <summary>The most classes of the loss panel.</summary>
    public const int MaxClasses = 10;

    /// <summary>The largest |logit| the loss panel accepts.</summary>
    public const double MaxLogit = 50;

    /// <summary>The longest outcome or class name.</summary>
    public const int MaxNameLength = 24;

    public IReadOnlyList<string> Names { get; init; } = TourDistributions.Weather;

    /// <summary>P as weights ≥ 0 (the page divides by their sum).</summary>
    public IReadOnlyList<double> P { get; init; } = TourDistributions.London;

    /// <summary>Q as weights ≥ 0.</summary>
    public IReadOnlyList<double> Q { get; init; } = TourDistributions.Barcelona;

    /// <summary>"bits" or "nats".</summary>
    public string Unit { get; init; } = "bits";

    /// <summary>The floor q is clipped to (0: none).</summary>
    public double Clip { get; init; }

    /// <summary>Additive smoothing α of Q (0: none).</summary>
    public double Smoothing { get; init; }

    /// <summary>The longest block of the bits-per-symbol curve.</summary>
    public int BlockLength { get; init; } = 8;

    public IReadOnlyList<string> ClassNames { get; init; } = TourDistributions.Weather;

    /// <summary>The loss panel's logits.</summary>
    public IReadOnlyList<double> Logits { get; init; } = TourDistributions.WeatherPrediction.Select(q => Math.Round(Math.Log(q), 3)).ToArray();

    public int TrueClass { get; init; }

    public double LabelSmoothing { get; init; }

    /// <summary>Class weights, or null (all 1).</summary>
    public IReadOnlyList<double>? ClassWeights { get; init; }

    /// <summary>The binary panel's predicted probability p̂.</summary>
    public double BinaryPrediction { get; init; } = TourDistributions.Coin07[0];

    /// <summary>The binary panel's target y ∈ {0, 1}.</summary>
    public int BinaryTarget { get; init; } = 1;

    /// <summary>What was wrong with the query, one message per problem.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>The panels ("distributions", "codes", "loss") whose input had an error: they show the message, not figures
    /// of the defaults the bad fields kept.</summary>
    public IReadOnlySet<string> InvalidPanels { get; init; } = new HashSet<string>();

    /// <summary>The probabilities P = weights / Σ weights.</summary>
    public double[] Pn => Normalized(P);

    /// <summary>The probabilities Q.</summary>
    public double[] Qn => Normalized(Q);

    private static double[] Normalized(IReadOnlyList<double> w)
    {
        double sum = 0;
        foreach (double x in w) sum += x;
        return w.Select(x => x / sum).ToArray();
    }

    /// <summary>Reads a state from the query; every missing field keeps its default.</summary>
    public static ExplorerState Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var q = query.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var errors = new List<string>();
        var s = new ExplorerState();
        var invalid = new HashSet<string>(StringComparer.Ordinal);
        if (q.TryGetValue("preset", out var preset) && Presets.Find(preset.ToString()) is { } found) s = found.Apply(s);
        else if (q.ContainsKey("preset")) errors.Add($"preset '{Clean(preset)}' is not one of {string.Join(", ", Presets.All.Select(p => p.Key))}.");

        // Distributions: names, P and Q must agree in length; any problem leaves all three at their defaults.
        var names = q.TryGetValue("name", out var n) ? Texts(n) : null;
        var p = q.TryGetValue("p", out var pv) ? Numbers("P", pv, errors) : null;
        var qq = q.TryGetValue("q", out var qv) ? Numbers("Q", qv, errors) : null;
        if (names is not null || p is not null || qq is not null)
        {
            int k = (p ?? qq)?.Length ?? names!.Length;
            names ??= Enumerable.Range(1, k).Select(i => $"x{i}").ToArray();
            p ??= Enumerable.Repeat(1.0 / k, k).ToArray();
            qq ??= Enumerable.Repeat(1.0 / k, k).ToArray();
            int before = errors.Count;
            if (p.Length != qq.Length) errors.Add($"P has {p.Length} entries but Q has {qq.Length}; they must have the same length.");
            else if (names.Length != p.Length) errors.Add($"there are {names.Length} outcome names but P has {p.Length} entries.");
            else if (k > MaxOutcomes) errors.Add($"{k} outcomes are more than the {MaxOutcomes} the page allows.");
            else if (k < 1) errors.Add("P needs at least one outcome.");
            else
            {
                Weights("P", p, errors);
                Weights("Q", qq, errors);
                NamesValid("outcome", names, errors);
            }
            if (errors.Count == before) s = s with { Names = names, P = p, Q = qq };
        }

        if (q.TryGetValue("unit", out var unit))
        {
            string u = unit.ToString();
            if (u is "bits" or "nats") s = s with { Unit = u };
            else errors.Add($"unit '{Clean(unit)}' must be bits or nats.");
        }
        if (q.TryGetValue("clip", out var clip) && Number("clip", clip, errors) is double c)
        {
            if (c >= 0 && c < 1) s = s with { Clip = c };
            else errors.Add($"clip {Format(c)} must be in [0, 1).");
        }
        if (q.TryGetValue("smooth", out var smooth) && Number("smoothing", smooth, errors) is double a)
        {
            if (a >= 0 && a <= 1000) s = s with { Smoothing = a };
            else errors.Add($"smoothing {Format(a)} must be in [0, 1000].");
        }
        if (errors.Count > 0) invalid.UnionWith(["distributions", "codes"]);
        int beforeBlocks = errors.Count;
        if (q.TryGetValue("blocks", out var blocks) && Number("block length", blocks, errors) is double b)
        {
            if (b == Math.Floor(b) && b >= 1 && b <= MaxBlockLength) s = s with { BlockLength = (int)b };
            else errors.Add($"block length {Format(b)} must be a whole number 1 … {MaxBlockLength}.");
        }

        if (errors.Count > beforeBlocks) invalid.Add("codes");
        int beforeLoss = errors.Count;

        // Loss: class names and logits agree in length; the true class and the weights must fit them.
        var classes = q.TryGetValue("class", out var cn) ? Texts(cn) : null;
        var logits = q.TryGetValue("z", out var zv) ? Numbers("logits", zv, errors) : null;
        if (classes is not null || logits is not null)
        {
            int before = errors.Count;
            logits ??= new double[classes!.Length];
            classes ??= Enumerable.Range(1, logits.Length).Select(i => $"class {i}").ToArray();
            if (classes.Length != logits.Length) errors.Add($"there are {classes.Length} class names but {logits.Length} logits.");
            else if (logits.Length < 2 || logits.Length > MaxClasses) errors.Add($"the loss needs 2 … {MaxClasses} classes, not {logits.Length}.");
            else
            {
                for (int i = 0; i < logits.Length; i++)
                    if (Math.Abs(logits[i]) > MaxLogit) { errors.Add($"logit {i + 1} = {Format(logits[i])} is outside ±{MaxLogit}."); break; }
                NamesValid("class", classes, errors);
            }
            if (errors.Count == before) s = s with { ClassNames = classes, Logits = logits, TrueClass = 0, ClassWeights = null };
        }
        if (q.TryGetValue("y", out var yv) && Number("true class", yv, errors) is double y)
        {
            if (y == Math.Floor(y) && y >= 0 && y < s.Logits.Count) s = s with { TrueClass = (int)y };
            else errors.Add($"true class {Format(y)} must be 0 … {s.Logits.Count - 1}.");
        }
        if (q.TryGetValue("eps", out var eps) && Number("label smoothing", eps, errors) is double e)
        {
            if (e >= 0 && e <= 1) s = s with { LabelSmoothing = e };
            else errors.Add($"label smoothing {Format(e)} must be in [0, 1].");
        }
        if (q.TryGetValue("w", out var wv) && !StringValues.IsNullOrEmpty(wv) && wv.Any(x => !string.IsNullOrWhiteSpace(x)) && Numbers("class weights", wv, errors) is { } w)
        {
            if (w.Length != s.Logits.Count) errors.Add($"there are {w.Length} class weights but {s.Logits.Count} classes.");
            else if (w.Any(x => x < 0 || x > 1000)) errors.Add("class weights must be in [0, 1000].");
            else s = s with { ClassWeights = w };
        }
        if (q.TryGetValue("bp", out var bp) && Number("predicted probability", bp, errors) is double pr)
        {
            if (pr >= 0.001 && pr <= 0.999) s = s with { BinaryPrediction = pr };
            else errors.Add($"predicted probability {Format(pr)} must be in [0.001, 0.999].");
        }
        if (q.TryGetValue("by", out var by) && Number("binary target", by, errors) is double t)
        {
            if (t is 0 or 1) s = s with { BinaryTarget = (int)t };
            else errors.Add($"binary target {Format(t)} must be 0 or 1.");
        }
        if (errors.Count > beforeLoss) invalid.Add("loss");
        return s with { Errors = errors, InvalidPanels = invalid };
    }

    /// <summary>The query string that restores this state (without the leading '?').</summary>
    public string ToQuery()
    {
        var sb = new StringBuilder();
        void Add(string key, string value)
        {
            if (sb.Length > 0) sb.Append('&');
            sb.Append(key).Append('=').Append(Uri.EscapeDataString(value));
        }
        foreach (var name in Names) Add("name", name);
        Add("p", string.Join(",", P.Select(Format)));
        Add("q", string.Join(",", Q.Select(Format)));
        Add("unit", Unit);
        if (Clip > 0) Add("clip", Format(Clip));
        if (Smoothing > 0) Add("smooth", Format(Smoothing));
        Add("blocks", BlockLength.ToString(CultureInfo.InvariantCulture));
        foreach (var name in ClassNames) Add("class", name);
        Add("z", string.Join(",", Logits.Select(Format)));
        Add("y", TrueClass.ToString(CultureInfo.InvariantCulture));
        if (LabelSmoothing > 0) Add("eps", Format(LabelSmoothing));
        if (ClassWeights is not null) Add("w", string.Join(",", ClassWeights.Select(Format)));
        Add("bp", Format(BinaryPrediction));
        Add("by", BinaryTarget.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>This state with one more outcome, weighted as the smallest positive weight in P and in Q (so no cross-entropy becomes infinite).</summary>
    public ExplorerState AddOutcome()
    {
        if (Names.Count >= MaxOutcomes) return this with { Errors = [.. Errors, $"at most {MaxOutcomes} outcomes."] };
        double pMin = P.Where(x => x > 0).DefaultIfEmpty(1).Min(), qMin = Q.Where(x => x > 0).DefaultIfEmpty(1).Min();
        return this with { Names = [.. Names, $"x{Names.Count + 1}"], P = [.. P, pMin], Q = [.. Q, qMin] };
    }

    /// <summary>This state without outcome <paramref name="index"/> (the last one stays).</summary>
    public ExplorerState RemoveOutcome(int index)
    {
        if (Names.Count <= 1 || index < 0 || index >= Names.Count) return this;
        static IReadOnlyList<T> Without<T>(IReadOnlyList<T> list, int i) => list.Where((_, j) => j != i).ToArray();
        var s = this with { Names = Without(Names, index), P = Without(P, index), Q = Without(Q, index) };
        // Removing the only outcomes with weight leaves nothing to normalize: give the rest equal weight.
        if (s.P.All(x => x == 0)) s = s with { P = s.P.Select(_ => 1.0).ToArray() };
        if (s.Q.All(x => x == 0)) s = s with { Q = s.Q.Select(_ => 1.0).ToArray() };
        return s;
    }

    internal static string Format(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A user's text as it may be echoed in a message: at most 40 characters.</summary>
    internal static string Clean(StringValues value)
    {
        string s = value.ToString();
        return s.Length > 40 ? s[..40] + "…" : s;
    }

    private static string[] Texts(StringValues values) => values.Select(v => (v ?? "").Trim()).ToArray();

    /// <summary>Every value of a repeated key, each possibly a comma-separated list, as numbers; null (and a message) when one is not a number.</summary>
    private static double[]? Numbers(string what, StringValues values, List<string> errors)
    {
        var result = new List<double>();
        foreach (var part in values.SelectMany(v => (v ?? "").Split(',')))
        {
            if (result.Count > 4 * MaxOutcomes) { errors.Add($"{what} has too many entries (at most {MaxOutcomes})."); return null; }
            if (!double.TryParse(part.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double x) || !double.IsFinite(x))
            {
                errors.Add($"{what}: entry {result.Count + 1} is '{Clean(part)}', not a finite number.");
                return null;
            }
            result.Add(x);
        }
        return result.ToArray();
    }

    private static double? Number(string what, StringValues value, List<string> errors)
    {
        var list = Numbers(what, value, errors);
        if (list is null) return null;
        if (list.Length == 1) return list[0];
        errors.Add($"{what} must be one number, not {list.Length}.");
        return null;
    }

    private static void Weights(string what, double[] w, List<string> errors)
    {
        for (int i = 0; i < w.Length; i++)
            if (w[i] < 0) { errors.Add($"{what}: entry {i + 1} is {Format(w[i])}; weights must be ≥ 0."); return; }
        if (w.All(x => x == 0)) errors.Add($"{what}: every weight is 0; at least one must be positive.");
        else if (w.Sum() > 1e12) errors.Add($"{what}: the weights sum to more than 10^12.");
    }

    private static void NamesValid(string what, string[] names, List<string> errors)
    {
        foreach (var name in names)
            if (name.Length == 0 || name.Length > MaxNameLength) { errors.Add($"a {what} name must have 1 … {MaxNameLength} characters ('{Clean(name)}')."); return; }
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length) errors.Add($"{what} names must differ.");
    }
}
