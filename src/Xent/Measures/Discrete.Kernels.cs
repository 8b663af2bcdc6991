using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Xent.Numerics;

namespace Xent.Measures;

public static partial class Discrete
{
    /// <summary>The sums one fused pass over p (and q) yields: Σ f(p_i, q_i) in nats, Σp, Σq, and whether an entry was invalid.</summary>
    internal readonly record struct PassSums(double Terms, double SumP, double SumQ, bool Invalid);

    /// <summary>
    /// A pass splits across threads only when every thread gets at least this many elements: below it, starting
    /// threads costs more than it saves.
    /// </summary>
    internal const int MinElementsPerThread = 1 << 16;

    /// <summary>
    /// Elements summed plainly, lane by lane in two accumulators, before the block's sum is folded into the per-lane
    /// compensated sum: each plain accumulator then adds at most 1024 / (2·8) = 64 terms, a relative error of at most
    /// 64 ulp for the nonnegative sums, while the compensated fold keeps the error from growing with n.
    /// </summary>
    private const int BlockLength = 1024;

    /// <summary>
    /// For terms that cancel (<see cref="ITermOperator.TermsCancel"/>), the plain term sums are folded into the block's
    /// compensated sum after this many pairs of vectors, so each plain accumulator adds 8 vectors instead of a block's 64: the
    /// rounding errors scale with the partial sums they round, and D(P‖Q) of nearly equal P and Q is a millionth of its
    /// terms (measured on 10^6 elements with q = p·(1 ± 1e-6): relative error 1.6e-13 instead of 1.06e-12). Compensating
    /// every vector cost a third more time; this costs about 3%.
    /// </summary>
    private const int CancellingPairs = 8;

    /// <summary>Elements of float input widened to double at a time (on the stack).</summary>
    private const int WidenChunk = 512;

    /// <summary>Partial sums of a pass, combinable across chunks and threads.</summary>
    private struct PassAccumulator
    {
        public CompensatedSum Terms, SumP, SumQ;
        // Negative entries (and −∞) show up as a set sign bit (so does −0, a false alarm); NaN and +∞ show up in the sums.
        public bool SignSeen;

        public void Add(in PassAccumulator other)
        {
            Terms.Add(other.Terms);
            SumP.Add(other.SumP);
            SumQ.Add(other.SumQ);
            SignSeen |= other.SignSeen;
        }

        // Finite sums and no sign bit mean every entry was finite and ≥ 0. A sum of valid entries that overflowed, or a −0,
        // raises a false alarm, which the caller's search for the offending entry then finds to be one.
        public readonly PassSums ToSums() => new(Terms.Value, SumP.Value, SumQ.Value,
            Invalid: !(double.IsFinite(SumP.Value) && double.IsFinite(SumQ.Value)) || SignSeen);
    }

    /// <summary>
    /// One fused pass: Σ op(p_i, q_i), Σp, Σq and the invalid flag, on up to <paramref name="maxDegreeOfParallelism"/> threads
    /// (<see cref="ParallelChunks"/>: chunks of at least <see cref="MinElementsPerThread"/> elements, starting on multiples of 64).
    /// q is ignored (and may be empty) when the operator does not use it; otherwise it has p's length.
    /// The result depends only on the inputs and the number of threads used, never on scheduling.
    /// </summary>
    internal static unsafe PassSums Pass<T, TOp>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, TOp op, int maxDegreeOfParallelism)
        where T : unmanaged where TOp : struct, ITermOperator
    {
        fixed (T* pPtr = p, qPtr = q)
        {
            var job = new PassJob<T, TOp> { P = pPtr, Q = TOp.UsesQ ? qPtr : null, Op = op };
            return ParallelChunks.Run<PassJob<T, TOp>, PassAccumulator>(job, p.Length, MinElementsPerThread, maxDegreeOfParallelism, alignment: 64).ToSums();
        }
    }

    /// <summary>How many threads a pass over n elements uses: at most the degree asked for, each with ≥ <see cref="MinElementsPerThread"/> elements.</summary>
    internal static int ThreadsFor(int n, int maxDegreeOfParallelism) => ParallelChunks.ChunkCount(n, MinElementsPerThread, maxDegreeOfParallelism);

    /// <summary>A pass over the chunk [start, end) of p (and q).</summary>
    private unsafe struct PassJob<T, TOp> : IChunkJob<PassAccumulator> where T : unmanaged where TOp : struct, ITermOperator
    {
        public T* P, Q;
        public TOp Op;

        public readonly PassAccumulator Run(long start, long end)
        {
            int length = (int)(end - start);
            return AccumulateSpan(new ReadOnlySpan<T>(P + start, length), Q == null ? default : new ReadOnlySpan<T>(Q + start, length), Op);
        }

        public static void Combine(ref PassAccumulator total, in PassAccumulator next) => total.Add(next);
    }

    private static PassAccumulator AccumulateSpan<T, TOp>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, TOp op)
        where T : unmanaged where TOp : struct, ITermOperator
    {
        PassAccumulator acc = default;
        if (typeof(T) == typeof(double))
        {
            var pd = MemoryMarshal.Cast<T, double>(p);
            var qd = TOp.UsesQ ? MemoryMarshal.Cast<T, double>(q) : pd;
            AccumulateAnyWidth(ref MemoryMarshal.GetReference(pd), ref MemoryMarshal.GetReference(qd), (nuint)pd.Length, op, ref acc);
        }
        else if (typeof(T) == typeof(float))
        {
            // Widen a chunk at a time and run the double kernel on it: float input, double accumulation.
            var pf = MemoryMarshal.Cast<T, float>(p);
            var qf = TOp.UsesQ ? MemoryMarshal.Cast<T, float>(q) : default;
            Span<double> pBuffer = stackalloc double[WidenChunk], qBuffer = stackalloc double[WidenChunk];
            for (int start = 0; start < pf.Length; start += WidenChunk)
            {
                int length = Math.Min(WidenChunk, pf.Length - start);
                TensorPrimitives.ConvertChecked<float, double>(pf.Slice(start, length), pBuffer);
                if (TOp.UsesQ) TensorPrimitives.ConvertChecked<float, double>(qf.Slice(start, length), qBuffer);
                AccumulateAnyWidth(ref MemoryMarshal.GetReference(pBuffer), ref MemoryMarshal.GetReference(TOp.UsesQ ? qBuffer : pBuffer),
                    (nuint)length, op, ref acc);
            }
        }
        else
        {
            throw new NotSupportedException(typeof(T).Name);
        }
        return acc;
    }

    /// <summary>The width ladder: the widest accelerated vector that fits in n, else scalar.</summary>
    private static void AccumulateAnyWidth<TOp>(ref double p, ref double q, nuint n, TOp op, ref PassAccumulator acc)
        where TOp : struct, ITermOperator
    {
        if (Vector512.IsHardwareAccelerated && n >= (nuint)Vector512<double>.Count)
            Accumulate<TOp, Vector512<double>, Simd512<double>>(ref p, ref q, n, op, ref acc);
        else if (Vector256.IsHardwareAccelerated && n >= (nuint)Vector256<double>.Count)
            Accumulate<TOp, Vector256<double>, Simd256<double>>(ref p, ref q, n, op, ref acc);
        else if (Vector128.IsHardwareAccelerated && n >= (nuint)Vector128<double>.Count)
            Accumulate<TOp, Vector128<double>, Simd128<double>>(ref p, ref q, n, op, ref acc);
        else
            AccumulateScalar(ref p, ref q, n, op, ref acc);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AccumulateScalar<TOp>(ref double p, ref double q, nuint n, TOp op, ref PassAccumulator acc)
        where TOp : struct, ITermOperator
    {
        for (nuint i = 0; i < n; i++)
        {
            double pi = Unsafe.Add(ref p, i), qi = TOp.UsesQ ? Unsafe.Add(ref q, i) : 0;
            acc.Terms.Add(op.Invoke(pi, qi));
            acc.SumP.Add(pi);
            acc.SignSeen |= double.IsNegative(pi);
            if (TOp.UsesQ)
            {
                acc.SumQ.Add(qi);
                acc.SignSeen |= double.IsNegative(qi);
            }
        }
    }

    /// <summary>
    /// The vector kernel, written once for every width (n ≥ one vector). Blocks of <see cref="BlockLength"/> elements
    /// are summed in two plain accumulators per sum (two independent dependency chains), then folded into a per-lane
    /// compensated sum (Knuth's TwoSum); a block whose terms are not all finite has them redone by the scalar definition. The last n mod width elements are handled by loading the last full vector and
    /// zeroing the lanes already counted (p = q = 0 contributes nothing to any sum).
    /// Compiled fully optimised at once: left to tiering, this one long-running loop stayed in instrumented tier-0 code
    /// (2× slower) in the CLI's benchmark.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Accumulate<TOp, TVec, TSimd>(ref double p, ref double q, nuint n, TOp op, ref PassAccumulator acc)
        where TOp : struct, ITermOperator where TVec : struct where TSimd : ISimd<TVec, double>
    {
        nuint width = (nuint)TSimd.Count;
        TVec zero = TSimd.Zero;
        TVec sumT = zero, compT = zero, sumP = zero, compP = zero, sumQ = zero, compQ = zero, signs = zero;
        nuint full = n - n % width, i = 0;
        while (i < full)
        {
            nuint blockStart = i, stop = Math.Min(full, i + BlockLength);
            TVec t0 = zero, t1 = zero, s0 = zero, s1 = zero, r0 = zero, r1 = zero, blockTerms = zero, blockError = zero;
            int pairs = 0;
            for (; i + 2 * width <= stop; i += 2 * width)
            {
                Step<TOp, TVec, TSimd>(TSimd.Load(ref p, i), TOp.UsesQ ? TSimd.Load(ref q, i) : zero, op, ref t0, ref s0, ref r0, ref signs);
                Step<TOp, TVec, TSimd>(TSimd.Load(ref p, i + width), TOp.UsesQ ? TSimd.Load(ref q, i + width) : zero, op, ref t1, ref s1, ref r1, ref signs);
                if (TOp.TermsCancel && ++pairs == CancellingPairs)
                {
                    TwoSum<TVec, TSimd>(ref blockTerms, ref blockError, TSimd.Add(t0, t1));
                    t0 = t1 = zero;
                    pairs = 0;
                }
            }
            if (i < stop)
            {
                Step<TOp, TVec, TSimd>(TSimd.Load(ref p, i), TOp.UsesQ ? TSimd.Load(ref q, i) : zero, op, ref t0, ref s0, ref r0, ref signs);
                i += width;
            }
            TwoSum<TVec, TSimd>(ref blockTerms, ref blockError, TSimd.Add(t0, t1));
            if (TSimd.AllFinite(blockTerms))
            {
                TwoSum<TVec, TSimd>(ref sumT, ref compT, blockTerms);
                compT = TSimd.Add(compT, blockError);
            }
            else
            {
                AddTermsScalar(ref p, ref q, blockStart, stop, op, ref acc);
            }
            TwoSum<TVec, TSimd>(ref sumP, ref compP, TSimd.Add(s0, s1));
            if (TOp.UsesQ) TwoSum<TVec, TSimd>(ref sumQ, ref compQ, TSimd.Add(r0, r1));
        }
        if (full < n)
        {
            nuint last = n - width;
            TVec keep = TSimd.LanesFrom((int)(full - last));
            TVec pv = TSimd.Select(keep, TSimd.Load(ref p, last), zero);
            TVec qv = TOp.UsesQ ? TSimd.Select(keep, TSimd.Load(ref q, last), zero) : zero;
            TVec t = zero, s = zero, r = zero;
            Step<TOp, TVec, TSimd>(pv, qv, op, ref t, ref s, ref r, ref signs);
            if (TSimd.AllFinite(t)) TwoSum<TVec, TSimd>(ref sumT, ref compT, t);
            else AddTermsScalar(ref p, ref q, full, n, op, ref acc);
            TwoSum<TVec, TSimd>(ref sumP, ref compP, s);
            if (TOp.UsesQ) TwoSum<TVec, TSimd>(ref sumQ, ref compQ, r);
        }
        for (int lane = 0; lane < TSimd.Count; lane++)
        {
            acc.Terms.Add(TSimd.Element(sumT, lane), TSimd.Element(compT, lane));
            acc.SumP.Add(TSimd.Element(sumP, lane), TSimd.Element(compP, lane));
            acc.SumQ.Add(TSimd.Element(sumQ, lane), TSimd.Element(compQ, lane));
        }
        acc.SignSeen |= TSimd.Any(signs);
    }

    /// <summary>
    /// Cold path: the vector terms of elements [start, stop) were not all finite (an infinite term, an overflowed ratio, or
    /// invalid input that the caller will reject); their terms are added again from the scalar definition.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddTermsScalar<TOp>(ref double p, ref double q, nuint start, nuint stop, TOp op, ref PassAccumulator acc)
        where TOp : struct, ITermOperator
    {
        for (nuint i = start; i < stop; i++) acc.Terms.Add(op.Invoke(Unsafe.Add(ref p, i), TOp.UsesQ ? Unsafe.Add(ref q, i) : 0));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step<TOp, TVec, TSimd>(TVec p, TVec q, TOp op, ref TVec terms, ref TVec sumP, ref TVec sumQ, ref TVec signs)
        where TOp : struct, ITermOperator where TVec : struct where TSimd : ISimd<TVec, double>
    {
        terms = TSimd.Add(terms, op.Invoke<TVec, TSimd>(p, q));
        sumP = TSimd.Add(sumP, p);
        if (TOp.UsesQ)
        {
            sumQ = TSimd.Add(sumQ, q);
            // One three-way OR (a single vpternlogq with AVX-512) gathers the sign bits of p and q.
            signs = TSimd.Or(signs, TSimd.Or(p, q));
        }
        else
        {
            signs = TSimd.Or(signs, p);
        }
    }

    /// <summary>sum + x with the rounding error added to comp, lane by lane (Knuth's branch-free TwoSum).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TwoSum<TVec, TSimd>(ref TVec sum, ref TVec comp, TVec x) where TVec : struct where TSimd : ISimd<TVec, double>
    {
        TVec t = TSimd.Add(sum, x);
        TVec xPart = TSimd.Subtract(t, sum);
        TVec error = TSimd.Add(TSimd.Subtract(sum, TSimd.Subtract(t, xPart)), TSimd.Subtract(x, xPart));
        comp = TSimd.Add(comp, error);
        sum = t;
    }
}
