using CoachBot.Coaching.Escalations;
using Hangfire;

namespace CoachBot.Jobs.Escalations;

/// <summary>Escalation deadlines as Hangfire scheduled jobs: stored in PostgreSQL, so they survive restarts.</summary>
public sealed class HangfireEscalationDeadlines(IBackgroundJobClient jobs) : IEscalationDeadlines
{
    public string Schedule(long escalationId, EscalationStage stage, DateTimeOffset dueAt) =>
        jobs.Schedule<EscalationDeadlineJob>(job => job.RunAsync(escalationId, stage, CancellationToken.None), dueAt);

    public void Cancel(string jobId) => jobs.Delete(jobId);
}
