namespace CoachBot.Coaching.Escalations;

/// <summary>Which deadline a scheduled job checks: the owner's reminder, then the skip-level hand-off.</summary>
public enum EscalationStage
{
    Reminder,
    SkipLevel,
}
