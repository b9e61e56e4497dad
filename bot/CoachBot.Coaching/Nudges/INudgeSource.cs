using CoachBot.Coaching.Chat;

namespace CoachBot.Coaching.Nudges;

/// <summary>
/// Seam between delivery (which decides when and sends) and the nudge library (which decides what and how).
/// Deterministic for the same delivery id, so a retried delivery sends the same words.
/// </summary>
public interface INudgeSource
{
    /// <summary>The nudge for this delivery, with <see cref="CoachMessage.DeliveryId"/> set; records which intent was chosen.</summary>
    Task<CoachMessage> ComposeNudgeAsync(long repPersonId, Guid deliveryId, DateTimeOffset slotAt, CancellationToken cancellationToken);

    /// <summary>The single follow-up for an unanswered nudge.</summary>
    Task<CoachMessage> ComposeFollowUpAsync(long repPersonId, Guid deliveryId, CancellationToken cancellationToken);
}
