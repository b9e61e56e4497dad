namespace CoachBot.Coaching.Goals;

/// <summary>
/// Buttons about goals. Values carry ids only: a metric's stored word for a log tap ("calls"), a proposal id for
/// accept/change, "metric:target:period" for a setup preset.
/// </summary>
public static class GoalActions
{
    public const string Prefix = "goal.";
    public const string Log = "goal.log";
    public const string Accept = "goal.accept";
    public const string Change = "goal.change";
}
