namespace Xent.Losses;

/// <summary>Shape checks shared by the element-wise losses.</summary>
internal static class LossChecks
{
    /// <summary>An optional destination or input: empty, or exactly <paramref name="expected"/> entries.</summary>
    public static void OptionalLength(int length, int expected, string paramName)
    {
        if (length != 0 && length != expected) ThrowHelper.ThrowShape(paramName, length, $"0 or {expected}");
    }

    /// <summary>The per-element loss destination: required (exactly <paramref name="expected"/>) under <see cref="Reduction.None"/>.</summary>
    public static void Destination(int length, int expected, Reduction reduction, string paramName)
    {
        if (reduction == Reduction.None && length != expected)
            ThrowHelper.ThrowShape(paramName, length, $"{expected} (Reduction.None writes one loss per element)");
        OptionalLength(length, expected, paramName);
    }
}
