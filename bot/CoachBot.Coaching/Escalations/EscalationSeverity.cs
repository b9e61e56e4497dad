namespace CoachBot.Coaching.Escalations;

public enum EscalationSeverity
{
    Low,
    Medium,
    High,
}
