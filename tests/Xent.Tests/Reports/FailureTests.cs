using Xent.Cli;
using Xent.Reports;

namespace Xent.Tests.Reports;

public class FailureTests
{
    private sealed class FormFieldError(string message) : Exception(message), IUserError;

    public static TheoryData<Exception, FailureKind> Cases() => new()
    {
        { new ArgumentException("p[1] = -0.1: a probability must be finite and non-negative.", "p"), FailureKind.UserError },
        { new FormatException("bad number"), FailureKind.UserError },
        { new FileNotFoundException("no such file"), FailureKind.UserError },
        { new UnauthorizedAccessException("denied"), FailureKind.UserError },
        { new InvalidDataException("corrupt"), FailureKind.UserError },
        { new OverflowException("too big"), FailureKind.UserError },
        { new UsageException("--n 0 must be ≥ 1."), FailureKind.UserError },
        { new FormFieldError("field 'p' is empty"), FailureKind.UserError },
        { new OutOfMemoryException("Insufficient memory."), FailureKind.Internal },
        { new InvalidOperationException("NaN reached the JSON writer."), FailureKind.Internal },
        { new NullReferenceException(), FailureKind.Internal },
        { new IndexOutOfRangeException(), FailureKind.Internal },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ClassifiesUserErrorsAndBugs(Exception exception, FailureKind kind)
    {
        var failure = Failure.Classify(exception);
        Assert.Equal(kind, failure.Kind);
        Assert.Equal(kind == FailureKind.UserError ? 2 : 70, failure.ExitCode);
        Assert.Equal(kind == FailureKind.UserError ? 400 : 500, failure.HttpStatus);
        Assert.DoesNotContain('\n', failure.Message);
        if (kind == FailureKind.Internal) Assert.StartsWith($"internal error ({exception.GetType().Name}): ", failure.Message);
    }

    [Fact]
    public void OutOfMemoryIsNotTheUsersFault()
    {
        Assert.False(Failure.IsUserError(new OutOfMemoryException()));
        Assert.Equal("internal error (OutOfMemoryException): Insufficient memory.", Failure.Classify(new OutOfMemoryException("Insufficient memory.")).Message);
    }

    [Fact]
    public void MessagesAreOneLineWithoutTheParameterSuffix()
    {
        Assert.Equal("P sums to 1.1, not 1.", Failure.Classify(new ArgumentException("P sums to 1.1, not 1.", "p")).Message);
        Assert.Equal("a logarithm base must be greater than 1 (got 0.5).",
            Failure.Classify(new ArgumentOutOfRangeException("b", 0.5, "a logarithm base must be greater than 1")).Message);
        Assert.Equal("line one line two", Failure.Classify(new InvalidDataException("line one\nline two")).Message);
    }

    [Fact]
    public void TheCliExitsWithTheClassifiersCodes()
    {
        Assert.Equal(Failure.UserErrorExitCode, XentApp.ExitBadInput);
        Assert.Equal(Failure.InternalExitCode, XentApp.ExitInternalError);
        var bad = CliRunnerShim.Run("entropy", "0.5,0.6");
        Assert.Equal(2, bad.Exit);
        Assert.StartsWith("xent: p sums to 1.1, not 1", bad.Err);
    }

    private static class CliRunnerShim
    {
        public static (int Exit, string Err) Run(params string[] args)
        {
            var stderr = new StringWriter();
            return (XentApp.Run(args, new StringWriter(), stderr), stderr.ToString());
        }
    }
}
