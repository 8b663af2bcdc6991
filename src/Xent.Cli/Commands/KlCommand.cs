using System.CommandLine;
using Xent.Measures;

namespace Xent.Cli.Commands;

/// <summary>kl: D(P‖Q), the extra length paid for coding P with a code built for Q.</summary>
internal static class KlCommand
{
    public static Command Create() => PairMeasure.Create(
        "kl", "Kullback–Leibler divergence D(P‖Q) = Σ p log(p/q) = H(P,Q) − H(P) ≥ 0.",
        "kl_divergence", "D(P‖Q)", (p, q, b, o) => Discrete.KlDivergence(p, q, b, o));
}
