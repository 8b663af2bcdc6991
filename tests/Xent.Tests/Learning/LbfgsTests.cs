using Xent.Learning;

namespace Xent.Tests.Learning;

public class LbfgsTests
{
    [Fact]
    public void MinimizesRosenbrock()
    {
        double[] x = [-1.2, 1];
        var result = Lbfgs.Minimize((p, g) =>
        {
            double a = 1 - p[0], b = p[1] - p[0] * p[0];
            g[0] = -2 * a - 400 * p[0] * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        }, x, 1e-10);
        Assert.True(result.Converged);
        Assert.True(result.GradientNorm <= 1e-10);
        Assert.Equal(1, x[0], 1e-9);
        Assert.Equal(1, x[1], 1e-9);
        Assert.True(result.Iterations < 100, $"{result.Iterations} iterations");
    }

    [Fact]
    public void QuadraticInTenDimensions()
    {
        var x = new double[10];
        var result = Lbfgs.Minimize((p, g) =>
        {
            double f = 0;
            for (int i = 0; i < p.Length; i++)
            {
                double scale = i + 1, d = p[i] - i;
                f += 0.5 * scale * d * d;
                g[i] = scale * d;
            }
            return f;
        }, x, 1e-12);
        Assert.True(result.Converged);
        for (int i = 0; i < 10; i++) Assert.Equal(i, x[i], 1e-11);
    }

    [Fact]
    public void StartAtTheMinimumTakesNoStep()
    {
        double[] x = [3];
        var result = Lbfgs.Minimize((p, g) => { g[0] = 2 * (p[0] - 3); return (p[0] - 3) * (p[0] - 3); }, x);
        Assert.Equal(0, result.Iterations);
        Assert.True(result.Converged);
    }

    [Fact]
    public void FunctionToleranceStopsWhenTheRelativeDecreaseIsSmall()
    {
        // f(x) = Σ (i+1)(x_i − 1)⁴ decreases ever more slowly: the gradient test at 1e-30 never stops it, the ftol test does.
        var x = new double[4];
        double[] values = new double[2];
        Objective f = (p, g) =>
        {
            double sum = 0;
            for (int i = 0; i < p.Length; i++)
            {
                double d = p[i] - 1;
                sum += (i + 1) * d * d * d * d;
                g[i] = 4 * (i + 1) * d * d * d;
            }
            return sum;
        };
        var loose = Lbfgs.Minimize(f, x, gradientTolerance: 1e-30, maxIterations: 10_000, functionTolerance: 1e-3);
        Assert.True(loose.Converged);
        Assert.True(loose.GradientNorm > 1e-30);
        var y = new double[4];
        var tight = Lbfgs.Minimize(f, y, gradientTolerance: 1e-30, maxIterations: 10_000, functionTolerance: 1e-12);
        Assert.True(tight.Iterations > loose.Iterations, $"{tight.Iterations} vs {loose.Iterations}");
        Assert.True(tight.Value <= loose.Value);
        // Stopping at ftol means the last iteration decreased f by ≤ ftol·max(|f|, 1) = ftol here (f < 1): one more
        // iteration from the returned point still cannot decrease f by much more than that relative to where it started.
        Assert.True(loose.Value < f(new double[4], new double[4]));
    }

    [Fact]
    public void RejectsANegativeFunctionTolerance() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Lbfgs.Minimize((p, g) => { g[0] = p[0]; return p[0] * p[0] / 2; }, new double[] { 1 }, functionTolerance: -1));
}
