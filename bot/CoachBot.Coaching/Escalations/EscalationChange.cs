namespace CoachBot.Coaching.Escalations;

/// <summary>The outcome of a manager's change: <paramref name="Changed"/> is false when it was already done (a double click).</summary>
public sealed record EscalationChange(bool Changed, Escalation Escalation, string Reply);
