using CoachBot.Coaching.Escalations;
using CoachBot.Jobs.Escalations;
using Hangfire;
using Hangfire.Storage;

namespace CoachBot.Bot.Demo;

/// <summary>
/// Escalation deadlines for the demo's fast-forward. They are Hangfire scheduled jobs stamped in demo time, but
/// Hangfire fires them by the real clock, so a fast-forwarded day would never remind the owner or reach the
/// skip-level. This finds the ones the demo clock has passed, takes each out of Hangfire's schedule (so it cannot run
/// a second time) and runs it inline, as the job would.
/// </summary>
internal sealed class DemoDeadlines(IServiceProvider services)
{
    // A demo team has a handful of open escalations, each with two deadlines.
    private const int MaxListed = 500;

    public DateTimeOffset? NextDue(DateTimeOffset until) =>
        Scheduled().Where(d => d.DueAt <= until).Select(d => (DateTimeOffset?)d.DueAt).Min();

    public async Task RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var jobs = services.GetRequiredService<IBackgroundJobClient>();
        var handler = services.GetRequiredService<EscalationDeadlineHandler>();
        foreach (var deadline in Scheduled().Where(d => d.DueAt <= now).OrderBy(d => d.DueAt))
        {
            // Delete succeeds only from the Scheduled state: if Hangfire already took the job, it runs there instead.
            if (jobs.Delete(deadline.JobId))
            {
                await handler.RunAsync(deadline.EscalationId, deadline.Stage, cancellationToken);
            }
        }
    }

    // Without the jobs server (Jobs:Enabled=false) there is no schedule to look at.
    private IEnumerable<Deadline> Scheduled()
    {
        if (services.GetService<JobStorage>() is not { } storage)
        {
            yield break;
        }

        var monitoring = storage.GetMonitoringApi();
        foreach (var (jobId, job) in monitoring.ScheduledJobs(0, MaxListed))
        {
            if (job is { InScheduledState: true, EnqueueAt: { } at, Job: { Type: var type, Args: [long escalationId, EscalationStage stage, ..] } }
                && type == typeof(EscalationDeadlineJob))
            {
                yield return new Deadline(jobId, escalationId, stage, new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)));
            }
        }
    }

    private sealed record Deadline(string JobId, long EscalationId, EscalationStage Stage, DateTimeOffset DueAt);
}
