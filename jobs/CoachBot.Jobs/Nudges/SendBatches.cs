using CoachBot.Jobs.Hosting;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Options;

namespace CoachBot.Jobs.Nudges;

/// <summary>
/// Hands deliveries to send jobs: ids only, one workspace or tenant per job, so a throttled workspace's jobs
/// reschedule themselves without holding anyone else's deliveries. Workspaces are interleaved in the queue.
/// </summary>
internal sealed class SendBatches(IBackgroundJobClient jobs, IOptions<JobsOptions> options)
{
    public int Enqueue(IEnumerable<NewDelivery> deliveries)
    {
        var size = options.Value.SendBatchSize;
        var perWorkspace = deliveries
            .GroupBy(d => d.WorkspaceId)
            .Select(g => g.Select(d => d.Id).Chunk(size).ToList())
            .ToList();
        var enqueued = 0;
        for (var round = 0; perWorkspace.Any(chunks => chunks.Count > round); round++)
        {
            foreach (var chunks in perWorkspace.Where(c => c.Count > round))
            {
                jobs.Create(Send(chunks[round]), new EnqueuedState(JobQueues.Send));
                enqueued++;
            }
        }

        return enqueued;
    }

    /// <summary>Collects deliveries across claim rounds and enqueues a workspace's batch as soon as it is full.</summary>
    public Buffer StartBuffer() => new(this, options.Value.SendBatchSize);

    public void Reschedule(Guid[] ids, TimeSpan delay) =>
        jobs.Create(Send(ids), delay <= TimeSpan.Zero ? new EnqueuedState(JobQueues.Send) : new ScheduledState(delay));

    private static Job Send(Guid[] ids) =>
        Job.FromExpression<SendDeliveryBatchJob>(job => job.RunAsync(ids, CancellationToken.None), JobQueues.Send);

    internal sealed class Buffer(SendBatches batches, int size)
    {
        private readonly Dictionary<long, List<Guid>> _open = [];

        public int Enqueued { get; private set; }

        public void Add(IEnumerable<NewDelivery> deliveries)
        {
            foreach (var delivery in deliveries)
            {
                if (!_open.TryGetValue(delivery.WorkspaceId, out var ids))
                {
                    _open[delivery.WorkspaceId] = ids = [];
                }

                ids.Add(delivery.Id);
                if (ids.Count == size)
                {
                    Enqueued += batches.Enqueue(ids.Select(id => new NewDelivery(id, delivery.WorkspaceId)));
                    ids.Clear();
                }
            }
        }

        public void Flush()
        {
            Enqueued += batches.Enqueue(_open.SelectMany(kv => kv.Value.Select(id => new NewDelivery(id, kv.Key))));
            _open.Clear();
        }
    }
}
