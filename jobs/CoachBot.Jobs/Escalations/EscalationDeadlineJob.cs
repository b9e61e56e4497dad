using CoachBot.Coaching.Escalations;
using CoachBot.Jobs.Hosting;
using Hangfire;

namespace CoachBot.Jobs.Escalations;

/// <summary>Fires at an escalation's reminder or skip-level moment; the handler re-checks the state, so late or replayed runs are harmless.</summary>
public sealed class EscalationDeadlineJob(EscalationDeadlineHandler handler)
{
    [Queue(JobQueues.Default)]
    [AutomaticRetry(Attempts = 5)]
    public Task RunAsync(long escalationId, EscalationStage stage, CancellationToken cancellationToken) =>
        handler.RunAsync(escalationId, stage, cancellationToken);
}
