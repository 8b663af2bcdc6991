// Publishes with PublishAot=true (or PublishTrimmed=true) and exercises the library's reflection-sensitive paths:
// the model's JSON, the count table's JSON with tuple symbols, and a few measures. Exit code 0 = every check held.
using Xent;
using Xent.Estimation;
using Xent.Learning;
using Xent.Measures;

int failures = 0;
void Check(bool ok, string what)
{
    Console.WriteLine((ok ? "ok   " : "FAIL ") + what);
    if (!ok) failures++;
}

double[] x = [0.1, 1.2, 0.4, 0.8, 2.5, 0.3, 2.9, 0.1, 1.4, 1.0, 3.1, 0.2];
string[] y = ["no", "no", "yes", "yes", "no", "yes"];
var model = LogisticRegression.Fit<string>(x, 2, y, new LogisticRegressionOptions { BalanceClassWeights = true });
string json = model.ToJson();
var back = LogisticRegressionModel.FromJson(json);
Check(back.ToJson() == json && back.ClassNames.SequenceEqual(model.ClassNames), "LogisticRegressionModel ToJson/FromJson round trip");
var predicted = back.PredictClassNames(x);
Check(predicted.Length == 6, $"PredictClassNames: {string.Join(",", predicted)}");

var table = new CountTable<(string, int)>();
table.Add(("a", 1));
table.Add(("a", 1));
table.Add(("b", 2));
using (var stream = new MemoryStream())
{
    table.WriteJson(stream);
    stream.Position = 0;
    var read = CountTable<(string, int)>.ReadJson(stream);
    Check(read[("a", 1)] == 2 && read[("b", 2)] == 1, "CountTable<(string, int)> JSON round trip (tuple symbols)");
}

var h = Discrete.Entropy<double>([0.5, 0.25, 0.25]);
Check(Math.Abs(h.Value - 1.5) < 1e-15, $"entropy {h}");
double ami = Joint.AdjustedMutualInformation<string>(["a", "a", "b", "b"], ["x", "x", "y", "y"]);
Check(Math.Abs(ami - 1) < 1e-12, $"adjusted mutual information {ami}");
Console.WriteLine(failures == 0 ? "all checks passed" : $"{failures} checks failed");
return failures == 0 ? 0 : 1;
