namespace CoachBot.Coaching.Goals;

/// <summary>A rep_goal row: one target for one metric per period. A replaced goal keeps its row with <see cref="RemovedAt"/> set.</summary>
public sealed record Goal(long Id, GoalMetric Metric, GoalPeriod Period, int Target, string SetBy, DateTimeOffset SetAt, DateTimeOffset? RemovedAt)
{
    public const int MaxActive = 3;

    /// <summary>"20 calls weekly".</summary>
    public string Describe() => $"{Metric.Count(Target)} {Period.Adverb()}";
}
