using Xent.Numerics;

namespace Xent.Learning;

/// <summary>A smooth objective: returns f(x) and writes ∇f(x) into <paramref name="gradient"/> (same length as x).</summary>
/// <param name="x">The point.</param>
/// <param name="gradient">Receives ∇f(x).</param>
/// <returns>f(x); must be finite where the optimizer evaluates it (+∞ makes the line search step back).</returns>
public delegate double Objective(ReadOnlySpan<double> x, Span<double> gradient);

/// <summary>The outcome of a minimization.</summary>
/// <param name="Value">f at the returned point.</param>
/// <param name="GradientNorm">‖∇f‖∞ there.</param>
/// <param name="Iterations">L-BFGS iterations (line searches) performed.</param>
/// <param name="Evaluations">Objective evaluations.</param>
/// <param name="Converged">True when ‖∇f‖∞ ≤ the gradient tolerance, or the last step's relative decrease of f was within the
/// function tolerance; false when the iteration limit was hit or no step decreased f any further (the point is then as good as
/// double precision allows along the search direction).</param>
public readonly record struct MinimizationResult(double Value, double GradientNorm, int Iterations, int Evaluations, bool Converged);

/// <summary>
/// Limited-memory BFGS (Nocedal 1980; Liu &amp; Nocedal 1989) with a line search satisfying the strong Wolfe conditions
/// (f decreases by at least c₁·α·∇f·d, |∇f(x + αd)·d| ≤ c₂·|∇f·d|, c₁ = 1e-4, c₂ = 0.9), found by bracketing and
/// zooming with safeguarded cubic interpolation (Nocedal &amp; Wright, <i>Numerical Optimization</i>, algorithms 3.5–3.6).
/// </summary>
public static class Lbfgs
{
    private const double C1 = 1e-4, C2 = 0.9;
    private const int MaxLineSearchSteps = 40;

    /// <summary>Minimizes <paramref name="f"/> from <paramref name="x"/>, which receives the minimizer.</summary>
    /// <param name="f">The objective and its gradient.</param>
    /// <param name="x">Start on entry, result on return.</param>
    /// <param name="gradientTolerance">Stop when ‖∇f‖∞ ≤ this (default 1e-9).</param>
    /// <param name="maxIterations">Iteration limit (default 10,000).</param>
    /// <param name="history">Correction pairs kept, m (default 10).</param>
    /// <param name="cancellationToken">Checked once per iteration: a cancelled minimization throws <see cref="OperationCanceledException"/>.</param>
    /// <param name="functionTolerance">Also stop when an iteration decreases f by at most this much relative to its size:
    /// (f_k − f_{k+1}) ≤ tol·max(|f_k|, |f_{k+1}|, 1) — SciPy's L-BFGS-B <c>ftol</c> test. Default 0 (off: only the gradient
    /// test stops the minimization).</param>
    /// <param name="progress">Called after each iteration with how far the minimization is, in [0, 1], never decreasing, and
    /// with 1 when it ends: the larger of iterations / <paramref name="maxIterations"/> and the gradient's way down on a log
    /// scale, ln(‖∇f₀‖∞ / ‖∇f‖∞) / ln(‖∇f₀‖∞ / tol) (the best reached so far). Null: not called.</param>
    /// <returns>The final value, gradient norm, counts and whether a tolerance was met.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static MinimizationResult Minimize(Objective f, Span<double> x, double gradientTolerance = 1e-9, int maxIterations = 10_000, int history = 10,
        CancellationToken cancellationToken = default, double functionTolerance = 0, Action<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (!(gradientTolerance >= 0)) ThrowHelper.ThrowArgumentOutOfRange(nameof(gradientTolerance), gradientTolerance, "Must be ≥ 0.");
        if (!(functionTolerance >= 0)) ThrowHelper.ThrowArgumentOutOfRange(nameof(functionTolerance), functionTolerance, "Must be ≥ 0.");
        if (history < 1) ThrowHelper.ThrowArgumentOutOfRange(nameof(history), history, "At least one correction pair.");
        int n = x.Length;
        var g = new double[n];
        var direction = new double[n];
        var trial = new double[n];
        var trialGradient = new double[n];
        var s = new double[history][];
        var y = new double[history][];
        var rho = new double[history];
        var alpha = new double[history];
        for (int k = 0; k < history; k++) { s[k] = new double[n]; y[k] = new double[n]; }

        int evaluations = 1, stored = 0, newest = -1;
        double value = f(x, g);
        if (!double.IsFinite(value)) ThrowHelper.ThrowArgument(nameof(x), $"The objective is {value} at the starting point.");
        double gNorm = MaxAbs(g);
        int iteration = 0;
        bool flat = false;
        double firstNorm = gNorm, done = 0;
        for (; iteration < maxIterations && gNorm > gradientTolerance && !flat; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Two-loop recursion: direction = −H·g with H the L-BFGS inverse-Hessian approximation.
            for (int i = 0; i < n; i++) direction[i] = -g[i];
            for (int j = 0; j < stored; j++)
            {
                int k = (newest - j + history) % history;
                alpha[k] = rho[k] * Dot(s[k], direction);
                Axpy(-alpha[k], y[k], direction);
            }
            if (stored > 0)
            {
                double gamma = Dot(s[newest], y[newest]) / Dot(y[newest], y[newest]);
                for (int i = 0; i < n; i++) direction[i] *= gamma;
            }
            for (int j = stored - 1; j >= 0; j--)
            {
                int k = (newest - j + history) % history;
                double beta = rho[k] * Dot(y[k], direction);
                Axpy(alpha[k] - beta, s[k], direction);
            }
            double slope = Dot(g, direction);
            if (!(slope < 0))
            {
                // Not a descent direction (lost curvature information): restart from steepest descent.
                stored = 0;
                for (int i = 0; i < n; i++) direction[i] = -g[i];
                slope = Dot(g, direction);
            }
            double firstStep = stored == 0 ? Math.Min(1, 1 / MaxAbs(direction)) : 1;
            var search = new LineSearch(f, x, direction, value, slope, trial, trialGradient);
            double step = search.Run(firstStep);
            evaluations += search.Evaluations;
            if (step == 0) break; // no decrease is representable along this direction
            newest = (newest + 1) % history;
            for (int i = 0; i < n; i++)
            {
                s[newest][i] = step * direction[i];
                y[newest][i] = search.Gradient[i] - g[i];
            }
            double sy = Dot(s[newest], y[newest]);
            if (sy > 0)
            {
                rho[newest] = 1 / sy;
                stored = Math.Min(stored + 1, history);
            }
            else newest = (newest - 1 + history) % history; // skip a pair that would break positive definiteness
            search.Point.CopyTo(x);
            search.Gradient.CopyTo(g);
            flat = functionTolerance > 0 && value - search.Value <= functionTolerance * Math.Max(Math.Max(Math.Abs(value), Math.Abs(search.Value)), 1);
            value = search.Value;
            gNorm = MaxAbs(g);
            if (progress is not null)
            {
                done = Math.Max(done, Math.Max(Fraction(firstNorm, gNorm, gradientTolerance), (iteration + 1.0) / maxIterations));
                progress(Math.Min(done, 1));
            }
        }
        progress?.Invoke(1);
        return new(value, gNorm, iteration, evaluations, gNorm <= gradientTolerance || flat);
    }

    /// <summary>How far ‖∇f‖ has come down from its start toward the tolerance on a log scale, in [0, 1] (0 when it cannot be said).</summary>
    private static double Fraction(double first, double now, double tolerance)
    {
        if (!(now < first) || !(first > 0)) return 0;
        if (!(now > tolerance) || !(tolerance > 0)) return now <= tolerance ? 1 : 0;
        double fraction = Math.Log(first / now) / Math.Log(first / tolerance);
        return double.IsFinite(fraction) ? Math.Clamp(fraction, 0, 1) : 0;
    }

    /// <summary>Strong-Wolfe line search along d from x: bracket, then zoom (Nocedal &amp; Wright 3.5, 3.6).</summary>
    private ref struct LineSearch(Objective f, ReadOnlySpan<double> x, ReadOnlySpan<double> d, double f0, double slope0, Span<double> point, Span<double> gradient)
    {
        private readonly Objective _f = f;
        private readonly ReadOnlySpan<double> _x = x, _d = d;
        private readonly double _f0 = f0, _slope0 = slope0;
        public readonly Span<double> Point = point, Gradient = gradient;
        public double Value;
        public int Evaluations;
        private double _bestStep, _bestValue = f0;

        /// <summary>Returns the accepted step (Point, Gradient and Value hold its evaluation), or 0 when nothing decreased f.</summary>
        public double Run(double step)
        {
            double previous = 0, fPrevious = _f0, slopePrevious = _slope0;
            for (int i = 0; i < MaxLineSearchSteps; i++)
            {
                var (fa, slope) = Evaluate(step);
                if (!Decreased(step, fa, slope) || (i > 0 && fa >= fPrevious))
                    return Zoom(previous, fPrevious, slopePrevious, step, fa, slope);
                if (Math.Abs(slope) <= -C2 * _slope0) return step;
                if (slope >= 0) return Zoom(step, fa, slope, previous, fPrevious, slopePrevious);
                previous = step; fPrevious = fa; slopePrevious = slope;
                step *= 2;
            }
            return Settle();
        }

        private double Zoom(double lo, double fLo, double slopeLo, double hi, double fHi, double slopeHi)
        {
            for (int i = 0; i < MaxLineSearchSteps; i++)
            {
                double step = Interpolate(lo, fLo, slopeLo, hi, fHi, slopeHi);
                var (fa, slope) = Evaluate(step);
                if (!Decreased(step, fa, slope) || fa >= fLo && !Approximate(fa, slope))
                {
                    hi = step; fHi = fa; slopeHi = slope;
                }
                else
                {
                    if (Math.Abs(slope) <= -C2 * _slope0) return step;
                    if (slope * (hi - lo) >= 0) { hi = lo; fHi = fLo; slopeHi = slopeLo; }
                    lo = step; fLo = fa; slopeLo = slope;
                }
                if (Math.Abs(hi - lo) <= 1e-16 * Math.Max(Math.Abs(lo), Math.Abs(hi))) break;
            }
            return Settle();
        }

        /// <summary>
        /// Armijo's sufficient decrease, or — once f's changes are at rounding level near the optimum — Hager and Zhang's
        /// approximate Wolfe condition: f within 1e-12·|f₀| of f₀ and the slope already reduced as a quadratic's would be.
        /// </summary>
        private readonly bool Decreased(double step, double fa, double slope) => fa <= _f0 + C1 * step * _slope0 || Approximate(fa, slope);

        private readonly bool Approximate(double fa, double slope) =>
            fa <= _f0 + 1e-12 * Math.Abs(_f0) && slope <= (2 * C1 - 1) * _slope0 && slope >= C2 * _slope0;

        /// <summary>The interval shrank to nothing: accept the best decrease seen, if any (re-evaluated so Point/Gradient match).</summary>
        private double Settle()
        {
            if (_bestStep == 0) return 0;
            double step = _bestStep;
            Evaluate(step);
            return step;
        }

        /// <summary>Minimizer of the cubic through both ends' values and slopes, kept inside the middle 80 % of the interval.</summary>
        private static double Interpolate(double a, double fa, double ga, double b, double fb, double gb)
        {
            double d1 = ga + gb - 3 * (fa - fb) / (a - b);
            double disc = d1 * d1 - ga * gb;
            double lo = Math.Min(a, b), hi = Math.Max(a, b), width = hi - lo;
            double step = double.NaN;
            if (disc >= 0 && double.IsFinite(fa) && double.IsFinite(fb))
            {
                double d2 = Math.Sign(b - a) * Math.Sqrt(disc);
                step = b - (b - a) * (gb + d2 - d1) / (gb - ga + 2 * d2);
            }
            if (!(step >= lo + 0.1 * width && step <= hi - 0.1 * width)) step = lo + 0.5 * width;
            return step;
        }

        private (double Value, double Slope) Evaluate(double step)
        {
            for (int i = 0; i < _x.Length; i++) Point[i] = _x[i] + step * _d[i];
            Value = _f(Point, Gradient);
            Evaluations++;
            if (double.IsNaN(Value)) Value = double.PositiveInfinity;
            if (Value < _bestValue) { _bestValue = Value; _bestStep = step; }
            return (Value, double.IsFinite(Value) ? Dot(Gradient, _d) : double.NaN);
        }
    }

    // VectorOps, not TensorPrimitives: a fresh process (every `xent train`) compiles these in a fraction of the time.
    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => VectorOps.Dot(a, b);

    private static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y) => VectorOps.Axpy(a, x, y);

    private static double MaxAbs(ReadOnlySpan<double> v) => VectorOps.MaxAbs(v);
}
