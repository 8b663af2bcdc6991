using System.Globalization;

namespace Xent.Data;

/// <summary>
/// A forward-only pass over some columns of a <see cref="TableReader"/>: <see cref="Read"/> moves to the next row whose
/// shape is sound, and the typed accessors read its fields, applying the <see cref="BadRows"/> policy to bad values.
/// </summary>
/// <remarks>
/// <para>Field <c>i</c> is the <c>i</c>-th column asked for. A row is reported bad at most once: after a failed accessor or a
/// <see cref="Reject(int, string, string?)"/>, further rejections of the same row are ignored, and the caller skips the row.</para>
/// <para>Accessors that return <c>bool</c> return false when the row is bad and skipped; under <see cref="BadRowPolicy.Stop"/>
/// they throw a <see cref="DataException"/> instead. Memory does not depend on the number of rows.</para>
/// </remarks>
public abstract class RowCursor : IDisposable
{
    private readonly string[] _names;
    private bool _rowRejected;

    /// <summary>A cursor over the columns <paramref name="names"/> of <paramref name="source"/>.</summary>
    /// <param name="source">The table's name for error messages (a path, "-" for standard input, or a table name).</param>
    /// <param name="names">The column names asked for, in field order; the array is kept (ownership passes to the cursor).</param>
    /// <param name="badRows">The bad-row policy every rejection of this pass is reported to (shared with the caller, which reads its tally).</param>
    protected RowCursor(string source, string[] names, BadRows badRows)
    {
        Source = source;
        _names = names;
        BadRows = badRows;
    }

    /// <summary>The table's name in error messages.</summary>
    public string Source { get; }

    /// <summary>The bad-row policy and tally this cursor reports to.</summary>
    public BadRows BadRows { get; }

    /// <summary>The number of columns read.</summary>
    public int FieldCount => _names.Length;

    /// <summary>The name of field <paramref name="i"/>.</summary>
    /// <param name="i">The field index, 0 ≤ i &lt; FieldCount (the i-th column asked for).</param>
    public string GetName(int i) => _names[i];

    /// <summary>Where the current row is: its 1-based line in a CSV file (the header is line 1), its row number elsewhere.</summary>
    public long Line { get; protected set; } = 1;

    /// <summary>The number of data rows met so far, bad ones included.</summary>
    public long RowsRead { get; private set; }

    /// <summary>Moves to the next row whose shape is sound; rows with the wrong number of fields go to the policy.</summary>
    /// <returns>false after the last row.</returns>
    /// <exception cref="DataException">The source cannot be parsed further (<see cref="DataErrorKind.BadCsvSyntax"/>), the table has
    /// no data rows at all (<see cref="DataErrorKind.NoDataRows"/>), or a row is bad under <see cref="BadRowPolicy.Stop"/>.</exception>
    public bool Read()
    {
        while (true)
        {
            if (!Advance())
            {
                if (RowsRead == 0) throw new DataException(new DataError(DataErrorKind.NoDataRows, Source, null, null, null, "the table has a header but no data rows"));
                return false;
            }
            RowsRead++;
            _rowRejected = false;
            if (CheckShape() is not { } error) return true;
            Report(error);
        }
    }

    /// <summary>Moves the source to its next record and updates <see cref="Line"/>; false at the end.</summary>
    protected abstract bool Advance();

    /// <summary>Null when the current record has the table's shape, otherwise the error (e.g. <see cref="DataErrorKind.WrongFieldCount"/>).</summary>
    protected abstract DataError? CheckShape();

    /// <summary>The text of field <paramref name="i"/> of the current row, valid until the next <see cref="Read"/>.</summary>
    /// <param name="i">The field index, already checked to be in 0 ≤ i &lt; FieldCount.</param>
    protected abstract ReadOnlySpan<char> GetSpanCore(int i);

    /// <summary>The raw text of field <paramref name="i"/> (untrimmed; empty when empty), valid until the next <see cref="Read"/>.</summary>
    /// <param name="i">The field index, 0 ≤ i &lt; FieldCount.</param>
    public ReadOnlySpan<char> GetSpan(int i)
    {
        if ((uint)i >= (uint)_names.Length) ThrowHelper.ThrowArgumentOutOfRange(nameof(i), i, $"There are {_names.Length} fields.");
        return GetSpanCore(i);
    }

    /// <summary>The raw text of field <paramref name="i"/> as a string (untrimmed; "" when empty).</summary>
    /// <param name="i">The field index, 0 ≤ i &lt; FieldCount.</param>
    public string GetString(int i) => new(GetSpan(i));

    /// <summary>The text of field <paramref name="i"/> with surrounding white space trimmed, which must not be empty.</summary>
    /// <param name="i">The field.</param>
    /// <param name="text">The trimmed text, valid until the next <see cref="Read"/>.</param>
    /// <param name="what">What the field holds, for the error: "missing label".</param>
    /// <returns>false when the field is empty and the row skipped.</returns>
    public bool TryGetText(int i, out ReadOnlySpan<char> text, string what = "value")
    {
        text = GetSpan(i).Trim();
        if (!text.IsEmpty) return true;
        return Report(new DataError(DataErrorKind.MissingValue, Source, Line, _names[i], null, $"missing {what}"));
    }

    /// <inheritdoc cref="TryGetText"/>
    public bool TryGetString(int i, out string value, string what = "value")
    {
        value = TryGetText(i, out var text, what) ? new string(text) : "";
        return value.Length > 0;
    }

    /// <summary>
    /// The finite number in field <paramref name="i"/> (invariant culture, white space trimmed; "1e3", "-0.5"). An empty field
    /// is a <see cref="DataErrorKind.MissingValue"/>; text that is not a number, NaN and ±∞ are <see cref="DataErrorKind.NotANumber"/>.
    /// </summary>
    /// <returns>false when the field is bad and the row skipped.</returns>
    /// <param name="value">The finite number parsed (invariant culture), or 0 when the field is bad.</param>
    /// <param name="i">The field index, 0 ≤ i &lt; FieldCount.</param>
    public virtual bool TryGetDouble(int i, out double value)
    {
        value = 0;
        if (!TryGetText(i, out var text)) return false;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value)) return true;
        value = 0;
        string shown = new(text);
        return Report(new DataError(DataErrorKind.NotANumber, Source, Line, _names[i], shown, $"'{shown}' is not a finite number"));
    }

    /// <summary>Rejects the current row for the value in field <paramref name="i"/> (<see cref="DataErrorKind.InvalidValue"/>).</summary>
    /// <param name="i">The field.</param>
    /// <param name="reason">What is wrong with it: "probability 1.5 is outside [0, 1]".</param>
    /// <param name="value">The offending text, for the structured error.</param>
    /// <returns>false (skip the row).</returns>
    /// <exception cref="DataException">The policy is <see cref="BadRowPolicy.Stop"/>.</exception>
    public bool Reject(int i, string reason, string? value = null) =>
        Report(new DataError(DataErrorKind.InvalidValue, Source, Line, _names[i], value, reason));

    /// <summary>Rejects the current row as a whole (<see cref="DataErrorKind.InvalidValue"/> without a column).</summary>
    /// <inheritdoc cref="Reject(int, string, string?)"/>
    public bool RejectRow(string reason) => Report(new DataError(DataErrorKind.InvalidValue, Source, Line, null, null, reason));

    private bool Report(DataError error)
    {
        if (_rowRejected) return false;
        _rowRejected = true;
        return BadRows.Reject(error);
    }

    /// <summary>Releases the pass.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the pass's resources.</summary>
    /// <param name="disposing">true from Dispose (release managed resources); false from a finalizer (managed objects must not be touched).</param>
    protected virtual void Dispose(bool disposing)
    {
    }
}
