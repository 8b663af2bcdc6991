using System.CommandLine;
using System.Globalization;
using Xent.Cli.Data;
using Xent.Cli.Rendering;
using Xent.Data;
using Xent.Estimation;
using Xent.Measures;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>
/// entropy: H(P) of a distribution given on the command line, or an entropy estimate from data: counts (--counts),
/// the bytes of a file (--file) or a column of a CSV table (--csv, --column), with a choice of estimator and a bootstrap interval.
/// </summary>
internal static class EntropyCommand
{
    private static readonly (string Name, EntropyEstimator Estimator)[] Estimators =
    [
        ("plugin", EntropyEstimator.PlugIn),
        ("miller-madow", EntropyEstimator.MillerMadow),
        ("laplace", EntropyEstimator.Laplace),
        ("jeffreys", EntropyEstimator.Jeffreys),
        ("james-stein", EntropyEstimator.JamesStein),
        ("chao-shen", EntropyEstimator.ChaoShen),
        ("grassberger", EntropyEstimator.Grassberger),
    ];

    public static Command Create()
    {
        var p = new Argument<string?>("P") { Description = "Probabilities, comma-separated: 0.5,0.4,0.1 (or counts with --counts).", Arity = ArgumentArity.ZeroOrOne };
        var counts = new Option<bool>("--counts") { Description = "P is a list of counts (non-negative integers): estimate the entropy of their distribution." };
        var file = new Option<string?>("--file") { Description = "The byte distribution of a file (- for stdin): its order-0 entropy (bits per byte by default), read streaming." };
        var csv = new Option<string?>("--csv") { Description = "A CSV file with a header row (- for stdin), or a Parquet file; use with --column." };
        var parquet = new Option<string?>("--parquet") { Description = "A Parquet file; use with --column." };
        var column = new Option<string?>("--column") { Description = "The column (of --csv, --parquet or --sql) whose values (as categories) are counted." };
        var estimator = new Option<string?>("--estimator") { Description = "For counts, --file and --csv: " + string.Join(", ", Estimators.Select(e => e.Name)) + " (default plugin)." };
        var alphabetSize = new Option<int?>("--alphabet-size") { Description = "Declared alphabet size K ≥ the distinct symbols seen (default: the list length, 256 for --file, the distinct values for --csv)." };
        var ci = new Option<double?>("--ci") { Description = "Also print a percentile bootstrap confidence interval at this level, e.g. 0.95." };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap resamples for --ci (default 1000).", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int?>("--seed") { Description = "Random seed for --ci, for a reproducible interval." };
        var threads = Inputs.Threads("Threads counting --file", -1);
        var normalize = new Option<bool>("--normalize") { Description = "Divide P by its sum instead of requiring it to sum to 1." };
        var logBase = Inputs.Base();
        var json = Inputs.Json();
        var command = new Command("entropy", "Shannon entropy H(P) = −Σ p log p, or an entropy estimate from counts, a file's bytes or a CSV column.")
        {
            p, counts, file, csv, parquet, column, estimator, alphabetSize, ci, bootstrap, seed, threads, normalize, logBase, json,
        };
        Limits.AddTo(command);
        TableInput.AddDelimiter(command);
        TableInput.AddSources(command);
        var skip = LossInputs.SkipBadRows();
        command.Options.Add(skip);
        command.SetAction(parse =>
        {
            var b = Inputs.ParseBase(parse.GetValue(logBase)!);
            string? list = parse.GetValue(p), filePath = parse.GetValue(file), csvPath = parse.GetValue(csv) ?? parse.GetValue(parquet),
                columnName = parse.GetValue(column);
            bool sql = parse.GetValue<string?>(TableInput.SqlOption) is not null;
            if (parse.GetValue(csv) is not null && parse.GetValue(parquet) is not null) throw new UsageException("give --csv or --parquet, not both.");
            if ((list is null ? 0 : 1) + (filePath is null ? 0 : 1) + (csvPath is null ? 0 : 1) + (sql ? 1 : 0) != 1)
                throw new UsageException("give exactly one input: P, --file F, --csv F --column C, --parquet F --column C or --sql Q --column C.");
            if ((csvPath is null && !sql) != (columnName is null)) throw new UsageException("--csv F and --column C go together (as do --parquet F or --sql Q and --column C).");
            var output = parse.InvocationConfiguration.Output;

            bool fromData = parse.GetValue(counts) || filePath is not null || csvPath is not null || sql;
            if (!fromData)
            {
                if (parse.GetValue(estimator) is not null || parse.GetValue(alphabetSize) is not null || parse.GetValue(ci) is not null)
                    throw new UsageException("--estimator, --alphabet-size and --ci apply to data: --counts, --file or --csv.");
                var options = parse.GetValue(normalize) ? new MeasureOptions { Normalization = Normalization.Renormalize } : null;
                var h = Discrete.Entropy(Inputs.ParseList(list!, "P"), b, options);
                ResultOutput.Write(output, EntropyResult.OfDistribution(h), parse.GetValue(json), ResultText.Write);
                return 0;
            }

            var (name, method) = ParseEstimator(parse.GetValue(estimator));
            int threadCount = Inputs.ParseThreads(parse.GetValue(threads)), resamples = parse.GetValue(bootstrap);
            if (parse.GetValue(alphabetSize) is int declared && declared < 1) throw new UsageException($"--alphabet-size {declared} must be ≥ 1.");
            if (parse.GetValue(ci) is double wanted && !(wanted > 0 && wanted < 1)) throw new UsageException($"--ci {wanted} must be a confidence level in (0, 1), e.g. 0.95.");
            if (resamples < 2) throw new UsageException($"--bootstrap {resamples} must be ≥ 2 resamples.");
            var cancellation = CliSession.Current.Cancellation;
            TableCounts? columnCounts = columnName is null ? null
                : TableInput.Count(parse, csvPath, "--csv/--parquet", [columnName], TableInput.Policy(parse.GetValue(skip)));
            long[] observed = filePath is not null ? FileCounts(filePath, threadCount, cancellation)
                : columnCounts is not null ? columnCounts.Table.Counts.ToArray()
                : ParseCounts(list!);
            int? k = parse.GetValue(alphabetSize);
            long n = observed.Sum();
            int distinct = observed.Count(c => c > 0);
            if (filePath is not null && n == 0)
                throw new UsageException(InputFile.IsStdin(filePath) ? "--file -: standard input is empty: no bytes to count." : $"--file '{filePath}' is empty: no bytes to count.");
            if (k < distinct) throw new UsageException($"--alphabet-size {k} is smaller than the {distinct} distinct symbols observed.");
            if (parse.GetValue(ci) is not null)
            {
                // One estimate (8 bytes) per resample, kept for the percentiles; each resample draws every category (≥ 10 ns each).
                Limits.Memory(parse, 8.0 * resamples + 16.0 * observed.Length, $"--bootstrap {resamples}");
                Limits.Time(parse, resamples * (observed.Length + 1) * 1e-8, $"--bootstrap {resamples} over {observed.Length} categories");
            }
            BootstrapInterval? interval = parse.GetValue(ci) is double level
                ? WorkProgress.Run("bootstrap", resamples, done =>
                    EntropyEstimators.Bootstrap(observed, method, level, resamples, parse.GetValue(seed), k, b, cancellation, n => done(n)), "resamples")
                : null;
            var estimate = interval?.Estimate ?? EntropyEstimators.Estimate(method, observed, k, b);

            var result = EntropyResult.OfEstimate(estimate, n, distinct, name, interval);
            if (columnCounts is not null) result = result with { Columns = TableInput.Report(columnCounts) };
            ResultOutput.Write(output, result, parse.GetValue(json), ResultText.Write);
            return 0;
        });
        return command;
    }

    private static (string Name, EntropyEstimator Estimator) ParseEstimator(string? text)
    {
        if (text is null) return Estimators[0];
        foreach (var entry in Estimators)
            if (string.Equals(entry.Name, text.Trim(), StringComparison.OrdinalIgnoreCase)) return entry;
        throw new UsageException($"--estimator '{text}' is not one of: {string.Join(", ", Estimators.Select(e => e.Name))}.");
    }

    /// <summary>
    /// Parses "3,0,2" strictly: every item a non-negative integer, and their total a count too. Items are read exactly
    /// (as decimals, so "9007199254740993" is not rounded to a double's 9007199254740992, and "1e18" is 10^18).
    /// </summary>
    private static long[] ParseCounts(string text)
    {
        Inputs.ParseList(text, "P"); // the same "is empty" / "is not a number" messages as every list
        var parts = text.Split(',');
        var counts = new long[parts.Length];
        long total = 0;
        for (int i = 0; i < parts.Length; i++)
        {
            string item = parts[i].Trim();
            if (!long.TryParse(item, NumberStyles.Integer, CultureInfo.InvariantCulture, out counts[i]))
            {
                bool exact = decimal.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d)
                    && d == decimal.Truncate(d) && d >= 0 && d <= long.MaxValue;
                if (!exact)
                    throw new UsageException($"P: item {i + 1} '{item}' is not a count (a whole number from 0 to {long.MaxValue}).");
                counts[i] = (long)d;
            }
            if (counts[i] < 0) throw new UsageException($"P: item {i + 1} '{item}' is not a count (a whole number from 0 to {long.MaxValue}).");
            if (long.MaxValue - total < counts[i]) throw new UsageException($"P: the counts up to item {i + 1} sum to more than {long.MaxValue}.");
            total += counts[i];
        }
        return counts;
    }

    /// <summary>
    /// The byte counts of <c>--file</c>: a regular file is counted in parallel (<see cref="DenseCounts.OfFile"/>); standard
    /// input (<c>-</c>), a pipe or a device is streamed with the bytes read so far on the progress line. Opening a FIFO
    /// waits for a writer, as <c>cat</c> does; Ctrl-C stops the wait.
    /// </summary>
    private static long[] FileCounts(string path, int threads, CancellationToken cancellation)
    {
        if (InputFile.IsStdin(path)) return StreamCounts(CliSession.Current.Stdin(), CliSession.StdinName, cancellation);
        InputFile.Check(path, "--file");
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        // A pipe, or a device that seeks but has no length (/dev/zero, /dev/urandom, a /proc file): read it as a stream, to its
        // end or until Ctrl-C, as cat does. (An empty regular file reads as empty the same way.)
        if (!stream.CanSeek || stream.Length == 0) return StreamCounts(stream, path, cancellation);
        long length = stream.Length;
        stream.Dispose();
        return WorkProgress.Run($"counting the bytes of {path}", length, done => DenseCounts.OfFile(path, threads, cancellation, done)).Counts.ToArray();
    }

    private static long[] StreamCounts(Stream stream, string name, CancellationToken cancellation) =>
        WorkProgress.Run($"reading {name}", null, progress =>
        {
            using var counted = new ProgressStream(stream, progress);
            var counts = DenseCounts.ForBytes();
            counts.AddStream(counted, cancellation);
            return counts.Counts.ToArray();
        });
}
