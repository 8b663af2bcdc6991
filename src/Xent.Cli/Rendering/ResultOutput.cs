using Xent.Reports;

namespace Xent.Cli.Rendering;

/// <summary>Writes a command's result record: as JSON (<see cref="ReportJson"/>, the form a web page's API returns) or as text.</summary>
internal static class ResultOutput
{
    /// <summary>The record as one JSON object on the output.</summary>
    public static void Json<T>(TextWriter output, T result) where T : notnull => output.WriteLine(ReportJson.Serialize(result));

    /// <summary>JSON when <paramref name="json"/> is set, otherwise the text <paramref name="text"/> renders from the same record.</summary>
    public static void Write<T>(TextWriter output, T result, bool json, Action<TextWriter, T> text) where T : notnull
    {
        if (json) Json(output, result);
        else text(output, result);
    }
}
