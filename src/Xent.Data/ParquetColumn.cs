using System.Globalization;
using System.Numerics;
using Parquet;
using Parquet.Schema;

namespace Xent.Data;

/// <summary>
/// One flat column of a Parquet row group, decoded by Parquet.Net into a typed buffer: read as text by a cursor, as a number,
/// or turned into local category codes for counting (no string made per value for numbers; strings are looked up as decoded).
/// A value's text is what the other sources give for it: strings as stored, numbers in invariant shortest round-trip form,
/// booleans as <c>true</c>/<c>false</c>, timestamps as <c>yyyy-MM-dd HH:mm:ss[.fffffff]</c>.
/// </summary>
internal abstract class ParquetColumn
{
    protected ParquetColumn(DataField field) => Field = field;

    public DataField Field { get; }

    /// <summary>The decoder for <paramref name="field"/>, or null when its type is not read (binary, nested).</summary>
    public static ParquetColumn? For(DataField field)
    {
        if (field.IsArray || field.MaxRepetitionLevel > 0) return null;
        var t = field.ClrType;
        if (t == typeof(string)) return new StringColumn(field);
        if (t == typeof(ReadOnlyMemory<char>)) return new CharsColumn(field);
        if (t == typeof(bool)) return new BoolColumn(field);
        if (t == typeof(int)) return new IntegerColumn<int>(field);
        if (t == typeof(long)) return new IntegerColumn<long>(field);
        if (t == typeof(short)) return new IntegerColumn<short>(field);
        if (t == typeof(sbyte)) return new IntegerColumn<sbyte>(field);
        if (t == typeof(byte)) return new IntegerColumn<byte>(field);
        if (t == typeof(ushort)) return new IntegerColumn<ushort>(field);
        if (t == typeof(uint)) return new IntegerColumn<uint>(field);
        if (t == typeof(ulong)) return new IntegerColumn<ulong>(field);
        if (t == typeof(double)) return new ValueColumn<double>(field, null);
        if (t == typeof(float)) return new ValueColumn<float>(field, null);
        if (t == typeof(decimal)) return new ValueColumn<decimal>(field, null);
        if (t == typeof(DateTime)) return new ValueColumn<DateTime>(field, "yyyy-MM-dd HH:mm:ss.FFFFFFF");
        if (t == typeof(DateOnly)) return new ValueColumn<DateOnly>(field, "yyyy-MM-dd");
        if (t == typeof(TimeOnly)) return new ValueColumn<TimeOnly>(field, "HH:mm:ss.FFFFFFF");
        if (t == typeof(TimeSpan)) return new ValueColumn<TimeSpan>(field, "c");
        return null;
    }

    /// <summary>Decodes the column of <paramref name="group"/> (<paramref name="rows"/> rows).</summary>
    public abstract ValueTask LoadAsync(ParquetRowGroupReader group, int rows, CancellationToken cancellation);

    /// <summary>Whether the value of <paramref name="row"/> is NULL.</summary>
    public abstract bool IsNull(int row);

    /// <summary>The value's text (empty for NULL), in <paramref name="scratch"/> when it has to be formatted.</summary>
    public abstract ReadOnlySpan<char> Text(int row, Span<char> scratch);

    /// <summary>The value as a double when the column is numeric; false for other types (the caller parses the text).</summary>
    public virtual bool TryGetDouble(int row, out double value)
    {
        value = 0;
        return false;
    }

    /// <summary>
    /// The local category code of each of the first <paramref name="rows"/> values in <paramref name="codes"/>: −1 for a missing
    /// value (NULL, or text that is blank), otherwise an index into <paramref name="labels"/>, which gets each new category's
    /// trimmed text in first-seen order.
    /// </summary>
    public abstract void Encode(int rows, int[] codes, List<string> labels);
}

internal sealed class StringColumn(DataField field) : ParquetColumn(field)
{
    private string?[] _values = [];

    public override async ValueTask LoadAsync(ParquetRowGroupReader group, int rows, CancellationToken cancellation)
    {
        if (_values.Length < rows) _values = new string?[rows];
        await group.ReadAsync(Field, _values.AsMemory(0, rows), null, cancellation).ConfigureAwait(false);
    }

    public override bool IsNull(int row) => _values[row] is null;

    public override ReadOnlySpan<char> Text(int row, Span<char> scratch) => _values[row];

    public override void Encode(int rows, int[] codes, List<string> labels)
    {
        // Raw string → code (−1 for blank); a label seen under two raw forms (" a", "a") gets one code.
        var byRaw = new Dictionary<string, int>(StringComparer.Ordinal);
        var byLabel = new Dictionary<string, int>(StringComparer.Ordinal);
        string? last = null;
        int lastCode = -1;
        for (int r = 0; r < rows; r++)
        {
            var v = _values[r];
            if (v is null) { codes[r] = -1; continue; }
            if (ReferenceEquals(v, last)) { codes[r] = lastCode; continue; }
            if (!byRaw.TryGetValue(v, out int code))
            {
                var label = v.Trim();
                if (label.Length == 0) code = -1;
                else if (!byLabel.TryGetValue(label, out code))
                {
                    code = labels.Count;
                    labels.Add(label);
                    byLabel.Add(label, code);
                }
                byRaw.Add(v, code);
            }
            codes[r] = code;
            last = v;
            lastCode = code;
        }
    }
}

/// <summary>
/// A string column as Parquet.Net 6 decodes it: slices of decoded text, no string per value. Counting looks each slice up by
/// its characters; a slice equal to the one before (runs, dictionary pages) is not looked up again.
/// </summary>
internal sealed class CharsColumn(DataField field) : ParquetColumn(field)
{
    private ReadOnlyMemory<char>?[] _values = [];

    public override async ValueTask LoadAsync(ParquetRowGroupReader group, int rows, CancellationToken cancellation)
    {
        if (_values.Length < rows) _values = new ReadOnlyMemory<char>?[rows];
        await group.ReadAsync(Field, _values.AsMemory(0, rows), null, cancellation).ConfigureAwait(false);
    }

    public override bool IsNull(int row) => _values[row] is null;

    public override ReadOnlySpan<char> Text(int row, Span<char> scratch) => _values[row] is { } v ? v.Span : default;

    public override void Encode(int rows, int[] codes, List<string> labels)
    {
        var byLabel = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = byLabel.GetAlternateLookup<ReadOnlySpan<char>>();
        ReadOnlyMemory<char> last = default;
        int lastCode = -2;
        for (int r = 0; r < rows; r++)
        {
            if (_values[r] is not { } v) { codes[r] = -1; continue; }
            if (lastCode != -2 && v.Equals(last)) { codes[r] = lastCode; continue; }
            var label = v.Span.Trim();
            int code;
            if (label.IsEmpty) code = -1;
            else if (!lookup.TryGetValue(label, out code))
            {
                code = labels.Count;
                var name = new string(label);
                labels.Add(name);
                byLabel.Add(name, code);
            }
            codes[r] = code;
            last = v;
            lastCode = code;
        }
    }
}

internal sealed class BoolColumn(DataField field) : ParquetColumn(field)
{
    private bool?[] _values = [];

    public override async ValueTask LoadAsync(ParquetRowGroupReader group, int rows, CancellationToken cancellation)
    {
        if (_values.Length < rows) _values = new bool?[rows];
        await group.ReadAsync(Field, _values.AsMemory(0, rows), null, cancellation).ConfigureAwait(false);
    }

    public override bool IsNull(int row) => _values[row] is null;

    public override ReadOnlySpan<char> Text(int row, Span<char> scratch) => _values[row] switch
    {
        null => default,
        true => "true",
        false => "false",
    };

    public override void Encode(int rows, int[] codes, List<string> labels)
    {
        int falseCode = -1, trueCode = -1;
        for (int r = 0; r < rows; r++)
        {
            switch (_values[r])
            {
                case null: codes[r] = -1; break;
                case true:
                    if (trueCode < 0) { trueCode = labels.Count; labels.Add("true"); }
                    codes[r] = trueCode;
                    break;
                case false:
                    if (falseCode < 0) { falseCode = labels.Count; labels.Add("false"); }
                    codes[r] = falseCode;
                    break;
            }
        }
    }
}

internal class ValueColumn<T>(DataField field, string? format) : ParquetColumn(field)
    where T : struct, IEquatable<T>, ISpanFormattable
{
    protected T?[] Values = [];

    public override async ValueTask LoadAsync(ParquetRowGroupReader group, int rows, CancellationToken cancellation)
    {
        if (Values.Length < rows) Values = new T?[rows];
        await group.ReadAsync(Field, Values.AsMemory(0, rows), null, cancellation).ConfigureAwait(false);
    }

    public override bool IsNull(int row) => Values[row] is null;

    public override ReadOnlySpan<char> Text(int row, Span<char> scratch) =>
        Values[row] is { } v && v.TryFormat(scratch, out int n, format, CultureInfo.InvariantCulture) ? scratch[..n] : default;

    public override bool TryGetDouble(int row, out double value)
    {
        value = Values[row] switch
        {
            double d => d,
            float f => f,
            decimal m => (double)m,
            _ => double.NaN,
        };
        if (typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(decimal)) return true;
        value = 0;
        return false;
    }

    public override void Encode(int rows, int[] codes, List<string> labels)
    {
        var map = new Dictionary<T, int>();
        Span<char> scratch = stackalloc char[64];
        for (int r = 0; r < rows; r++)
        {
            if (Values[r] is not { } v) { codes[r] = -1; continue; }
            if (!map.TryGetValue(v, out int code))
            {
                code = labels.Count;
                labels.Add(new string(Text(r, scratch)));
                map.Add(v, code);
            }
            codes[r] = code;
        }
    }
}

/// <summary>An integer column: counted through a dense lookup over the row group's value range when it is small.</summary>
internal sealed class IntegerColumn<T>(DataField field) : ValueColumn<T>(field, null)
    where T : struct, IEquatable<T>, ISpanFormattable, IBinaryInteger<T>
{
    private const long DenseRange = 1 << 16;

    public override bool TryGetDouble(int row, out double value)
    {
        value = Values[row] is { } v ? double.CreateTruncating(v) : 0;
        return Values[row] is not null;
    }

    public override void Encode(int rows, int[] codes, List<string> labels)
    {
        long min = long.MaxValue, max = long.MinValue;
        for (int r = 0; r < rows; r++)
        {
            if (Values[r] is not { } v) continue;
            long x = long.CreateTruncating(v);
            if (x < min) min = x;
            if (x > max) max = x;
        }
        if (max < min || (ulong)(max - min) >= DenseRange || typeof(T) == typeof(ulong))
        {
            base.Encode(rows, codes, labels);
            return;
        }
        var lookup = new int[max - min + 1];
        lookup.AsSpan().Fill(-1);
        Span<char> scratch = stackalloc char[32];
        for (int r = 0; r < rows; r++)
        {
            if (Values[r] is not { } v) { codes[r] = -1; continue; }
            ref int code = ref lookup[long.CreateTruncating(v) - min];
            if (code < 0)
            {
                code = labels.Count;
                labels.Add(new string(Text(r, scratch)));
            }
            codes[r] = code;
        }
    }
}
