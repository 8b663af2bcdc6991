using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Xent.Coding;

/// <summary>
/// The tables of a <see cref="CmModelV6"/> (or an older model), kept between blocks so a worker coding block after block clears ~50 MiB instead of
/// allocating it afresh each time (the garbage collector let dropped tables pile up to several times the live models, and
/// fresh pages cost a page fault each). A model built on an arena resets every table it uses to the same initial contents
/// a fresh allocation has, so its predictions — and the bitstream — do not depend on what the arena held before. Arrays
/// only grow: one arena serves blocks of any length. Not thread-safe: one model at a time per arena.
/// </summary>
internal sealed class CmModelArena
{
    private byte[]? _table;
    internal uint[]? StateMaps, T0, T1, MatchCounters, ContextHash, MatchOnly;
    internal short[]? Weights1, Weights2, Weights3, Weights4, X;
    internal ushort[]? Apm1, Apm2, Apm3, Indirect2, Indirect1;
    internal byte[]? History;
    internal int[]? MatchTable, Slot, State, Final, MatchOnlyWeights;

    /// <summary>The pinned hashed table of at least <paramref name="length"/> bytes from a 64-byte aligned
    /// <paramref name="start"/>, those bytes zero, with at least 64 bytes after them (a 4-byte gather at the last byte stays
    /// inside the array).</summary>
    public byte[] Table(int length, out int start)
    {
        if (_table is null || _table.Length < length + 127)
        {
            _table = null; // let the old one go before the new one is allocated
            _table = GC.AllocateArray<byte>(length + 127, pinned: true);
        }
        start = (int)((64 - (Unsafe.ByteOffset(ref Unsafe.NullRef<byte>(), ref MemoryMarshal.GetArrayDataReference(_table)) & 63)) & 63);
        _table.AsSpan(start, length).Clear();
        return _table;
    }

    /// <summary><paramref name="array"/> when it holds at least <paramref name="length"/> items, else a new array of that
    /// length stored there; the caller initialises the first <paramref name="length"/> items.</summary>
    public static T[] Reuse<T>(ref T[]? array, int length)
    {
        if (array is null || array.Length < length) array = new T[length];
        return array;
    }
}
