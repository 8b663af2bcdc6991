// Fit a logistic regression (cross-entropy + L2, scikit-learn's C) to string labels and report the training log loss.
// Run: dotnet run examples/logistic-regression.cs
#:project ../src/Xent/Xent.csproj
using Xent.Learning;

// Two features, three classes on a line: x1 + x2 decides the class.
var random = new Random(7);
int n = 300, d = 2;
var x = new double[n * d];
var labels = new string[n];
for (int i = 0; i < n; i++)
{
    double a = random.NextDouble() * 6 - 3, b = random.NextDouble() * 6 - 3;
    x[i * d] = a; x[i * d + 1] = b;
    labels[i] = a + b < -1 ? "low" : a + b < 1 ? "mid" : "high";
}
var model = LogisticRegression.Fit<string>(x, d, labels, new LogisticRegressionOptions { C = 1, Tolerance = 1e-4 });
var probabilities = new double[n * model.Classes];
model.PredictProbabilities(x, probabilities);
double logLoss = 0;
for (int i = 0; i < n; i++) logLoss -= Math.Log(probabilities[i * model.Classes + Array.IndexOf(model.ClassNames.ToArray(), labels[i])]);
Console.WriteLine($"classes: {string.Join(", ", model.ClassNames)}");
Console.WriteLine($"L-BFGS iterations: {model.Training!.Value.Iterations}, converged: {model.Training!.Value.Converged}");
Console.WriteLine($"training log loss = {logLoss / n:F4} nats");
