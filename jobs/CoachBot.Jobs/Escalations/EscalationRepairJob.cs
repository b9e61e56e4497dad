using CoachBot.Coaching.Escalations;
using CoachBot.Jobs.Hosting;
using Hangfire;

namespace CoachBot.Jobs.Escalations;

/// <summary>Every five minutes: escalations whose raise was cut short get their card and deadlines (see <see cref="EscalationRepair"/>).</summary>
public sealed class EscalationRepairJob(EscalationRepair repair)
{
    public const string RecurringId = "escalation-repair";

    [Queue(JobQueues.Default)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public Task RunAsync(CancellationToken cancellationToken) => repair.RunAsync(cancellationToken);
}
