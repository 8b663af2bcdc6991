using System.CommandLine;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>kl: D(P‖Q), the extra length paid for coding P with a code built for Q.</summary>
internal static class KlCommand
{
    public static Command Create() => PairMeasure.Create(
        "kl", "Kullback–Leibler divergence D(P‖Q) = Σ p log(p/q) = H(P,Q) − H(P) ≥ 0.",
        (p, q, b, o) => KlDivergenceResult.Of(p, q, b, o));
}
