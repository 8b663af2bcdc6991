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

    // Once the sum is infinite the compensation is ∞ − ∞ = NaN and means nothing; the sum is the answer.
    public readonly double Value => double.IsInfinity(_sum) ? _sum : _sum + _compensation;
}
