// Entropy, cross-entropy and KL divergence of two distributions, and the identity H(P,Q) = H(P) + D(P‖Q).
// Run: dotnet run examples/entropy.cs
#:project ../src/Xent/Xent.csproj
using Xent;
using Xent.Measures;

double[] p = [0.5, 0.4, 0.1];   // the weather: cloudy, rainy, sunny
double[] q = [0.2, 0.1, 0.7];   // a model of it

Information h = Discrete.Entropy<double>(p);
Information ce = Discrete.CrossEntropy<double>(p, q);
Information kl = Discrete.KlDivergence<double>(p, q);
Console.WriteLine($"H(P)   = {h.Value:F6} {h.Unit}");
Console.WriteLine($"H(P,Q) = {ce.Value:F6} {ce.Unit}");
Console.WriteLine($"D(P‖Q) = {kl.Value:F6} {kl.Unit}");
Console.WriteLine($"H(P) + D(P‖Q) − H(P,Q) = {h.Value + kl.Value - ce.Value:E1}");
Console.WriteLine($"H(P) in nats = {Discrete.Entropy<double>(p, LogBase.Nats).Value:F6}");
