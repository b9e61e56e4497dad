using System.Threading.Channels;
using CoachBot.Jobs.Hosting;
using Hangfire;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Slack;

/// <summary>
/// Runs <see cref="SlackInboundJob"/> for recorded Slack requests on the instances that run jobs, without a Hangfire
/// enqueue in the ack path: the slack_inbound row, written in the ack's one round trip, is the durable record. Requests
/// this instance recorded are handed over in memory; rows recorded elsewhere (an instance that runs no jobs) or left by a
/// crash are found by a poll of unclaimed rows, and the minutely sweep still re-enqueues any stranded row through
/// Hangfire. The job's claim makes every path safe to overlap: a row is worked once.
/// </summary>
internal sealed class SlackInboundLane(
    SlackInboundStore store, IServiceScopeFactory scopes, IBackgroundJobClient hangfire, IOptions<JobsOptions> jobs, ILogger<SlackInboundLane> logger)
    : BackgroundService
{
    private const int Workers = 16;
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);

    // Rows younger than this are left to the instance that recorded them, which has them in memory.
    private static readonly TimeSpan LeaveToRecorder = TimeSpan.FromSeconds(2);

    private readonly Channel<long> _ids = Channel.CreateBounded<long>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>True while this instance works recorded requests itself (it runs the job server).</summary>
    public bool Enabled => jobs.Value.RunServer;

    /// <summary>Hands a just-recorded request to a worker; when the lane is off or full, the poll (or the sweep) finds the row.</summary>
    public void Offer(long id)
    {
        if (Enabled)
        {
            _ids.Writer.TryWrite(id);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        var workers = Enumerable.Range(0, Workers).Select(_ => WorkAsync(stoppingToken)).ToList();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(PollEvery, stoppingToken);
                foreach (var id in await store.ListUnclaimedAsync(LeaveToRecorder, 500, stoppingToken))
                {
                    _ids.Writer.TryWrite(id);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                SlackEndpointLog.LanePollFailed(logger, ex.GetType().Name);
            }
        }

        _ids.Writer.TryComplete();
        await Task.WhenAll(workers);
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in _ids.Reader.ReadAllAsync(CancellationToken.None))
        {
            if (stoppingToken.IsCancellationRequested)
            {
                return; // the row stays unclaimed (or its claim lapses): the next start, another instance or the sweep takes it
            }

            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<SlackInboundJob>().RunAsync(id, CancellationToken.None);
            }
            catch (Exception ex)
            {
                // Retries belong to Hangfire (attempts, back-off); the row is marked so the poll leaves it alone, and the
                // sweep still finds it if those retries are lost too.
                SlackEndpointLog.LaneRunFailed(logger, id, ex);
                try
                {
                    await store.MarkRetryingAsync(id, CancellationToken.None);
                    hangfire.Enqueue<SlackInboundJob>(JobQueues.Send, job => job.RunAsync(id, CancellationToken.None));
                }
                catch (Exception handOver)
                {
                    SlackEndpointLog.LaneRunFailed(logger, id, handOver);
                }
            }
        }
    }
}
