using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Nudges;

namespace CoachBot.Benchmarks;

/// <summary>Stands in for the nudge library, which is built separately: composing is not what is measured here.</summary>
internal sealed class BenchNudgeSource : INudgeSource
{
    public Task<CoachMessage> ComposeNudgeAsync(long repPersonId, Guid deliveryId, DateTimeOffset slotAt, CancellationToken cancellationToken) =>
        Task.FromResult(CoachMessage.Plain("Two minutes: which deal moves forward today?") with { DeliveryId = deliveryId });

    public Task<CoachMessage> ComposeFollowUpAsync(long repPersonId, Guid deliveryId, CancellationToken cancellationToken) =>
        Task.FromResult(CoachMessage.Plain("Still time for today's step.") with { DeliveryId = deliveryId });
}
