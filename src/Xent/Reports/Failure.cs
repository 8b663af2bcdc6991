using System.Globalization;

namespace Xent.Reports;

/// <summary>
/// Marks an exception type whose message tells a user what to fix in their input or request (a flag, a form field):
/// <see cref="Failure.Classify"/> counts it as <see cref="FailureKind.UserError"/> whatever its base type.
/// </summary>
public interface IUserError;

/// <summary>Whose fault a failure is.</summary>
public enum FailureKind
{
    /// <summary>Bad input or usage the user can fix: exit code 2, HTTP 400.</summary>
    UserError,

    /// <summary>A bug or an exhausted resource (including <see cref="OutOfMemoryException"/>): exit code 70, HTTP 500.</summary>
    Internal,
}

/// <summary>
/// The one classification of an exception escaping a front end (the CLI, a web page's API) and its one-line message,
/// never a stack trace. User errors: <see cref="IUserError"/>, <see cref="ArgumentException"/> (the library's validation),
/// <see cref="FormatException"/>, <see cref="IOException"/>, <see cref="UnauthorizedAccessException"/>,
/// <see cref="InvalidDataException"/> and <see cref="OverflowException"/>. Everything else is internal.
/// </summary>
/// <param name="Kind">User error or internal.</param>
/// <param name="Message">One line: the exception's message, and for an internal failure its type.</param>
public readonly record struct Failure(FailureKind Kind, string Message)
{
    /// <summary>Exit code of a user error (EX_USAGE-like; 2 as in most Unix tools).</summary>
    public const int UserErrorExitCode = 2;

    /// <summary>Exit code of an internal error (sysexits' EX_SOFTWARE).</summary>
    public const int InternalExitCode = 70;

    /// <summary>The process exit code: 2 or 70.</summary>
    public int ExitCode => Kind == FailureKind.UserError ? UserErrorExitCode : InternalExitCode;

    /// <summary>The HTTP status: 400 or 500.</summary>
    public int HttpStatus => Kind == FailureKind.UserError ? 400 : 500;

    /// <summary>Classifies <paramref name="exception"/> and formats its message on one line.</summary>
    /// <param name="exception">The exception a command or request ended with (not null).</param>
    public static Failure Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return IsUserError(exception)
            ? new Failure(FailureKind.UserError, OneLine(exception))
            // A bug of ours, not the user's input: still one line, but it names the exception type.
            : new Failure(FailureKind.Internal, $"internal error ({exception.GetType().Name}): {OneLine(exception)}");
    }

    /// <summary>Whether <paramref name="exception"/> is the user's to fix (see the type's remarks); <see cref="OutOfMemoryException"/> is not.</summary>
    /// <param name="exception">The exception to classify (not null).</param>
    public static bool IsUserError(Exception exception) =>
        exception is IUserError or ArgumentException or FormatException or IOException or UnauthorizedAccessException
            or InvalidDataException or OverflowException;

    /// <summary>The exception's message on one line; an out-of-range argument's message gets the value it was given.</summary>
    /// <param name="exception">The exception whose message is formatted (not null); inner exceptions are not read.</param>
    public static string OneLine(Exception exception)
    {
        string message = OneLine(exception.Message);
        if (exception is ArgumentOutOfRangeException { ActualValue: { } value })
            message = $"{message.TrimEnd('.')} (got {Convert.ToString(value, CultureInfo.InvariantCulture)}).";
        return message;
    }

    /// <summary>A message on one line, without the " (Parameter 'p')" that <see cref="ArgumentException"/> appends (the message names the argument already).</summary>
    /// <param name="message">A message that may span lines or end with ArgumentException's parameter suffix.</param>
    public static string OneLine(string message)
    {
        int cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        return message.ReplaceLineEndings(" ");
    }
}
