using CoachBot.Jobs.Hosting;
using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoachBot.Jobs.Goals;

// Registers the pace job at start-up; a storage hiccup is logged rather than stopping the host.
internal sealed class GoalJobsRegistrar(IRecurringJobManager recurring, ILogger<GoalJobsRegistrar> logger) : IHostedService, IRecurringJobRegistrar
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        RegisterRecurringJobs();
        return Task.CompletedTask;
    }

    public void RegisterRecurringJobs()
    {
        try
        {
            // Each rep's midpoint is in their own zone and hours; the job runs in UTC and asks each rep's clock.
            recurring.AddOrUpdate<GoalPaceJob>(GoalPaceJob.RecurringId, job => job.RunAsync(CancellationToken.None), "*/30 * * * *",
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }
        catch (Exception ex)
        {
            Escalations.Log.RecurringRegistrationFailed(logger, ex, GoalPaceJob.RecurringId);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
