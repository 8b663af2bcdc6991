// Compress bytes with the Huffman stream coder and compare the size with the order-0 entropy of the data.
// Run: dotnet run examples/compression.cs
#:project ../src/Xent/Xent.csproj
using System.Text;
using Xent.Coding;
using Xent.Estimation;
using Xent.Measures;

var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("the quick brown fox jumps over the lazy dog. ", 200)));
var counts = DenseCounts.ForBytes();
counts.AddBytes(text);
double bitsPerByte = Discrete.Entropy(counts.Counts).Value;
byte[] packed = HuffmanStream.Encode(text);
byte[] unpacked = HuffmanStream.Decode(packed);
Console.WriteLine($"{text.Length} bytes, order-0 entropy {bitsPerByte:F4} bits/byte → at least {bitsPerByte * text.Length / 8:F0} bytes");
Console.WriteLine($"Huffman stream: {packed.Length} bytes ({8.0 * packed.Length / text.Length:F4} bits/byte, header included)");
Console.WriteLine($"round trip {(unpacked.AsSpan().SequenceEqual(text) ? "equal" : "DIFFERENT")}");
