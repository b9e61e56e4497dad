using Hangfire;

namespace CoachBot.Bot.Demo;

internal sealed class RecurringJobNudgeTrigger(IServiceProvider services, ILogger<RecurringJobNudgeTrigger> logger) : IDemoNudgeTrigger
{
    public const string DispatcherJobId = "dispatch-nudges";

    public Task RunDueNowAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<IRecurringJobManager>() is not IRecurringJobManagerV2 jobs)
        {
            DemoLog.NoDispatcher(logger, DispatcherJobId);
            return Task.CompletedTask;
        }

        try
        {
            if (jobs.TriggerJob(DispatcherJobId) is null)
            {
                DemoLog.NoDispatcher(logger, DispatcherJobId);
            }
        }
        catch (InvalidOperationException)
        {
            DemoLog.NoDispatcher(logger, DispatcherJobId);
        }

        return Task.CompletedTask;
    }
}
