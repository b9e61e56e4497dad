using CoachBot.Jobs.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Jobs.Nudges;

/// <summary>
/// The once-a-minute tick ("dispatch-nudges"): recompute cleared schedules, pick up orphaned deliveries, then claim
/// due reps in bounded batches until none are due, enqueueing send batches after each commit.
/// Safe to run on several instances at once: SKIP LOCKED splits the reps, the ledger's unique key stops doubles.
/// </summary>
internal sealed class DispatchNudgesJob(
    DueReps dueReps, Orphans orphans, SendBatches sendBatches, TimeProvider clock, IOptions<JobsOptions> options, ILogger<DispatchNudgesJob> logger)
{
    public const string RecurringId = "dispatch-nudges";

    // Bounds one tick; anything left is picked up by the next tick a minute later.
    private const int MaxRounds = 1000;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var batchSize = options.Value.DispatchBatchSize;
        var now = clock.GetUtcNow();
        var recomputed = 0;
        for (var round = 0; round < MaxRounds; round++)
        {
            var count = await dueReps.RecomputeAsync(now, batchSize, cancellationToken);
            recomputed += count;
            if (count < batchSize)
            {
                break;
            }
        }

        // A pending row older than a lease and the batch wait budget was never handed to a job (or its job was lost).
        var lost = await orphans.ReclaimAsync(now, options.Value.DeliveryLease * 5, batchSize * 10, cancellationToken);
        var batches = sendBatches.Enqueue(lost);

        var claimed = 0;
        var created = 0;
        var buffer = sendBatches.StartBuffer();
        try
        {
            for (var round = 0; round < MaxRounds; round++)
            {
                var batch = await dueReps.DispatchAsync(clock.GetUtcNow(), batchSize, cancellationToken);
                claimed += batch.Claimed;
                created += batch.Created.Count;
                buffer.Add(batch.Created);
                if (batch.Claimed < batchSize)
                {
                    break;
                }
            }
        }
        finally
        {
            // Committed rows must reach a send job even if the tick is cancelled (the orphan sweep is only the backstop).
            buffer.Flush();
        }

        Log.Dispatched(logger, recomputed, claimed, created, lost.Count, batches + buffer.Enqueued);
    }
}
