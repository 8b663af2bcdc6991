using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml.Linq;

namespace Xent.Tests;

/// <summary>
/// Every parameter of every public or protected method, constructor, indexer and delegate of the public types of
/// Xent and Xent.Data has a non-empty &lt;param&gt; in the generated XML documentation. CS1573 only catches a method
/// that documents some parameters and not others; a method with no &lt;param&gt; at all passes the compiler, so this
/// test reads the XML file next to each assembly and checks by reflection.
/// </summary>
/// <remarks>
/// Counted as documented: a member whose XML entry has &lt;inheritdoc/&gt; (its documentation is the base member's).
/// Not checked: members the compiler synthesises (marked [CompilerGenerated]: a record's Equals, GetHashCode, ToString,
/// PrintMembers, Deconstruct, &lt;Clone&gt;$, == and !=), which have no source to document; property and event accessors
/// (the property or event is documented, and only indexers have parameters — checked as P:…Item(…)).
/// User-written operators are checked like any method.
/// </remarks>
public class ParameterDocumentationTests
{
    /// <summary>
    /// Members still missing a &lt;param&gt;, as "doc ID: parameter names". The test fails when this list is not exactly the
    /// set of offenders: a new undocumented member fails it, and so does documenting a listed one (remove it here).
    /// This list only shrinks.
    /// </summary>
    private static readonly string[] StillUndocumented =
    [
        "M:Xent.BinaryFormat.Detect(System.ReadOnlySpan{System.Byte}): start",
        "M:Xent.BinaryFormat.Magic(Xent.XentFormat): format",
        "M:Xent.Coding.AdaptiveByteModel.#ctor(System.Int32): order",
        "M:Xent.Coding.AdaptiveStream.CodeLength(System.ReadOnlySpan{System.Byte},System.Int32,System.Span{System.Double}): data, order, destination",
        "M:Xent.Coding.AdaptiveStream.Encode(System.ReadOnlySpan{System.Byte},System.Int32): source, order",
        "M:Xent.Coding.AdaptiveStream.Encode(System.ReadOnlySpan{System.Byte},System.Span{System.Byte},System.Int32): source, destination, order",
        "M:Xent.Coding.AdaptiveStream.MaxEncodedLength(System.Int32): count",
        "M:Xent.Coding.AdaptiveStream.TryDecode(System.ReadOnlySpan{System.Byte},System.Span{System.Byte},System.Int32@,System.Int32@): source, destination, bytesConsumed, bytesWritten",
        "M:Xent.Coding.AdaptiveStream.TryGetDecodedLength(System.ReadOnlySpan{System.Byte},System.Int32@): source, length",
        "M:Xent.Coding.BinaryArithmeticDecoder.#ctor(System.ReadOnlySpan{System.Byte}): source",
        "M:Xent.Coding.BinaryArithmeticDecoder.Decode(System.Int32): p",
        "M:Xent.Coding.BinaryArithmeticDecoder.Decode``1(``0@): model",
        "M:Xent.Coding.BinaryArithmeticEncoder.#ctor(System.Span{System.Byte}): destination",
        "M:Xent.Coding.BinaryArithmeticEncoder.Encode(System.Int32,System.Int32): bit, p",
        "M:Xent.Coding.BinaryArithmeticEncoder.Encode``1(System.Int32,``0@): bit, model",
        "M:Xent.Coding.BitReader.#ctor(System.ReadOnlySpan{System.Byte}): source",
        "M:Xent.Coding.BitReader.PeekBits(System.Int32): count",
        "M:Xent.Coding.BitReader.ReadBits(System.Int32): count",
        "M:Xent.Coding.BitReader.SkipBits(System.Int32): count",
        "M:Xent.Coding.BitWriter.#ctor(System.Span{System.Byte}): destination",
        "M:Xent.Coding.BitWriter.WriteBits(System.UInt64,System.Int32): value, count",
        "M:Xent.Coding.BlockCode.ExpectedLength(System.ReadOnlySpan{System.Double},System.Int32): p, n",
        "M:Xent.Coding.BlockCode.Fits(System.Int32,System.Int32): alphabetSize, n",
        "M:Xent.Coding.CmModel.#ctor(System.Int32,System.Int32): level, length",
        "M:Xent.Coding.CmModel.MemoryBytes(System.Int32,System.Int32): level, length",
        "M:Xent.Coding.CmStream.CodeLength(System.ReadOnlySpan{System.Byte},System.Int32,System.Span{System.Double}): data, level, destination",
        "M:Xent.Coding.CmStream.DecoderMemoryBytes(System.ReadOnlySpan{System.Byte}): source",
        "M:Xent.Coding.CmStream.Encode(System.ReadOnlySpan{System.Byte},System.Int32): source, level",
        "M:Xent.Coding.CmStream.Encode(System.ReadOnlySpan{System.Byte},System.Span{System.Byte},System.Int32): source, destination, level",
        "M:Xent.Coding.CmStream.MaxEncodedLength(System.Int32): count",
        "M:Xent.Coding.CmStream.TryDecode(System.ReadOnlySpan{System.Byte},System.Span{System.Byte},System.Int32@,System.Int32@): source, destination, bytesConsumed, bytesWritten",
        "M:Xent.Coding.CmStream.TryGetDecodedLength(System.ReadOnlySpan{System.Byte},System.Int32@): source, length",
        "M:Xent.Coding.FrequencyTable.#ctor(System.ReadOnlySpan{System.Int32},System.Int32): frequencies, precision",
        "M:Xent.Coding.FrequencyTable.CodeLength(System.Int32): symbol",
        "M:Xent.Coding.FrequencyTable.CodeLength(System.ReadOnlySpan{System.Int64}): counts",
        "M:Xent.Coding.FrequencyTable.CodeLengths(System.Span{System.Double}): destination",
        "M:Xent.Coding.FrequencyTable.CrossEntropy(System.ReadOnlySpan{System.Int64}): counts",
        "M:Xent.Coding.FrequencyTable.Probability(System.Int32): symbol",
        "M:Xent.Coding.FrequencyTable.Quantize(System.ReadOnlySpan{System.Int64},System.Int32,System.Boolean): counts, precision, everySymbol",
        "M:Xent.Coding.FrequencyTable.Quantize(Xent.Estimation.DenseCounts,System.Int32,System.Boolean): counts, precision, everySymbol",
        "M:Xent.Coding.FrequencyTable.Read(System.ReadOnlySpan{System.Byte},System.Int32@): source, bytesConsumed",
        "M:Xent.Coding.FrequencyTable.Symbol(System.Int32): slot",
        "M:Xent.Coding.FrequencyTable.TryRead(System.ReadOnlySpan{System.Byte},Xent.Coding.FrequencyTable@,System.Int32@): source, table, bytesConsumed",
        "M:Xent.Coding.FrequencyTable.WriteTo(System.Span{System.Byte}): destination",
        "M:Xent.Coding.FrozenByteModel.CanCode(System.ReadOnlySpan{System.Byte}): block",
        "M:Xent.Coding.FrozenByteModel.CodeLength(System.ReadOnlySpan{System.Byte},System.Span{System.Double}): block, destination",
        "M:Xent.Coding.FrozenByteModel.Encode(System.ReadOnlySpan{System.Byte},System.Span{System.Byte}): source, destination",
        "M:Xent.Coding.FrozenByteModel.MaxEncodedLength(System.Int32): count",
        "M:Xent.Coding.FrozenByteModel.Train(Xent.Estimation.ByteContextCounts,System.Double): counts, smoothing",
        "M:Xent.Coding.FrozenByteModel.TryDecode(System.ReadOnlySpan{System.Byte},System.Span{System.Byte},System.Int32@): source, destination, bytesConsumed",
        "M:Xent.Coding.Huffman.Build(System.ReadOnlySpan{System.Double}): weights",
        "M:Xent.Coding.Huffman.Build(System.ReadOnlySpan{System.Int64}): counts",
        "M:Xent.Coding.Huffman.BuildLengthLimited(System.ReadOnlySpan{System.Double},System.Int32): weights, maxLength",
        "M:Xent.Coding.Huffman.BuildLengthLimited(System.ReadOnlySpan{System.Int64},System.Int32): counts, maxLength",
        "M:Xent.Coding.Huffman.CodeLengths(System.ReadOnlySpan{System.Double},System.Span{System.Int32}): weights, lengths",
        "M:Xent.Coding.Huffman.CodeLengths(System.ReadOnlySpan{System.Double},System.Span{System.Int32},System.Int32): weights, lengths, radix",
        "M:Xent.Coding.Huffman.CodeLengths(System.ReadOnlySpan{System.Int64},System.Span{System.Int32}): counts, lengths",
        "M:Xent.Coding.Huffman.CodeLengths(System.ReadOnlySpan{System.Int64},System.Span{System.Int32},System.Int32): counts, lengths, radix",
        "M:Xent.Coding.Huffman.CodeLengthsOfSorted(System.ReadOnlySpan{System.Double},System.Span{System.Int32}): ascending, lengths",
        "M:Xent.Coding.Huffman.LengthLimitedCodeLengths(System.ReadOnlySpan{System.Double},System.Int32,System.Span{System.Int32}): weights, maxLength, lengths",
        "M:Xent.Coding.Huffman.LengthLimitedCodeLengths(System.ReadOnlySpan{System.Int64},System.Int32,System.Span{System.Int32}): counts, maxLength, lengths",
        "M:Xent.Coding.HuffmanStream.DecodeSymbols(System.ReadOnlySpan{System.Byte},System.Int32): source, maxSymbols",
        "M:Xent.Coding.HuffmanStream.Encode(System.ReadOnlySpan{System.Byte},System.Int32): source, maxLength",
        "M:Xent.Coding.HuffmanStream.Encode(System.ReadOnlySpan{System.Byte},System.Span{System.Byte},System.Int32): source, destination, maxLength",
        "M:Xent.Coding.HuffmanStream.Encode(System.ReadOnlySpan{System.UInt16},System.Span{System.Byte},System.Int32): source, destination, maxLength",
        "M:Xent.Coding.HuffmanStream.EncodeWithCode(System.ReadOnlySpan{System.Byte},System.ReadOnlySpan{System.Int32},System.Span{System.Byte}): source, codeLengths, destination",
        "M:Xent.Coding.HuffmanStream.EncodeWithCode(System.ReadOnlySpan{System.UInt16},System.ReadOnlySpan{System.Int32},System.Span{System.Byte}): source, codeLengths, destination",
        "M:Xent.Coding.HuffmanStream.MaxEncodedLength(System.Int32,System.Int32,System.Int32): count, alphabetSize, maxLength",
        "M:Xent.Coding.HuffmanStream.TryDecode(System.ReadOnlySpan{System.Byte},System.Span{System.Byte},System.Int32@,System.Int32@): source, destination, bytesConsumed, symbolsWritten",
        "M:Xent.Coding.HuffmanStream.TryDecode(System.ReadOnlySpan{System.Byte},System.Span{System.UInt16},System.Int32@,System.Int32@): source, destination, bytesConsumed, symbolsWritten",
        "M:Xent.Coding.HuffmanStream.TryGetCodeLengths(System.ReadOnlySpan{System.Byte},System.Span{System.Int32},System.Int32@): source, lengths, count",
        "M:Xent.Coding.HuffmanStream.TryGetSymbolCount(System.ReadOnlySpan{System.Byte},System.Int32@): source, count",
        "M:Xent.Coding.IAdaptiveSymbolModel.CodeLength(System.Int32): symbol",
        "M:Xent.Coding.IAdaptiveSymbolModel.Find(System.Int32,System.Int32@,System.Int32@): slot, start, frequency",
        "M:Xent.Coding.IAdaptiveSymbolModel.Frequency(System.Int32,System.Int32@): symbol, start",
        "M:Xent.Coding.IAdaptiveSymbolModel.Update(System.Int32): symbol",
        "M:Xent.Coding.IBitModel.Update(System.Int32): bit",
        "M:Xent.Coding.PrefixCode.Canonical(System.ReadOnlySpan{System.Int32}): lengths",
        "M:Xent.Coding.PrefixCode.CanonicalCodewords(System.ReadOnlySpan{System.Int32},System.Span{System.UInt64}): lengths, codewords",
        "M:Xent.Coding.PrefixCode.CodewordText(System.Int32): symbol",
        "M:Xent.Coding.PrefixCode.Create(System.ReadOnlySpan{System.Int32},System.ReadOnlySpan{System.UInt64}): lengths, codewords",
        "M:Xent.Coding.PrefixCodes.Efficiency(System.ReadOnlySpan{System.Int32},System.ReadOnlySpan{System.Double}): lengths, p",
        "M:Xent.Coding.PrefixCodes.ExpectedLength(System.ReadOnlySpan{System.Int32},System.ReadOnlySpan{System.Double}): lengths, p",
        "M:Xent.Coding.PrefixCodes.IsPrefixFree(System.ReadOnlySpan{System.UInt64},System.ReadOnlySpan{System.Int32}): codewords, lengths",
        "M:Xent.Coding.PrefixCodes.KraftSum(System.ReadOnlySpan{System.Int32}): lengths",
        "M:Xent.Coding.PrefixCodes.KraftSum(System.ReadOnlySpan{System.Int32},System.Int32): lengths, radix",
        "M:Xent.Coding.PrefixCodes.Redundancy(System.ReadOnlySpan{System.Int32},System.ReadOnlySpan{System.Double}): lengths, p",
        "M:Xent.Coding.PrefixCodes.ShannonFanoElias(System.ReadOnlySpan{System.Double}): p",
        "M:Xent.Coding.PrefixCodes.ShannonLengths(System.ReadOnlySpan{System.Double},System.Span{System.Int32}): q, lengths",
        "M:Xent.Coding.RangeDecoder.#ctor(System.ReadOnlySpan{System.Byte}): source",
        "M:Xent.Coding.RangeDecoder.Consume(System.Int32,System.Int32): start, frequency",
        "M:Xent.Coding.RangeDecoder.Decode``1(``0@): model",
        "M:Xent.Coding.RangeDecoder.Slot(System.Int32): total",
        "M:Xent.Coding.RangeEncoder.#ctor(System.Span{System.Byte}): destination",
        "M:Xent.Coding.RangeEncoder.Encode(System.Int32,System.Int32,System.Int32): start, frequency, total",
        "M:Xent.Coding.RangeEncoder.Encode``1(System.Int32,``0@): symbol, model",
        "M:Xent.Coding.RansStream.Decode(System.ReadOnlySpan{System.Byte},System.Int32): source, maxLength",
        "M:Xent.Coding.RansStream.Encode(System.ReadOnlySpan{System.Byte},System.Int32,System.Int32): source, order, precisionBits",
        "M:Xent.Coding.RansStream.Encode(System.ReadOnlySpan{System.Byte},System.Span{System.Byte},System.Int32,System.Int32): source, destination, order, precisionBits",
        "M:Xent.Coding.RansStream.MaxEncodedLength(System.Int32,System.Int32): count, order",
        "M:Xent.Coding.RansStream.TryDecode(System.ReadOnlySpan{System.Byte},System.Span{System.Byte},System.Int32@,System.Int32@): source, destination, bytesConsumed, bytesWritten",
        "M:Xent.Coding.RansStream.TryGetDecodedLength(System.ReadOnlySpan{System.Byte},System.Int32@): source, length",
        "M:Xent.Coding.Varint.Length(System.UInt64): value",
        "M:Xent.Coding.Varint.TryRead(System.ReadOnlySpan{System.Byte},System.UInt64@,System.Int32@): source, value, bytesConsumed",
        "M:Xent.Coding.Varint.Write(System.UInt64,System.Span{System.Byte}): value, destination",
        "M:Xent.Coding.XentContainer.ChooseCodec(System.ReadOnlySpan{System.Byte}): sample",
        "M:Xent.Coding.XentContainer.Compress(System.IO.Stream,System.IO.Stream,Xent.Coding.XentContainerOptions,System.Threading.CancellationToken): input, output, options, cancellationToken",
        "M:Xent.Coding.XentContainer.Compress(System.ReadOnlySpan{System.Byte},Xent.Coding.XentContainerOptions): source, options",
        "M:Xent.Coding.XentContainer.Decompress(System.ReadOnlySpan{System.Byte},System.Int32): source, maxDegreeOfParallelism",
        "M:Xent.Coding.XentContainer.DefaultLevel(Xent.Coding.XentCodec): codec",
        "M:Xent.Data.BadRows.Reject(Xent.Data.DataError): error",
        "M:Xent.Data.BadRows.Skip(System.Int32): keepErrors",
        "M:Xent.Data.CsvRowWriter.#ctor(System.IO.TextWriter,System.Char): writer, delimiter",
        "M:Xent.Data.CsvRowWriter.Field(System.String,System.Char): value, delimiter",
        "M:Xent.Data.CsvRowWriter.WriteRow(System.Collections.Generic.IEnumerable{System.String}): fields",
        "M:Xent.Data.CsvRowWriter.WriteRow(System.String[]): fields",
        "M:Xent.Data.FeatureMatrix.Row(System.Int32): i",
        "M:Xent.Data.RowCursor.#ctor(System.String,System.String[],Xent.Data.BadRows): source, names, badRows",
        "M:Xent.Data.RowCursor.Dispose(System.Boolean): disposing",
        "M:Xent.Data.RowCursor.GetName(System.Int32): i",
        "M:Xent.Data.RowCursor.GetSpan(System.Int32): i",
        "M:Xent.Data.RowCursor.GetSpanCore(System.Int32): i",
        "M:Xent.Data.RowCursor.GetString(System.Int32): i",
        "M:Xent.Data.RowCursor.TryGetDouble(System.Int32,System.Double@): i, value",
        "M:Xent.Data.TableReader.ColumnIndex(System.String): name",
        "M:Xent.Data.TableReader.Dispose(System.Boolean): disposing",
        "M:Xent.Data.TableReader.HasColumn(System.String): name",
        "M:Xent.Data.TableReader.OpenCursor(System.Int32[],System.String[],Xent.Data.BadRows): ordinals, names, badRows",
        "M:Xent.Estimation.ByteContextCounts.#ctor(System.Int32): order",
        "M:Xent.Estimation.ByteContextCounts.Add(System.ReadOnlySpan{System.Byte}): bytes",
        "M:Xent.Estimation.ByteContextCounts.ConditionalEntropy(Xent.LogBase): logBase",
        "M:Xent.Estimation.ByteContextCounts.CrossEntropy(Xent.Estimation.ByteContextCounts,System.Double,Xent.LogBase): model, smoothing, logBase",
        "M:Xent.Estimation.ByteContextCounts.Of(System.IO.Stream,System.Int32): stream, order",
        "M:Xent.Estimation.ByteContextCounts.Reduce(System.Int32): order",
        "M:Xent.Estimation.CategoryEncoder.Encode(Xent.Estimation.CategoryEncoder{System.String},System.ReadOnlySpan{System.Char}): encoder, value",
        "M:Xent.Estimation.CategoryEncoder`1.#ctor(System.Collections.Generic.IEqualityComparer{`0}): comparer",
        "M:Xent.Estimation.CategoryEncoder`1.Encode(`0): value",
        "M:Xent.Estimation.CategoryEncoder`1.TryGetCode(`0,System.Int32@): value, code",
        "M:Xent.Estimation.ContingencyCounter`1.#ctor(System.Int32,System.Collections.Generic.IEqualityComparer{`0},System.Int64): variables, comparer, maxCells",
        "M:Xent.Estimation.ContingencyCounter`1.Add(System.ReadOnlySpan{`0}): row",
        "M:Xent.Estimation.ContingencyCounter`1.AddRange(System.Collections.Generic.IEnumerable{`0[]}): rows",
        "M:Xent.Estimation.ContingencyCounter`1.TryAdd(System.ReadOnlySpan{`0}): row",
        "M:Xent.Estimation.ContingencyTable.#ctor(System.ReadOnlySpan{System.Int32},System.Int64): shape, maxCells",
        "M:Xent.Estimation.ContingencyTable.Add(System.ReadOnlySpan{System.Int32},System.Int64): codes, count",
        "M:Xent.Estimation.ContingencyTable.Growable(System.Int32,System.Int64): rank, maxCells",
        "M:Xent.Estimation.ContingencyTable.Marginal(System.ReadOnlySpan{System.Int32}): axes",
        "M:Xent.Estimation.ContingencyTable.Merge(Xent.Estimation.ContingencyTable,Xent.Estimation.ContingencyTable): a, b",
        "M:Xent.Estimation.ContingencyTable.MergeFrom(Xent.Estimation.ContingencyTable): other",
        "M:Xent.Estimation.ContingencyTable.ReadFrom(System.IO.Stream): stream",
        "M:Xent.Estimation.ContingencyTable.TryAdd(System.ReadOnlySpan{System.Int32},System.Int64): codes, count",
        "M:Xent.Estimation.ContingencyTable.WriteTo(System.IO.Stream): stream",
        "M:Xent.Estimation.CountTable`1.#ctor(System.Collections.Generic.IEqualityComparer{`0}): comparer",
        "M:Xent.Estimation.CountTable`1.Add(`0,System.Int64): symbol, count",
        "M:Xent.Estimation.CountTable`1.AddRange(System.Collections.Generic.IEnumerable{`0}): symbols",
        "M:Xent.Estimation.CountTable`1.AddRange(System.ReadOnlySpan{`0}): symbols",
        "M:Xent.Estimation.CountTable`1.Merge(Xent.Estimation.CountTable{`0},Xent.Estimation.CountTable{`0}): a, b",
        "M:Xent.Estimation.CountTable`1.MergeFrom(Xent.Estimation.CountTable{`0}): other",
        "M:Xent.Estimation.CountTable`1.ReadFrom(System.IO.Stream,System.Collections.Generic.IEqualityComparer{`0}): stream, comparer",
        "M:Xent.Estimation.CountTable`1.ReadJson(System.IO.Stream,System.Collections.Generic.IEqualityComparer{`0}): utf8Json, comparer",
        "M:Xent.Estimation.CountTable`1.WriteJson(System.IO.Stream): utf8Json",
        "M:Xent.Estimation.CountTable`1.WriteTo(System.IO.Stream): stream",
        "M:Xent.Estimation.DenseCounts.#ctor(System.Int32): alphabetSize",
        "M:Xent.Estimation.DenseCounts.Add(System.Int32,System.Int64): symbol, count",
        "M:Xent.Estimation.DenseCounts.AddBytes(System.ReadOnlySpan{System.Byte}): bytes",
        "M:Xent.Estimation.DenseCounts.AddRange(System.ReadOnlySpan{System.Int32}): symbols",
        "M:Xent.Estimation.DenseCounts.Growable(System.Int32): alphabetSize",
        "M:Xent.Estimation.DenseCounts.Merge(Xent.Estimation.DenseCounts,Xent.Estimation.DenseCounts): a, b",
        "M:Xent.Estimation.DenseCounts.MergeFrom(Xent.Estimation.DenseCounts): other",
        "M:Xent.Estimation.DenseCounts.ReadFrom(System.IO.Stream): stream",
        "M:Xent.Estimation.DenseCounts.SerializedSize(System.Int32): alphabetSize",
        "M:Xent.Estimation.DenseCounts.WriteTo(System.IO.Stream): stream",
        "M:Xent.Estimation.EntropyEstimators.Additive(System.ReadOnlySpan{System.Int64},System.Double,System.Nullable{System.Int32},Xent.LogBase): counts, pseudocount, alphabetSize, logBase",
        "M:Xent.Estimation.EntropyEstimators.ChaoShen(System.ReadOnlySpan{System.Int64},System.Nullable{System.Int32},Xent.LogBase): counts, alphabetSize, logBase",
        "M:Xent.Estimation.EntropyEstimators.Estimate(Xent.Estimation.EntropyEstimator,System.ReadOnlySpan{System.Int64},System.Nullable{System.Int32},Xent.LogBase): estimator, counts, alphabetSize, logBase",
        "M:Xent.Estimation.EntropyEstimators.Grassberger(System.ReadOnlySpan{System.Int64},System.Nullable{System.Int32},Xent.LogBase): counts, alphabetSize, logBase",
        "M:Xent.Estimation.EntropyEstimators.JamesStein(System.ReadOnlySpan{System.Int64},System.Nullable{System.Int32},Xent.LogBase): counts, alphabetSize, logBase",
        "M:Xent.Estimation.EntropyEstimators.Jeffreys(System.ReadOnlySpan{System.Int64},System.Nullable{System.Int32},Xent.LogBase): counts, alphabetSize, logBase",
        "M:Xent.Estimation.EntropyEstimators.Laplace(System.ReadOnlySpan{System.Int64},System.Nullable{System.Int32},Xent.LogBase): counts, alphabetSize, logBase",
        "M:Xent.Estimation.EntropyEstimators.MillerMadow(System.ReadOnlySpan{System.Int64},System.Nullable{System.Int32},Xent.LogBase): counts, alphabetSize, logBase",
        "M:Xent.Estimation.EntropyEstimators.PlugIn(System.ReadOnlySpan{System.Int64},System.Nullable{System.Int32},Xent.LogBase): counts, alphabetSize, logBase",
        "M:Xent.Learning.TrainTestSplit.Gather``1(System.ReadOnlySpan{``0},System.Int32,System.ReadOnlySpan{System.Int32}): rows, width, indices",
        "M:Xent.LogBase.FromNats(System.Double): nats",
        "M:Xent.LogBase.Of(System.Double): b",
        "M:Xent.LogBase.TryParse(System.String,Xent.LogBase@): text, logBase",
        "M:Xent.LogBase.op_Equality(Xent.LogBase,Xent.LogBase): left, right",
        "M:Xent.LogBase.op_Inequality(Xent.LogBase,Xent.LogBase): left, right",
        "M:Xent.Measures.Continuous.LaplaceEntropy(System.Double,Xent.LogBase): scale, logBase",
        "M:Xent.Measures.Continuous.UniformEntropy(System.Double,Xent.LogBase): width, logBase",
        "M:Xent.Measures.Discrete.CrossEntropy(System.ReadOnlySpan{System.Int64},System.ReadOnlySpan{System.Int64},Xent.LogBase,Xent.Measures.MeasureOptions): p, q, logBase, options",
        "M:Xent.Measures.Discrete.Entropy(System.ReadOnlySpan{System.Int64},Xent.LogBase): counts, logBase",
        "M:Xent.Measures.Discrete.JsDistance(System.ReadOnlySpan{System.Int64},System.ReadOnlySpan{System.Int64},Xent.LogBase): p, q, logBase",
        "M:Xent.Measures.Discrete.JsDistance``1(System.ReadOnlySpan{``0},System.ReadOnlySpan{``0},Xent.LogBase,Xent.Measures.MeasureOptions): p, q, logBase, options",
        "M:Xent.Measures.Discrete.JsDivergence(System.ReadOnlySpan{System.Int64},System.ReadOnlySpan{System.Int64},Xent.LogBase): p, q, logBase",
        "M:Xent.Measures.Discrete.JsDivergence``1(System.ReadOnlySpan{``0},System.ReadOnlySpan{``0},Xent.LogBase,Xent.Measures.MeasureOptions): p, q, logBase, options",
        "M:Xent.Measures.Discrete.KlDivergence(System.ReadOnlySpan{System.Int64},System.ReadOnlySpan{System.Int64},Xent.LogBase,Xent.Measures.MeasureOptions): p, q, logBase, options",
        "M:Xent.Measures.Discrete.Perplexity(System.ReadOnlySpan{System.Int64}): counts",
        "M:Xent.Measures.Discrete.RenyiEntropy(System.ReadOnlySpan{System.Int64},System.Double,Xent.LogBase): counts, alpha, logBase",
        "M:Xent.Measures.Discrete.RenyiEntropy``1(System.ReadOnlySpan{``0},System.Double,Xent.LogBase,Xent.Measures.MeasureOptions): p, alpha, logBase, options",
        "M:Xent.Measures.Discrete.Surprisal(System.ReadOnlySpan{System.Int64},System.Span{System.Double},Xent.LogBase): counts, destination, logBase",
        "M:Xent.Measures.Gaussian.DifferentialEntropy(System.Double,Xent.LogBase): variance, logBase",
        "M:Xent.Measures.Gaussian.DifferentialEntropy(System.ReadOnlySpan{System.Double},System.Int32,Xent.LogBase): covariance, dimension, logBase",
        "M:Xent.Measures.Gaussian.DifferentialEntropyDiagonal(System.ReadOnlySpan{System.Double},Xent.LogBase): variances, logBase",
        "M:Xent.Measures.Gaussian.KlDivergence(System.Double,System.Double,System.Double,System.Double,Xent.LogBase): meanP, varianceP, meanQ, varianceQ, logBase",
        "M:Xent.Measures.Gaussian.KlDivergence(System.ReadOnlySpan{System.Double},System.ReadOnlySpan{System.Double},System.ReadOnlySpan{System.Double},System.ReadOnlySpan{System.Double},Xent.LogBase): meanP, covarianceP, meanQ, covarianceQ, logBase",
        "M:Xent.Measures.Gaussian.KlDivergenceDiagonal(System.ReadOnlySpan{System.Double},System.ReadOnlySpan{System.Double},System.ReadOnlySpan{System.Double},System.ReadOnlySpan{System.Double},Xent.LogBase): meanP, varianceP, meanQ, varianceQ, logBase",
        "M:Xent.Measures.Gaussian.KlToStandardNormal(System.ReadOnlySpan{System.Double},System.ReadOnlySpan{System.Double},Xent.LogBase): mean, logVariance, logBase",
        "M:Xent.Measures.Joint.ConditionalEntropy(System.ReadOnlySpan{System.Int64},System.Int32,System.Int32,Xent.LogBase): table, rows, columns, logBase",
        "M:Xent.Measures.Joint.ConditionalEntropy``1(System.ReadOnlySpan{``0},System.Int32,System.Int32,Xent.LogBase,Xent.Measures.MeasureOptions): table, rows, columns, logBase, options",
        "M:Xent.Measures.Joint.Entropy(System.ReadOnlySpan{System.Int64},System.Int32,System.Int32,Xent.LogBase): table, rows, columns, logBase",
        "M:Xent.Measures.Joint.Entropy``1(System.ReadOnlySpan{``0},System.Int32,System.Int32,Xent.LogBase,Xent.Measures.MeasureOptions): table, rows, columns, logBase, options",
        "M:Xent.Measures.Joint.Summarize(System.ReadOnlySpan{System.Int64},System.Int32,System.Int32,Xent.LogBase): table, rows, columns, logBase",
        "M:Xent.Measures.Joint.Summarize``1(System.ReadOnlySpan{``0},System.Int32,System.Int32,Xent.LogBase,Xent.Measures.MeasureOptions): table, rows, columns, logBase, options",
        "M:Xent.Measures.JointEntropies.Normalized(Xent.Measures.NmiNormalization): normalization",
        "M:Xent.Reports.CompressionResult.From(System.String,System.String,System.String,Xent.Coding.XentContainerSummary,System.Double): operation, input, output, summary, seconds",
        "M:Xent.Reports.EntropyResult.OfDistribution(Xent.Information): entropy",
        "M:Xent.Reports.EntropyResult.OfEstimate(Xent.Information,System.Int64,System.Int32,System.String,System.Nullable{Xent.Estimation.BootstrapInterval}): estimate, n, distinct, estimator, interval",
        "M:Xent.Reports.Failure.Classify(System.Exception): exception",
        "M:Xent.Reports.Failure.IsUserError(System.Exception): exception",
        "M:Xent.Reports.Failure.OneLine(System.Exception): exception",
        "M:Xent.Reports.Failure.OneLine(System.String): message",
        "M:Xent.Reports.InformationReport.Figure(System.Double): value",
        "M:Xent.Reports.InformationReport.InUnit(Xent.Information,System.String): figure, name",
        "M:Xent.Reports.MetricsResult.From(Xent.Learning.ClassificationReport,System.Int32,System.String): report, skippedRows, firstSkippedReason",
        "M:Xent.Reports.MutualInformationResult.From(Xent.Measures.JointEntropies,System.Int64,System.String,System.String,System.Int32,System.Int32,System.String,System.Nullable{Xent.Information}): entropies, n, x, y, xCategories, yCategories, given, conditional",
        "M:Xent.Reports.Numbers.Fixed(System.Double,System.Int32): value, decimals",
        "M:Xent.Reports.Numbers.FixedOrTiny(System.Double,System.Int32): value, decimals",
        "M:Xent.Reports.Numbers.Scientific(System.Double): value",
        "M:Xent.Reports.Numbers.Short(System.Double): value",
        "M:Xent.Reports.Numbers.Signed(System.Double,System.Int32): value, decimals",
        "M:Xent.Reports.ReferenceLine.Horizontal(System.Double,System.String): y, label",
        "M:Xent.Reports.ReferenceLine.Vertical(System.Double,System.String): x, label",
        "M:Xent.Reports.ReportJson.Deserialize``1(System.String): json",
        "M:Xent.Reports.ReportJson.Serialize``1(``0): report",
        "M:Xent.Reports.Tour.TourFigure.Of(System.Double): value",
        "M:Xent.Reports.Tour.TourFigure.Of(System.Double[]): values",
        "M:Xent.Reports.TourResult.From(Xent.Reports.Tour.TourReport,System.Collections.Generic.IEnumerable{System.String}): report, files",
        "M:Xent.Reports.TrainResult.From(Xent.Learning.LogisticRegressionModel,Xent.Learning.LogisticRegressionOptions,Xent.Learning.ClassificationReport,Xent.Learning.ClassificationReport,System.Double,System.Int32,System.String): model, options, train, test, seconds, skippedRows, firstSkippedReason",
        "M:Xent.Reports.TreePlot.Branch(Xent.Learning.Trees.TreeNode,System.Int32): node, b",
        "P:Xent.Estimation.CategoryEncoder`1.Item(System.Int32): code",
        "P:Xent.Estimation.ContingencyTable.Item(System.ReadOnlySpan{System.Int32}): codes",
        "P:Xent.Estimation.CountTable`1.Item(`0): symbol",
        "P:Xent.Estimation.DenseCounts.Item(System.Int32): symbol",
    ];

    [Fact]
    public void EveryParameterOfThePublicApiIsDocumented()
    {
        var offenders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var assembly in new[] { typeof(Information).Assembly, typeof(Xent.Data.CsvTableReader).Assembly })
            foreach (var offender in Offenders(assembly)) offenders.Add(offender);

        var allowed = new SortedSet<string>(StillUndocumented, StringComparer.Ordinal);
        var added = offenders.Except(allowed).ToArray();
        var fixedOnes = allowed.Except(offenders).ToArray();
        var message = new StringBuilder();
        if (added.Length > 0)
            message.AppendLine($"{added.Length} member(s) have parameters without a <param> description:")
                .AppendJoin(Environment.NewLine, added.Select(a => "    \"" + a + "\",")).AppendLine();
        if (fixedOnes.Length > 0)
            message.AppendLine($"{fixedOnes.Length} member(s) are now documented; remove them from StillUndocumented:")
                .AppendJoin(Environment.NewLine, fixedOnes.Select(a => "    \"" + a + "\",")).AppendLine();
        Assert.True(message.Length == 0, message.ToString());
    }

    [Fact]
    public void DocIdsMatchTheCompilersForEveryCheckedMember()
    {
        // The check above is only as good as the doc IDs it builds: every member it looks at must have an XML entry
        // (CS1591 guarantees one exists), so a wrong ID shows up here as a missing entry instead of passing silently.
        var missing = new List<string>();
        int checkedCount = 0;
        foreach (var assembly in new[] { typeof(Information).Assembly, typeof(Xent.Data.CsvTableReader).Assembly })
        {
            var docs = Load(assembly);
            foreach (var (id, _) in Members(assembly))
            {
                checkedCount++;
                if (!docs.ContainsKey(id)) missing.Add(id);
            }
        }
        Assert.True(checkedCount > 100, $"only {checkedCount} members with parameters found");
        Assert.True(missing.Count == 0, "no XML entry for: " + string.Join(Environment.NewLine, missing));
    }

    private static Dictionary<string, XElement> Load(Assembly assembly)
    {
        string path = Path.ChangeExtension(assembly.Location, ".xml");
        Assert.True(File.Exists(path), $"no XML documentation next to {assembly.Location}");
        return XDocument.Load(path).Descendants("member").ToDictionary(m => (string)m.Attribute("name")!, StringComparer.Ordinal);
    }

    private static IEnumerable<string> Offenders(Assembly assembly)
    {
        var docs = Load(assembly);
        foreach (var (id, parameters) in Members(assembly))
        {
            if (!docs.TryGetValue(id, out var member)) { yield return id + ": (no XML entry)"; continue; }
            if (member.Element("inheritdoc") is not null) continue;
            var described = member.Elements("param")
                .Where(p => p.Value.Trim().Length > 0 || p.Elements().Any())
                .Select(p => (string?)p.Attribute("name"))
                .ToHashSet(StringComparer.Ordinal);
            var bare = parameters.Where(p => !described.Contains(p)).ToArray();
            if (bare.Length > 0) yield return id + ": " + string.Join(", ", bare);
        }
    }

    /// <summary>Doc ID and parameter names of every checked member that has parameters.</summary>
    private static IEnumerable<(string Id, string[] Parameters)> Members(Assembly assembly)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            string typeId = DefinitionName(type);
            if (typeof(MulticastDelegate).IsAssignableFrom(type))
            {
                var invoke = type.GetMethod("Invoke")!;
                var names = invoke.GetParameters().Select(p => p.Name!).ToArray();
                if (names.Length > 0) yield return ("T:" + typeId, names);
                continue;
            }
            bool sealedType = type.IsSealed;
            foreach (var ctor in type.GetConstructors(All))
            {
                if (!Visible(ctor, sealedType) || ctor.IsStatic) continue;
                var ps = ctor.GetParameters();
                if (ps.Length == 0 || ctor.IsDefined(typeof(CompilerGeneratedAttribute))) continue;
                yield return ($"M:{typeId}.#ctor({Parameters(ps)})", ps.Select(p => p.Name!).ToArray());
            }
            foreach (var method in type.GetMethods(All))
            {
                if (!Visible(method, sealedType)) continue;
                if (method.IsDefined(typeof(CompilerGeneratedAttribute))) continue;
                if (method.IsSpecialName && !method.Name.StartsWith("op_", StringComparison.Ordinal)) continue; // accessors
                var ps = method.GetParameters();
                if (ps.Length == 0) continue;
                string name = method.Name;
                if (method.IsGenericMethodDefinition) name += "``" + method.GetGenericArguments().Length;
                string id = $"M:{typeId}.{name}({Parameters(ps)})";
                if (method.Name is "op_Implicit" or "op_Explicit") id += "~" + TypeName(method.ReturnType);
                yield return (id, ps.Select(p => p.Name!).ToArray());
            }
            foreach (var property in type.GetProperties(All))
            {
                var ps = property.GetIndexParameters();
                if (ps.Length == 0) continue;
                if (!property.GetAccessors(true).Any(a => Visible(a, sealedType))) continue;
                yield return ($"P:{typeId}.{property.Name}({Parameters(ps)})", ps.Select(p => p.Name!).ToArray());
            }
        }
    }

    private static bool Visible(MethodBase m, bool sealedType) =>
        m.IsPublic || !sealedType && (m.IsFamily || m.IsFamilyOrAssembly);

    private static string Parameters(ParameterInfo[] ps) => string.Join(",", ps.Select(p => TypeName(p.ParameterType)));

    /// <summary>The name of a type being documented: Namespace.Outer.Inner`1.</summary>
    private static string DefinitionName(Type type) => type.FullName!.Replace('+', '.');

    /// <summary>The name of a type in a doc ID's parameter list: generic arguments in braces, `n and ``n for type and method parameters.</summary>
    private static string TypeName(Type t)
    {
        if (t.IsByRef) return TypeName(t.GetElementType()!) + "@";
        if (t.IsPointer) return TypeName(t.GetElementType()!) + "*";
        if (t.IsArray)
        {
            int rank = t.GetArrayRank();
            string dims = t.IsSZArray ? "[]" : "[" + string.Join(",", Enumerable.Repeat("0:", rank)) + "]";
            return TypeName(t.GetElementType()!) + dims;
        }
        if (t.IsGenericParameter)
            return (t.DeclaringMethod is not null ? "``" : "`") + t.GenericParameterPosition;
        if (!t.IsGenericType) return (t.FullName ?? t.Name).Replace('+', '.');

        // Constructed generic, possibly nested: each segment of Outer`1+Inner`2 takes its own share of the arguments.
        var args = t.GetGenericArguments();
        var chain = new List<Type>();
        for (var d = t.IsGenericTypeDefinition ? t : t.GetGenericTypeDefinition(); d is not null; d = d.DeclaringType) chain.Insert(0, d);
        var sb = new StringBuilder(chain[0].Namespace is { Length: > 0 } ns ? ns + "." : "");
        int used = 0;
        for (int i = 0; i < chain.Count; i++)
        {
            string segment = chain[i].Name;
            int tick = segment.IndexOf('`');
            int count = tick < 0 ? 0 : int.Parse(segment[(tick + 1)..]);
            if (i > 0) sb.Append('.');
            sb.Append(tick < 0 ? segment : segment[..tick]);
            if (count > 0)
            {
                sb.Append('{').AppendJoin(",", args.Skip(used).Take(count).Select(TypeName)).Append('}');
                used += count;
            }
        }
        return sb.ToString();
    }
}
