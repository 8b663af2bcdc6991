using System.CommandLine;
using Xent.Cli.Rendering;
using Xent.Measures;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>
/// The shape shared by cross-entropy, kl and js: two distributions P and Q on the command line, a base,
/// clipping/smoothing of Q, a normalization policy, and one figure out (with the decomposition beside it).
/// </summary>
internal static class PairMeasure
{
    /// <summary>The result record of the measure's value, H(P) and the treatment of Q.</summary>
    public delegate PairMeasureResult Measure(double[] p, double[] q, LogBase logBase, MeasureOptions options);

    public static Command Create(string name, string description, Measure measure)
    {
        var p = new Argument<string>("P") { Description = "The true distribution, comma-separated: 0.5,0.4,0.1" };
        var q = new Argument<string>("Q") { Description = "The model distribution, same length as P." };
        var logBase = Inputs.Base();
        var json = Inputs.Json();
        var clip = new Option<double>("--clip") { Description = "Replace each q below EPS by EPS before taking logs (as np.clip(q, EPS, None)); default: none, q = 0 where p > 0 gives ∞." };
        var smoothing = new Option<double>("--smoothing") { Description = "Additive smoothing of Q: q_i := (q_i + α)/(Σq + nα)." };
        var normalize = new Option<bool>("--normalize") { Description = "Divide P and Q by their sums (counts or weights accepted) instead of requiring each to sum to 1." };
        var command = new Command(name, description) { p, q, logBase, clip, smoothing, normalize, json };
        command.SetAction(parse =>
        {
            var b = Inputs.ParseBase(parse.GetValue(logBase)!);
            var pv = Inputs.ParseList(parse.GetValue(p)!, "P");
            var qv = Inputs.ParseList(parse.GetValue(q)!, "Q");
            if (pv.Length != qv.Length) throw new UsageException($"P has {pv.Length} entries but Q has {qv.Length}; they must have the same length.");
            double clipAt = parse.GetValue(clip), alpha = parse.GetValue(smoothing);
            if (!(clipAt >= 0 && clipAt < 1)) throw new UsageException($"--clip {clipAt} must be in [0, 1).");
            if (!(alpha >= 0) || double.IsInfinity(alpha)) throw new UsageException($"--smoothing {alpha} must be a finite number ≥ 0.");
            var options = new MeasureOptions
            {
                Clip = clipAt,
                Smoothing = alpha,
                Normalization = parse.GetValue(normalize) ? Normalization.Renormalize : Normalization.Require,
            };
            var output = parse.InvocationConfiguration.Output;
            ResultOutput.Write(output, measure(pv, qv, b, options), parse.GetValue(json), ResultText.Write);
            return 0;
        });
        return command;
    }
}
