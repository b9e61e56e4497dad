using CoachBot.Coaching.Crm;
using CoachBot.Jobs.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoachBot.Jobs.Crm;

// Re-adds every active connection's recurring sync at start-up (and after Hangfire's schema was rebuilt); a storage
// hiccup is logged rather than stopping the host.
internal sealed class CrmJobsRegistrar(CrmConnections connections, ICrmSyncSchedule schedule, ILogger<CrmJobsRegistrar> logger) : IHostedService, IRecurringJobRegistrar
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
            foreach (var id in connections.ActiveAsync(CancellationToken.None).GetAwaiter().GetResult())
            {
                schedule.Schedule(id);
            }
        }
        catch (Exception ex)
        {
            Log.RegistrationFailed(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
