namespace Xent.Learning;

/// <summary>
/// One bin of a reliability diagram: the predictions whose confidence (top probability) lies in [Lower, Upper)
/// (the last bin includes 1), their weight, mean confidence and accuracy. An empty bin has Weight 0 and both means 0.
/// </summary>
/// <param name="Lower">Lower edge b/B.</param>
/// <param name="Upper">Upper edge (b + 1)/B.</param>
/// <param name="Count">Rows in the bin.</param>
/// <param name="Weight">Σ of their sample weights.</param>
/// <param name="Confidence">Weighted mean top probability.</param>
/// <param name="Accuracy">Weighted fraction whose top class is the true one.</param>
public readonly record struct CalibrationBin(double Lower, double Upper, int Count, double Weight, double Confidence, double Accuracy);
