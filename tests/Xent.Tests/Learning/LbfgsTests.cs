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
}
