using Spectre.Console;
using Xent.Data;

namespace Xent.Cli.Rendering;

/// <summary>
/// A progress line on stderr (Spectre.Console's progress) for work that can take more than a couple of seconds: counting a
/// large file or a pipe, a bootstrap, block codes, a fit, a benchmark. Drawn only when stderr is a terminal and
/// <c>--quiet</c> is not given; otherwise the work runs with no output at all (<see cref="IsShown"/> is false), so pipes,
/// files and tests see nothing. The line is removed when the work ends.
/// </summary>
internal static class WorkProgress
{
    /// <summary>Whether a progress line is drawn for this run: stderr is a terminal and no --quiet.</summary>
    public static bool IsShown => CliSession.Current is { ErrorIsTerminal: true, Quiet: false };

    /// <summary>Runs <paramref name="work"/> under an indeterminate progress line (a moving bar and the time elapsed).</summary>
    public static T Run<T>(string description, Func<T> work) => Run(description, null, _ => work());

    /// <summary>
    /// Runs <paramref name="work"/> under a progress line; <paramref name="work"/> reports how far it is through the
    /// callback it is given (a count of <paramref name="unit"/>: "bytes" shows sizes). With a null <paramref name="total"/>
    /// the bar is indeterminate and the count is shown as it grows.
    /// </summary>
    public static T Run<T>(string description, long? total, Func<Action<long>, T> work, string unit = "bytes")
    {
        if (!IsShown) return work(_ => { });
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error), Ansi = AnsiSupport.Detect, ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Yes,
        });
        // Spectre sizes a console over a writer from the writer, not the terminal: give it the terminal's width.
        int width = 80;
        try { if (Console.WindowWidth > 20) width = Console.WindowWidth; } catch (IOException) { }
        console.Profile.Width = width;
        var columns = new List<ProgressColumn> { new TaskDescriptionColumn(), new ProgressBarColumn() };
        if (total is not null) columns.Add(unit == "bytes" ? new DownloadedColumn() : new PercentageColumn());
        columns.Add(new ElapsedTimeColumn());
        return console.Progress().AutoClear(true).HideCompleted(true).Columns([.. columns]).Start(context =>
        {
            var task = context.AddTask(Markup.Escape(description), maxValue: total is > 0 ? total.Value : 1);
            task.IsIndeterminate = total is null;
            // An indeterminate task shows its count in the description: a value past MaxValue would mark it finished (hidden).
            string escaped = Markup.Escape(description);
            var result = work(done =>
            {
                if (total is not null) task.Value = Math.Min(done, task.MaxValue);
                else if (done > 0) task.Description = $"{escaped}: {(unit == "bytes" ? Size(done) : done.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " " + unit)}";
            });
            task.StopTask();
            return result;
        });
    }

    /// <summary>Runs <paramref name="work"/>, which reads <paramref name="table"/>, under a bar of the bytes read of a CSV file
    /// against its length; other sources, and standard input (length unknown), get the indeterminate bar.</summary>
    public static T Reading<T>(string description, TableReader table, Func<T> work) =>
        Run(description, (table as CsvTableReader)?.Length, report =>
        {
            if (IsShown && table is CsvTableReader csv) csv.Progress = report;
            return work();
        });

    /// <summary>Inputs larger than this (50 MB) get a progress bar in the commands that stream files through (compress,
    /// decompress, bits); smaller ones finish before a bar is worth drawing.</summary>
    public const long LargeInput = 50_000_000;

    /// <summary>
    /// Runs <paramref name="work"/>, which reads streams it wraps with the function it is given, under a bar of
    /// <paramref name="total"/> bytes when the input is larger than <see cref="LargeInput"/> (<paramref name="size"/>, null
    /// when unknown: no bar) and a bar is shown at all; each wrapped stream adds what is read from it, so several passes
    /// over a file fill one bar. Otherwise the streams are used as they are.
    /// </summary>
    public static T ForLargeInput<T>(string description, long? size, long total, Func<Func<Stream, Stream>, T> work)
    {
        if (size is not > LargeInput || !IsShown) return work(stream => stream);
        return Run(description, total, report =>
        {
            long done = 0;
            return work(stream =>
            {
                long start = done;
                return new ProgressStream(stream, read => report(done = start + read));
            });
        });
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.0} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.0} MiB",
        _ => $"{bytes / 1024.0:0.0} KiB",
    };
}

/// <summary>A read-only stream that reports the bytes read so far: the progress of counting a pipe or standard input, or of
/// coding a file. A seekable inner stream stays seekable (its length and position pass through), so a reader that asks
/// for the length sees the file's.</summary>
internal sealed class ProgressStream(Stream inner, Action<long> progress) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => inner.CanSeek ? inner.Position : _read; set => inner.Position = value; }

    public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

    private int Counted(int n)
    {
        _read += n;
        progress(_read);
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
