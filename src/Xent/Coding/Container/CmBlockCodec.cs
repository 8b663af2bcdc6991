using System.Buffers;
using System.Collections.Concurrent;

namespace Xent.Coding;

/// <summary>
/// <see cref="CmStream"/> as a container codec (<see cref="XentCodec.Cm"/>). Parameter byte: the model's level, 1 … 9 (the
/// level is also stored in each block). The model bits are the model's cross-entropy on the block,
/// Σ −log2 p(bit | context) (<see cref="CmStream.CodeLength"/>), summed while encoding and recomputed after decoding.
/// </summary>
internal sealed class CmBlockCodec : IBlockCodec
{
    private readonly int _level;

    // The tables of models no block is using right now: a block takes one (or makes one when all are busy) and gives it back,
    // so a container run holds as many models as blocks code at once (its threads), not one per block.
    private readonly ConcurrentBag<CmModelArena> _arenas = [];

    public CmBlockCodec(int level)
    {
        if (level < CmStream.MinLevel || level > CmStream.MaxLevel)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(level), level, $"the cm codec's level must be {CmStream.MinLevel} … {CmStream.MaxLevel}");
        _level = level;
    }

    public const int MaxLevel = CmStream.MaxLevel;

    /// <summary>The codec stored as <paramref name="parameters"/>, or null when they are not one valid byte.</summary>
    public static CmBlockCodec? FromParameters(ReadOnlySpan<byte> parameters) =>
        parameters.Length == 1 && parameters[0] >= CmStream.MinLevel && parameters[0] <= CmStream.MaxLevel ? new CmBlockCodec(parameters[0]) : null;

    public XentCodec Id => XentCodec.Cm;

    public byte[] Parameters => [(byte)_level];

    public int MaxEncodedLength(int length) => CmStream.MaxEncodedLength(length);

    public int Encode(ReadOnlySpan<byte> source, Span<byte> destination, out double modelBits)
    {
        var arena = Rent();
        try { return CmStream.EncodeCore(source, destination, _level, out modelBits, arena); }
        finally { _arenas.Add(arena); }
    }

    private CmModelArena Rent() => _arenas.TryTake(out var arena) ? arena : new CmModelArena();

    // A block may not claim a higher level than the container's parameter: its model then takes no more memory than the
    // encoder's did (whichever model version), so a corrupt level byte cannot make the decoder allocate hundreds of MiB.
    private long MaxModelMemory(int length) => CmStream.MaxModelMemory(_level, length);

    public void CodeLengths(ReadOnlySpan<byte> source, Span<double> destination)
    {
        var arena = Rent();
        try { CmStream.CodeLengthCore(source, _level, destination, arena); }
        finally { _arenas.Add(arena); }
    }

    public string? NewerVersion(ReadOnlySpan<byte> source) =>
        CmStream.TryGetModelVersion(source, out int version) && version > CmStream.NewestVersion
            ? $"was coded with cm model version {version}, which this build (up to version {CmStream.NewestVersion}) does not know"
            : null;

    public OperationStatus TryDecode(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesConsumed, out int bytesWritten, out double modelBits)
    {
        var arena = Rent();
        try
        {
            var status = CmStream.TryDecodeCore(source, destination, MaxModelMemory(destination.Length), out bytesConsumed, out bytesWritten, out modelBits, arena);
            if (status != OperationStatus.Done) modelBits = 0;
            // A stored block (incompressible data) records no level; the encoder measured it at this codec's level.
            else if (double.IsNaN(modelBits)) modelBits = CmStream.CodeLengthCore(destination[..bytesWritten], _level, default, arena).Value;
            return status;
        }
        finally { _arenas.Add(arena); }
    }
}
