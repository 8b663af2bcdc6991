using Xent.Fuzz;

namespace Xent.Tests.Coding;

/// <summary>A short, seeded run of the fuzzer's core loop (bench/fuzz) over every decoder: no crash, no wrong round trip.</summary>
public class FuzzerTests
{
    [Fact]
    public void EveryTargetSurvivesAShortSeededRun()
    {
        Assert.Equal(["huffman", "rans", "adaptive", "cm", "container"], Fuzzer.Targets.Select(t => t.Name));
        foreach (var target in Fuzzer.Targets)
        {
            // CM models a bit at a time through large tables: fewer executions keep the run to seconds.
            int iterations = target.Name == "cm" ? 300 : 3000;
            var (executions, findings) = Fuzzer.Run(target, seed: 20261202, iterations: iterations);
            Assert.Equal(iterations, executions);
            Assert.True(findings.Count == 0, string.Join("\n", findings.Take(5).Select(f => $"{f.Target} {f.Mutation}: {f.What}")));
        }
    }

    [Fact]
    public void MutationsChangeTheInput()
    {
        var rng = new Random(5);
        var input = Fuzzer.Targets.First(t => t.Name == "container").Encode(Fuzzer.Message(rng), rng);
        int changed = 0;
        for (int i = 0; i < 200; i++)
        {
            var (mutated, mutation) = Fuzzer.Mutate(input, input, rng);
            if (mutation != "none" && !mutated.AsSpan().SequenceEqual(input)) changed++;
        }
        Assert.True(changed > 100, $"{changed} of 200 mutations changed the input");
    }
}
