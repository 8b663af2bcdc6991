using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using Npgsql;

namespace Xent.Data;

/// <summary>The database engine behind an <see cref="SqlTableReader"/>.</summary>
public enum SqlEngine
{
    /// <summary>DuckDB, embedded in the process (no server): reads Parquet, CSV and its own database files in SQL.</summary>
    DuckDb,

    /// <summary>A PostgreSQL server, through Npgsql.</summary>
    PostgreSql,
}

/// <summary>
/// The result of an SQL query as a table, through ADO.NET: DuckDB embedded (the default: <c>SELECT … FROM 'file.parquet'</c>
/// needs no server) or PostgreSQL. Rows are streamed from the engine; counting (<see cref="TableCounts"/>) is pushed into it
/// as <c>GROUP BY</c> queries, so only the groups travel (the queries are listed in docs/data-sources.md and passed to
/// <see cref="Log"/>).
/// </summary>
/// <remarks>
/// Values read as text the way the other sources give them: strings as stored, numbers in invariant shortest round-trip form,
/// booleans as <c>true</c>/<c>false</c>, timestamps as <c>yyyy-MM-dd HH:mm:ss[.fffffff]</c>; a NULL is a missing value, as is a
/// string that is empty or blank. For a row, <see cref="RowCursor.Line"/> is its 1-based row number plus one.
/// </remarks>
public sealed partial class SqlTableReader : TableReader
{
    private readonly DbConnection _connection;
    private readonly string[] _columns;
    private readonly Type[] _types;

    private SqlTableReader(DbConnection connection, SqlEngine engine, string query, string[] columns, Type[] types, Action<string>? log)
    {
        _connection = connection;
        _types = types;
        Engine = engine;
        Query = query;
        _columns = columns;
        Log = log;
    }

    /// <summary>The engine the query runs on.</summary>
    public SqlEngine Engine { get; }

    /// <summary>The user's query, whose result is the table.</summary>
    public string Query { get; }

    /// <summary>Called with the text of every query sent to the engine, before it is sent (e.g. <c>--show-sql</c>).</summary>
    public Action<string>? Log { get; set; }

    /// <inheritdoc/>
    public override string Source => Engine == SqlEngine.DuckDb ? "sql (duckdb)" : "sql (postgresql)";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Columns => _columns;

    /// <summary>
    /// The engine a connection string names: PostgreSQL for a <c>postgres://</c> or <c>postgresql://</c> URI or a keyword string
    /// with <c>Host=</c>; DuckDB otherwise (null or empty: an in-memory database).
    /// </summary>
    /// <param name="connection">The connection string, or null.</param>
    public static SqlEngine EngineOf(string? connection) =>
        string.IsNullOrWhiteSpace(connection) ? SqlEngine.DuckDb
        : connection.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || connection.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
          || connection.Split(';').Any(p => p.Trim().StartsWith("host=", StringComparison.OrdinalIgnoreCase) || p.Trim().StartsWith("server=", StringComparison.OrdinalIgnoreCase))
            ? SqlEngine.PostgreSql
            : SqlEngine.DuckDb;

    /// <summary>
    /// Connects and learns the columns of <paramref name="query"/> (running it wrapped with <c>LIMIT 0</c>).
    /// </summary>
    /// <param name="query">A query whose result is the table, e.g. <c>SELECT * FROM 'data.parquet'</c>; not ended by a semicolon.</param>
    /// <param name="connection">Null or empty for an in-memory DuckDB; a DuckDB connection string (<c>Data Source=file.duckdb</c>);
    /// or PostgreSQL's (<c>Host=…;Database=…</c> or <c>postgres://user:password@host:port/database</c>).</param>
    /// <param name="log">Called with each query before it is sent.</param>
    /// <exception cref="DataException">The connection fails (<see cref="DataErrorKind.ConnectionFailed"/>) or the engine rejects
    /// the query (<see cref="DataErrorKind.QueryFailed"/>), with the engine's message.</exception>
    public static SqlTableReader Open(string query, string? connection = null, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        query = query.Trim().TrimEnd(';').TrimEnd();
        if (query.Length == 0) throw new ArgumentException("The query is empty.", nameof(query));
        var engine = EngineOf(connection);
        string source = engine == SqlEngine.DuckDb ? "sql (duckdb)" : "sql (postgresql)";
        DbConnection db;
        try
        {
            db = engine == SqlEngine.DuckDb
                ? new DuckDBConnection(string.IsNullOrWhiteSpace(connection) ? "Data Source=:memory:" : connection)
                : new NpgsqlConnection(ToKeywords(connection!));
            db.Open();
        }
        catch (Exception e) when (e is DbException or ArgumentException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new DataException(new DataError(DataErrorKind.ConnectionFailed, source, null, null, null, $"cannot connect: {OneLine(e)}"), e);
        }
        try
        {
            string probe = $"SELECT * FROM ({query}) AS xent_t LIMIT 0";
            log?.Invoke(probe);
            using var command = db.CreateCommand();
            command.CommandText = probe;
            using var reader = Execute(command, source, query);
            var columns = new string[reader.FieldCount];
            var types = new Type[columns.Length];
            for (int j = 0; j < columns.Length; j++)
            {
                columns[j] = reader.GetName(j);
                types[j] = FieldType(reader, j);
            }
            return new SqlTableReader(db, engine, query, columns, types, log);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>The .NET type of a result column's values (object when the provider cannot say).</summary>
    private static Type FieldType(DbDataReader reader, int j)
    {
        try
        {
            return reader.GetFieldType(j);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or InvalidCastException)
        {
            return typeof(object);
        }
    }

    /// <summary>A <c>postgres://user:password@host:port/database?key=value</c> URI as Npgsql's keyword string; others unchanged.</summary>
    internal static string ToKeywords(string connection)
    {
        int scheme = connection.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0) return connection;
        var uri = new Uri("postgres" + connection[scheme..]);
        var b = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0) b.Port = uri.Port;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1) b.Password = Uri.UnescapeDataString(parts[1]);
        }
        string database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) b.Database = database;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            b[Uri.UnescapeDataString(kv[0])] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
        }
        return b.ConnectionString;
    }

    /// <summary>A quoted SQL identifier (both engines: double quotes, doubled inside).</summary>
    internal static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string OneLine(Exception e) => OneLine(e.Message);

    private static string OneLine(string message)
    {
        string text = message.ReplaceLineEndings(" ").Trim();
        while (text.Contains("  ", StringComparison.Ordinal)) text = text.Replace("  ", " ", StringComparison.Ordinal);
        return text.Length > 300 ? text[..300] + "…" : text;
    }

    private static DbDataReader Execute(DbCommand command, string source, string query)
    {
        try
        {
            return command.ExecuteReader();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or NotSupportedException)
        {
            throw QueryFailed(source, query, e);
        }
    }

    /// <summary>
    /// "the query failed: (the database's reason) in the query (the user's query)". The reason is the database's message
    /// without the parts that quote or point into the query actually sent — DuckDB's "LINE 1: SELECT … FROM (…) AS xent_t …
    /// ^" and PostgreSQL's "POSITION: n" — which wraps the user's query in subqueries with generated names (xent_t, …) the
    /// user never wrote; any generated name left in the reason is dropped with its qualifier dot.
    /// </summary>
    private static DataException QueryFailed(string source, string query, Exception e)
    {
        string reason = e.Message;
        int line = reason.IndexOf("LINE ", StringComparison.Ordinal);
        if (line > 0) reason = reason[..line];
        reason = GeneratedName().Replace(PositionNote().Replace(reason, ""), "");
        reason = OneLine(reason).TrimEnd('.', ':', ' ');
        string shown = OneLine(query);
        if (shown.Length > 120) shown = shown[..120] + "…";
        return new(new DataError(DataErrorKind.QueryFailed, source, null, null, null, $"the query failed: {reason}; the query: {shown}"), e);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bPOSITION: \d+")]
    private static partial System.Text.RegularExpressions.Regex PositionNote();

    [System.Text.RegularExpressions.GeneratedRegex(@"\bxent_[a-z]+\d*\.")]
    private static partial System.Text.RegularExpressions.Regex GeneratedName();

    private DbDataReader Run(string sql, bool stream = false)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Log?.Invoke(sql);
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0; // the user's query may be long; Ctrl-C ends the process
        // DuckDB materializes a result unless asked to stream it: rows are streamed, counts (small) are not.
        if (stream && command is DuckDBCommand duck) duck.UseStreamingMode = true;
        return Execute(command, Source, Query);
    }

    /// <inheritdoc/>
    protected override RowCursor OpenCursor(int[] ordinals, string[] names, BadRows badRows)
    {
        var distinct = ordinals.Distinct().ToArray();
        var slot = ordinals.Select(o => Array.IndexOf(distinct, o)).ToArray();
        string sql = $"SELECT {string.Join(", ", distinct.Select(j => Quote(_columns[j])))} FROM ({Query}) AS xent_t";
        return new Cursor(this, Run(sql, stream: true), slot, names, badRows);
    }

    /// <summary>
    /// The count in the database: one <c>SELECT c₁, …, c_k, COUNT(*) FROM (query) GROUP BY c₁, …, c_k</c> per set; each group's
    /// values become labels the way the cursor would read them, and NULL (or blank) groups go to the missing-value policy.
    /// </summary>
    internal override CountSet[]? CountPushedDown(CountRequest request, int maxDegreeOfParallelism)
    {
        var counts = new CountSet[request.Sets.Count];
        for (int s = 0; s < counts.Length; s++)
        {
            var set = request.Sets[s];
            var target = counts[s] = new CountSet(request, set);
            using var reader = Run(CountQuery(Query, set));
            var labels = new string?[set.Count];
            var scratch = new char[64];
            try
            {
                while (reader.Read())
                {
                    for (int i = 0; i < labels.Length; i++)
                    {
                        var text = FieldText.Of(reader, i, scratch).Trim();
                        labels[i] = text.IsEmpty ? null : target.Intern(text);
                    }
                    target.Add(labels, reader.GetInt64(set.Count), null);
                }
            }
            catch (DbException e)
            {
                throw QueryFailed(Source, Query, e);
            }
        }
        return counts;
    }

    /// <summary>The query sent to count the columns <paramref name="columns"/> of the result of <paramref name="query"/>.</summary>
    /// <param name="query">The user's query.</param>
    /// <param name="columns">The columns, in table order.</param>
    public static string CountQuery(string query, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(columns);
        string keys = string.Join(", ", columns.Select(Quote));
        return $"SELECT {keys}, COUNT(*) AS xent_n FROM ({query}) AS xent_t GROUP BY {keys} ORDER BY {keys}";
    }

    private bool _disposed;

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (_disposed) return;
        _disposed = true;
        _connection.Dispose();
    }

    private sealed class Cursor(SqlTableReader table, DbDataReader reader, int[] slot, string[] names, BadRows badRows)
        : RowCursor(table.Source, names, badRows)
    {
        private readonly char[] _scratch = new char[64];
        private long _index;

        protected override bool Advance()
        {
            try
            {
                if (!reader.Read()) return false;
            }
            catch (DbException e)
            {
                throw QueryFailed(Source, table.Query, e);
            }
            Line = ++_index + 1;
            return true;
        }

        protected override DataError? CheckShape() => null;

        protected override ReadOnlySpan<char> GetSpanCore(int i) => FieldText.Of(reader, slot[i], _scratch);

        public override bool TryGetDouble(int i, out double value)
        {
            int j = slot[i];
            if (!reader.IsDBNull(j))
            {
                switch (reader.GetValue(j))
                {
                    case double d when double.IsFinite(d): value = d; return true;
                    case float f when float.IsFinite(f): value = f; return true;
                    case decimal m: value = (double)m; return true;
                    case long l: value = l; return true;
                    case int n: value = n; return true;
                    case short h: value = h; return true;
                    case byte u: value = u; return true;
                    case sbyte v: value = v; return true;
                }
            }
            return base.TryGetDouble(i, out value);
        }

        protected override void Dispose(bool disposing) => reader.Dispose();
    }
}

/// <summary>The text of a database value, as every source gives it (see <see cref="SqlTableReader"/>).</summary>
internal static class FieldText
{
    public static ReadOnlySpan<char> Of(DbDataReader reader, int j, char[] scratch)
    {
        if (reader.IsDBNull(j)) return default;
        return reader.GetValue(j) switch
        {
            string s => s,
            bool b => b ? "true" : "false",
            DateTime t => Format(t, "yyyy-MM-dd HH:mm:ss.FFFFFFF", scratch),
            DateOnly d => Format(d, "yyyy-MM-dd", scratch),
            TimeOnly t => Format(t, "HH:mm:ss.FFFFFFF", scratch),
            TimeSpan t => Format(t, "c", scratch),
            ISpanFormattable f => Format(f, null, scratch),
            byte[] bytes => Convert.ToHexString(bytes),
            var other => other.ToString() ?? "",
        };
    }

    private static ReadOnlySpan<char> Format<T>(T value, string? format, char[] scratch) where T : ISpanFormattable =>
        value.TryFormat(scratch, out int n, format, CultureInfo.InvariantCulture) ? scratch.AsSpan(0, n) : value.ToString(format, CultureInfo.InvariantCulture);
}
