// Softmax cross-entropy of a batch of logits: the mean loss in nats and its gradient, which is softmax(z) − onehot(y) over N.
// Run: dotnet run examples/loss.cs
#:project ../src/Xent/Xent.csproj
using Xent.Losses;

double[] logits = [2.0, 1.0, 0.1,
                   0.5, 2.5, 0.2];
int[] targets = [0, 1];
var gradient = new double[logits.Length];
double loss = SoftmaxCrossEntropy.Compute(logits, 3, targets, gradient);
Console.WriteLine($"mean cross-entropy = {loss:F6} nats");
Console.WriteLine($"gradient row 0 = [{string.Join(", ", gradient[..3].Select(g => g.ToString("F6")))}]");
Console.WriteLine($"gradient rows sum to {gradient.Sum():E1}");
