using Xent.Reports;

namespace Xent.Cli.Rendering;

/// <summary>Writes a command's result record: as JSON (<see cref="ReportJson"/>, the form a web page's API returns) or as text.</summary>
internal static class ResultOutput
{
    /// <summary>The record as one JSON object on the output.</summary>
    public static void Json<T>(TextWriter output, T result) where T : notnull
    {
        NotInterrupted();
        output.WriteLine(ReportJson.Serialize(result));
    }

    /// <summary>
    /// An interrupted run prints no result: Ctrl-C also ends the other processes of a pipeline, so a command reading a pipe
    /// may see its end and finish on partial input just as the signal arrives.
    /// </summary>
    public static void NotInterrupted() => CliSession.Current.Cancellation.ThrowIfCancellationRequested();

    /// <summary>The metrics with their log losses in <paramref name="logBase"/> (<c>base</c>/<c>unit</c> say which), converted through <see cref="Information"/>.</summary>
    public static MetricsResult InBase(MetricsResult r, LogBase logBase) => r with
    {
        Base = logBase.Value, LogLoss = r.Figure(r.LogLoss).In(logBase).Value, PriorLogLoss = r.Figure(r.PriorLogLoss).In(logBase).Value,
    };

    /// <summary>The training report with its log losses in <paramref name="logBase"/>, converted through <see cref="Information"/>.</summary>
    public static TrainResult InBase(TrainResult r, LogBase logBase) => r with
    {
        Base = logBase.Value, TrainLogLoss = r.Figure(r.TrainLogLoss).In(logBase).Value,
        TestLogLoss = r.TestLogLoss is double test ? r.Figure(test).In(logBase).Value : null,
    };

    /// <summary>
    /// The code's expected length, entropy and redundancy in <paramref name="logBase"/>; codeword lengths, −log2 p and the
    /// cost of a length limit stay in bits (they are lengths of binary codewords, as their keys say).
    /// </summary>
    public static HuffmanCodeResult InBase(HuffmanCodeResult r, LogBase logBase) => r with
    {
        Base = logBase.Value, ExpectedLength = r.Figure(r.ExpectedLength).In(logBase).Value, Entropy = r.Figure(r.Entropy).In(logBase).Value,
        Redundancy = r.Figure(r.Redundancy).In(logBase).Value,
    };

    /// <summary>H(P) and H(P,Q) in <paramref name="logBase"/>; the rows' bits per symbol stay in bits (lengths of binary codewords).</summary>
    public static BlockCodesResult InBase(BlockCodesResult r, LogBase logBase) => r with
    {
        Base = logBase.Value, Entropy = r.Figure(r.Entropy).In(logBase).Value,
        CrossEntropy = r.CrossEntropy is double h ? r.Figure(h).In(logBase).Value : null,
    };

    /// <summary>JSON when <paramref name="json"/> is set, otherwise the text <paramref name="text"/> renders from the same record.</summary>
    public static void Write<T>(TextWriter output, T result, bool json, Action<TextWriter, T> text) where T : notnull
    {
        NotInterrupted();
        if (json) Json(output, result);
        else text(output, result);
    }
}
