using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Conversation;

namespace CoachBot.Coaching.Nudges.History;

/// <summary>Redraws a pressed nudge with its original words: the composer re-renders the choice stored for the delivery.</summary>
public sealed class HistoryNudgeRecall(NudgeHistory history, INudgeSource nudges) : INudgeRecall
{
    public async Task<CoachMessage?> RecallAsync(long repPersonId, Guid deliveryId, CancellationToken cancellationToken)
    {
        var sent = await history.FindAsync(deliveryId, cancellationToken);
        if (sent is null || sent.PersonId != repPersonId)
        {
            return null;
        }

        return await nudges.ComposeNudgeAsync(repPersonId, deliveryId, sent.SentAt, cancellationToken);
    }
}
