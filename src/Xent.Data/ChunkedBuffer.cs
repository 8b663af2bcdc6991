namespace Xent.Data;

/// <summary>
/// An append-only buffer of fixed-size chunks: growing never copies, so reading n values costs n plus one chunk, and
/// <see cref="ToArray"/> needs only the exact result besides (a doubling list peaks at up to three times n while growing).
/// </summary>
internal sealed class ChunkedBuffer<T>
{
    private const int ChunkLength = 1 << 16;
    private readonly List<T[]> _chunks = [];
    private int _used = ChunkLength; // in the last chunk

    public long Count { get; private set; }

    public void Add(T value)
    {
        if (_used == ChunkLength) NewChunk();
        _chunks[^1][_used++] = value;
        Count++;
    }

    public void Add(ReadOnlySpan<T> values)
    {
        while (!values.IsEmpty)
        {
            if (_used == ChunkLength) NewChunk();
            int n = Math.Min(values.Length, ChunkLength - _used);
            values[..n].CopyTo(_chunks[^1].AsSpan(_used));
            _used += n;
            Count += n;
            values = values[n..];
        }
    }

    private void NewChunk()
    {
        _chunks.Add(new T[ChunkLength]);
        _used = 0;
    }

    /// <summary>The values in order, in one array of exactly <see cref="Count"/> elements; the chunks are released as they are copied.</summary>
    /// <exception cref="InvalidDataException">There are more values than one array holds.</exception>
    public T[] ToArray()
    {
        if (Count > Array.MaxLength) ThrowHelper.ThrowInvalidData($"{Count} values are more than one array holds ({Array.MaxLength}).");
        var result = new T[Count];
        int at = 0;
        for (int c = 0; c < _chunks.Count; c++)
        {
            int n = c == _chunks.Count - 1 ? _used : ChunkLength;
            _chunks[c].AsSpan(0, n).CopyTo(result.AsSpan(at));
            at += n;
            _chunks[c] = [];
        }
        _chunks.Clear();
        _used = ChunkLength;
        Count = 0;
        return result;
    }
}
