// The Huffman code of a distribution: codewords, expected length against the entropy, and a round trip through the code.
// Run: dotnet run examples/huffman.cs
#:project ../src/Xent/Xent.csproj
using Xent.Coding;
using Xent.Measures;

double[] p = [0.5, 0.4, 0.1];
PrefixCode code = Huffman.Build(p);
for (int s = 0; s < p.Length; s++) Console.WriteLine($"symbol {s}: p = {p[s]}, codeword {code.CodewordText(s)}");
double expected = PrefixCodes.ExpectedLength(code.Lengths, p).Value;
Console.WriteLine($"expected length L = {expected:F6} bits/symbol, entropy H = {Discrete.Entropy<double>(p).Value:F6} bits/symbol");

int[] message = [0, 1, 0, 2, 1, 0, 0, 1];
var bytes = new byte[64];
int size = code.Encode(message, bytes);
var decoded = new int[message.Length];
code.Decode(bytes.AsSpan(0, size), decoded);
Console.WriteLine($"{message.Length} symbols → {size} bytes; decoded {(decoded.SequenceEqual(message) ? "equal" : "DIFFERENT")}");
