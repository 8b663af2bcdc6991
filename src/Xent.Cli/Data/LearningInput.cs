using System.CommandLine;
using Xent.Data;
using Xent.Learning;

namespace Xent.Cli.Data;

/// <summary>
/// The tables of the learning commands (<c>tree</c>, <c>rank-features</c>): which columns are features (<c>--features</c>,
/// default every column but the target), which are categorical (<c>--categorical</c>; otherwise inferred), read through
/// <see cref="FeatureColumns"/> from whatever source <see cref="TableInput.Open"/> gives (CSV, Parquet, an SQL query), the
/// same as for <c>entropy</c> and <c>mi</c>.
/// </summary>
internal static class LearningInput
{
    public const string FeaturesOption = "--features";
    public const string CategoricalOption = "--categorical";

    /// <summary>
    /// Adds <c>--features</c>, <c>--categorical</c> and <c>--skip-bad-rows</c>, and the table options every table command shares
    /// (<see cref="TableInput.AddDelimiter"/>, <see cref="TableInput.AddSources"/>: <c>--sql</c>, <c>--connection</c>,
    /// <c>--engine</c>, <c>--show-sql</c>); the table itself is opened by <see cref="TableInput.Open"/>.
    /// </summary>
    public static void AddTo(Command command)
    {
        command.Options.Add(new Option<string?>(FeaturesOption) { Description = "Feature columns, comma-separated (default: every column but the target)." });
        command.Options.Add(new Option<string?>(CategoricalOption) { Description = "Columns to read as categories even if they hold numbers, comma-separated (others: numeric when every value is a number)." });
        command.Options.Add(Commands.LossInputs.SkipBadRows());
        TableInput.AddDelimiter(command);
        TableInput.AddSources(command, counting: false);
    }

    /// <summary>The bad-row policy of <c>--skip-bad-rows</c>.</summary>
    public static BadRows Policy(ParseResult parse) => TableInput.Policy(parse.GetValue<bool>(TableInput.SkipOption));

    /// <summary>The feature names and kinds for <paramref name="table"/> with target <paramref name="target"/>.</summary>
    /// <exception cref="UsageException">No features remain, a feature is the target, or --categorical names a column that is not a feature.</exception>
    /// <exception cref="DataException">A column is unknown.</exception>
    public static (string[] Names, ColumnKind[] Kinds) Features(TableReader table, string target, ParseResult parse)
    {
        table.ColumnIndex(target);
        string[] names = parse.GetValue<string?>(FeaturesOption) is { } list
            ? Commands.Inputs.Names(list, FeaturesOption)
            : [.. table.Columns.Where(name => name != target)];
        foreach (string name in names) table.ColumnIndex(name);
        if (names.Length == 0) throw new UsageException($"{table.Source}: no feature columns besides '{target}'.");
        if (names.Contains(target)) throw new UsageException($"{FeaturesOption} names the target column '{target}'.");
        var categorical = parse.GetValue<string?>(CategoricalOption) is { } c ? Commands.Inputs.Names(c, CategoricalOption) : [];
        foreach (string name in categorical)
            if (!names.Contains(name)) throw new UsageException($"{CategoricalOption} names '{name}', which is not a feature column.");
        return (names, [.. names.Select(n => categorical.Contains(n) ? ColumnKind.Categorical : ColumnKind.Infer)]);
    }

    /// <summary>The columns of <paramref name="indices"/>' rows (categorical columns keep their category list).</summary>
    public static FeatureColumn Gather(FeatureColumn column, int[] indices) => column.IsCategorical
        ? FeatureColumn.Categorical(column.Name, Xent.Learning.TrainTestSplit.Gather<int>(column.Codes!, 1, indices), column.Categories!)
        : FeatureColumn.Numeric(column.Name, Xent.Learning.TrainTestSplit.Gather<double>(column.Values!, 1, indices));
}
