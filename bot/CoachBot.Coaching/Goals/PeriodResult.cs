namespace CoachBot.Coaching.Goals;

/// <param name="Target">The target that applied in this window; null when the rep had no goal for it then.</param>
/// <param name="Excused">A pause, snooze, holiday or vacation fell on one of the window's working days.</param>
public sealed record PeriodResult(GoalWindow Window, int Total, int? Target, bool Excused)
{
    public bool OnTarget => Target is { } t && Total >= t;
}
