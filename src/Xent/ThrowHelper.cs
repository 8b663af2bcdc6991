using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Xent;

/// <summary>One place that builds the library's exception messages: argument, index and value named.</summary>
internal static class ThrowHelper
{
    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    [DoesNotReturn]
    public static void ThrowArgument(string paramName, string message) =>
        throw new ArgumentException(message, paramName);

    [DoesNotReturn]
    public static void ThrowArgumentOutOfRange(string paramName, double value, string message) =>
        throw new ArgumentOutOfRangeException(paramName, value, message);

    [DoesNotReturn]
    public static void ThrowLengthMismatch(string first, int firstLength, string second, int secondLength) =>
        throw new ArgumentException(
            $"{first} has {firstLength} entries but {second} has {secondLength}; they must have the same length.", second);

    [DoesNotReturn]
    public static void ThrowBadEntry(string paramName, int index, double value) =>
        throw new ArgumentException(
            $"{paramName}[{index}] = {Show(value)}: a probability must be finite and non-negative.", paramName);

    [DoesNotReturn]
    public static void ThrowNotProbability(string paramName, int index, double value) =>
        throw new ArgumentException($"{paramName}[{index}] = {Show(value)} is not a probability in [0, 1].", paramName);

    [DoesNotReturn]
    public static void ThrowNotNormalized(string paramName, double sum, double tolerance) =>
        throw new ArgumentException(
            $"{paramName} sums to {Show(sum)}, not 1 (tolerance {Show(tolerance)}): probabilities must sum to 1 unless renormalization is asked for.",
            paramName);

    [DoesNotReturn]
    public static void ThrowZeroSum(string paramName) =>
        throw new ArgumentException($"{paramName} sums to 0; it cannot be renormalized.", paramName);

    [DoesNotReturn]
    public static void ThrowSumOutOfRange(string paramName, double sum) =>
        throw new ArgumentException(
            $"{paramName} sums to {Show(sum)}, beyond what can be renormalized in double precision; scale the entries first.", paramName);

    [DoesNotReturn]
    public static void ThrowScoreOverflow(string paramName, int row) =>
        throw new ArgumentException(
            $"{paramName} row {row}: the scores w·x + b overflow to ∞ − ∞; the features are too large for the model's weights.", paramName);

    [DoesNotReturn]
    public static void ThrowEmpty(string paramName) =>
        throw new ArgumentException($"{paramName} is empty.", paramName);

    [DoesNotReturn]
    public static void ThrowBadWeight(string paramName, int index, double value) =>
        throw new ArgumentException(
            $"{paramName}[{index}] = {Show(value)}: a weight must be finite and non-negative.", paramName);

    [DoesNotReturn]
    public static void ThrowNoPositiveWeight(string paramName) =>
        throw new ArgumentException($"{paramName} has no positive weight; a code needs at least one symbol that occurs.", paramName);

    [DoesNotReturn]
    public static void ThrowWeightSumOverflow(string paramName) =>
        throw new ArgumentException($"{paramName}: the counts sum to more than {long.MaxValue}.", paramName);

    [DoesNotReturn]
    public static void ThrowMaxLengthTooSmall(string paramName, int maxLength, int symbols) =>
        throw new ArgumentOutOfRangeException(paramName, maxLength,
            $"maximum code length {maxLength} is too small for {symbols} symbols: 2^{maxLength} < {symbols}.");

    [DoesNotReturn]
    public static void ThrowDestinationTooShort(string paramName, int needed, int actual) =>
        throw new ArgumentException($"{paramName} has {actual} entries; {needed} are needed.", paramName);

    [DoesNotReturn]
    public static void ThrowShapeMismatch(string paramName, int length, string shape, long cells) =>
        throw new ArgumentException(
            $"{paramName} has {length} entries but its shape {shape} has {cells} cells.", paramName);

    [DoesNotReturn]
    public static void ThrowNotPositiveDefinite(string paramName, int pivot, double value) =>
        throw new ArgumentException(
            $"{paramName} is not positive definite: Cholesky pivot {pivot} is {Show(value)} (must be > 0).", paramName);

    [DoesNotReturn]
    public static void ThrowNotSymmetric(string paramName, int row, int column, double upper, double lower) =>
        throw new ArgumentException(
            $"{paramName} is not symmetric: [{row},{column}] = {Show(upper)} but [{column},{row}] = {Show(lower)}.", paramName);

    [DoesNotReturn]
    public static void ThrowBadVariance(string paramName, int index, double value) =>
        throw new ArgumentException(
            $"{paramName}[{index}] = {Show(value)}: a variance must be finite and positive.", paramName);

    [DoesNotReturn]
    public static void ThrowNotFinite(string paramName, int index, double value) =>
        throw new ArgumentException($"{paramName}[{index}] = {Show(value)}: must be finite.", paramName);

    [DoesNotReturn]
    public static void ThrowBadCount(string paramName, int index, long value) =>
        throw new ArgumentException($"{paramName}[{index}] = {value}: a count must be ≥ 0.", paramName);

    [DoesNotReturn]
    public static void ThrowInvalidData(string message) => throw new InvalidDataException(message);

    [DoesNotReturn]
    public static void ThrowNotSupported(string message) => throw new NotSupportedException(message);

    [DoesNotReturn]
    public static void ThrowBadTarget(string paramName, int index, int value, int classes, int? ignoreIndex = null) =>
        throw new ArgumentException(
            $"{paramName}[{index}] = {value}: a class index must be in [0, {classes})" +
            (ignoreIndex is { } ignore ? $" or equal the ignore index {ignore}." : "."), paramName);

    [DoesNotReturn]
    public static void ThrowBadValue(string paramName, int index, double value, string requirement) =>
        throw new ArgumentException($"{paramName}[{index}] = {Show(value)}: {requirement}.", paramName);

    [DoesNotReturn]
    public static void ThrowShape(string paramName, int length, string expected) =>
        throw new ArgumentException($"{paramName} has {length} entries; expected {expected}.", paramName);

    [DoesNotReturn]
    public static void ThrowBadLogit(string paramName, int row, int column, double value) =>
        throw new ArgumentException(
            $"{paramName}[row {row}, class {column}] = {Show(value)}: logits must be finite or −∞, and each row needs a finite one.", paramName);

    [DoesNotReturn]
    public static void ThrowUndefinedInformation(string left, string operation, string right) =>
        throw new ArithmeticException($"{left} {operation} {right} is undefined (∞ − ∞); an infinite amount cannot be cancelled.");

    /// <summary>Re-raises a per-row measure's argument error with the row it happened in (the inner message names the entry).</summary>
    [DoesNotReturn]
    public static void ThrowInRow(int row, ArgumentException inner) =>
        throw new ArgumentException($"row {row}: {inner.Message.Replace($" (Parameter '{inner.ParamName}')", "")}", inner.ParamName, inner);
}
