using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Nudges;

namespace CoachBot.Testing.Scheduling;

/// <summary>Stands in for the nudge library: a fixed text per kind, stamped with the delivery id.</summary>
public sealed class FakeNudgeSource : INudgeSource
{
    public Task<CoachMessage> ComposeNudgeAsync(long repPersonId, Guid deliveryId, DateTimeOffset slotAt, CancellationToken cancellationToken) =>
        Task.FromResult(CoachMessage.Plain("Time for today's nudge") with { DeliveryId = deliveryId });

    public Task<CoachMessage> ComposeFollowUpAsync(long repPersonId, Guid deliveryId, CancellationToken cancellationToken) =>
        Task.FromResult(CoachMessage.Plain("Following up") with { DeliveryId = deliveryId });
}
