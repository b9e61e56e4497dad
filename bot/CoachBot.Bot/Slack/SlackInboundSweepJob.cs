using CoachBot.Jobs.Hosting;
using CoachBot.Platforms.Slack;
using Hangfire;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Slack;

/// <summary>
/// Re-enqueues recorded requests whose job was never created (a crash between recording and enqueueing), and prunes
/// dedupe keys after a day (Slack's retries end within minutes) and finished requests after a week.
/// </summary>
public sealed class SlackInboundSweepJob(SlackInboundStore store, IBackgroundJobClient jobs, ILogger<SlackInboundSweepJob> logger)
{
    public const string RecurringId = "slack-inbound-sweep";
    private static readonly TimeSpan StrandedAfter = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan KeepDedupeKeys = TimeSpan.FromDays(1);
    private static readonly TimeSpan KeepFinished = TimeSpan.FromDays(7);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var stranded = await store.ListStrandedAsync(StrandedAfter, cancellationToken);
        foreach (var id in stranded)
        {
            jobs.Enqueue<SlackInboundJob>(JobQueues.Send, job => job.RunAsync(id, CancellationToken.None));
        }

        if (stranded.Count > 0)
        {
            SlackEndpointLog.Swept(logger, stranded.Count);
        }

        await store.PruneAsync(KeepDedupeKeys, KeepFinished, cancellationToken);
    }

    /// <summary>Registers the sweep at start, and again if Hangfire's schema had to be rebuilt.</summary>
    public sealed class Schedule(IRecurringJobManager recurring, IOptions<SlackOptions> options) : IRecurringJobRegistrar
    {
        public void RegisterRecurringJobs()
        {
            var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
            recurring.AddOrUpdate<SlackInboundSweepJob>(RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), utc);
            // Unfinished installs leave a state row each; without OAuth there are none to sweep.
            if (options.Value.OAuthEnabled)
            {
                recurring.AddOrUpdate<SlackInstallStateSweepJob>(SlackInstallStateSweepJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Hourly(), utc);
            }
            else
            {
                recurring.RemoveIfExists(SlackInstallStateSweepJob.RecurringId);
            }
        }
    }
}
