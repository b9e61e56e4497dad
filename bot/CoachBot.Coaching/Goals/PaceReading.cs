namespace CoachBot.Coaching.Goals;

/// <summary>Where a rep stands on one goal: done against target, against how much of the period's working time has gone.</summary>
public sealed record PaceReading(GoalMetric Metric, GoalPeriod Period, int Done, int Target, double Elapsed)
{
    // Within a tenth of where the clock is counts as on pace; a fifth ahead of it is ahead.
    private const double Slack = 0.9;
    private const double Lead = 0.2;

    public double DoneFraction => Target <= 0 ? 0 : (double)Done / Target;

    public int DonePercent => (int)Math.Round(100 * DoneFraction);

    public int LeftPercent => (int)Math.Round(100 * (1 - Math.Clamp(Elapsed, 0, 1)));

    public int Remaining => Math.Max(0, Target - Done);

    /// <summary>The period's working time has all gone (a weekend after a weekly goal): no pace is left to keep.</summary>
    public bool Closed => Elapsed >= 1;

    public PaceStatus Status =>
        Done >= Target ? PaceStatus.Hit
        : DoneFraction >= Elapsed + Lead ? PaceStatus.Ahead
        : DoneFraction >= Elapsed * Slack ? PaceStatus.OnPace
        : PaceStatus.Behind;

    public string StatusWords => Status switch
    {
        PaceStatus.Hit => "target hit",
        PaceStatus.Ahead => "ahead of pace",
        PaceStatus.OnPace => "on pace",
        // "Behind pace" with no working time left would ask for a catch-up that cannot happen.
        _ when Closed => $"short of target, with the {Period.Noun()}'s working days done",
        _ => "behind pace",
    };
}
