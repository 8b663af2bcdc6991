using Xent.Reports;

namespace Xent.Cli;

/// <summary>Bad input or usage the user can fix: a <see cref="IUserError"/>, so one line on stderr with exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message), IUserError;
