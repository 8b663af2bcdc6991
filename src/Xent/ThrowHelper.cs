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
    public static void ThrowNotNormalized(string paramName, double sum, double tolerance) =>
        throw new ArgumentException(
            $"{paramName} sums to {Show(sum)}, not 1 (tolerance {Show(tolerance)}); pass Normalization.Renormalize to divide by the sum, or Normalization.AsIs to use it as it is.",
            paramName);

    [DoesNotReturn]
    public static void ThrowZeroSum(string paramName) =>
        throw new ArgumentException($"{paramName} sums to 0; it cannot be renormalized.", paramName);

    [DoesNotReturn]
    public static void ThrowEmpty(string paramName) =>
        throw new ArgumentException($"{paramName} is empty.", paramName);

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
}
