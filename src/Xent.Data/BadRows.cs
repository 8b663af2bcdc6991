namespace Xent.Data;

/// <summary>What a reader does with a bad data row (a <see cref="DataError.IsRowError">row error</see>).</summary>
public enum BadRowPolicy
{
    /// <summary>The first bad row stops the reading with a <see cref="DataException"/> naming it.</summary>
    Stop,

    /// <summary>Bad rows are skipped and counted; the first few errors are kept for the report.</summary>
    Skip,
}

/// <summary>
/// The bad-row policy of one reading, and its tally: how many rows were skipped and the first errors. One instance may
/// span several tables (a training and a test file); readers and their consumers report every bad row to
/// <see cref="Reject(DataError)"/>.
/// </summary>
public sealed class BadRows
{
    private readonly List<DataError> _first = [];
    private readonly int _keep;

    /// <summary>A policy and an empty tally.</summary>
    /// <param name="policy">Stop at the first bad row, or skip and count.</param>
    /// <param name="keepErrors">How many of the first errors to keep when skipping (≥ 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="keepErrors"/> is less than 1.</exception>
    public BadRows(BadRowPolicy policy, int keepErrors = 1)
    {
        if (keepErrors < 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(keepErrors), keepErrors, "Keep at least one error.");
        Policy = policy;
        _keep = keepErrors;
    }

    /// <summary>Stops at the first bad row.</summary>
    public static BadRows Stop() => new(BadRowPolicy.Stop);

    /// <summary>Skips bad rows, keeping the first <paramref name="keepErrors"/> errors.</summary>
    /// <param name="keepErrors">How many of the first errors to keep for the report (≥ 0; later ones are only counted).</param>
    public static BadRows Skip(int keepErrors = 1) => new(BadRowPolicy.Skip, keepErrors);

    /// <summary>The policy.</summary>
    public BadRowPolicy Policy { get; }

    /// <summary>The number of rows skipped so far.</summary>
    public long Skipped { get; private set; }

    /// <summary>The first errors (at most the number asked for), in the order met.</summary>
    public IReadOnlyList<DataError> FirstErrors => _first;

    /// <summary>The first error's message, or null when no row was skipped.</summary>
    public string? FirstReason => _first.Count > 0 ? _first[0].Message : null;

    /// <summary>Reports a bad row: throws under <see cref="BadRowPolicy.Stop"/>, counts it under <see cref="BadRowPolicy.Skip"/>.</summary>
    /// <returns>false, so that a row parser can end with <c>return bad.Reject(…)</c>.</returns>
    /// <exception cref="DataException">The policy is <see cref="BadRowPolicy.Stop"/>, or the error is not confined to one row.</exception>
    /// <param name="error">The bad row's error (source, line, column, offending text, reason).</param>
    public bool Reject(DataError error) => Reject(error, 1);

    /// <summary>Reports <paramref name="rows"/> bad rows at once, all for the reason of the first, <paramref name="error"/>
    /// (what a count pushed into a database learns: a group of rows with a missing value).</summary>
    /// <param name="error">The first of the rows' errors.</param>
    /// <param name="rows">How many rows (≥ 1).</param>
    /// <returns>false.</returns>
    /// <exception cref="DataException">The policy is <see cref="BadRowPolicy.Stop"/>, or the error is not confined to one row.</exception>
    public bool Reject(DataError error, long rows)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        if (Policy == BadRowPolicy.Stop || !error.IsRowError) throw new DataException(error);
        Skipped += rows;
        if (_first.Count < _keep) _first.Add(error);
        return false;
    }
}
