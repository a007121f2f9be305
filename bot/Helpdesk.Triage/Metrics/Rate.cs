namespace Helpdesk.Triage.Metrics;

/// <summary>A rate with what it is a rate of, so nobody reads 100 % off one case. Null value when the denominator is zero.</summary>
public sealed record Rate(int Numerator, int Denominator)
{
    public double? Value => Denominator == 0 ? null : Math.Round((double)Numerator / Denominator, 4);
}
