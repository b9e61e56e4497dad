using CoachBot.Coaching.Chat;
using CoachBot.Jobs.Hosting;
using CoachBot.Platforms.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Jobs.Nudges;

/// <summary>
/// Sends one workspace's batch of deliveries in small chunks: one claim and one rate reservation per chunk (at the
/// platform's own rate, <see cref="SendReservations"/>), the chunk's sends in flight together at the reserved spacing,
/// each handed its prepaid slot, and the chunk's sent rows recorded in one ledger write (<see cref="DeliveryAttempt.RunChunkAsync"/>). Idempotent: rows already
/// sent, expired or leased by another instance are skipped; rows it cannot send now go to a later copy of this job.
/// While it holds the workspace's rate it carries on with that workspace's other due rows (bounded by Jobs:SendLaneBudget).
/// </summary>
internal sealed class SendDeliveryBatchJob(
    DeliveryLedger ledger,
    DeliveryAttempt attempt,
    SendReservations reservations,
    SendBatches batches,
    TimeProvider clock,
    IOptions<JobsOptions> options,
    ILogger<SendDeliveryBatchJob> logger)
{
    private static readonly string Owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public async Task RunAsync(Guid[] deliveryIds, CancellationToken cancellationToken)
    {
        var lane = await SendAllAsync(deliveryIds, cancellationToken);

        // Still holding the workspace's rate: keep sending its other due deliveries (batches that found it throttled
        // deferred theirs) instead of leaving the rate unused until Hangfire's scheduler wakes those batches up.
        // Their jobs later find the rows sent and do nothing. Bounded, so one big workspace cannot keep a worker forever.
        var until = clock.GetUtcNow() + options.Value.SendLaneBudget;
        while (lane is { } workspace && clock.GetUtcNow() < until)
        {
            var due = await ledger.DueInWorkspaceAsync(workspace, clock.GetUtcNow(), options.Value.SendBatchSize, cancellationToken);
            if (due.Length == 0)
            {
                break;
            }

            lane = await SendAllAsync(due, cancellationToken);
        }
    }

    /// <summary>Sends one batch; returns its workspace if it finished without giving up the rate (throttled, 429).</summary>
    private async Task<PersonKey?> SendAllAsync(Guid[] deliveryIds, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        PersonKey? workspace = null;
        for (var start = 0; start < deliveryIds.Length; start += settings.SendConcurrency)
        {
            var chunk = deliveryIds[start..Math.Min(deliveryIds.Length, start + settings.SendConcurrency)];
            var now = clock.GetUtcNow();
            var claimed = (await ledger.ClaimAsync(chunk, Owner, now, now - settings.MaxLateness, settings.DeliveryLease, cancellationToken))
                .Where(d => d.Status == "sending")
                .ToList();
            if (claimed.Count == 0)
            {
                continue;
            }

            workspace = claimed[0].Person;
            var reservation = await reservations.TryReserveAsync(claimed[0].Person, claimed.Count, settings.MaxRateWait, cancellationToken);
            if (!reservation.Reserved)
            {
                var wait = reservation.Wait;
                // Throttled: give the worker back to other workspaces and come back when the key frees up.
                foreach (var delivery in claimed)
                {
                    await ledger.ReleaseAsync(delivery.Id, Owner, now + wait, reconcile: false, CancellationToken.None);
                }

                await RescheduleAsync(deliveryIds[start..], wait);
                Log.Throttled(logger, claimed[0].Person.WorkspaceId, deliveryIds.Length - start, wait);
                return null;
            }

            // Each send is handed its prepaid slot and goes at the reserved spacing; the platform client must not reserve again.
            var outcomes = await attempt.RunChunkAsync(
                claimed.Select((d, i) => new PacedDelivery(d, reservation.NewSlot(), reservation.StartOf(i))).ToList(), Owner, cancellationToken);
            if (outcomes.Max(o => o.BlockFor) is { } retryAfter)
            {
                // The platform client already blocked the workspace's key for every instance; this batch steps aside.
                await RescheduleAsync(deliveryIds[start..], retryAfter);
                Log.RateLimited(logger, claimed[0].Person.WorkspaceId, retryAfter);
                return null;
            }
        }

        await RescheduleLeftoversAsync(deliveryIds, cancellationToken);
        return workspace;
    }

    private async Task RescheduleAsync(Guid[] rest, TimeSpan delay)
    {
        await ledger.DeferAsync(rest, clock.GetUtcNow() + delay, CancellationToken.None);
        batches.Reschedule(rest, delay);
    }

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
