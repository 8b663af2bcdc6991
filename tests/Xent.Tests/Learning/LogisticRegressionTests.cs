using Xent.Learning;

namespace Xent.Tests.Learning;

public class LogisticRegressionTests
{
    private const double ObjectiveAgreement = 1e-8;

    /// <summary>A small data set: d features, labels from a noisy linear rule, fixed seed.</summary>
    private static (double[] X, int[] Y) Data(int n, int d, int classes, int seed)
    {
        var random = new Random(seed);
        var x = new double[n * d];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            double best = double.NegativeInfinity;
            for (int j = 0; j < d; j++) x[i * d + j] = random.NextDouble() * 4 - 2;
            for (int k = 0; k < classes; k++)
            {
                double score = 0;
                for (int j = 0; j < d; j++) score += Math.Sin(k + 3 * j) * x[i * d + j];
                score += 1.5 * (random.NextDouble() - 0.5);
                if (score > best) { best = score; y[i] = k; }
            }
        }
        return (x, y);
    }

    /// <summary>
    /// scikit-learn's objective written out naively: C·Σ CE + ½‖W‖², parameters [W rows with intercepts].
    /// For K &gt; 2 the last intercept is pinned at 0 (the optimum's value does not change: softmax ignores a common shift).
    /// </summary>
    private static double NaiveObjective(double[] phi, double[] x, int[] y, int d, int classes, double c)
    {
        int n = y.Length;
        double total = 0, penalty = 0;
        int vectors = classes == 2 ? 1 : classes;
        double W(int k, int j) => phi[k * (d + 1) + j];
        double B(int k) => classes > 2 && k == classes - 1 ? 0 : phi[k * (d + 1) + d];
        for (int k = 0; k < vectors; k++)
            for (int j = 0; j < d; j++) penalty += 0.5 * W(k, j) * W(k, j);
        for (int i = 0; i < n; i++)
        {
            var z = new double[vectors];
            for (int k = 0; k < vectors; k++)
            {
                z[k] = B(k);
                for (int j = 0; j < d; j++) z[k] += W(k, j) * x[i * d + j];
            }
            if (classes == 2) total += Math.Log(1 + Math.Exp(z[0])) - y[i] * z[0];
            else total += Reference.ReferenceLosses.LogSumExp(z) - z[y[i]];
        }
        return c * total + penalty;
    }

    /// <summary>An independent optimizer: Newton's method with the Hessian from finite differences of the objective, run to convergence.</summary>
    private static double ReferenceOptimum(double[] x, int[] y, int d, int classes, double c)
    {
        int vectors = classes == 2 ? 1 : classes;
        int m = vectors * (d + 1) - (classes > 2 ? 1 : 0);
        var phi = new double[vectors * (d + 1)];
        int[] free = Enumerable.Range(0, phi.Length).Where(i => !(classes > 2 && i == phi.Length - 1)).ToArray();
        double F(double[] p) => NaiveObjective(p, x, y, d, classes, c);
        const double h = 1e-4;
        for (int iteration = 0; iteration < 60; iteration++)
        {
            var g = new double[m];
            var hess = new double[m, m];
            for (int a = 0; a < m; a++)
            {
                g[a] = Reference.ReferenceLosses.Derivative(F, phi, free[a], h);
                for (int b = 0; b < m; b++)
                {
                    double Shifted(int sa, int sb)
                    {
                        var p = (double[])phi.Clone();
                        p[free[a]] += sa * h;
                        p[free[b]] += sb * h;
                        return F(p);
                    }
                    hess[a, b] = (Shifted(1, 1) - Shifted(1, -1) - Shifted(-1, 1) + Shifted(-1, -1)) / (4 * h * h);
                }
            }
            var step = Solve(hess, g);
            double f0 = F(phi), t = 1;
            while (t > 1e-12)
            {
                var trial = (double[])phi.Clone();
                for (int a = 0; a < m; a++) trial[free[a]] -= t * step[a];
                if (F(trial) <= f0) { phi = trial; break; }
                t /= 2;
            }
        }
        return F(phi);
    }

    private static double[] Solve(double[,] a, double[] b)
    {
        int n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col])) pivot = r;
            for (int k = 0; k < n; k++) (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
            (v[col], v[pivot]) = (v[pivot], v[col]);
            for (int r = col + 1; r < n; r++)
            {
                double f = m[r, col] / m[col, col];
                for (int k = col; k < n; k++) m[r, k] -= f * m[col, k];
                v[r] -= f * v[col];
            }
        }
        var x = new double[n];
        for (int r = n - 1; r >= 0; r--)
        {
            double s = v[r];
            for (int k = r + 1; k < n; k++) s -= m[r, k] * x[k];
            x[r] = s / m[r, r];
        }
        return x;
    }

    [Theory]
    [InlineData(2, 0.7)]
    [InlineData(3, 1.0)]
    [InlineData(4, 5.0)]
    public void ReachesTheOptimumOfAnIndependentNewtonSolver(int classes, double c)
    {
        const int d = 2;
        var (x, y) = Data(40, d, classes, seed: classes);
        var model = LogisticRegression.Fit(x, d, y, classes, new() { C = c });
        var training = model.Training!.Value;
        Assert.True(training.Converged, training.ToString());
        Assert.True(training.GradientNorm <= 1e-9);
        double reference = ReferenceOptimum(x, y, d, classes, c);
        Assert.True(Math.Abs(training.Value - reference) <= ObjectiveAgreement * reference, $"L-BFGS {training.Value:R}, Newton {reference:R}");

        // The reported objective is the naive one at the fitted parameters (intercepts shifted so the last is 0).
        int vectors = classes == 2 ? 1 : classes;
        var phi = new double[vectors * (d + 1)];
        double shift = classes > 2 ? model.Intercepts[^1] : 0;
        for (int k = 0; k < vectors; k++)
        {
            model.Coefficients[k].CopyTo(phi, k * (d + 1));
            phi[k * (d + 1) + d] = model.Intercepts[k] - shift;
        }
        Assert.Equal(training.Value, NaiveObjective(phi, x, y, d, classes, c), 1e-9 * training.Value);
    }

    [Theory]
    [InlineData(2, 1e-4)]
    [InlineData(3, 1e-4)]
    [InlineData(3, 1e-8)]
    public void SklearnToleranceStopsOnTheScaledGradientOrTheRelativeDecrease(int classes, double tol)
    {
        const int d = 3;
        const double c = 0.5;
        var (x, y) = Data(80, d, classes, seed: 5);
        var weights = new double[80];
        for (int i = 0; i < weights.Length; i++) weights[i] = 0.5 + i % 3; // Σw = 119.5 ≠ n: the scale uses Σw, not n
        double sw = weights.Sum();
        var exact = LogisticRegression.Fit(x, d, y, classes, new() { C = c }, sampleWeights: weights).Training!.Value;
        var model = LogisticRegression.Fit(x, d, y, classes, new() { C = c, Tolerance = tol }, sampleWeights: weights);
        var t = model.Training!.Value;
        Assert.True(t.Converged, t.ToString());
        // Reported unscaled: the objective is C·Σ sᵢ CEᵢ + ½‖W‖², never below its minimum.
        Assert.True(t.Value >= exact.Value * (1 - 1e-12), $"{t.Value:R} < optimum {exact.Value:R}");
        // scikit-learn's rule, on the objective divided by C·Σw: ‖∇‖∞ ≤ tol, or the last step's relative decrease ≤ 64ε
        // (then the point is within rounding of the optimum: its value agrees with the exact fit's to 1e-9 relative).
        double scaledGradient = t.GradientNorm / (c * sw);
        Assert.True(scaledGradient <= tol || Math.Abs(t.Value - exact.Value) <= 1e-9 * exact.Value,
            $"scaled ‖∇‖∞ {scaledGradient:R} > tol {tol}, value {t.Value:R} vs {exact.Value:R}");
        Assert.True(t.Iterations <= exact.Iterations, $"{t.Iterations} > {exact.Iterations}");
        if (tol <= 1e-8) Assert.True(Math.Abs(t.Value - exact.Value) <= 1e-6 * exact.Value);
    }

    [Fact]
    public void SklearnToleranceMustBePositive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LogisticRegression.Fit([0.0, 1, 2, 3], 1, [0, 0, 1, 1], 2, new() { Tolerance = 0 }));

    [Fact]
    public void ProbabilitiesSumToOneAndSurviveJson()
    {
        var (x, y) = Data(60, 3, 3, seed: 11);
        var model = LogisticRegression.Fit(x, 3, y, 3, new() { Standardize = true, C = 2 }, ["a", "b", "c"], ["u", "v", "w"]);
        var p = new double[60 * 3];
        model.PredictProbabilities(x, p);
        for (int i = 0; i < 60; i++) Assert.Equal(1, p[i * 3] + p[i * 3 + 1] + p[i * 3 + 2], 1e-14);
        var loaded = LogisticRegressionModel.FromJson(model.ToJson());
        var q = new double[p.Length];
        loaded.PredictProbabilities(x, q);
        Assert.Equal(p, q);
        Assert.Equal(["a", "b", "c"], loaded.ClassNames);
        Assert.Equal(model.Training, loaded.Training);
    }

    [Fact]
    public void StandardizationMatchesFittingStandardizedColumns()
    {
        // With standardization the model is the one fitted on z-scored columns, applied to raw inputs.
        var (x, y) = Data(50, 2, 2, seed: 4);
        for (int i = 0; i < 50; i++) x[i * 2] = 100 + 30 * x[i * 2];
        var standardized = LogisticRegression.Fit(x, 2, y, 2, new() { Standardize = true });
        var z = (double[])x.Clone();
        for (int j = 0; j < 2; j++)
            for (int i = 0; i < 50; i++) z[i * 2 + j] = (x[i * 2 + j] - standardized.Means![j]) / standardized.Scales![j];
        var plain = LogisticRegression.Fit(z, 2, y, 2);
        var p1 = new double[100];
        var p2 = new double[100];
        standardized.PredictProbabilities(x, p1);
        plain.PredictProbabilities(z, p2);
        for (int k = 0; k < 100; k++) Assert.Equal(p2[k], p1[k], 1e-9);
    }

    [Fact]
    public void RejectsBadInputAndBadModels()
    {
        Assert.Contains("labels[1] = 2", Assert.Throws<ArgumentException>(() => LogisticRegression.Fit([0.0, 1.0], 1, [0, 2], 2)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => LogisticRegression.Fit([0.0, 1.0], 1, [0, 1], 2, new() { C = 0 }));
        Assert.Throws<InvalidDataException>(() => LogisticRegressionModel.FromJson("{\"format\":\"other\"}"));
        Assert.Throws<InvalidDataException>(() => LogisticRegressionModel.FromJson("not json"));
    }
}
