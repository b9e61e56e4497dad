using CoachBot.Coaching.Managers;
using CoachBot.Jobs.Hosting;
using Hangfire;

namespace CoachBot.Jobs.Escalations;

/// <summary>Monday morning: each manager gets a DM with the week's brief for each of their reps (once per week).</summary>
public sealed class WeeklyBriefsJob(BriefService briefs)
{
    public const string RecurringId = "weekly-briefs";

    [Queue(JobQueues.Default)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task RunAsync(CancellationToken cancellationToken) => briefs.SendWeeklyAsync(cancellationToken);
}
