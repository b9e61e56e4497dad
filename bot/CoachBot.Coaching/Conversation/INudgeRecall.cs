using CoachBot.Coaching.Chat;

namespace CoachBot.Coaching.Conversation;

/// <summary>
/// Finds the message a delivery sent, so a pressed nudge can be redrawn with its new state instead of losing its text.
/// The nudge library implements it over its history; until then <see cref="NoNudgeRecall"/> redraws only the state.
/// </summary>
public interface INudgeRecall
{
    Task<CoachMessage?> RecallAsync(long repPersonId, Guid deliveryId, CancellationToken cancellationToken);
}

internal sealed class NoNudgeRecall : INudgeRecall
{
    public Task<CoachMessage?> RecallAsync(long repPersonId, Guid deliveryId, CancellationToken cancellationToken) =>
        Task.FromResult<CoachMessage?>(null);
}
