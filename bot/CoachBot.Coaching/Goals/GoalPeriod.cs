namespace CoachBot.Coaching.Goals;

/// <summary>How long a target runs before it starts again. Weeks are ISO weeks (Monday first), in the rep's own time zone.</summary>
public enum GoalPeriod
{
    Day,
    Week,
    Month,
    Quarter,
}
