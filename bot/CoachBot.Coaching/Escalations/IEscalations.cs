namespace CoachBot.Coaching.Escalations;

public enum EscalationReason
{
    NeedHelp,
    LowConfidence,
    MissedNudges,
    Keyword,
}

/// <summary>
/// A rep's request for their manager. <paramref name="SharedText"/> is only set when the rep explicitly agreed to share it.
/// <paramref name="IdempotencyKey"/> makes a replayed raise a no-op (e.g. "delivery:{id}:need-help").
/// </summary>
public sealed record EscalationRequest(long RepPersonId, EscalationReason Reason, string? SharedText, string IdempotencyKey);

/// <summary>Seam between the rep conversation (raises) and the escalation workflow (owns the card, deadlines, states).</summary>
public interface IEscalations
{
    /// <summary>Opens an escalation (or returns the existing one for the same key) and returns its short id, e.g. "E-42".</summary>
    Task<string> RaiseAsync(EscalationRequest request, CancellationToken cancellationToken);
}
