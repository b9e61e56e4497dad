namespace CoachBot.Coaching.Escalations;

public enum EscalationState
{
    Open,
    Acknowledged,
    Resolved,
}
