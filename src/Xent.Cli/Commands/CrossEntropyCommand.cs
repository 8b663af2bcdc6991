using System.CommandLine;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>cross-entropy: H(P,Q), the mean code length of a code built for Q used on P.</summary>
internal static class CrossEntropyCommand
{
    public static Command Create() => PairMeasure.Create(
        "cross-entropy", "Cross-entropy H(P,Q) = −Σ p log q: the mean code length when the code is built for Q and the data follow P.",
        (p, q, b, o) => CrossEntropyResult.Of(p, q, b, o));
}
