using System.Data.Common;
using System.Globalization;
using System.Numerics;
using System.Text;
using Xent.Estimation;

namespace Xent.Data;

public sealed partial class SqlTableReader
{
    /// <summary>How a result column's values read as numbers, by their .NET type.</summary>
    private enum ValueKind
    {
        /// <summary>Integers: always finite, cast to double directly.</summary>
        Integer,

        /// <summary>Decimals and single-precision floats: read in .NET through their shortest text, so cast through VARCHAR.</summary>
        ThroughText,

        /// <summary>Doubles: cast directly, NaN and ±∞ not numbers.</summary>
        Double,

        /// <summary>Booleans: read as true/false.</summary>
        Boolean,

        /// <summary>Strings: numbers, booleans or categories by their text.</summary>
        Text,

        /// <summary>Anything else (dates, times, lists): categories.</summary>
        Other,
    }

    private ValueKind KindOf(int ordinal) => _types[ordinal] switch
    {
        var t when t == typeof(long) || t == typeof(int) || t == typeof(short) || t == typeof(sbyte) || t == typeof(byte)
            || t == typeof(ulong) || t == typeof(uint) || t == typeof(ushort) || t == typeof(BigInteger) || t == typeof(Int128) || t == typeof(UInt128) => ValueKind.Integer,
        var t when t == typeof(decimal) || t == typeof(float) || t == typeof(Half) => ValueKind.ThroughText,
        var t when t == typeof(double) => ValueKind.Double,
        var t when t == typeof(bool) => ValueKind.Boolean,
        var t when t == typeof(string) || t == typeof(char) => ValueKind.Text,
        _ => ValueKind.Other,
    };

    private bool Duck => Engine == SqlEngine.DuckDb;

    private string DoubleType => Duck ? "DOUBLE" : "DOUBLE PRECISION";

    /// <summary>A regular expression match of the whole value, in the engine's syntax (DuckDB's RE2, PostgreSQL's ARE).</summary>
    private string Matches(string column, string pattern) => Duck ? $"regexp_matches({column}, '{pattern}')" : $"({column} ~ '{pattern}')";

    /// <summary>
    /// The characters <see cref="string.Trim()"/> removes (<see cref="char.IsWhiteSpace(char)"/>), for stating "blank" and
    /// "trimmed" in an SQL regular expression exactly as .NET trims. Found by scanning all 65,536 chars, so it lives here,
    /// built on first use of an SQL source, not in <see cref="ColumnTypes"/>, which every CSV and Parquet count touches.
    /// </summary>
    private static readonly string WhiteSpace = new([.. Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(char.IsWhiteSpace)]);

    /// <summary>The characters .NET trims, as a bracket expression of either engine's regular expressions.</summary>
    private string Space
    {
        get
        {
            string Char(char c) => Duck ? $"\\x{{{(int)c:X}}}" : $"\\u{(int)c:X4}";
            var ws = WhiteSpace;
            var text = new StringBuilder("[");
            for (int i = 0; i < ws.Length;)
            {
                int run = 1;
                while (i + run < ws.Length && ws[i + run] == ws[i] + run) run++;
                text.Append(Char(ws[i]));
                if (run > 2) text.Append('-').Append(Char(ws[i + run - 1]));
                else if (run == 2) text.Append(Char(ws[i + 1]));
                i += run;
            }
            return text.Append(']').ToString();
        }
    }

    /// <summary>The value is missing: NULL, or for a string, empty or white space only (as .NET trims).</summary>
    private string MissingSql(int ordinal)
    {
        string c = Quote(_columns[ordinal]);
        return KindOf(ordinal) == ValueKind.Text ? $"({c} IS NULL OR {Matches(c, $"^{Space}*$")})" : $"({c} IS NULL)";
    }

    /// <summary>A present value is a finite number (as <see cref="ColumnTypes.IsNumber"/> reads its text).</summary>
    private string NumberSql(int ordinal)
    {
        string c = Quote(_columns[ordinal]);
        return KindOf(ordinal) switch
        {
            ValueKind.Integer => "TRUE",
            ValueKind.Double or ValueKind.ThroughText => Duck ? $"isfinite(CAST({c} AS DOUBLE))"
                : $"(CAST({c} AS DOUBLE PRECISION) NOT IN (CAST('NaN' AS DOUBLE PRECISION), CAST('Infinity' AS DOUBLE PRECISION), CAST('-Infinity' AS DOUBLE PRECISION)))",
            ValueKind.Text => Matches(c, $"^{Space}*[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?{Space}*$"),
            _ => "FALSE",
        };
    }

    /// <summary>A present value is a boolean (<see cref="ColumnTypes.IsBoolean"/>).</summary>
    private string BooleanSql(int ordinal) => KindOf(ordinal) switch
    {
        ValueKind.Boolean => "TRUE",
        ValueKind.Text => Matches(Quote(_columns[ordinal]), $"^{Space}*(true|false|True|False|TRUE|FALSE){Space}*$"),
        _ => "FALSE",
    };

    /// <summary>The double a numeric value reads as in .NET: the same number, cast the way its text would parse.</summary>
    private string NumberOf(int ordinal)
    {
        string c = Quote(_columns[ordinal]);
        return KindOf(ordinal) switch
        {
            ValueKind.Text => $"{(Duck ? "TRY_CAST" : "CAST")}(regexp_replace({c}, '^{Space}+|{Space}+$', '', 'g') AS {DoubleType})",
            ValueKind.ThroughText => $"CAST(CAST({c} AS VARCHAR) AS {DoubleType})",
            _ => $"CAST({c} AS {DoubleType})",
        };
    }

    private string Literal(double value) => $"CAST('{value.ToString("R", CultureInfo.InvariantCulture)}' AS {DoubleType})";

    /// <summary>
    /// Binned counting in the database, in three steps: one query for each column's type (counts of present values that are
    /// not numbers, not booleans), one per numeric column for its cut points (the order statistics at
    /// <see cref="QuantileBins.OrderStatisticRanks"/> by ROW_NUMBER, or MIN and MAX), and one <c>GROUP BY</c> over each
    /// numeric column's bin (a CASE of comparisons with the cut points) and each other column's value. Only counts, cut points
    /// and groups come back.
    /// </summary>
    internal override (CountSet Counts, BinPlan[] Plan)? CountBinnedPushedDown(CountRequest request, Binning binning)
    {
        var columns = request.Sets[0];
        var names = columns.Distinct(StringComparer.Ordinal).ToArray();
        var ordinals = names.Select(ColumnIndex).ToArray();
        string complete = string.Join(" AND ", ordinals.Select(o => $"NOT {MissingSql(o)}"));
        string Scope(int o) => request.Missing == MissingValues.Category ? $"NOT {MissingSql(o)}" : complete;

        // 1. The types: per column, the present values in scope, and those that are not numbers, not booleans.
        var inference = new StringBuilder("SELECT ");
        for (int j = 0; j < names.Length; j++)
        {
            int o = ordinals[j];
            if (j > 0) inference.Append(", ");
            inference.Append(CultureInfo.InvariantCulture, $"CAST(SUM(CASE WHEN {Scope(o)} THEN 1 ELSE 0 END) AS BIGINT) AS xent_p{j}, ")
                .Append(CultureInfo.InvariantCulture, $"CAST(SUM(CASE WHEN {Scope(o)} AND NOT {NumberSql(o)} THEN 1 ELSE 0 END) AS BIGINT) AS xent_x{j}, ")
                .Append(CultureInfo.InvariantCulture, $"CAST(SUM(CASE WHEN {Scope(o)} AND NOT {BooleanSql(o)} THEN 1 ELSE 0 END) AS BIGINT) AS xent_b{j}");
        }
        inference.Append(CultureInfo.InvariantCulture, $" FROM ({Query}) AS xent_t");
        var present = new long[names.Length];
        var types = new ColumnType[names.Length];
        Read(inference.ToString(), reader =>
        {
            if (!reader.Read()) return;
            for (int j = 0; j < names.Length; j++)
            {
                long Get(int i) => reader.IsDBNull(i) ? 0 : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
                present[j] = Get(3 * j);
                types[j] = ColumnTypes.Of(present[j], Get(3 * j + 1) == 0, Get(3 * j + 2) == 0);
            }
        });

        // 2. The cut points of each numeric column, from the same values.
        var cuts = new double[]?[names.Length];
        for (int j = 0; j < names.Length; j++)
        {
            if (types[j] != ColumnType.Numeric) continue;
            int o = ordinals[j];
            string x = NumberOf(o);
            if (binning.Uniform)
            {
                double min = 0, max = 0;
                Read($"SELECT MIN({x}), MAX({x}) FROM ({Query}) AS xent_t WHERE {Scope(o)}", reader =>
                {
                    reader.Read();
                    min = Convert.ToDouble(reader.GetValue(0), CultureInfo.InvariantCulture);
                    max = Convert.ToDouble(reader.GetValue(1), CultureInfo.InvariantCulture);
                });
                cuts[j] = QuantileBins.UniformCutPoints(min, max, binning.Bins);
                continue;
            }
            long n = present[j];
            var ranks = QuantileBins.OrderStatisticRanks(n, binning.Bins);
            var wanted = ranks.Select(r => r + 1).Append(n).Distinct().Order().ToArray();
            var at = new Dictionary<long, double>();
            Read($"SELECT xent_r, xent_v FROM (SELECT {x} AS xent_v, ROW_NUMBER() OVER (ORDER BY {x}) AS xent_r FROM ({Query}) AS xent_t WHERE {Scope(o)}) AS xent_s"
                + $" WHERE xent_r IN ({string.Join(", ", wanted)}) ORDER BY xent_r", reader =>
                {
                    while (reader.Read())
                        at[Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture)] = Convert.ToDouble(reader.GetValue(1), CultureInfo.InvariantCulture);
                });
            cuts[j] = QuantileBins.CutPointsAtRanks([.. ranks.Select(r => at[r + 1])], at[n]);
        }

        // 3. The counts: each numeric column by its bin, the others by value; NULL for a missing value.
        var slot = columns.Select(c => Array.IndexOf(names, c)).ToArray();
        // Each numeric column's number is computed once, in an inner query (NULL when missing or, out of scope, not a number).
        var inner = names.Select((name, j) =>
        {
            int o = ordinals[j];
            return cuts[j] is null ? $"{Quote(name)} AS xent_c{j}"
                : $"{MissingSql(o)} AS xent_m{j}, CASE WHEN NOT {MissingSql(o)} AND {NumberSql(o)} THEN {NumberOf(o)} END AS xent_x{j}";
        });
        var keys = slot.Select((j, i) =>
        {
            if (cuts[j] is not { } cut) return $"xent_c{j} AS xent_k{i}";
            // A row out of scope (skipped for a value missing elsewhere) may hold any text: bin −1, never counted.
            var key = new StringBuilder().Append(CultureInfo.InvariantCulture, $"CASE WHEN xent_m{j} THEN NULL WHEN xent_x{j} IS NULL THEN -1");
            for (int b = 0; b < cut.Length; b++) key.Append(CultureInfo.InvariantCulture, $" WHEN xent_x{j} <= {Literal(cut[b])} THEN {b}");
            return key.Append(CultureInfo.InvariantCulture, $" ELSE {cut.Length} END AS xent_k{i}").ToString();
        }).ToArray();
        string positions = string.Join(", ", Enumerable.Range(1, keys.Length));
        var set = new CountSet(request, columns);
        var labels = new string?[columns.Count];
        var binLabels = slot.Select(j => cuts[j] is { } cut ? Enumerable.Range(0, cut.Length + 1).Select(b => BinnedCounts.BinLabel(cut, b)).ToArray() : null).ToArray();
        Read($"SELECT {string.Join(", ", keys)}, COUNT(*) AS xent_n FROM (SELECT {string.Join(", ", inner)} FROM ({Query}) AS xent_t) AS xent_u"
            + $" GROUP BY {positions} ORDER BY {positions}", reader =>
        {
            var scratch = new char[64];
            while (reader.Read())
            {
                for (int i = 0; i < labels.Length; i++)
                {
                    if (binLabels[i] is { } bins)
                    {
                        labels[i] = reader.IsDBNull(i) ? null
                            : Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture) is var b and >= 0 ? bins[b] : CountSet.Unused;
                        continue;
                    }
                    var text = FieldText.Of(reader, i, scratch).Trim();
                    labels[i] = text.IsEmpty ? null : set.Intern(text);
                }
                set.Add(labels, reader.GetInt64(labels.Length), null);
            }
        });
        return (set, [.. slot.Select(j => new BinPlan(types[j], cuts[j]))]);
    }

    /// <summary>Runs a query and hands its reader to <paramref name="read"/>; an engine's failure is a one-line data error.</summary>
    private void Read(string sql, Action<DbDataReader> read)
    {
        using var reader = Run(sql);
        try
        {
            read(reader);
        }
        catch (DbException e)
        {
            throw QueryFailed(Source, Query, e);
        }
    }
}
