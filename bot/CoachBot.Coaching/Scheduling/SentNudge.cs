namespace CoachBot.Coaching.Scheduling;

/// <summary>A nudge the ledger shows as sent, and when (if ever) the rep answered it.</summary>
public sealed record SentNudge(Guid DeliveryId, DateTimeOffset SentAt, DateTimeOffset? AnsweredAt)
{
    public bool Answered => AnsweredAt is not null;
}
