namespace CoachBot.Coaching.Goals;

/// <summary>What a rep counts. Sprint metrics are activity, distance metrics are outcomes (see <see cref="RaceGoals"/>).</summary>
public enum GoalMetric
{
    Calls,
    Meetings,
    Demos,
    Stakeholders,
    Proposals,
    Pipeline,
    Deals,
}
