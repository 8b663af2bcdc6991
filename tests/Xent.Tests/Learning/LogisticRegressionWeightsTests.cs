using System.Globalization;
using Xent.Learning;

namespace Xent.Tests.Learning;

/// <summary>
/// String labels, sample weights and class weights against scikit-learn 1.2.1 (Debian's python3-sklearn) on data/iris.csv.
/// The expected figures were printed by this script (the "direct" lines minimize the same objective with scipy's BFGS to
/// ‖∇‖∞ ≈ 1e-8, because scikit-learn's own lbfgs stops at ftol = 64ε, about 1e-4 short in the coefficients):
/// <code>
/// import numpy as np; from scipy.optimize import minimize; from sklearn.linear_model import LogisticRegression
/// d = np.genfromtxt("data/iris.csv", delimiter=",", skip_header=1, usecols=(0,1,2,3))
/// y = np.genfromtxt("data/iris.csv", delimiter=",", skip_header=1, usecols=(4,), dtype=str)
/// # A: rows 0..119 (50/50/20), sample weights 1 + (i % 4)/4, class_weight='balanced', C = 1
/// X, Y = d[:120], y[:120]; s = 1 + (np.arange(120) % 4) * 0.25
/// m = LogisticRegression(C=1.0, class_weight="balanced", tol=1e-12, max_iter=100000).fit(X, Y, sample_weight=s)
/// cw = {"setosa": 120/150, "versicolor": 120/150, "virginica": 120/60}; s = s * np.array([cw[v] for v in Y])
/// # sklearn objective: C * sum(s * CE) + 0.5 * sum(m.coef_**2) at m.coef_, m.intercept_  -> 29.31816575362032
/// # direct: minimize the same objective (softmax CE) with method="BFGS", gtol=1e-11 from zeros -> r.x, r.fun
/// # B: rows 50..129 (versicolor 50 / virginica 30), sample weights 0.5 + (i % 3), class_weight={'versicolor': 2}, C = 0.5
/// # sklearn objective 20.4841642397659; direct as above with the binary (sigmoid) CE
/// </code>
/// </summary>
public class LogisticRegressionWeightsTests
{
    private static (double[] X, string[] Y) Iris(int from, int count)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "data", "iris.csv"))) dir = dir.Parent;
        var lines = File.ReadAllLines(Path.Combine(dir!.FullName, "data", "iris.csv")).Skip(1 + from).Take(count).ToArray();
        var x = new double[count * 4];
        var y = new string[count];
        for (int i = 0; i < count; i++)
        {
            var cells = lines[i].Split(',');
            for (int j = 0; j < 4; j++) x[i * 4 + j] = double.Parse(cells[j], CultureInfo.InvariantCulture);
            y[i] = cells[4];
        }
        return (x, y);
    }

    [Fact]
    public void MultinomialWithSampleAndBalancedClassWeightsMatchesScikitLearn()
    {
        var (x, y) = Iris(0, 120);
        var s = Enumerable.Range(0, 120).Select(i => 1 + (i % 4) * 0.25).ToArray();
        var options = new LogisticRegressionOptions { C = 1, BalanceClassWeights = true };
        var model = LogisticRegression.Fit<string>(x, 4, y, options, s);

        Assert.Equal(["setosa", "versicolor", "virginica"], model.ClassNames);
        double[] direct =
        [
            -0.37473826800181514, 1.0784684297975624, -2.600895420121484, -1.1127660015069878,
            0.7204702169838268, -0.06690449227521857, -0.2426435976282591, -0.9415530887028248,
            -0.34573194898205756, -1.0115639375223657, 2.843539017749716, 2.0543190902098067,
        ];
        double[] directIntercepts = [9.57231179644273, 0.668050880006486, -10.24036267644815];
        for (int k = 0; k < 3; k++)
        {
            for (int j = 0; j < 4; j++) Assert.Equal(direct[k * 4 + j], model.Coefficients[k][j], 1e-6);
            Assert.Equal(directIntercepts[k], model.Intercepts[k], 1e-5);
        }
        double objective = model.Training!.Value.Value;
        Assert.Equal(29.318165338446786, objective, 1e-9);
        // scikit-learn's own fit stops slightly higher on the same objective.
        Assert.InRange(29.31816575362032 - objective, 0, 1e-6);
    }

    [Fact]
    public void BinaryWithSampleAndExplicitClassWeightsMatchesScikitLearn()
    {
        var (x, y) = Iris(50, 80);
        var s = Enumerable.Range(0, 80).Select(i => 0.5 + i % 3).ToArray();
        var options = new LogisticRegressionOptions { C = 0.5, ClassWeights = new Dictionary<string, double> { ["versicolor"] = 2 } };
        var model = LogisticRegression.Fit<string>(x, 4, y, options, s);

        Assert.Equal(["versicolor", "virginica"], model.ClassNames);
        double[] direct = [-0.438240714053718, -0.5346100522554105, 2.6132250869868594, 2.284392239213718];
        for (int j = 0; j < 4; j++) Assert.Equal(direct[j], model.Coefficients[0][j], 1e-6);
        Assert.Equal(-13.15947159722276, model.Intercepts[0], 1e-5);
        Assert.Equal(20.484164234456777, model.Training!.Value.Value, 1e-9);
        Assert.InRange(20.4841642397659 - model.Training!.Value.Value, 0, 1e-6);
    }

    [Fact]
    public void IntegerWeightsEqualRepeatedSamples()
    {
        var (x, y) = Iris(0, 150);
        var s = Enumerable.Range(0, 150).Select(i => (double)(1 + i % 3)).ToArray();
        var repeatedX = new List<double>();
        var repeatedY = new List<string>();
        for (int i = 0; i < 150; i++)
            for (int r = 0; r < (int)s[i]; r++)
            {
                repeatedX.AddRange(x.AsSpan(i * 4, 4).ToArray());
                repeatedY.Add(y[i]);
            }
        var weighted = LogisticRegression.Fit<string>(x, 4, y, null, s);
        var repeated = LogisticRegression.Fit<string>(repeatedX.ToArray(), 4, repeatedY.ToArray());
        for (int k = 0; k < 3; k++)
            for (int j = 0; j < 4; j++) Assert.Equal(repeated.Coefficients[k][j], weighted.Coefficients[k][j], 1e-6);
        Assert.Equal(repeated.Training!.Value.Value, weighted.Training!.Value.Value, 1e-8);
    }

    [Fact]
    public void PredictAndLogProbabilitiesAgreeWithProbabilities()
    {
        var (x, y) = Iris(0, 150);
        foreach (var model in new[] { LogisticRegression.Fit<string>(x, 4, y), LogisticRegression.Fit<string>(x[200..], 4, y[50..]) })
        {
            int n = x.Length / 4, k = model.Classes;
            var features = k == 2 ? x[200..] : x;
            n = features.Length / 4;
            var p = new double[n * k];
            var logP = new double[n * k];
            var predicted = new int[n];
            model.PredictProbabilities(features, p);
            model.PredictLogProbabilities(features, logP);
            model.Predict(features, predicted);
            var names = model.PredictClassNames(features);
            for (int i = 0; i < n; i++)
            {
                int argmax = 0;
                for (int c = 0; c < k; c++)
                {
                    Assert.Equal(Math.Log(p[i * k + c]), logP[i * k + c], 1e-9);
                    if (p[i * k + c] > p[i * k + argmax]) argmax = c;
                }
                Assert.Equal(argmax, predicted[i]);
                Assert.Equal(model.ClassNames[argmax], names[i]);
            }
        }
    }

    [Fact]
    public void LogProbabilitiesStayFiniteWherProbabilitiesUnderflow()
    {
        var model = new LogisticRegressionModel
        {
            ClassNames = ["a", "b", "c"], FeatureNames = ["x"], Coefficients = [[1000], [0], [-1000]], Intercepts = [0, 0, 0],
        };
        var logP = new double[3];
        model.PredictLogProbabilities([2.0], logP);
        Assert.Equal([0.0, -2000.0, -4000.0], logP);
        var binary = new LogisticRegressionModel { ClassNames = ["no", "yes"], FeatureNames = ["x"], Coefficients = [[1]], Intercepts = [0] };
        var two = new double[2];
        binary.PredictLogProbabilities([-800.0], two);
        Assert.Equal(0.0, two[0]);
        Assert.Equal(-800.0, two[1]);
    }

    [Fact]
    public void LabelsOfAnyTypeAreSortedAsScikitLearnDoes()
    {
        var (x, _) = Iris(0, 150);
        var y = Enumerable.Range(0, 150).Select(i => i < 50 ? 10 : i < 100 ? 2 : 7).ToArray();
        var model = LogisticRegression.Fit<int>(x, 4, y);
        Assert.Equal(["2", "7", "10"], model.ClassNames);
    }

    [Fact]
    public void RejectsBadWeightsAndLabels()
    {
        var (x, y) = Iris(0, 150);
        var e = Assert.Throws<ArgumentException>(() => LogisticRegression.Fit<string>(x, 4, y, null, new double[150].Select((v, i) => i == 3 ? -1.0 : 1.0).ToArray()));
        Assert.Contains("sampleWeights[3] = -1", e.Message);
        Assert.Throws<ArgumentException>(() => LogisticRegression.Fit<string>(x, 4, y, null, new double[149]));
        e = Assert.Throws<ArgumentException>(() => LogisticRegression.Fit<string>(x, 4, y,
            new LogisticRegressionOptions { ClassWeights = new Dictionary<string, double> { ["rose"] = 1 } }));
        Assert.Contains("'rose'", e.Message);
        Assert.Throws<ArgumentException>(() => LogisticRegression.Fit<string>(x, 4, y,
            new LogisticRegressionOptions { BalanceClassWeights = true, ClassWeights = new Dictionary<string, double>() }));
        e = Assert.Throws<ArgumentException>(() => LogisticRegression.Fit<string>(x[..200], 4, y[..50]));
        Assert.Contains("at least two", e.Message);
    }
}
