namespace CoachBot.Coaching.Goals;

/// <summary>One goal now: this period's pace and the rep's records on it.</summary>
public sealed record GoalStanding(Goal Goal, GoalWindow Window, PaceReading Reading, GoalRecords.Book Records);
