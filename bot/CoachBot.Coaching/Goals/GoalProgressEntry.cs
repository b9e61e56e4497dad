namespace CoachBot.Coaching.Goals;

/// <summary>
/// One amount of progress, from whatever source: the seam a CRM import feeds through <see cref="GoalTracker.RecordAsync"/>.
/// <paramref name="SourceRef"/> (a CRM record id) makes a replayed import count once; typed and button entries have none.
/// </summary>
public sealed record GoalProgressEntry(
    long PersonId, GoalMetric Metric, int Amount, DateOnly OccurredOn, GoalProgressSource Source, string? SourceRef = null)
{
    public const int MaxAmount = 1_000_000_000;
}
