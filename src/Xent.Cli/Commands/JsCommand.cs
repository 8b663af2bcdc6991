using System.CommandLine;
using Xent.Reports;

namespace Xent.Cli.Commands;

/// <summary>js: the Jensen–Shannon divergence, symmetric and at most 1 bit.</summary>
internal static class JsCommand
{
    public static Command Create() => PairMeasure.Create(
        "js", "Jensen–Shannon divergence ½D(P‖M) + ½D(Q‖M), M = ½(P+Q): symmetric, 0 ≤ JS ≤ 1 bit. Its square root is a metric.",
        (p, q, b, o) => JsDivergenceResult.Of(p, q, b, o));
}
