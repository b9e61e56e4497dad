using CoachBot.Coaching.Crm;
using Hangfire;
using Microsoft.Extensions.Options;

namespace CoachBot.Jobs.Crm;

/// <summary>Each connection's recurring sync (crm-sync-{id}, every Crm:SyncEvery in UTC) plus one-off runs, through Hangfire.</summary>
public sealed class HangfireCrmSyncSchedule(IRecurringJobManager recurring, IBackgroundJobClient jobs, IOptions<CrmOptions> options) : ICrmSyncSchedule
{
    public string? NotReady => null;

    public void Schedule(long connectionId) =>
        recurring.AddOrUpdate<CrmSyncJob>(CrmSyncJob.RecurringId(connectionId), job => job.RunAsync(connectionId, CancellationToken.None),
            Cron(options.Value.SyncEvery), new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });

    public void Unschedule(long connectionId) => recurring.RemoveIfExists(CrmSyncJob.RecurringId(connectionId));

    public void RunNow(long connectionId) => jobs.Enqueue<CrmSyncJob>(job => job.RunAsync(connectionId, CancellationToken.None));

    public void RunAfter(long connectionId, TimeSpan delay) => jobs.Schedule<CrmSyncJob>(job => job.RunAsync(connectionId, CancellationToken.None), delay);

    // The validator allows only whole minutes that divide an hour.
    internal static string Cron(TimeSpan every) => every.TotalMinutes >= 60 ? "0 * * * *" : $"*/{(int)every.TotalMinutes} * * * *";
}
