using CoachBot.Jobs.Hosting;
using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoachBot.Jobs.Escalations;

// Registers the recurring jobs at start-up; a storage hiccup is logged rather than stopping the host.
internal sealed class EscalationJobsRegistrar(IRecurringJobManager recurring, ILogger<EscalationJobsRegistrar> logger) : IHostedService, IRecurringJobRegistrar
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        RegisterRecurringJobs();
        return Task.CompletedTask;
    }

    public void RegisterRecurringJobs()
    {
        Register(WeeklyBriefsJob.RecurringId, () => recurring.AddOrUpdate<WeeklyBriefsJob>(
            WeeklyBriefsJob.RecurringId, job => job.RunAsync(CancellationToken.None), "0 8 * * 1", Utc));
        Register(MissedNudgesJob.RecurringId, () => recurring.AddOrUpdate<MissedNudgesJob>(
            MissedNudgesJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Hourly(), Utc));
        Register(EscalationRepairJob.RecurringId, () => recurring.AddOrUpdate<EscalationRepairJob>(
            EscalationRepairJob.RecurringId, job => job.RunAsync(CancellationToken.None), "*/5 * * * *", Utc));
    }

    private static RecurringJobOptions Utc => new() { TimeZone = TimeZoneInfo.Utc };

    private void Register(string id, Action register)
    {
        try
        {
            register();
        }
        catch (Exception ex)
        {
            Log.RecurringRegistrationFailed(logger, ex, id);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
