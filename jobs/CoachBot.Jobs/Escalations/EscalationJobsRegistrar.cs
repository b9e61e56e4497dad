using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoachBot.Jobs.Escalations;

// Registers the recurring job at start-up; a storage hiccup is logged rather than stopping the host.
internal sealed class EscalationJobsRegistrar(IRecurringJobManager recurring, ILogger<EscalationJobsRegistrar> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            recurring.AddOrUpdate<WeeklyBriefsJob>(WeeklyBriefsJob.RecurringId, job => job.RunAsync(CancellationToken.None), "0 8 * * 1",
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }
        catch (Exception ex)
        {
            Log.RecurringRegistrationFailed(logger, ex, WeeklyBriefsJob.RecurringId);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
