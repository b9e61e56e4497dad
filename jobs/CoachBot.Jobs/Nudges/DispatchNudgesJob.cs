using System.Diagnostics;
using System.Threading.Channels;
using CoachBot.Coaching.Telemetry;
using CoachBot.Jobs.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Jobs.Nudges;

/// <summary>
/// The once-a-minute tick ("dispatch-nudges"): recompute cleared schedules, pick up orphaned deliveries, then claim
/// due reps in batches of thousands until none are due, enqueueing send batches as each claim commits.
/// Safe to run on several instances at once: SKIP LOCKED splits the reps, the ledger's unique key stops doubles.
/// </summary>
internal sealed class DispatchNudgesJob(
    DueReps dueReps, Orphans orphans, SendBatches sendBatches, TimeProvider clock, IOptions<JobsOptions> options, ILogger<DispatchNudgesJob> logger,
    CoachBotMetrics? metrics = null)
{
    public const string RecurringId = "dispatch-nudges";

    // Bounds one tick; anything left is picked up by the next tick a minute later.
    private const int MaxRounds = 1000;

    // Creating a Hangfire job is a few round trips and a commit of its own, so a tick of 100,000 reps (1,000 send jobs)
    // spends longer enqueueing than claiming. A few enqueuers, fed as each claim commits, overlap the two.
    private const int Enqueuers = 4;

    // Claim loops per tick, each on its own connection: the per-row work (lock, advance, ledger insert and its key
    // checks) is the database's CPU, and SKIP LOCKED lets two loops split the due reps exactly as two instances do.
    private const int Claimers = 2;

    public Task RunAsync(CancellationToken cancellationToken) => TickAsync(cancellationToken);

    public async Task<DispatchTick> TickAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
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
        var claimStarted = Stopwatch.GetTimestamp();
        var committed = Channel.CreateUnbounded<IReadOnlyList<NewDelivery>>();
        var enqueuers = Enumerable.Range(0, Enqueuers).Select(_ => Task.Run(() => EnqueueAsync(committed.Reader))).ToArray();
        TimeSpan claimTime;
        try
        {
            // A tick that fits in one batch stays one batch (one claimer, whole send batches); only more work than that
            // is split between the claim loops.
            var first = await dueReps.DispatchAsync(clock.GetUtcNow(), batchSize, cancellationToken);
            committed.Writer.TryWrite(first.Created);
            claimed = first.Claimed;
            created = first.Created.Count;
            if (first.Claimed == batchSize)
            {
                var claims = await Task.WhenAll(Enumerable.Range(0, Claimers).Select(_ => Task.Run(() => ClaimAllAsync(batchSize, committed.Writer, cancellationToken))));
                claimed += claims.Sum(c => c.Claimed);
                created += claims.Sum(c => c.Created);
            }
        }
        finally
        {
            // Committed rows must reach a send job even if the tick is cancelled (the orphan sweep is only the backstop),
            // so the enqueuers drain everything already claimed before the tick returns or rethrows.
            claimTime = Stopwatch.GetElapsedTime(claimStarted);
            committed.Writer.Complete();
            batches += (await Task.WhenAll(enqueuers)).Sum();
        }

        var tick = new DispatchTick(claimed, created, claimTime, Stopwatch.GetElapsedTime(started));
        if (metrics is not null)
        {
            metrics.DispatcherTicked(tick.Elapsed, await dueReps.DueBacklogAsync(clock.GetUtcNow(), cancellationToken));
        }

        Log.Dispatched(logger, recomputed, claimed, created, lost.Count, batches);
        Log.DispatchTimed(logger, claimed, tick.ClaimTime.TotalMilliseconds, tick.Elapsed.TotalMilliseconds);
        return tick;
    }

    // One claim loop: batches until one comes back short (nothing left due that another claimer has not locked).
    private async Task<(int Claimed, int Created)> ClaimAllAsync(int batchSize, ChannelWriter<IReadOnlyList<NewDelivery>> committed, CancellationToken cancellationToken)
    {
        var claimed = 0;
        var created = 0;
        for (var round = 0; round < MaxRounds; round++)
        {
            var batch = await dueReps.DispatchAsync(clock.GetUtcNow(), batchSize, cancellationToken);
            claimed += batch.Claimed;
            created += batch.Created.Count;
            committed.TryWrite(batch.Created);
            if (batch.Claimed < batchSize)
            {
                break;
            }
        }

        return (claimed, created);
    }

    // Each enqueuer groups what it takes into full per-workspace batches; claims come in (next_due_at, workspace_id)
    // order, so a workspace is rarely split between enqueuers and the batches stay full.
    private async Task<int> EnqueueAsync(ChannelReader<IReadOnlyList<NewDelivery>> committed)
    {
        var buffer = sendBatches.StartBuffer();
        try
        {
            await foreach (var created in committed.ReadAllAsync(CancellationToken.None))
            {
                buffer.Add(created);
            }
        }
        finally
        {
            buffer.Flush();
        }

        return buffer.Enqueued;
    }
}

/// <summary>What one tick did: reps claimed, deliveries created, time spent claiming, and the whole tick.</summary>
internal sealed record DispatchTick(int Claimed, int Created, TimeSpan ClaimTime, TimeSpan Elapsed);
