namespace CoachBot.Coaching.Goals;

/// <summary>What `goal …` asked for. A null period means "the usual one for my race".</summary>
public abstract record GoalRequest
{
    public sealed record Show : GoalRequest;

    public sealed record Set(GoalMetric Metric, int Target, GoalPeriod? Period) : GoalRequest;

    /// <summary>A null metric removes every goal.</summary>
    public sealed record Remove(GoalMetric? Metric) : GoalRequest;
}
