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

    /// <summary>Adds a partial sum given as its value and its not yet applied compensation (from another accumulator).</summary>
    public void Add(double sum, double compensation)
    {
        Add(sum);
        _compensation += compensation;
    }

    /// <summary>Adds another compensated sum.</summary>
    public void Add(in CompensatedSum other) => Add(other._sum, other._compensation);

    /// <summary>The sum; an infinite running sum is returned as is (its compensation is then NaN and meaningless).</summary>
    public readonly double Value => double.IsFinite(_sum) ? _sum + _compensation : _sum;
}
