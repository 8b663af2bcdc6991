namespace Xent.Estimation;

/// <summary>
/// A k-way contingency table (k ≥ 1 variables) of 64-bit counts: cell (c₀, …, c_{k−1}) counts the observations whose variable i
/// has category code cᵢ. <see cref="Counts"/> is dense and row-major over <see cref="Shape"/> (the last variable varies fastest),
/// as <see cref="Xent.Measures.Joint"/> expects. The shape is either <em>declared</em> (the constructor: a code outside it is an
/// error) or <em>grows</em> (<see cref="Growable"/>: adding code c ≥ Shape[i] makes Shape[i] = c + 1), always within
/// <see cref="MaxCells"/> cells. Mergeable with the rule of <see cref="Merge"/>, serializable in the count-table binary format
/// (<see cref="WriteTo"/>, docs/formats/count-table.md). Codes usually come from a <see cref="CategoryEncoder{T}"/> per variable;
/// <see cref="ContingencyCounter{T}"/> does both.
/// </summary>
/// <remarks>Not thread-safe: count each part in its own table and merge (codes must mean the same categories in every part, i.e.
/// come from shared encoders or declared code books). A growing table keeps spare capacity per axis so that growing one category
/// at a time stays linear overall; <see cref="Counts"/> compacts it (one copy) when the table grew since the last call.</remarks>
public sealed partial class ContingencyTable
{
    /// <summary>The default cell limit: 16 Mi cells (128 MB of counts).</summary>
    public const long DefaultMaxCells = 1 << 24;

    /// <summary>The largest number of variables: 32.</summary>
    public const int MaxRank = 32;

    private long[] _cells;            // row-major over _capacity (≥ _shape per axis); cells outside _shape are 0
    private readonly int[] _shape;
    private readonly int[] _capacity;
    private readonly long[] _strides; // of the _capacity layout

    /// <summary>An empty table over the declared <paramref name="shape"/> (each extent ≥ 1, at most <paramref name="maxCells"/> cells).</summary>
    /// <exception cref="ArgumentException">shape is empty or has more than <see cref="MaxRank"/> axes, an extent is below 1,
    /// maxCells is outside 1 … Array.MaxLength, or the shape has more than maxCells cells.</exception>
    /// <param name="shape">The number of categories of each variable (1 … MaxRank extents, each ≥ 1); copied.</param>
    /// <param name="maxCells">The most cells the table may hold (1 … Array.MaxLength); bounds the memory at 8 bytes a cell.</param>
    public ContingencyTable(ReadOnlySpan<int> shape, long maxCells = DefaultMaxCells)
        : this(shape.Length, maxCells, grows: false)
    {
        for (int i = 0; i < shape.Length; i++)
            if (shape[i] < 1) ThrowHelper.ThrowArgument(nameof(shape), $"shape[{i}] = {shape[i]}: a declared variable needs at least 1 category.");
        long cells = CellsOf(shape);
        if (cells > maxCells) ThrowHelper.ThrowArgument(nameof(shape), $"the shape {Show(shape)} has {cells} cells, over the limit of {maxCells}.");
        shape.CopyTo(_shape);
        shape.CopyTo(_capacity);
        _cells = new long[cells];
        ComputeStrides();
    }

    private ContingencyTable(int rank, long maxCells, bool grows)
    {
        if (rank < 1 || rank > MaxRank) ThrowHelper.ThrowArgumentOutOfRange("rank", rank, $"a contingency table has 1 … {MaxRank} variables");
        if (maxCells < 1 || maxCells > Array.MaxLength) ThrowHelper.ThrowArgumentOutOfRange(nameof(maxCells), maxCells, $"the cell limit must be in 1 … {Array.MaxLength}");
        _shape = new int[rank];
        _capacity = new int[rank];
        _strides = new long[rank];
        _cells = [];
        MaxCells = maxCells;
        GrowsShape = grows;
        ComputeStrides();
    }

    /// <summary>An empty table of <paramref name="rank"/> variables whose shape grows (every extent starts at 0), up to <paramref name="maxCells"/> cells.</summary>
    /// <exception cref="ArgumentOutOfRangeException">rank is outside 1 … <see cref="MaxRank"/>, or maxCells outside 1 … Array.MaxLength.</exception>
    /// <param name="rank">The number of variables (1 … MaxRank).</param>
    /// <param name="maxCells">The most cells the table may grow to (1 … Array.MaxLength).</param>
    public static ContingencyTable Growable(int rank, long maxCells = DefaultMaxCells) => new(rank, maxCells, grows: true);

    /// <summary>k, the number of variables.</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of categories of each variable.</summary>
    public ReadOnlySpan<int> Shape => _shape;

    /// <summary>The number of cells, the product of <see cref="Shape"/> (0 while a growing table has an empty axis).</summary>
    public int CellCount => (int)CellsOf(_shape);

    /// <summary>The most cells the table may have; growing past it is refused.</summary>
    public long MaxCells { get; private set; }

    /// <summary>Whether the shape grows when a code beyond it is added (<see cref="Growable"/>) rather than being declared.</summary>
    public bool GrowsShape { get; private set; }

    /// <summary>N, the number of observations: the sum of all cells.</summary>
    public long Total { get; private set; }

    /// <summary>The cells, row-major over <see cref="Shape"/>: cell (c₀, …, c_{k−1}) is at Σᵢ cᵢ·Πⱼ₍ⱼ₎₍>ᵢ₎ Shape[j].</summary>
    public ReadOnlySpan<long> Counts
    {
        get
        {
            if (!_capacity.AsSpan().SequenceEqual(_shape)) Relayout(_shape);
            return _cells.AsSpan(0, CellCount);
        }
    }

    /// <summary>The count of the cell <paramref name="codes"/>; 0 for a cell beyond a growing table's shape.</summary>
    /// <exception cref="ArgumentException">There are not <see cref="Rank"/> codes, or a code is negative or outside a declared shape.</exception>
    /// <param name="codes">One category code per variable (Rank codes, each ≥ 0).</param>
    public long this[params ReadOnlySpan<int> codes]
    {
        get
        {
            CheckCodes(codes, nameof(codes));
            long index = 0;
            for (int i = 0; i < codes.Length; i++)
            {
                if (codes[i] >= _shape[i]) return 0;
                index += codes[i] * _strides[i];
            }
            return _cells[index];
        }
    }

    /// <summary>Counts the cell <paramref name="codes"/> <paramref name="count"/> times (once by default); a growing table grows to hold it.</summary>
    /// <exception cref="ArgumentException">There are not <see cref="Rank"/> codes, a code is negative or outside a declared shape,
    /// growing would exceed <see cref="MaxCells"/> (nothing is counted then), or count is negative.</exception>
    /// <exception cref="OverflowException">The total exceeds 2^63 − 1.</exception>
    /// <param name="count">How many observations to add to the cell (≥ 0; 0 changes nothing).</param>
    /// <param name="codes">One category code per variable (Rank codes, each ≥ 0; a growing table grows to hold them).</param>
    public void Add(ReadOnlySpan<int> codes, long count = 1)
    {
        if (!TryAdd(codes, count))
        {
            Span<int> shape = stackalloc int[Rank];
            GrownShape(codes, shape);
            ThrowHelper.ThrowArgument(nameof(codes), $"the cell ({string.Join(", ", codes.ToArray())}) would grow the table to {Show(shape)} = {CellsOf(shape)} cells, over its limit of {MaxCells}.");
        }
    }

    /// <summary>
    /// As <see cref="Add"/>, but returns false instead of throwing when counting the cell would grow the table past
    /// <see cref="MaxCells"/> (nothing is counted then), so a caller can report the limit in its own words.
    /// </summary>
    /// <exception cref="ArgumentException">There are not <see cref="Rank"/> codes, a code is negative or outside a declared shape, or count is negative.</exception>
    /// <exception cref="OverflowException">The total exceeds 2^63 − 1.</exception>
    /// <param name="codes">One category code per variable (Rank codes, each ≥ 0).</param>
    /// <param name="count">How many observations to add to the cell (≥ 0).</param>
    public bool TryAdd(ReadOnlySpan<int> codes, long count = 1)
    {
        CheckCodes(codes, nameof(codes));
        if (count < 0) ThrowHelper.ThrowArgumentOutOfRange(nameof(count), count, "a count must be ≥ 0");
        long total = checked(Total + count);
        long index = 0;
        for (int i = 0; i < codes.Length; i++)
        {
            if (codes[i] >= _shape[i])
            {
                Span<int> shape = stackalloc int[Rank];
                GrownShape(codes, shape);
                if (CellsOf(shape) > MaxCells) return false;
                Grow(shape);
                return TryAdd(codes, count);
            }
            index += codes[i] * _strides[i];
        }
        _cells[index] += count; // ≤ total, so it cannot overflow
        Total = total;
        return true;
    }

    /// <summary>
    /// The marginal table of the variables <paramref name="axes"/> (in that order, so <c>Marginal(1, 0)</c> also transposes): every
    /// other variable summed out. Its total is this table's; it grows if this one does, with the same cell limit.
    /// </summary>
    /// <exception cref="ArgumentException">axes is empty, names an axis outside 0 … k−1, or names one twice.</exception>
    /// <param name="axes">The variables to keep, in the order of the result's axes (distinct, each in 0 … Rank−1).</param>
    public ContingencyTable Marginal(params ReadOnlySpan<int> axes)
    {
        if (axes.IsEmpty) ThrowHelper.ThrowEmpty(nameof(axes));
        Span<long> targetStride = stackalloc long[Rank]; // the target stride of each source axis, 0 when summed out
        targetStride.Clear();
        var shape = new int[axes.Length];
        for (int j = 0; j < axes.Length; j++)
        {
            int axis = axes[j];
            if ((uint)axis >= (uint)Rank) ThrowHelper.ThrowArgument(nameof(axes), $"axes[{j}] = {axis} is not an axis of a {Rank}-way table.");
            if (axes[..j].Contains(axis)) ThrowHelper.ThrowArgument(nameof(axes), $"axes[{j}] = {axis} is named twice.");
            shape[j] = _shape[axis];
        }
        var result = new ContingencyTable(axes.Length, MaxCells, GrowsShape);
        result.Relayout(shape, shape); // compact, so the target index is row-major over shape
        for (int j = axes.Length - 1, stride = 1; j >= 0; stride *= shape[j], j--) targetStride[axes[j]] = stride;

        var cells = Counts;
        if (!cells.IsEmpty)
        {
            Span<int> code = stackalloc int[Rank];
            code.Clear();
            long target = 0;
            for (int i = 0; ; i++)
            {
                result._cells[target] += cells[i];
                int axis = Rank - 1; // odometer: advance the last axis, carrying into earlier ones
                for (; axis >= 0; axis--)
                {
                    if (++code[axis] < _shape[axis]) { target += targetStride[axis]; break; }
                    target -= (_shape[axis] - 1) * targetStride[axis];
                    code[axis] = 0;
                }
                if (axis < 0) break;
            }
        }
        result.Total = Total;
        return result;
    }

    /// <summary>
    /// Adds every cell of <paramref name="other"/> into this table (this := this + other, exactly as <see cref="Merge"/>): a
    /// growing table may grow, becomes declared when merged with a declared one, and takes the larger cell limit.
    /// </summary>
    /// <exception cref="ArgumentException">The tables are incompatible (see <see cref="Merge"/>); this table is unchanged then.</exception>
    /// <exception cref="OverflowException">The total exceeds 2^63 − 1.</exception>
    /// <param name="other">The table to add in (same rank; not modified).</param>
    public void MergeFrom(ContingencyTable other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var shape = MergedShape(this, other, out bool grows, out long maxCells);
        long total = checked(Total + other.Total);
        MaxCells = maxCells;
        Grow(shape);
        AddCells(other);
        Total = total;
        GrowsShape = grows;
    }

    /// <summary>
    /// A new table with the cells of <paramref name="a"/> and <paramref name="b"/> added: associative and commutative, and merging
    /// the tables of the parts of a data set gives the table of the whole. The ranks must be equal; each axis merges by the rule of
    /// <see cref="DenseCounts.Merge"/> (growing extents take the maximum, a growing one must fit a declared one, two declared ones
    /// must be equal); the result grows only if both do, and its cell limit is the larger of the two.
    /// </summary>
    /// <exception cref="ArgumentException">The ranks differ, an axis is incompatible, or the merged shape exceeds the cell limit.</exception>
    /// <exception cref="OverflowException">The total exceeds 2^63 − 1.</exception>
    /// <param name="a">The first table (not modified).</param>
    /// <param name="b">The second table, of the same rank (not modified).</param>
    public static ContingencyTable Merge(ContingencyTable a, ContingencyTable b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var shape = MergedShape(a, b, out bool grows, out long maxCells);
        long total = checked(a.Total + b.Total);
        var merged = new ContingencyTable(a.Rank, maxCells, grows);
        merged.Grow(shape);
        merged.AddCells(a);
        merged.AddCells(b);
        merged.Total = total;
        return merged;
    }

    private static int[] MergedShape(ContingencyTable a, ContingencyTable b, out bool grows, out long maxCells)
    {
        if (a.Rank != b.Rank) ThrowHelper.ThrowArgument(nameof(b), $"incompatible tables: a has {a.Rank} variables and b has {b.Rank}.");
        var shape = new int[a.Rank];
        for (int i = 0; i < shape.Length; i++) shape[i] = Extent.Merge(a._shape[i], a.GrowsShape, b._shape[i], b.GrowsShape, $"variable {i}");
        grows = a.GrowsShape && b.GrowsShape;
        maxCells = Math.Max(a.MaxCells, b.MaxCells);
        if (CellsOf(shape) > maxCells)
            ThrowHelper.ThrowArgument(nameof(b), $"the merged table would have shape {Show(shape)} = {CellsOf(shape)} cells, over the limit of {maxCells}.");
        return shape;
    }

    /// <summary>Adds the cells of <paramref name="other"/>, whose shape fits in this one's, row by row of its last axis.</summary>
    private void AddCells(ContingencyTable other)
    {
        var from = other.Counts;
        if (from.IsEmpty) return;
        int run = other._shape[^1];
        Span<int> code = stackalloc int[Rank];
        code.Clear();
        for (int i = 0; i < from.Length; i += run)
        {
            long at = 0;
            for (int a = 0; a < Rank - 1; a++) at += code[a] * _strides[a];
            var target = _cells.AsSpan((int)at, run);
            var source = from.Slice(i, run);
            for (int j = 0; j < run; j++) target[j] += source[j]; // each ≤ the checked total
            for (int a = Rank - 2; a >= 0 && ++code[a] == other._shape[a]; a--) code[a] = 0;
        }
    }

    /// <summary>The product of the extents, saturating at long.MaxValue.</summary>
    internal static long CellsOf(ReadOnlySpan<int> shape)
    {
        long cells = 1;
        foreach (int n in shape)
        {
            if (n == 0) return 0;
            cells = n > long.MaxValue / cells ? long.MaxValue : cells * n;
        }
        return cells;
    }

    internal static string Show(ReadOnlySpan<int> shape) => string.Join(" × ", shape.ToArray());

    private void GrownShape(ReadOnlySpan<int> codes, Span<int> shape)
    {
        for (int i = 0; i < shape.Length; i++) shape[i] = Math.Max(_shape[i], codes[i] + 1);
    }

    private void CheckCodes(ReadOnlySpan<int> codes, string paramName)
    {
        if (codes.Length != Rank) ThrowHelper.ThrowArgument(paramName, $"{paramName} has {codes.Length} entries but the table has {Rank} variables.");
        for (int i = 0; i < codes.Length; i++)
            if (codes[i] < 0 || (codes[i] >= _shape[i] && !GrowsShape))
                ThrowHelper.ThrowArgument(paramName, GrowsShape
                    ? $"{paramName}[{i}] = {codes[i]}: a category code must be ≥ 0."
                    : $"{paramName}[{i}] = {codes[i]} is outside the declared categories 0 … {_shape[i] - 1} of variable {i}.");
    }

    /// <summary>Makes the shape <paramref name="shape"/> (each extent ≥ today's, within MaxCells), growing capacities geometrically.</summary>
    private void Grow(ReadOnlySpan<int> shape)
    {
        bool fits = true;
        for (int i = 0; i < shape.Length; i++) fits &= shape[i] <= _capacity[i];
        if (!fits)
        {
            // Double each axis that must grow; if that would pass the cell limit, lay out the shape itself (it is known to fit).
            var capacity = new int[Rank];
            for (int i = 0; i < Rank; i++)
                capacity[i] = shape[i] <= _capacity[i] ? _capacity[i] : (int)Extent.GrowCapacity(_capacity[i], shape[i], Array.MaxLength);
            if (CellsOf(capacity) > MaxCells) shape.CopyTo(capacity);
            Relayout(capacity, shape);
        }
        else shape.CopyTo(_shape);
    }

    /// <summary>Moves the cells into a layout over <paramref name="capacity"/> (compact when it equals the shape).</summary>
    private void Relayout(ReadOnlySpan<int> capacity) => Relayout(capacity, _shape);

    private void Relayout(ReadOnlySpan<int> capacity, ReadOnlySpan<int> shape)
    {
        var cells = new long[CellsOf(capacity)];
        long oldCells = CellsOf(_shape);
        if (oldCells > 0)
        {
            Span<long> newStrides = stackalloc long[Rank];
            newStrides[^1] = 1;
            for (int i = Rank - 2; i >= 0; i--) newStrides[i] = newStrides[i + 1] * capacity[i + 1];
            int run = _shape[^1];
            Span<int> code = stackalloc int[Rank];
            code.Clear();
            for (long done = 0; done < oldCells; done += run)
            {
                long from = 0, to = 0;
                for (int a = 0; a < Rank - 1; a++) { from += code[a] * _strides[a]; to += code[a] * newStrides[a]; }
                _cells.AsSpan((int)from, run).CopyTo(cells.AsSpan((int)to, run));
                for (int a = Rank - 2; a >= 0 && ++code[a] == _shape[a]; a--) code[a] = 0;
            }
        }
        _cells = cells;
        capacity.CopyTo(_capacity);
        shape.CopyTo(_shape);
        ComputeStrides();
    }

    private void ComputeStrides()
    {
        _strides[^1] = 1;
        for (int i = Rank - 2; i >= 0; i--) _strides[i] = _strides[i + 1] * _capacity[i + 1];
    }
}
