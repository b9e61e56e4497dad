using CoachBot.Jobs.Hosting;
using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoachBot.Jobs.Nudges;

// Registers the two ticks at startup with stable ids, so restarts and extra instances update rather than add jobs.
internal sealed class RecurringNudgeJobs(IRecurringJobManager recurringJobs, ILogger<RecurringNudgeJobs> logger) : IHostedService, IRecurringJobRegistrar
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        RegisterRecurringJobs();
        return Task.CompletedTask;
    }

    public void RegisterRecurringJobs()
    {
        Register(DispatchNudgesJob.RecurringId, Job.FromExpression<DispatchNudgesJob>(j => j.RunAsync(CancellationToken.None), JobQueues.Dispatch));
        Register(FollowUpNudgesJob.RecurringId, Job.FromExpression<FollowUpNudgesJob>(j => j.RunAsync(CancellationToken.None), JobQueues.Dispatch));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Register(string id, Job job)
    {
        try
        {
            // Slots are computed per rep in their own zone; the tick itself only needs "every minute", in UTC.
            recurringJobs.AddOrUpdate(id, job, Cron.Minutely(), new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }
        catch (Exception ex)
        {
            Log.RegistrationFailed(logger, ex, id);
        }
    }
}
