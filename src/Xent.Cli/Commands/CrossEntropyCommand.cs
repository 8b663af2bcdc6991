using System.CommandLine;
using Xent.Measures;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>cross-entropy: H(P,Q), the mean code length of a code built for Q used on P.</summary>
internal static class CrossEntropyCommand
{
    public static Command Create() => PairMeasure.Create(
        "cross-entropy", "Cross-entropy H(P,Q) = −Σ p log q: the mean code length when the code is built for Q and the data follow P.",
        (p, q, b, o) => Discrete.CrossEntropy(p, q, b, o),
        (value, h, o) => new CrossEntropyResult { CrossEntropy = value.Value, EntropyP = h.Value, Base = value.Base.Value, Clip = o.Clip, Smoothing = o.Smoothing });
}
