using CoachBot.Coaching.Chat;
using CoachBot.Jobs.Hosting;
using CoachBot.Platforms.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Jobs.Nudges;

/// <summary>
/// Sends one workspace's batch of deliveries, one lease per row. Idempotent: rows already sent, expired or held by
/// another instance are skipped; rows it cannot send now are handed to a later copy of this job.
/// </summary>
internal sealed class SendDeliveryBatchJob(
    DeliveryLedger ledger,
    DeliveryAttempt attempt,
    SharedRateGate gate,
    SendBatches batches,
    TimeProvider clock,
    IOptions<JobsOptions> options,
    ILogger<SendDeliveryBatchJob> logger)
{
    private static readonly string Owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public async Task RunAsync(Guid[] deliveryIds, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        for (var i = 0; i < deliveryIds.Length; i++)
        {
            var now = clock.GetUtcNow();
            var delivery = await ledger.ClaimAsync(deliveryIds[i], Owner, now, now - settings.MaxLateness, settings.DeliveryLease, cancellationToken);
            if (delivery is null || delivery.Status != "sending")
            {
                continue;
            }

            var (key, perSecond) = RateKey(delivery.Person, settings);
            var (reserved, wait) = await gate.TryReserveAsync(key, perSecond, settings.MaxRateWait, cancellationToken);
            if (!reserved)
            {
                // Throttled: give the worker back to other workspaces and come back when the slot frees up.
                await ledger.ReleaseAsync(delivery.Id, Owner, now + wait, reconcile: false, CancellationToken.None);
                batches.Reschedule(deliveryIds[i..], wait);
                Log.Throttled(logger, delivery.Person.WorkspaceId, deliveryIds.Length - i, wait);
                return;
            }

            if (wait > TimeSpan.Zero)
            {
                // The gate runs on the database clock, so this is real time even when tests fake the app clock.
                await Task.Delay(wait, cancellationToken);
            }

            var outcome = await attempt.RunAsync(delivery, Owner, cancellationToken);
            if (outcome.BlockFor is { } retryAfter)
            {
                await gate.BlockAsync(key, retryAfter, CancellationToken.None);
                batches.Reschedule(deliveryIds[i..], retryAfter);
                Log.RateLimited(logger, delivery.Person.WorkspaceId, retryAfter);
                return;
            }
        }

        await RescheduleLeftoversAsync(deliveryIds, cancellationToken);
    }

    public static (string Key, double PerSecond) RateKey(PersonKey person, JobsOptions settings) => person.Platform == ChatPlatform.Slack
        ? ($"slack:{person.WorkspaceId}:post", settings.SlackMessagesPerMinute / 60.0)
        : ($"teams:{person.WorkspaceId}", settings.TeamsRequestsPerSecond);

    // Rows put back for a retry with backoff would otherwise wait for the orphan sweep.
    private async Task RescheduleLeftoversAsync(Guid[] deliveryIds, CancellationToken cancellationToken)
    {
        var pending = await ledger.StillPendingAsync(deliveryIds, cancellationToken);
        if (pending.Count > 0)
        {
            var delay = pending.Min(p => p.NextAttemptAt) - clock.GetUtcNow();
            batches.Reschedule(pending.Select(p => p.Id).ToArray(), delay);
        }
    }
}
