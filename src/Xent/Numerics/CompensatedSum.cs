namespace Xent.Numerics;

/// <summary>Neumaier's compensated sum: the error of each addition is kept and added back at the end.</summary>
internal struct CompensatedSum
{
    private double _sum;
    private double _compensation;

    public void Add(double x)
    {
        double t = _sum + x;
        _compensation += Math.Abs(_sum) >= Math.Abs(x) ? (_sum - t) + x : (x - t) + _sum;
        _sum = t;
    }

    // Once the sum is ±∞ the compensation is ∞ − ∞ = NaN; the infinite sum is the answer.
    public readonly double Value => double.IsFinite(_sum) ? _sum + _compensation : _sum;
}
