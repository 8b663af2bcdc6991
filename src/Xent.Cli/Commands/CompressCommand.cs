using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Xent.Cli.Data;
using Xent.Cli.Rendering;
using Xent.Coding;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>
/// compress (and, with -d, decompress): a file or standard input into a .xent container, with zstd's conventions — FILE
/// becomes FILE.xent beside it, "-" or no FILE in a pipe means standard input and output, the input is kept unless --rm,
/// -c writes to standard output, an existing output is replaced only with -f, and the output is a temporary file renamed
/// into place only when everything succeeded.
/// </summary>
internal static class CompressCommand
{
    public const string Suffix = ".xent";

    /// <summary>The options both commands share, declared once.</summary>
    internal sealed class Options
    {
        public readonly Argument<string?> File = new("FILE") { Description = "The input file, or - for standard input (the default in a pipe).", Arity = ArgumentArity.ZeroOrOne };
        public readonly Option<string?> Output = new("--output", "-o") { Description = "The output file (- for standard output). Default: FILE.xent, or FILE without .xent." };
        public readonly Option<bool> Stdout = new("--stdout", "-c") { Description = "Write to standard output; keep the input." };
        public readonly Option<bool> Force = new("--force", "-f") { Description = "Replace an existing output file (and write binary data to a terminal)." };
        public readonly Option<bool> Keep = new("--keep", "-k") { Description = "Keep the input file (the default)." };
        public readonly Option<bool> Remove = new("--rm") { Description = "Delete the input file after success." };
        public readonly Option<int> Threads = Inputs.Threads("Threads coding blocks in parallel (the output is the same for any number)", -1);
        public readonly Option<bool> Json = Inputs.Json();

        public Options() => Threads.Aliases.Add("-T");

        public void AddTo(Command command)
        {
            command.Arguments.Add(File);
            foreach (var option in new Option[] { Output, Stdout, Force, Keep, Remove, Threads, Json }) command.Options.Add(option);
        }
    }

    public static Command Create()
    {
        var shared = new Options();
        string names = string.Join("|", XentContainer.Codecs.Select(c => c.Name));
        var codec = new Option<string?>("--codec") { Description = $"The codec: {names} (default: cm for text-like input, rans1 otherwise, judged from the first MiB)." };
        var level = new Option<int?>("--level") { Description = $"The codec's level, 1 … its maximum (default: cm {CmStream.DefaultLevel}, the others 1, the fastest; cm: 1 … {CmStream.StrongLevel - 1} the eight-context model, {CmStream.StrongLevel} and 9 the twelve-context one — 0.5–0.9 % smaller text, 1.5–1.7× the time, 260–470 MB of memory; huffman: 5 levels, codewords of 11 … 15 bits; rans and rans1: 5 levels, a precision of 12 … 16 bits; o2: 1)." };
        var blockSize = new Option<int?>("--block-size", "-B")
        {
            Description = $"Original bytes per block, 1 … {XentContainerOptions.MaxBlockSize} (default: cm {XentContainerOptions.DefaultCmBlockSize} = 8 MiB, the others {XentContainerOptions.DefaultBlockSize} = 1 MiB).",
        };
        var decompress = new Option<bool>("--decompress", "-d") { Description = "Decompress instead (as xent decompress)." };
        var command = new Command("compress", "Compress a file (or standard input) into a .xent container: independent checksummed blocks, coded in parallel.");
        shared.AddTo(command);
        command.Options.Add(codec);
        command.Options.Add(level);
        command.Options.Add(blockSize);
        command.Options.Add(decompress);
        command.SetAction(parse =>
        {
            if (parse.GetValue(decompress)) return Run(parse, shared, compress: false, null);
            string? codecName = parse.GetValue(codec);
            int? givenLevel = parse.GetValue(level);
            var options = new XentContainerOptions { MaxDegreeOfParallelism = Inputs.ParseThreads(parse.GetValue(shared.Threads)) };
            // Without -B the block size follows the codec (XentContainerOptions.DefaultBlockSizeFor).
            if (parse.GetValue(blockSize) is int givenBlockSize) options = options with { BlockSize = givenBlockSize };
            if (options.BlockSize < 1 || options.BlockSize > XentContainerOptions.MaxBlockSize)
                throw new UsageException($"--block-size {options.BlockSize} must be 1 … {XentContainerOptions.MaxBlockSize}.");
            // Without --codec the codec is chosen from the first block of the input, once it is open.
            XentContainerOptions Resolve(XentCodec chosen)
            {
                var resolved = options with { Codec = chosen, Level = givenLevel ?? XentContainer.DefaultLevel(chosen) };
                int maxLevel = XentContainer.Codecs.First(c => c.Codec == chosen).MaxLevel;
                if (resolved.Level < 1 || resolved.Level > maxLevel)
                    throw new UsageException($"--level {resolved.Level}: the {BlockCodecName(chosen)} codec's levels are 1 … {maxLevel}.");
                return resolved;
            }
            if (codecName is not null) return Run(parse, shared, compress: true, Resolve(ParseCodec(codecName)));
            return Run(parse, shared, compress: true, options, Resolve);
        });
        return command;
    }

    private static string BlockCodecName(XentCodec id) => XentContainer.Codecs.First(c => c.Codec == id).Name;

    private static XentCodec ParseCodec(string name) =>
        XentContainer.Codecs.FirstOrDefault(c => c.Name == name.Trim().ToLowerInvariant()) is { Name: not null } c
            ? c.Codec
            : throw new UsageException($"--codec '{name}' is not one of {string.Join(", ", XentContainer.Codecs.Select(x => x.Name))}.");

    /// <summary>Resolves input and output by zstd's conventions, runs the container, writes the report; returns the exit code.
    /// With <paramref name="choose"/>, the codec is chosen by <see cref="XentContainer.ChooseCodec"/> from the input's first
    /// block (read ahead, then coded as usual) and <paramref name="choose"/> completes the options.</summary>
    public static int Run(ParseResult parse, Options o, bool compress, XentContainerOptions? options, Func<XentCodec, XentContainerOptions>? choose = null)
    {
        var session = CliSession.Current;
        string? file = parse.GetValue(o.File);
        bool fromStdin = file is null or "-";
        if (!fromStdin) InputFile.Check(file!, "FILE");
        if (fromStdin && file is null && session.StdinIsTerminal)
            throw new UsageException("no FILE given and standard input is a terminal; give a FILE, or - to read the terminal.");
        string? output = parse.GetValue(o.Output);
        bool toStdout = parse.GetValue(o.Stdout) || output == "-" || (output is null && fromStdin);
        bool force = parse.GetValue(o.Force);
        if (toStdout && session.StdoutIsTerminal && !force && compress)
            throw new UsageException("standard output is a terminal; redirect it, or pass -f to write compressed bytes to it.");
        if (parse.GetValue(o.Keep) && parse.GetValue(o.Remove)) throw new UsageException("-k/--keep and --rm contradict each other.");
        if (!toStdout)
        {
            output ??= compress ? file + Suffix
                : file!.EndsWith(Suffix, StringComparison.Ordinal) && file.Length > Suffix.Length ? file[..^Suffix.Length]
                : throw new UsageException($"FILE '{file}' does not end in {Suffix}; give the output with -o.");
            OutputFile.Check(output, "the output", force, fromStdin ? null : file);
        }
        int threads = Inputs.ParseThreads(parse.GetValue(o.Threads));

        var clock = Stopwatch.StartNew();
        XentContainerSummary summary = default!;
        long? size = fromStdin ? null : new FileInfo(file!).Length;
        // A file over 50 MB gets a progress bar of the bytes read (stderr a terminal, no --quiet); a pipe's size is unknown.
        WorkProgress.ForLargeInput($"{(compress ? "compressing" : "decompressing")} {file}", size, size ?? 0, track =>
        {
            using var opened = track(fromStdin ? session.Stdin() : new FileStream(file!, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16));
            var input = opened;
            if (choose is not null)
            {
                var first = new byte[options!.BlockSize];
                int read = opened.ReadAtLeast(first, first.Length, throwOnEndOfStream: false);
                options = choose(XentContainer.ChooseCodec(first.AsSpan(0, read)));
                if (opened.CanSeek) opened.Seek(-read, SeekOrigin.Current);
                else input = new ReadAheadStream(first.AsMemory(0, read), opened);
            }
            void Code(Stream destination)
            {
                try
                {
                    summary = compress
                        ? XentContainer.Compress(input, destination, options, session.Cancellation)
                        : XentContainer.Decompress(input, destination, threads, session.Cancellation);
                }
                catch (InvalidDataException e) when (e.Message.StartsWith(".xent", StringComparison.Ordinal))
                {
                    // The library says ".xent: truncated in block 0."; the user typed a file name (or piped stdin).
                    string name = fromStdin ? CliSession.StdinName : file!;
                    string message = e.Message.StartsWith(".xent: ", StringComparison.Ordinal) ? e.Message[".xent: ".Length..] : e.Message;
                    throw new InvalidDataException($"{name}: {message}", e);
                }
            }
            if (toStdout)
            {
                using var stdout = session.OpenStdout();
                Code(stdout);
            }
            else OutputFile.WriteStream(output!, "the output", force, Code, fromStdin ? null : file);
            return 0;
        });
        if (parse.GetValue(o.Remove) && !fromStdin && !toStdout) File.Delete(file!);

        var report = CompressionResult.From(compress ? "compress" : "decompress", fromStdin ? "-" : file!, toStdout ? "-" : output!, summary, clock.Elapsed.TotalSeconds);
        bool json = parse.GetValue(o.Json);
        // Data on standard output: the report, if asked for as JSON, goes to standard error; the text summary is left out.
        if (toStdout)
        {
            if (json) ResultOutput.Json(parse.InvocationConfiguration.Error, report);
        }
        else ResultOutput.Write(parse.InvocationConfiguration.Output, report, json, ResultText.Write);
        return 0;
    }

    /// <summary>A forward-only read of bytes already read ahead from a stream that cannot seek, then the rest of it.</summary>
    private sealed class ReadAheadStream(ReadOnlyMemory<byte> ahead, Stream rest) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (ahead.IsEmpty) return rest.Read(buffer);
            int n = Math.Min(buffer.Length, ahead.Length);
            ahead.Span[..n].CopyTo(buffer);
            ahead = ahead[n..];
            return n;
        }
    }
}
