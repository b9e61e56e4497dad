namespace CoachBot.Coaching.Escalations;

/// <summary>Action ids on escalation card buttons. The value is the escalation's numeric id.</summary>
public static class EscalationActions
{
    public const string Prefix = "esc.";
    public const string Acknowledge = "esc.ack";
    public const string Resolve = "esc.resolve";
    public const string Reassign = "esc.reassign";
    public const string Snooze = "esc.snooze";
    public const string Note = "esc.note";
}
