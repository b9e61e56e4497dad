using CoachBot.Coaching.Goals;
using CoachBot.Jobs.Hosting;
using Hangfire;

namespace CoachBot.Jobs.Goals;

/// <summary>Every half hour: reps whose goal period has just passed its midpoint, in their working time, hear their pace (once per period).</summary>
public sealed class GoalPaceJob(PaceNotices pace)
{
    public const string RecurringId = "goal-pace";

    [Queue(JobQueues.Default)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task RunAsync(CancellationToken cancellationToken) => pace.SendDueAsync(cancellationToken);
}
